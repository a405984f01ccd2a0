/// The entries of one community triage lexicon (`--triage-lexicon FILE`), checked and ready to be
/// layered over the built-in lists with `TriageLexicon/adding(_:)`.
///
/// The file is UTF-8 TSV with the header `term<TAB>category<TAB>strength`; blank lines and lines
/// starting with `#` are skipped. A term may be several words and is matched on word boundaries
/// like every built-in term, case-insensitively. Categories:
/// - `insult`: a word for a person that insults when aimed at someone (as "idiot" does);
/// - `profanity`: a swear word, counted wherever it appears;
/// - `threat`: a phrase that is a threat on its own ("meet me in the car park");
/// - `identity_attack`: a slur, an identity attack (and an insult) on its own;
/// - `spam`: a promotional phrase (0.4 and above counts on its own, weaker ones only beside a link
///   or another spam phrase);
/// - `allow`: a name, place or reclaimed word inside which no listed term counts (the
///   "Scunthorpe" problem: "Dick Smith", "Middlesex"); `strength` may be empty.
///
/// `strength` is 0...1: how strong one occurrence is when aimed at someone. Later lines and later
/// files win; a term given strength 0 is silenced in that category.
public struct CommunityTerms: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var term: String
        package var kind: TriageLexicon.Kind
        package var weight: Double
        /// 1-based line in the file.
        package var line: Int
    }

    /// The required header columns.
    public static let header = ["term", "category", "strength"]

    /// The categories a file may name, and the lexicon kind each becomes.
    package static let categories: [(name: String, kind: TriageLexicon.Kind)] = [
        ("insult", .insultPerson), ("profanity", .swear), ("threat", .threatPhrase), ("identity_attack", .slur),
        ("spam", .spamPromo), ("allow", .allow),
    ]

    /// The file's name or path, for messages.
    public var path: String
    package var entries: [Entry]

    /// Parses `text` (the contents of `path`); a bad header or line is an error naming the line.
    public init(path: String, text: String) throws(LexiconError) {
        let table = try TSVTable(path: path, text: text, expectedHeader: Self.header)
        self.path = path
        var entries: [Entry] = []
        for row in table.rows {
            let term = row[0]
            guard !term.isEmpty, !Tokenizer.tokenize(term).isEmpty else {
                throw .badLine(path: path, line: row.line, reason: "empty term")
            }
            guard let kind = Self.categories.first(where: { $0.name == row[1] })?.kind else {
                let known = Self.categories.map(\.name).joined(separator: ", ")
                throw .badLine(
                    path: path, line: row.line,
                    reason: "unknown category '\(row[1])' for '\(term)' (expected one of \(known))")
            }
            var weight = 1.0
            if kind != .allow || !row[2].isEmpty {
                guard let w = TSVTable.number(row[2]), (0...1).contains(w) else {
                    throw .badLine(
                        path: path, line: row.line,
                        reason: "strength must be a number 0...1, got '\(row[2])' for '\(term)'")
                }
                weight = w
            }
            entries.append(Entry(term: term, kind: kind, weight: weight, line: row.line))
        }
        self.entries = entries
    }
}
