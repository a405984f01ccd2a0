/// Words that readers' annotators mostly marked as the toxic part of a toxic comment
/// (`Lexicons/heated-words.tsv`, built by `scripts/build-heated-words` from the CC0 Toxic Spans
/// data): "pathetic", "hypocrite", "idiotic", "nutter".
///
/// The rule-based categories read a word only in its frame (an insult needs a target, an ordinary
/// word an insulting frame), which keeps their precision; these rates are the other side of it,
/// coverage: how often a word is the rude part when people are rude. A comment using such words is
/// heated whoever it is aimed at, so they raise `priority` (evidence of category `heated`) and never
/// `toxicity`. Each word counts `(rate - floor) / (1 - floor)` for its rate at or above
/// ``TriageWeights/heatedFloor``.
package struct HeatedWords: Sendable {
    /// The rate of every listed word, by token key.
    var rates: TermTable<Double>

    package static let header = ["word", "rate", "uses"]

    /// The embedded list, parsed once on first use.
    package static let embedded: HeatedWords = {
        do {
            return try HeatedWords(table: EmbeddedLexicon.table("heated-words.tsv", expectedHeader: header))
        } catch {
            fatalError("built-in lexicon is broken: \(error)")
        }
    }()

    /// No words (tests that exercise the rules alone).
    package static let none = HeatedWords(rates: [:])

    package init(rates: [String: Double]) {
        self.rates = TermTable(minimumCapacity: rates.count)
        for (word, rate) in rates { self.rates[TermHash.of(normalized: word)] = rate }
    }

    /// Parses `word<TAB>rate<TAB>uses` rows: one lowercase word, a rate in 0...1, a whole number of
    /// uses >= 1.
    package init(table: TSVTable) throws(LexiconError) {
        var rates: [String: Double] = [:]
        for row in table.rows {
            let word = row[0]
            guard !word.isEmpty, word == word.lowercased(), !word.contains(" ") else {
                throw .badLine(path: table.path, line: row.line, reason: "expected one lowercase word, got '\(word)'")
            }
            guard let rate = TSVTable.number(row[1]), (0...1).contains(rate) else {
                throw .badLine(path: table.path, line: row.line, reason: "rate must be a number 0...1, got '\(row[1])'")
            }
            guard let uses = Int(row[2]), uses >= 1 else {
                throw .badLine(
                    path: table.path, line: row.line, reason: "uses must be a whole number >= 1, got '\(row[2])'")
            }
            guard rates[word] == nil else {
                throw .badLine(path: table.path, line: row.line, reason: "'\(word)' is listed twice")
            }
            rates[word] = rate
        }
        self.init(rates: rates)
    }

    /// Number of listed words.
    package var count: Int { rates.count }

    /// The word's rate, or nil when it is not listed.
    @inline(__always) package func rate(_ key: UInt64) -> Double? { rates[key] }

    /// Adds `heated` evidence for every word of `text` at or above `floor` that is not `excluded`.
    /// A word the rules read as an opinion about a thing ("this tax is stupid") counts here too: the
    /// opinion is the rules' reading, the rate how often the word is the rude part whatever it is
    /// said of, and the two are separate terms of `priority` with their own fitted weights (leaving
    /// such words out lowered the cross-validated AUC on every dev set).
    /// - Complexity: one table lookup per word token.
    func add(_ text: TokenizedText, excluded: [Bool], floor: Double, into evidence: inout EvidenceCollector) {
        guard count > 0, floor < 1 else { return }
        for (i, token) in text.tokens.enumerated() where token.kind == .word && !excluded[i] {
            guard let rate = rates[token.key], rate >= floor else { continue }
            evidence.add(.heated, (rate - floor) / (1 - floor), i, i + 1)
        }
    }
}
