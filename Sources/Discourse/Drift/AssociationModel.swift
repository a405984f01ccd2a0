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
            if let bad = appendNeighbours(row[2]) {
                throw .badLine(path: table.path, line: row.line, reason: "neighbour '\(bad)' is not word:weight")
            }
            let entry = Entry(topicality: Float(t), start: start, end: Int32(neighbourKeys.count))
            entries.update(TermHash.of(normalized: row[0]), initial: entry) { $0 = entry }
        }
    }

    /// Appends the `word:weight` items of one neighbours field (separated by spaces; weights in
    /// thousandths); returns the first item that is not of that form, nil when all are.
    ///
    /// Scans the field's UTF-8 bytes and hashes each word in place: the embedded table has some
    /// 87,000 items, and splitting them into strings cost more than all the rest of loading it.
    /// - Complexity: linear in the field's bytes.
    private mutating func appendNeighbours(_ field: String) -> String? {
        var field = field
        return field.withUTF8 { bytes -> String? in
            let n = bytes.count
            var i = 0
            while i < n {
                if bytes[i] == Self.space {
                    i += 1
                    continue
                }
                var end = i
                var colon = -1
                while end < n, bytes[end] != Self.space {
                    if bytes[end] == Self.colon { colon = end }
                    end += 1
                }
                let item = UnsafeBufferPointer(rebasing: bytes[i..<end])
                guard colon > i, let w = Self.weight(UnsafeBufferPointer(rebasing: bytes[(colon + 1)..<end])), w > 0
                else { return String(decoding: item, as: UTF8.self) }
                neighbourKeys.append(TermHash.add(TermHash.seed, UnsafeBufferPointer(rebasing: bytes[i..<colon])))
                neighbourWeights.append(Float(w / 1000))
                i = end
            }
            return nil
        }
    }

    static let space = UInt8(ascii: " ")
    static let colon = UInt8(ascii: ":")

    /// A weight: plain digits read directly (the table's form), anything else as `Double` reads it.
    static func weight(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty else { return nil }
        if bytes.count <= 9, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return Double(bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) })
        }
        return Double(String(decoding: bytes, as: UTF8.self))
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
