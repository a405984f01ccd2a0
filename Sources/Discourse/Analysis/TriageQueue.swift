/// One moderation queue across every input: comments ordered most urgent first.
///
/// Order: `priority` descending; ties keep input order (file order, then position in the file), so
/// the same inputs always give the same queue. With a `limit` the queue keeps only that many items
/// while it fills, so `--top 20` over a large directory stays small in memory.
public struct TriageQueue: Sendable {
    /// One queued comment.
    public struct Item: Sendable {
        /// The comment and its scores (its tokens dropped: the queue only prints).
        public var row: ScoredComment
        /// The comment's file, as its report names it.
        public var file: String
        /// Position in input order, the tie-breaker.
        public var order: Int

        /// "file:line".
        public var location: String { "\(file):\(row.comment.line)" }
    }

    /// Comments below this priority are left out.
    public var minimumPriority: Double
    /// Keep at most this many (nil: all).
    public var limit: Int?
    /// Queued comments in input order (see ``ranked()`` for the queue).
    public private(set) var items: [Item] = []
    /// Comments seen, before filtering.
    public private(set) var seen = 0
    /// Files added.
    public private(set) var files = 0

    /// An empty queue keeping comments at or above `minimumPriority`, at most `limit` of them.
    public init(minimumPriority: Double = 0, limit: Int? = nil) {
        self.minimumPriority = minimumPriority
        self.limit = limit
    }

    /// Adds every comment of `report`.
    public mutating func add(_ report: FileReport) {
        files += 1
        for row in report.comments {
            defer { seen += 1 }
            guard row.triage.priority >= minimumPriority else { continue }
            var kept = row
            kept.comment.tokens = Self.noTokens  // the queue only prints; drop the token arrays
            items.append(Item(row: kept, file: report.file, order: seen))
        }
        if let limit, items.count > max(64, 2 * limit) { trim(to: limit) }
    }

    /// The queue, most urgent first, filtered and cut to `limit`.
    public func ranked() -> [Item] {
        var sorted = items.sorted(by: Self.before)
        if let limit, sorted.count > limit { sorted.removeLast(sorted.count - limit) }
        return sorted
    }

    static func before(_ a: Item, _ b: Item) -> Bool {
        a.row.triage.priority != b.row.triage.priority
            ? a.row.triage.priority > b.row.triage.priority : a.order < b.order
    }

    private mutating func trim(to limit: Int) {
        items.sort(by: Self.before)
        items.removeLast(items.count - limit)
    }

    static let noTokens = Tokenizer.tokenize("")
}
