/// Every term the sentiment scorer knows: valences of words, phrases and emoji, and the roles of
/// modifier words, in one table keyed by ``TermHash``.
///
/// The built-in lexicon layers these embedded files, each overriding the ones before it:
/// 1. `sentiment-vader.tsv`: the VADER lexicon (imported, see `Lexicons/README.md`);
/// 2. `sentiment-words.tsv`: words written for this project (insults, news words, corrections);
/// 3. `sentiment-emoji.tsv`: emoji valences written for this project;
/// 4. `sentiment-phrases.tsv`: multiword idioms and phrases ("no problem", "all bark and no bite");
/// 5. `sentiment-modifiers.tsv`: boosters, dampeners, negators, contrast and clause words.
///
/// `--lexicon FILE` adds a last layer. Within one file and across files the later line wins, so a
/// user file can re-rate any built-in term (a valence of 0 silences it).
package struct SentimentLexicon: Sendable {
    var table: SentimentTable
    /// Longest phrase in tokens; n-gram matching never looks further.
    package private(set) var maxPhraseLength = 1

    /// The embedded valence files, in the order they are layered.
    package static let valenceFiles = [
        "sentiment-vader.tsv", "sentiment-words.tsv", "sentiment-emoji.tsv", "sentiment-phrases.tsv",
    ]
    package static let modifiersFile = "sentiment-modifiers.tsv"

    /// An empty lexicon (tests build small ones).
    package init() {
        table = SentimentTable(minimumCapacity: 64)
    }

    /// The lexicon compiled into the binary, parsed once on first use.
    package static let embedded: SentimentLexicon = {
        do {
            var lexicon = SentimentLexicon()
            lexicon.table = SentimentTable(minimumCapacity: 9_000)
            for name in valenceFiles {
                lexicon.add(
                    try SentimentTerms(table: EmbeddedLexicon.table(name, expectedHeader: SentimentTerms.header)))
            }
            lexicon.add(
                try SentimentModifiers(
                    table: EmbeddedLexicon.table(modifiersFile, expectedHeader: SentimentModifiers.header)))
            return lexicon
        } catch {
            fatalError("built-in sentiment lexicon is broken: \(error)")
        }
    }()

    /// Number of keys (terms and phrase prefixes).
    package var count: Int { table.count }

    /// Adds or re-rates the terms of a valence file; a later entry for the same term wins.
    package mutating func add(_ terms: SentimentTerms) {
        for e in terms.entries {
            table.update(e.key) {
                $0.valence = Float(e.valence)
                $0.hasValence = true
                $0.length = UInt8(e.length)
            }
            notePhrase(e.term, key: e.key, length: e.length)
        }
    }

    /// Sets the roles of a modifiers file; a later entry for the same term wins. A modifier keeps any
    /// valence it has ("no" is also a word of its own), and the scorer decides which one applies.
    package mutating func add(_ modifiers: SentimentModifiers) {
        for e in modifiers.entries {
            table.update(e.key) {
                $0.role = e.role
                $0.roleValue = Float(e.value)
                $0.length = UInt8(e.length)
            }
            notePhrase(e.term, key: e.key, length: e.length)
        }
    }

    /// Records on the first token of a multiword term that a phrase of `length` tokens starts there.
    /// Every shorter prefix gets an entry too, so matching stops at the first token that no phrase
    /// continues with (one lookup for most words, however long the phrases).
    private mutating func notePhrase(_ term: String, key: UInt64, length: Int) {
        guard length > 1 else { return }
        let tokens = Tokenizer.tokenize(term)
        for prefix in 1..<length {
            let next = SentimentEntry.nextBit(tokens[prefix].key)
            table.update(tokens.key(from: 0, count: prefix)) {
                $0.longestPhrase = max($0.longestPhrase, UInt8(length))
                $0.nextMask |= next
            }
        }
        maxPhraseLength = max(maxPhraseLength, length)
    }

    /// The lexicon with `terms` layered on top (for `--lexicon FILE`).
    package func adding(_ terms: [SentimentTerms]) -> SentimentLexicon {
        var copy = self
        for t in terms { copy.add(t) }
        return copy
    }

    @inline(__always)
    func entry(_ key: UInt64) -> SentimentEntry? { table.lookup(key) }

    /// The valence of `term` (a word or phrase, normalised like text), or nil when it has none.
    package func valence(of term: String) -> Double? {
        guard let e = table.lookup(TermHash.of(term: term)), e.hasValence else { return nil }
        return Double(e.valence)
    }

    /// The role and role value of `term`, or nil when it has no role.
    package func role(of term: String) -> (role: SentimentRole, value: Double)? {
        guard let e = table.lookup(TermHash.of(term: term)), e.role != .none else { return nil }
        return (e.role, Double(e.roleValue))
    }
}
