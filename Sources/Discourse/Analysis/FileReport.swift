import Foundation

/// A comment with every score the analyzer computed for it. Renderers read rows of these.
public struct ScoredComment: Sendable {
    /// The comment as found in the file.
    public var comment: Comment
    /// Topic drift (see ``DriftScore``).
    public var drift = DriftScore()
    /// The comment's sentiment (see ``SentimentScore``).
    public var sentiment: SentimentScore
    /// Moderation triage scores (see ``TriageScores``).
    public var triage: TriageScores = .none

    /// A row with its sentiment; drift and triage are filled in by the analyzer.
    public init(comment: Comment, sentiment: SentimentScore) {
        self.comment = comment
        self.sentiment = sentiment
    }
}

/// Everything the analyzer found in one document: the segmentation, the scored comments, and the
/// per-file figures of the summary line.
public struct FileReport: Sendable {
    /// The document's name (a path, "-" for stdin, or a stream record's id).
    public var file: String
    /// Number of input lines.
    public var lineCount: Int
    /// Where the article ends and the comments begin, and how sure.
    public var segmentation: Segmentation
    /// Every comment with its scores, in file order.
    public var comments: [ScoredComment]
    /// What was odd about the input (a replaced encoding, a capped line), reported and kept.
    public var warnings: [InputWarning]
    /// Slope of drift over comment order (see `DriftReport/trend`).
    public var driftTrend: Double?
    /// Why the file's comments were withheld (its segmentation confidence is below the caller's
    /// minimum, `--min-confidence`), or nil when they are reported.
    public var withheld: String?
    /// The figures of the comments when their rows were streamed out rather than kept
    /// (``CommentStream``; `comments` is then empty), else nil.
    package var tally: CommentTally?

    /// Number of comments found, kept or streamed.
    package var commentCount: Int { tally?.count ?? comments.count }

    /// A report from its parts (``Analyzer/analyze(_:)`` builds them).
    public init(
        file: String, lineCount: Int, segmentation: Segmentation, comments: [ScoredComment],
        warnings: [InputWarning] = []
    ) {
        self.file = file
        self.lineCount = lineCount
        self.segmentation = segmentation
        self.comments = comments
        self.warnings = warnings
    }

    /// Withholds the comments when the segmentation's confidence is below `minimum`: for users
    /// who prefer no rows to rows from a wrong boundary. The segmentation itself is kept.
    public mutating func withhold(belowConfidence minimum: Double) {
        let confidence = segmentation.confidence
        guard confidence < minimum else { return }
        comments = []
        tally = nil
        driftTrend = nil
        withheld = "segmentation confidence \(String(format: "%.4f", confidence)) is below the minimum \(minimum)"
    }

    /// Article text lines (body only; header and boilerplate excluded).
    public var articleLineCount: Int { segmentation.articleLineCount }
}

/// What the per-file summary needs of a file's comments, added up as they stream by: the count,
/// the sentiment's sum (in file order, as the summary's mean adds them), extremes, and how many
/// reach a flag threshold.
package struct CommentTally: Sendable, Equatable {
    package var count = 0
    package var sentimentSum = 0.0
    package var sentimentMin: Double?
    package var sentimentMax: Double?
    /// The priority a comment needs to count as flagged.
    package var flagThreshold: Double
    package var flagged = 0

    package init(flagThreshold: Double) {
        self.flagThreshold = flagThreshold
    }

    package mutating func add(_ row: ScoredComment) {
        let s = row.sentiment.compound
        count += 1
        sentimentSum += s
        sentimentMin = min(sentimentMin ?? s, s)
        sentimentMax = max(sentimentMax ?? s, s)
        if row.triage.priority >= flagThreshold { flagged += 1 }
    }
}
