import Foundation

/// The words with which readers talk about the piece itself ("well written", "thanks for the
/// article", "great reporting"): a comment about the article is about the article, not drift.
///
/// Every article's topic model mixes in this class as a small fixed share
/// (``DriftParameters/metaWeight``), each word with probability proportional to its background
/// frequency within the class, so each meta word earns the same modest on-topic evidence whatever
/// the article is about, and a comment made only of them reads as on topic. The words are data
/// (`Lexicons/drift-meta.tsv`), not patterns.
package struct MetaWords: Sendable {
    /// Probability of each meta word within the class (they sum to 1).
    var probabilities: ModelTable<Double>

    package static let header = ["word", "kind"]
    static let kinds: Set<String> = ["text", "writer", "writing", "thanks"]

    /// The embedded class, parsed once on first use against the embedded background model.
    package static let embedded: MetaWords = {
        do {
            let table = try EmbeddedLexicon.table("drift-meta.tsv", expectedHeader: header)
            return try MetaWords(table: table, background: .embedded)
        } catch {
            fatalError("built-in lexicon is broken: \(error)")
        }
    }()

    /// No meta words (tests, other languages).
    package static let none = MetaWords(words: [], background: BackgroundModel(probabilities: [:]))

    /// The class from explicit words; stopwords of `background` are left out (they are never content words).
    package init(words: [String], background: BackgroundModel) {
        var keys: [(UInt64, Double)] = []
        for w in words {
            let key = TermHash.of(normalized: w)
            guard !background.isStopword(key), !keys.contains(where: { $0.0 == key }) else { continue }
            keys.append((key, exp(background.logProbability(key))))
        }
        let sum = keys.reduce(0) { $0 + $1.1 }
        probabilities = ModelTable(minimumCapacity: keys.count, filler: 0)
        for (key, p) in keys { probabilities.update(key, initial: p / sum) { _ in } }
    }

    /// Parses `word<TAB>kind` rows.
    package init(table: TSVTable, background: BackgroundModel) throws(LexiconError) {
        var words: [String] = []
        for row in table.rows {
            guard !row[0].isEmpty, Self.kinds.contains(row[1]) else {
                throw .badLine(
                    path: table.path, line: row.line,
                    reason: "expected a word and a kind (\(Self.kinds.sorted().joined(separator: ", ")))")
            }
            words.append(row[0])
        }
        self.init(words: words, background: background)
    }

    /// Number of meta words.
    package var count: Int { probabilities.count }

    /// The word's probability within the class, 0 when it is not a meta word.
    @inline(__always)
    package func probability(_ key: UInt64) -> Double { probabilities[key] ?? 0 }
}
