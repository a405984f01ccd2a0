import Foundation

/// One content word of a text, as the drift models see it: its key and the token it came from.
public struct DriftTerm: Sendable, Equatable {
    /// ``TermHash`` of the normalised word (a hashtag without its `#`).
    public var key: UInt64
    /// Index of the token in its ``TokenizedText``.
    public var token: Int32
    /// True when the previous content word of the same text is in the same sentence, so the two
    /// form a bigram.
    public var continuesPhrase: Bool
    /// Natural-log background probability, looked up once (every model compares against it).
    public var logBackground: Double
    /// `exp(logBackground)`, the Dirichlet prior of the word.
    public var background: Double

    public init(key: UInt64, token: Int32, continuesPhrase: Bool, logBackground: Double) {
        self.key = key
        self.token = token
        self.continuesPhrase = continuesPhrase
        self.logBackground = logBackground
        self.background = Foundation.exp(logBackground)
    }

    /// The content words of `text`: words and hashtags that are not stopwords.
    ///
    /// Left out, so that they cannot dominate a topic: stopwords (by background frequency, not a
    /// hand list), numbers and words holding digits, URLs, @usernames, emoji, emoticons,
    /// punctuation and markdown symbols, and ~~struck~~ words the writer withdrew. Bigrams join
    /// neighbouring content words of one sentence, so "North Korea" and "Secretary Blinken" stay
    /// phrases even with a stopword between them ("Secretary of State Blinken").
    public static func extract(_ text: TokenizedText, background: BackgroundModel) -> [DriftTerm] {
        var terms: [DriftTerm] = []
        terms.reserveCapacity(text.count / 2)
        var lastSentence: Int32 = -1
        for i in 0..<text.count {
            let t = text[i]
            let key: UInt64
            switch t.kind {
            case .word:
                guard !t.flags.contains(.hasDigit), !t.flags.contains(.struck) else { continue }
                key = t.key
            case .hashtag:
                guard t.normEnd - t.normStart > 1 else { continue }
                key = text.withNorm(i) { TermHash.add(TermHash.seed, UnsafeBufferPointer(rebasing: $0.dropFirst())) }
            default:
                continue
            }
            let lp = background.logProbability(key)
            if lp >= background.stopwordLogProbability { continue }
            terms.append(
                DriftTerm(key: key, token: Int32(i), continuesPhrase: t.sentence == lastSentence, logBackground: lp))
            lastSentence = t.sentence
        }
        return terms
    }
}
