/// The segmenter's word lists (`Lexicons/segmenter-cues.tsv`), as hashed term sets per category.
///
/// Cues are data, not code, so a user or a later issue can extend them without touching the model.
public struct SegmenterCues: Sendable {
    public enum Category: String, CaseIterable, Sendable {
        case firstPerson = "first_person"
        case firstPersonPlural = "first_person_plural"
        case secondPerson = "second_person"
        case stopword
        case closing
        case chat
        case callToComment = "call_to_comment"
        case reaction
        case address
        case metaReference = "meta_reference"
        case praise
        case reporting
        case boilerplate
        case furniture
        case month
        case weekday
        case timeUnit = "time_unit"
        case meridiem
    }

    var sets: [Category: Set<UInt64>] = [:]
    /// Word log-odds of comment vs news register (`Lexicons/segmenter-register.tsv`), by term key.
    var register: [UInt64: Float] = [:]
    /// Longest cue in tokens, so n-gram scans know where to stop.
    public private(set) var maxLength = 1

    public static let header = ["cue", "category"]

    /// The cues compiled into the binary. Parsed once, on first use.
    public static let embedded: SegmenterCues = {
        do {
            var cues = try SegmenterCues(table: EmbeddedLexicon.table("segmenter-cues.tsv", expectedHeader: header))
            try cues.loadRegister(EmbeddedLexicon.table("segmenter-register.tsv", expectedHeader: ["term", "weight"]))
            return cues
        } catch {
            fatalError("built-in lexicon is broken: \(error)")
        }
    }()

    public init(table: TSVTable) throws(LexiconError) {
        for row in table.rows {
            guard let category = Category(rawValue: row[1]) else {
                throw .badLine(path: table.path, line: row.line, reason: "unknown cue category '\(row[1])'")
            }
            let tokens = Tokenizer.tokenize(row[0])
            guard !tokens.isEmpty else {
                throw .badLine(path: table.path, line: row.line, reason: "empty cue")
            }
            sets[category, default: []].insert(tokens.key(from: 0, count: tokens.count))
            maxLength = max(maxLength, tokens.count)
        }
    }

    /// Adds the word register table (term, weight).
    public mutating func loadRegister(_ table: TSVTable) throws(LexiconError) {
        for row in table.rows {
            guard let weight = TSVTable.number(row[1]) else {
                throw .badLine(path: table.path, line: row.line, reason: "'\(row[1])' is not a number")
            }
            register[TermHash.of(normalized: row[0])] = Float(weight)
        }
    }

    /// The register weight of a word key (0 when the word is not in the table).
    @inline(__always)
    public func registerWeight(_ key: UInt64) -> Float { register[key] ?? 0 }

    public func contains(_ key: UInt64, in category: Category) -> Bool {
        sets[category]?.contains(key) ?? false
    }

    /// Length in tokens of the longest cue of `category` starting at token `i`, or 0.
    public func match(_ text: TokenizedText, at i: Int, in category: Category) -> Int {
        guard let set = sets[category] else { return 0 }
        var best = 0
        var h = text[i].key
        var n = 1
        while true {
            if set.contains(h) { best = n }
            if n >= maxLength || i + n >= text.count { break }
            h = text.extend(h, with: i + n)
            n += 1
        }
        return best
    }
}
