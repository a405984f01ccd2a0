/// The knobs of ``DriftScorer``, with the values it ships with.
///
/// They were chosen as round values where the dev set's AUC is flat (mu 1000-3000, feedback mass
/// 0.5-2 article lengths, temperature 0.2-1 all within 0.01 AUC), not fitted per item.
public struct DriftParameters: Sendable {
    /// Dirichlet prior mass of the topic models (in content words).
    public var mu: Double = 2000
    /// Largest weight of a bigram estimate against the unigram one.
    public var bigramWeight: Double = 0.5
    /// Total weight of the reader-discussion feedback, in article lengths (content words).
    public var feedbackMass: Double = 1
    /// Article length assumed for the feedback mass when the article is shorter.
    public var minimumFeedbackMass: Double = 200
    /// Softness of the feedback weights: a comment whose article fit (nats per word) is this much
    /// above the thread's median gets weight 0.73, this much below 0.27.
    public var feedbackTemperature: Double = 0.3
    /// Mean log-likelihood ratio (nats per content word) at which drift is 0.5: a comment whose
    /// words the topic model explains 0.25 nats better than general English is on the fence.
    public var midpoint: Double = 0.25
    /// Slope of the logistic squash from nats per word to 0..1.
    public var steepness: Double = 4
    /// Content words at which confidence reaches 0.5; shorter comments shrink towards 0.5.
    public var confidenceWords: Double = 6

    public init() {}
}
