/// The knobs of `DriftScorer`, with the values it ships with.
///
/// The version-1 knobs were set as round values where the dev set's AUC is flat (mu 1000-3000,
/// feedback mass 0.5-2 article lengths, within 0.01 AUC). Of the version-2 knobs,
/// `associationWeight`, `topicalityWeight`, `feedbackTemperature`, `feedbackRounds`,
/// `threadCentring`, `topicShare`, `unknownWordWeight`, `threadAgreementWeight` and
/// `articleAgreementWeight` are the values `scripts/eval-drift --grid …`
/// chose inside every fold over the dev articles (the commands and figures are in README.md);
/// `metaWeight` and `maximumFeedbackScale` are fixed by the reasoning in their docs. None is fitted
/// per item.
public struct DriftParameters: Sendable, Equatable {
    /// Dirichlet prior mass of the topic models (in content words).
    public var mu: Double = 2000
    /// Largest weight of a bigram estimate against the unigram one.
    public var bigramWeight: Double = 0.5
    /// Total weight of the reader-discussion feedback, in article lengths (content words).
    public var feedbackMass: Double = 1
    /// Article length assumed for the feedback mass when the article is shorter.
    public var minimumFeedbackMass: Double = 200
    /// Largest factor by which the other comments' words are scaled up to reach the feedback mass.
    /// In a short thread a handful of comments would otherwise stand for a whole article's worth of
    /// words, and one off-topic comment among them would pull the topic towards itself. 2: the
    /// discussion may count at most twice what it says (on the dev set 1, 2 and 4 are within 0.003).
    public var maximumFeedbackScale: Double = 2
    /// Softness of the feedback weights: a comment whose fit (nats per word) is this much
    /// above the thread's median gets weight 0.73, this much below 0.27.
    public var feedbackTemperature: Double = 0.1
    /// Feedback rounds (a whole number >= 1): each later round weighs the comments by the fit the
    /// previous round measured with the discussion's help, which tells the thread's own comments
    /// from injected ones better than the article alone. Each round costs one more pass.
    public var feedbackRounds: Double = 2
    /// Mean log-likelihood ratio (nats per content word) at which drift is 0.5: a comment whose
    /// words the topic model explains 0.25 nats better than general English is on the fence.
    public var midpoint: Double = 0.25
    /// Slope of the logistic squash from nats per word to 0..1.
    public var steepness: Double = 4
    /// Content words at which confidence reaches 0.5; shorter comments shrink towards 0.5.
    public var confidenceWords: Double = 6
    /// Share of the article model given to the words its words predict (`AssociationModel`).
    public var associationWeight: Double = 0.01
    /// How strongly a topical word the topic does not predict counts against it: its prior is
    /// lowered by this many times its topicality (nats). 0 (off): on the dev set every value tried
    /// (1-8) lowered the AUC, so the folds chose 0; kept as a knob for other data.
    public var topicalityWeight: Double = 0
    /// Share of the article model given to the meta words (`MetaWords`). 0.0035: the smallest round
    /// share (in steps of 0.0005) at which a comment made only of meta words stays on the on-topic
    /// side of `midpoint` for articles up to about 2,500 content words, with `topicShare` 0.7 and
    /// `associationWeight` 0.01 (the class's background mass is 0.0032, so a meta word's evidence is
    /// about `log(s * ((1 - a - m) * mu / (N + mu) + m / 0.0032) + 1 - s)`: 0.32 nats at m = 0.0035,
    /// 0.23 at 0.003). Not tuned: on the dev set, whose off-topic comments are often generic praise
    /// taken from other posts, any share costs AUC. The rule follows `topicShare` (0.003 at 1,
    /// 0.004 at 0.5), and the cross-validated grid moves the two together.
    public var metaWeight: Double = 0.0035
    /// How far `drift` is put relative to the rest of the thread (0: not at all, 1: the other
    /// comments' mean drift moves to 0.5, shrunk by m / (m + 1) for m other comments).
    public var threadCentring: Double = 1
    /// Share `s` of an on-topic comment's content words that the topic produces; the rest is
    /// general English (readers on topic still write plain words). Each word's evidence is
    /// `log(s * P_topic(w) / Pbg(w) + 1 - s)` instead of `log(P_topic(w) / Pbg(w))` (1: as if the
    /// topic wrote every word, drift v2): a word the topic does not use costs at most `log(1 - s)`
    /// nats (about a third of what it cost under a long article), a shared common word earns less,
    /// a shared rare word about as much. The dev set's misses are weak evidence (a comment from
    /// another article uses an unshared word about 1.3 times as often as one of the thread) and its
    /// common-word hits weaker than the plain ratio says. 0.7: chosen inside every fold from 0.5,
    /// 0.7 and 1 (with `metaWeight` following its rule).
    public var topicShare: Double = 0.7
    /// Weight of a word that general English does not know (a name, a typo, another language) when
    /// the topic model has never seen it: its background probability is only a floor, so its miss
    /// is no evidence either way; its hit still counts fully, and `drift_confidence` counts only the
    /// words that are evidence. 0: by that reasoning, and chosen inside every fold (from 0 and 1;
    /// 1 counts such a word as any other, as drift v2 did).
    public var unknownWordWeight: Double = 0
    /// Nats per word added to a comment's evidence per unit of TF-IDF cosine between it and the
    /// rest of its thread (the other comments as one text; `DriftAgreement`, with an article only),
    /// before the squash, so that the confidence shrinks it as it shrinks the rest. 0: off. 2.4:
    /// chosen inside every fold from 0, 1.2, 2.4, 4 and 8 (with `articleAgreementWeight`); an
    /// on-topic comment's cosine is typically a few hundredths to a few tenths.
    public var threadAgreementWeight: Double = 2.4
    /// Nats per word added per unit of TF-IDF cosine between a comment and the article
    /// (`DriftAgreement`). 2.4: chosen inside every fold from 0, 1.2, 2.4, 4 and 8.
    public var articleAgreementWeight: Double = 2.4
    /// Drift added per unit of a comment's off-topic share (with an article only; `DriftScorer.offTopicShare`):
    /// the share of its content words that neither the article, the words the article's words
    /// predict, the words that predict one of the article's, nor any other comment of the thread use,
    /// over its content words plus ``offTopicWords``. Added to `drift` after the squash, before the
    /// centring, so the confidence does not shrink it: positive evidence of another topic that does
    /// not grow with the comment's length. 0: off. 0.2: chosen inside every fold from 0, 0.1, 0.2 and
    /// 0.3 (with ``offTopicWords``).
    public var offTopicWeight: Double = 0.2
    /// Words added to the denominator of the off-topic share, so that a comment of two untied words
    /// does not reach a share of 1. 6 (the confidence's ``confidenceWords``): chosen inside every fold
    /// from 3 and 6.
    public var offTopicWords: Double = 6
    /// Share of the confidence kept without an article (`--all-comments`): the discussion alone is a
    /// weaker anchor than an article. 0.5 by principle (half), not tuned.
    package var noArticleConfidence: Double = 0.5

