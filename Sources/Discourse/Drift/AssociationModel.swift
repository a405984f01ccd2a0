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
            var neighbours = row[2]
            let parsed = neighbours.withUTF8 {
                Self.appendASCIINeighbours($0, keys: &neighbourKeys, weights: &neighbourWeights)
            }
            if !parsed {
                neighbourKeys.removeSubrange(Int(start)...)
                neighbourWeights.removeSubrange(Int(start)...)
                try appendNeighbours(row, path: table.path)
            }
            let entry = Entry(topicality: Float(t), start: start, end: Int32(neighbourKeys.count))
            entries.update(TermHash.of(normalized: row[0]), initial: entry) { $0 = entry }
        }
    }

    /// Reads `neighbour:weight …` from an ASCII field by its bytes (most of the start-up time was
    /// this field's `Character` split): words split on spaces, the weight after a word's last
    /// colon. False, with nothing appended that the caller keeps, for anything else (non-ASCII, a
    /// weight that is not a plain integer, a malformed item): ``appendNeighbours(_:path:)`` then
    /// reads the row as `Character`s and names what is wrong. Integer weights below 2^53 convert
    /// to the same `Double` as the character parse.
    private static func appendASCIINeighbours(
        _ p: UnsafeBufferPointer<UInt8>, keys: inout [UInt64], weights: inout [Float]
    ) -> Bool {
        let n = p.count
        var i = 0
        while i < n {
            if p[i] >= 0x80 { return false }
            if p[i] == 0x20 {
                i += 1
                continue
            }
            var end = i
            var colon = -1
            while end < n && p[end] != 0x20 {
                if p[end] >= 0x80 { return false }
                if p[end] == 0x3A { colon = end }
                end += 1
            }
            guard colon > i, end - colon - 1 >= 1, end - colon - 1 <= 15 else { return false }
            var w = 0
            for k in (colon + 1)..<end {
                guard ASCII.isDigit(p[k]) else { return false }
                w = w * 10 + Int(p[k] - 0x30)
            }
            guard w > 0 else { return false }
            keys.append(TermHash.add(TermHash.seed, UnsafeBufferPointer(rebasing: p[i..<colon])))
            weights.append(Float(Double(w) / 1000))
            i = end
        }
        return true
    }

    /// The `Character`-level reading of a row's neighbours, with the message for a bad item.
    private mutating func appendNeighbours(_ row: TSVTable.Row, path: String) throws(LexiconError) {
        for item in row[2].split(separator: " ") {
            guard let colon = item.lastIndex(of: ":"), colon != item.startIndex,
                let w = Double(item[item.index(after: colon)...]), w > 0
            else {
                throw .badLine(path: path, line: row.line, reason: "neighbour '\(item)' is not word:weight")
            }
            neighbourKeys.append(TermHash.of(normalized: String(item[..<colon])))
            neighbourWeights.append(Float(w / 1000))
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
