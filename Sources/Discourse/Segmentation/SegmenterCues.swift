/// The segmenter's word lists (`Lexicons/segmenter-cues.tsv`) and word register weights
/// (`Lexicons/segmenter-register.tsv`), in one ``CueTable`` keyed by term hash.
///
/// Cues are data, not code, so a user or a later issue can extend them without touching the model.
package struct SegmenterCues: Sendable {
    package enum Category: String, CaseIterable, Sendable {
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
        /// Headings of a comment section: "comments", "sort by", "leave a reply".
        case section

        /// The category's bit in a ``CueTable`` entry.
        @inline(__always)
        var bit: UInt32 {
            switch self {
            case .firstPerson: return 1 << 0
            case .firstPersonPlural: return 1 << 1
            case .secondPerson: return 1 << 2
            case .stopword: return 1 << 3
            case .closing: return 1 << 4
            case .chat: return 1 << 5
            case .callToComment: return 1 << 6
            case .reaction: return 1 << 7
            case .address: return 1 << 8
            case .metaReference: return 1 << 9
            case .praise: return 1 << 10
            case .reporting: return 1 << 11
            case .boilerplate: return 1 << 12
            case .furniture: return 1 << 13
            case .month: return 1 << 14
            case .weekday: return 1 << 15
            case .timeUnit: return 1 << 16
            case .meridiem: return 1 << 17
            case .section: return 1 << 18
            }
        }
    }

    var cueTable = CueTable(capacity: 4096)
    /// Longest cue in tokens, so n-gram scans know where to stop.
    package private(set) var maxLength = 1

    package static let header = ["cue", "category"]

    /// The cues compiled into the binary. Parsed once, on first use.
    package static let embedded: SegmenterCues = {
        do {
            var cues = try SegmenterCues(table: EmbeddedLexicon.table("segmenter-cues.tsv", expectedHeader: header))
            try cues.loadRegister(EmbeddedLexicon.table("segmenter-register.tsv", expectedHeader: ["term", "weight"]))
            return cues
        } catch {
            fatalError("built-in lexicon is broken: \(error)")
        }
    }()

    package init(table: TSVTable) throws(LexiconError) {
        for row in table.rows {
            guard let category = Category(rawValue: row[1]) else {
                throw .badLine(path: table.path, line: row.line, reason: "unknown cue category '\(row[1])'")
            }
            let tokens = Tokenizer.tokenize(row[0])
            guard !tokens.isEmpty else {
                throw .badLine(path: table.path, line: row.line, reason: "empty cue")
            }
            cueTable.insert(tokens.key(from: 0, count: tokens.count), bits: category.bit)
            // Every proper prefix of a multi-token cue, so scans can stop early.
            var h = tokens[0].key
            for k in 1..<max(1, tokens.count) {
                cueTable.insert(h, bits: CueTable.prefixBit)
                h = tokens.extend(h, with: k)
            }
            maxLength = max(maxLength, tokens.count)
        }
    }

    /// Adds the word register table (term, weight).
    package mutating func loadRegister(_ table: TSVTable) throws(LexiconError) {
        for row in table.rows {
            guard let weight = TSVTable.number(row[1]) else {
                throw .badLine(path: table.path, line: row.line, reason: "'\(row[1])' is not a number")
            }
            cueTable.setWeight(TermHash.of(normalized: row[0]), Float(weight))
        }
    }

    /// The register weight of a word key (0 when the word is not in the table).
    @inline(__always)
    package func registerWeight(_ key: UInt64) -> Float { cueTable.weight(key) }

    @inline(__always)
    package func contains(_ key: UInt64, in category: Category) -> Bool {
        cueTable.bits(key) & category.bit != 0
    }

    /// Category bits of a key (see ``CueTable``), for testing several categories with one lookup.
    @inline(__always)
    func bits(_ key: UInt64) -> UInt32 { cueTable.bits(key) }

    /// Category bits and register weight of a word key with one lookup.
    @inline(__always)
    func entry(_ key: UInt64) -> (bits: UInt32, weight: Float) { cueTable.entry(key) }

    /// The longest cue of each of four categories starting at token `i` (0 where none), found in one
    /// walk along the n-gram prefixes instead of one walk per category.
    @inline(__always)
    func match4(
        _ text: TokenizedText, at i: Int, bits first: UInt32,
        _ a: Category, _ b: Category, _ c: Category, _ d: Category
    ) -> (Int, Int, Int, Int) {
        let wanted = a.bit | b.bit | c.bit | d.bit
        if first & (wanted | CueTable.prefixBit) == 0 { return (0, 0, 0, 0) }
        var found = (0, 0, 0, 0)
        var bits = first
        var h = text[i].key
        var n = 1
        while true {
            if bits & wanted != 0 {
                if bits & a.bit != 0 { found.0 = n }
                if bits & b.bit != 0 { found.1 = n }
                if bits & c.bit != 0 { found.2 = n }
                if bits & d.bit != 0 { found.3 = n }
            }
            if bits & CueTable.prefixBit == 0 || n >= maxLength || i + n >= text.count { break }
            h = text.extend(h, with: i + n)
            n += 1
            bits = cueTable.bits(h)
        }
        return found
    }

    /// Length in tokens of the longest cue of `category` starting at token `i`, or 0.
    package func match(_ text: TokenizedText, at i: Int, in category: Category) -> Int {
        let bit = category.bit
        var best = 0
        var h = text[i].key
        var n = 1
        while true {
            let b = cueTable.bits(h)
            if b & bit != 0 { best = n }
            if b & CueTable.prefixBit == 0 || n >= maxLength || i + n >= text.count { break }
            h = text.extend(h, with: i + n)
            n += 1
        }
        return best
    }
}