    /// The shipped values (see each property for how it was chosen).
    public init() {}

    /// The header an override file must start with.
    public static let header = ["parameter", "value"]

    /// Key paths are immutable values; the dictionary is never changed after initialisation.
    nonisolated(unsafe) static let names: [String: WritableKeyPath<DriftParameters, Double>] = [
        "mu": \.mu, "bigramWeight": \.bigramWeight, "feedbackMass": \.feedbackMass,
        "minimumFeedbackMass": \.minimumFeedbackMass, "maximumFeedbackScale": \.maximumFeedbackScale,
        "feedbackTemperature": \.feedbackTemperature, "midpoint": \.midpoint, "steepness": \.steepness,
        "confidenceWords": \.confidenceWords, "associationWeight": \.associationWeight,
        "topicalityWeight": \.topicalityWeight, "metaWeight": \.metaWeight,
        "feedbackRounds": \.feedbackRounds, "threadCentring": \.threadCentring,
        "noArticleConfidence": \.noArticleConfidence, "topicShare": \.topicShare,
        "unknownWordWeight": \.unknownWordWeight, "threadAgreementWeight": \.threadAgreementWeight,
        "articleAgreementWeight": \.articleAgreementWeight, "offTopicWeight": \.offTopicWeight,
        "offTopicWords": \.offTopicWords,
    ]

    /// The shipped values with the rows of `table` applied; names are the property names.
    /// The shipped values with the rows of a `parameter<TAB>value` file applied (`text` is the
    /// contents of `path`); an unknown name or a value that is not a number names its line.
    public init(path: String, overrides text: String) throws(LexiconError) {
        try self.init(overrides: TSVTable(path: path, text: text, expectedHeader: Self.header))
    }

    package init(overrides table: TSVTable) throws(LexiconError) {
        self.init()
        for row in table.rows {
            guard let path = Self.names[row[0]] else {
                throw .badLine(
                    path: table.path, line: row.line,
                    reason:
                        "unknown drift parameter '\(row[0])' (known: \(Self.names.keys.sorted().joined(separator: ", ")))"
                )
            }
            guard let value = TSVTable.number(row[1]) else {
                throw .badLine(path: table.path, line: row.line, reason: "'\(row[1])' is not a number")
            }
            self[keyPath: path] = value
        }
    }

    /// The shipped values (a caller that reads an override file passes `init(overrides:)`'s
    /// result to ``Analyzer`` instead).
    public static let standard = DriftParameters()
}
