/// What the triage scorer knows about a comment's file: the article (so words a comment quotes
/// from it are not blamed on the commenter) and how often each comment text occurs (copy-paste
/// spam).
package struct TriageContext: Sendable {
    /// Keys of every run of ``shingleLength`` consecutive words in the article.
    var articleShingles = TermSet()
    /// Number of comments in the file with the same words, by text key.
    var textCounts = TermTable<Int>()
    /// Instead of `textCounts`, for a streamed file: the counts of the texts seen more than once.
    var repeated: RepeatCounts?

    /// Words in a row that must match the article before they count as quoted from it. Four keeps
    /// common phrases ("you are an") from matching by chance.
    package static let shingleLength = 4
    /// Words a comment needs before a repeat counts as spam ("Yes" and "Thanks!" repeat innocently).
    package static let minimumRepeatedWords = 4

    package static let empty = TriageContext()

    package init() {}

    /// Context for the comments of one file, given the article's token lines (empty when the input
    /// has no article).
    package init(article: [TokenizedText], comments: [TokenizedText]) {
        self.init(article: article, repeats: nil)
        for text in comments {
            if let key = Self.textKey(text) { textCounts[key] = (textCounts[key] ?? 0) + 1 }
        }
    }

    /// Context from the article and the counts of the comment texts that occur more than once (by
    /// ``textKey(_:)``; a streamed analysis counts them in a first pass, see ``RepeatCounter``): a text
    /// missing from `repeats` counts once, as it would in the full table.
    package init(article: [TokenizedText], repeats: RepeatCounts?) {
        // One shingle per word at most: sized once.
        articleShingles = TermSet(capacity: article.reduce(0) { $0 + $1.count })
        for line in article { Self.forEachShingle(line) { key, _, _ in articleShingles.insert(key) } }
        repeated = repeats
    }

    /// Calls `body` with the key of each run of ``shingleLength`` words (and numbers) of `text`, and
    /// the token indexes of its first and last word; allocates nothing per shingle.
    static func forEachShingle(_ text: TokenizedText, _ body: (UInt64, Int, Int) -> Void) {
        let n = shingleLength
        // Token indexes and keys of the last n words, circular; on the stack (this runs for every
        // line). The keys are kept beside the indexes so a shingle's hash reads no token again.
        withUnsafeTemporaryAllocation(of: (index: Int, key: UInt64).self, capacity: n) { window in
            text.withUnsafeTokens { tokens, _ in
                var seen = 0
                // The slot of the oldest of the last n words, which the next word replaces.
                var oldest = 0
                for i in 0..<tokens.count where tokens[i].kind == .word || tokens[i].kind == .number {
                    window[oldest] = (i, tokens[i].key)
                    oldest = oldest + 1 == n ? 0 : oldest + 1
                    seen += 1
                    guard seen >= n else { continue }
                    var h = TermHash.seed
                    var k = oldest
                    for _ in 0..<n {
                        h = (h ^ window[k].key) &* TermHash.prime
                        k = k + 1 == n ? 0 : k + 1
                    }
                    body(h, window[oldest].index, i)
                }
            }
        }
    }

    /// Key of a comment's words (case, punctuation and spacing ignored), or nil when it is too short
    /// for a repeat to mean anything.
    static func textKey(_ text: TokenizedText) -> UInt64? {
        var h = TermHash.seed
        var words = 0
        for t in text.tokens
        where (t.kind == .word || t.kind == .number || t.kind == .url) && !t.flags.contains(.quoted) {
            h = (h ^ t.key) &* TermHash.prime
            words += 1
        }
        return words >= minimumRepeatedWords ? h : nil
    }

    /// Tokens of `text` that sit inside a run of words also found in the article.
    func fromArticle(_ text: TokenizedText) -> [Bool]? {
        guard articleShingles.count > 0 else { return nil }
        var marks: [Bool]?
        Self.forEachShingle(text) { key, first, last in
            guard articleShingles.contains(key) else { return }
            if marks == nil { marks = [Bool](repeating: false, count: text.count) }
            for k in first...last { marks![k] = true }
        }
        return marks
    }

    /// How many comments of the file have the same words as `text` (1 when unique or short).
    func copies(of text: TokenizedText) -> Int {
        guard let key = Self.textKey(text) else { return 1 }
        if let repeated { return repeated[key] ?? 1 }
        return textCounts[key] ?? 1
    }
}

/// Scores from other stages that the triage priority may use. Both are optional so triage works on
/// its own; the ``Analyzer`` passes them when the sentiment and drift scorers have run.
///
/// How the ``Analyzer`` maps them (negative tone ranks the comments no word list reaches; on the
/// toxicity dev sets it raised ROC AUC on every news set, and the result was flat for weights
/// 0.15…0.5, see ``TriageWeights/negativity``):
/// - `negativity` = the sentiment's negative share (`SentimentScore.negative`, 0…1);
/// - `drift` = `max(0, 2 × (drift − 0.5)) × confidence` of the drift score, only when an article
///   anchors it (without an article, "off-topic" means off the rest of the discussion, too weak a
///   reason to raise a comment in a moderation queue).
package struct TriageSignals: Sendable, Equatable {
    /// 0..1 strength of negative tone (0 = none).
    package var negativity: Double?
    /// 0..1 how far off the article's topic the comment is.
    package var drift: Double?

    package init(negativity: Double? = nil, drift: Double? = nil) {
        self.negativity = negativity
        self.drift = drift
    }

    /// The drift input from a ``DriftScore``: how far past "no evidence" (0.5) the comment is off
    /// the article, scaled by how much evidence there is; nil without an article.
    package static func offTopic(_ score: DriftScore) -> Double? {
        guard score.articleDrift != nil else { return nil }
        return min(1, max(0, 2 * (score.drift - 0.5))) * min(1, max(0, score.confidence))
    }
}
