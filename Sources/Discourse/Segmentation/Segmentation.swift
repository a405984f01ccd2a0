/// The segmenter's answer for one file: a kind per line, where the comment section starts, and how
/// sure it is.
public struct Segmentation: Sendable {
    /// One kind per input line (blank lines take the kind of the section they sit in).
    public var kinds: [LineKind]
    /// 0-based index of the first line of the comment section (furniture included), or nil.
    public var firstCommentLine: Int?
    /// 0..1: for a file with comments, how sure the boundary is; for one without, how sure the file
    /// has none.
    public var confidence: Double
    /// Why each line scored as it did, when the segmenter was asked to explain (else empty).
    public var evidence: [LineEvidence]
    /// Whether comment furniture opens each comment (true), closes it (false), or was not found (nil):
    /// tells `CommentExtractor` how to group lines into comments.
    public var furnitureFirst: Bool?
    /// Which comment each furniture line describes (one per line, or empty when the file has no
    /// furniture layout): a run between two texts holds the previous comment's trailer and the next
    /// comment's header. ``CommentExtractor`` reads authors and dates by it.
    package var furnitureRoles: [FurnitureRole]

    package init(
        kinds: [LineKind], firstCommentLine: Int?, confidence: Double, evidence: [LineEvidence] = [],
        furnitureFirst: Bool? = nil, furnitureRoles: [FurnitureRole] = []
    ) {
        self.kinds = kinds
        self.firstCommentLine = firstCommentLine
        self.confidence = confidence
        self.evidence = evidence
        self.furnitureFirst = furnitureFirst
        self.furnitureRoles = furnitureRoles
    }

    /// 0-based indices of every line in the comment section.
    public var commentSectionLines: [Int] {
        guard let first = firstCommentLine else { return [] }
        return Array(first..<kinds.count)
    }

    /// Number of lines before the comment section that are article text (`body`).
    public var articleLineCount: Int {
        let end = firstCommentLine ?? kinds.count
        return kinds[..<end].reduce(0) { $0 + ($1 == .body ? 1 : 0) }
    }

    /// Runs of equal kinds, 0-based inclusive.
    public var segments: [Segment] {
        var result: [Segment] = []
        for (i, kind) in kinds.enumerated() {
            if let last = result.last, last.kind == kind, last.end == i - 1 {
                result[result.count - 1].end = i
            } else {
                result.append(Segment(kind: kind, start: i, end: i))
            }
        }
        return result
    }
}

/// A run of lines of one kind (0-based, inclusive).
public struct Segment: Sendable, Equatable {
    /// What the lines are.
    public var kind: LineKind
    /// First line of the run (0-based).
    public var start: Int
    /// Last line of the run (0-based, inclusive).
    public var end: Int

    /// A run of `kind` from line `start` through line `end`.
    public init(kind: LineKind, start: Int, end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
    }
}

/// The features that moved one line towards "comment" (positive) or "article" (negative).
public struct LineEvidence: Sendable {
    /// 0-based line index.
    public var line: Int
    /// The line's total comment log-odds.
    public var score: Double
    /// (feature name, contribution), largest magnitude first.
    public var contributions: [(feature: String, weight: Double)]
}
