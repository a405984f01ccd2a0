/// What the drift models know about words beyond their frequency: which words a word predicts
/// (its associations) and how topical it is.
///
/// An on-topic comment often shares no word with the article ("knocked over" under a story about
/// scooters), and an off-topic one is told apart by words that clearly belong to another topic
/// ("referee"). Both need knowledge from outside the article:
/// - *neighbours* `P(b | a)`: the words whose presence in a text is most raised by `a`'s, used as a
///   translation model in ``TopicModel`` (a word the article's words predict is topic evidence);
/// - *topicality* `t(w)` in nats: how much more bursty `w` is than a word of its frequency spread at
///   random. A topical word the topic does not predict is evidence of another topic, so its prior in
///   the topic model is `Pbg(w) * exp(-topicalityWeight * t(w))` instead of `Pbg(w)`.
///
/// The embedded table is `Lexicons/drift-associations.tsv`, learned by
/// `scripts/build-drift-associations` from English Wikinews (CC BY 2.5) and Civil Comments (CC0)
/// only (see `Lexicons/README.md`).
package struct AssociationModel: Sendable {
    struct Entry: Sendable {
        var topicality: Float
        /// Range of this word's neighbours in `neighbourKeys` / `neighbourWeights`.
        var start: Int32
        var end: Int32
    }

    var entries: ModelTable<Entry>
    var neighbourKeys: [UInt64] = []
    var neighbourWeights: [Float] = []

    package static let header = ["word", "topicality", "neighbours"]

    /// The table compiled into the binary, parsed once on first use.
    package static let embedded: AssociationModel = {
        do {
            let table = try EmbeddedLexicon.table("drift-associations.tsv", expectedHeader: header)
            return try AssociationModel(table: table)
        } catch {
            fatalError("built-in lexicon is broken: \(error)")
        }
    }()

    /// No associations and no topicality: the drift models of version 1.
    package static let none = AssociationModel()

    init() { entries = ModelTable(filler: Entry(topicality: 0, start: 0, end: 0)) }

    /// Parses `word<TAB>topicality<TAB>neighbour:weight …` rows (weights in thousandths).
    package init(table: TSVTable) throws(LexiconError) {
        entries = ModelTable(minimumCapacity: table.rows.count, filler: Entry(topicality: 0, start: 0, end: 0))
        for row in table.rows {
            guard !row[0].isEmpty, let t = TSVTable.number(row[1]), t >= 0 else {
                throw .badLine(path: table.path, line: row.line, reason: "expected a word and a topicality >= 0")
            }
            let start = Int32(neighbourKeys.count)
            for item in row[2].split(separator: " ") {
                guard let colon = item.lastIndex(of: ":"), colon != item.startIndex,
                    let w = Double(item[item.index(after: colon)...]), w > 0
                else {
                    throw .badLine(
                        path: table.path, line: row.line, reason: "neighbour '\(item)' is not word:weight")
                }
                neighbourKeys.append(TermHash.of(normalized: String(item[..<colon])))
                neighbourWeights.append(Float(w / 1000))
            }
            let entry = Entry(topicality: Float(t), start: start, end: Int32(neighbourKeys.count))
            entries.update(TermHash.of(normalized: row[0]), initial: entry) { $0 = entry }
        }
    }

    /// Number of words with an entry.
    package var count: Int { entries.count }

    /// Topicality of the word with key `key` in nats (0 for a word the table does not know).
    @inline(__always)
    package func topicality(_ key: UInt64) -> Double {
        Double(entries[key]?.topicality ?? 0)
    }

    /// Calls `body` with every neighbour of the word with key `key` and its weight `P(b | a)`.
    @inline(__always)
    func forEachNeighbour(of key: UInt64, _ body: (UInt64, Double) -> Void) {
        guard let e = entries[key] else { return }
        for i in Int(e.start)..<Int(e.end) { body(neighbourKeys[i], Double(neighbourWeights[i])) }
    }
}
