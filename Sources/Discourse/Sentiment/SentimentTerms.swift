/// The entries of one valence file (`term<TAB>valence`, multiword terms allowed), checked and keyed.
///
/// Parsing is separate from merging so that a user's `--lexicon FILE` is validated once, up front,
/// with a message naming the file and line, before any input is read.
public struct SentimentTerms: Sendable {
    package struct Entry: Sendable, Equatable {
        package var term: String
        /// ``TermHash`` of the term, normalised as the tokenizer normalises text.
        package var key: UInt64
        /// Number of tokens.
        package var length: Int
        package var valence: Double
        /// 1-based line in the file.
        package var line: Int
    }

    /// The file's name or path, for messages.
    public var path: String
    /// In file order; when a term appears twice, the later line wins (see ``SentimentLexicon``).
    package var entries: [Entry]

    /// The required leading header columns.
    public static let header = ["term", "valence"]
    /// Valences are on VADER's scale: -4 (most negative) … +4 (most positive).
    public static let valenceRange: ClosedRange<Double> = -4...4
    /// Longest phrase, in tokens, a lexicon may hold (longer keys would never be looked for).
    public static let maxPhraseLength = 8

    package init(table: TSVTable) throws(LexiconError) {
        path = table.path
        entries = []
        entries.reserveCapacity(table.rows.count)
        for row in table.rows {
            entries.append(try Self.entry(row, path: table.path))
        }
    }

    /// Parses `text` (the contents of `path`), which must start with the header `term<TAB>valence`.
    public init(path: String, text: String) throws(LexiconError) {
        try self.init(table: TSVTable(path: path, text: text, expectedHeader: Self.header))
    }

    static func entry(_ row: TSVTable.Row, path: String) throws(LexiconError) -> Entry {
        let term = row[0]
        guard row.fields.count >= 2, !row[1].isEmpty else {
            throw .badLine(
                path: path, line: row.line, reason: "expected term<TAB>valence, found no valence for '\(term)'")
        }
        guard let valence = TSVTable.number(row[1]) else {
            throw .badLine(path: path, line: row.line, reason: "valence '\(row[1])' is not a number")
        }
        guard valenceRange.contains(valence) else {
            throw .badLine(
                path: path, line: row.line,
                reason: "valence \(row[1]) is outside -4 … 4 (VADER's scale: -4 most negative, +4 most positive)")
        }
        let (key, length) = try keyOf(term, path: path, line: row.line)
        return Entry(term: term, key: key, length: length, valence: valence, line: row.line)
    }

    /// Key and token count of a lexicon term, or an error naming the line when it cannot be a key.
    static func keyOf(_ term: String, path: String, line: Int) throws(LexiconError) -> (UInt64, Int) {
        let tokens = Tokenizer.tokenize(term)
        guard !tokens.isEmpty else {
            throw .badLine(path: path, line: line, reason: "empty term")
        }
        guard tokens.count <= maxPhraseLength else {
            throw .badLine(
                path: path, line: line,
                reason: "'\(term)' has \(tokens.count) tokens; a phrase may have at most \(maxPhraseLength)")
        }
        // Markdown the tokenizer swallows (a leading ">", "*", "_", "~~") would make the key differ
        // from the term as it appears in text: reject rather than match something else.
        var covered = 0
        for t in tokens.tokens { covered += t.length + (t.flags.contains(.hyphenJoined) ? 1 : 0) }
        let visible = tokens.bytes.reduce(0) { $0 + (ASCII.isSpace($1) ? 0 : 1) }
        guard covered == visible, !tokens.isQuoteLine else {
            throw .badLine(
                path: path, line: line,
                reason: "'\(term)' cannot match text: the tokenizer reads part of it as markdown (>, *, _ or ~~)")
        }
        return (tokens.key(from: 0, count: tokens.count), tokens.count)
    }
}

/// The entries of a modifiers file (`term<TAB>role<TAB>value`): boosters, negators, contrast words.
package struct SentimentModifiers: Sendable {
    package struct Entry: Sendable, Equatable {
        package var term: String
        package var key: UInt64
        package var length: Int
        package var role: SentimentRole
        package var value: Double
        package var line: Int
    }

    package var path: String
    package var entries: [Entry]

    package static let header = ["term", "role", "value"]

    package init(table: TSVTable) throws(LexiconError) {
        path = table.path
        entries = []
        for row in table.rows {
            guard let role = SentimentRole(rawValue: row[1]), role != .none else {
                let roles = SentimentRole.allCases.dropFirst().map(\.rawValue).joined(separator: ", ")
                throw .badLine(path: table.path, line: row.line, reason: "unknown role '\(row[1])' (expected \(roles))")
            }
            guard let value = row[2].isEmpty ? 0 : TSVTable.number(row[2]) else {
                throw .badLine(path: table.path, line: row.line, reason: "value '\(row[2])' is not a number")
            }
            if role == .negator && !(0...1).contains(value) {
                throw .badLine(path: table.path, line: row.line, reason: "a negator's strength must be between 0 and 1")
            }
            let (key, length) = try SentimentTerms.keyOf(row[0], path: table.path, line: row.line)
            entries.append(Entry(term: row[0], key: key, length: length, role: role, value: value, line: row.line))
        }
    }

    package init(path: String, text: String) throws(LexiconError) {
        try self.init(table: TSVTable(path: path, text: text, expectedHeader: Self.header))
    }
}
