import Foundation

/// One content word of a text, as the drift models see it: its key and the token it came from.
package struct DriftTerm: Sendable, Equatable {
    /// ``TermHash`` of the normalised word (a hashtag without its `#`).
    package var key: UInt64
    /// Index of the token in its ``TokenizedText``.
    package var token: Int32
    /// True when the previous content word of the same text is in the same sentence, so the two
    /// form a bigram.
    package var continuesPhrase: Bool
    /// Natural-log background probability, looked up once (every model compares against it).
    package var logBackground: Double
    /// `exp(logBackground)`.
    package var background: Double
    /// The Dirichlet prior of the word in a topic model: its background probability, lowered for a
    /// topical word (``AssociationModel``), which a topic that does not predict it rarely uses.
    package var prior: Double
    /// Probability of the word within the class of meta words (``MetaWords``), 0 for other words.
    package var meta: Double
    /// Whether the background model knows the word (false: its probability is the unknown floor).
    package var isKnown: Bool

    package init(
        key: UInt64, token: Int32, continuesPhrase: Bool, logBackground: Double, topicality: Double = 0,
        meta: Double = 0, isKnown: Bool = true
    ) {
        self.key = key
        self.token = token
        self.continuesPhrase = continuesPhrase
        self.logBackground = logBackground
        self.background = Foundation.exp(logBackground)
        self.prior = topicality == 0 ? self.background : Foundation.exp(logBackground - topicality)
        self.meta = meta
        self.isKnown = isKnown
    }

    /// The content words of `text`: words and hashtags that are not stopwords.
    ///
    /// Left out, so that they cannot dominate a topic: stopwords (by background frequency, not a
    /// hand list), numbers and words holding digits, URLs, @usernames, emoji, emoticons,
    /// punctuation and markdown symbols, and ~~struck~~ words the writer withdrew. Bigrams join
    /// neighbouring content words of one sentence, so "North Korea" and "Secretary Blinken" stay
    /// phrases even with a stopword between them ("Secretary of State Blinken").
    ///
    /// `associations` and `topicalityWeight` set each word's prior (topicality times the weight, in
    /// nats, is taken off its log background probability); `meta` marks the meta words.
    package static func extract(
        _ text: TokenizedText, background: BackgroundModel, associations: AssociationModel = .none,
        topicalityWeight: Double = 0, meta: MetaWords = .none
    ) -> [DriftTerm] {
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
            let topicality = topicalityWeight > 0 ? topicalityWeight * associations.topicality(key) : 0
            terms.append(
                DriftTerm(
                    key: key, token: Int32(i), continuesPhrase: t.sentence == lastSentence, logBackground: lp,
                    topicality: topicality, meta: meta.probability(key),
                    isKnown: lp != background.unknownLogProbability))
            lastSentence = t.sentence
        }
        return terms
    }
}
