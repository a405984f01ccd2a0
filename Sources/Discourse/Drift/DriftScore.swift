/// How far one comment strays from the topic, as `DriftScorer` measured it.
///
/// Every value is 0..1, higher = further off topic, 0.5 = no evidence either way.
public struct DriftScore: Sendable, Equatable {
    /// Off the topic of the article as its readers discuss it: the article model, enriched with
    /// the words of the other comments that themselves fit the article (relevance feedback, leave
    /// one out), then put relative to the thread's other comments (0.5 = as far off as they are on
    /// average), since the raw scale differs from article to article. Without an article: off the
    /// topic of the rest of the discussion.
    public var drift: Double = 0.5
    /// 0..1: how much evidence `drift` rests on; grows with the number of content words that are
    /// evidence (half as much when there is no article to anchor the topic; a name or typo no model
    /// knows is none). 0 for a comment without content words.
    public var confidence: Double = 0
    /// Against the conversation so far (the article plus every earlier comment), so following a
    /// thread's own tangent scores low and changing the subject scores high. Nil when there is
    /// nothing before the comment (no article, first comment).
    public var threadDrift: Double?
    /// Against the article alone. Nil without an article.
    public var articleDrift: Double?
    /// Number of content words the scores rest on.
    public var termCount: Int = 0
    /// With `--explain`: the comment's words that fit the topic best, best first.
    public var onTopicTerms: [String] = []
    /// With `--explain`: the comment's words the topic explains worst (rarest unexplained first).
    public var offTopicTerms: [String] = []

    /// The score of a comment without evidence: drift 0.5 at confidence 0.
    public init() {}
}

/// Drift for every comment of a file, in order, and how it moves over the thread.
package struct DriftReport: Sendable {
    package var scores: [DriftScore]
    /// Least-squares slope of `drift` over comment order (per comment, weighted by confidence):
    /// positive when the thread wanders away from the article as it goes on. Nil with fewer than
    /// three comments that have content words.
    package var trend: Double?
    /// Whether an article with content words anchored the models.
    package var hasArticle: Bool
}
