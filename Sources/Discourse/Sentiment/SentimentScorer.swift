/// Scores the sentiment of a tokenized comment with a lexicon and a small set of rules.
///
/// One pass over the shared tokens (``SentimentPass``), sentence by sentence:
/// - every token, or the longest phrase starting at it, is looked up once in the ``SentimentLexicon``
///   (phrases such as "no problem" or "kind of" win over their words);
/// - a sentiment word is intensified by boosters before it, ALL CAPS (in mixed-case text), elongation
///   ("sooo") and *emphasis*, and flipped by a negator whose scope reaches it (up to
///   ``SentimentRules/negationScope`` words, ended by the first word it flips, clause punctuation,
///   contrast and clause words); emoji, emoticons, hashtags and interjections ("lol") are never
///   negated or boosted;
/// - every contrast word ("but", "however") weakens what came before it and strengthens what follows;
///   a concession ("although", "despite") weakens its own clause; a contrast word opening a sentence
///   (or "though" closing one) weighs against the sentences before it;
/// - words in "double quotes" and Capitalized words inside names ("Widespread Panic") weigh less;
/// - in each sentence the strongest positive and negative terms count in full and the others less;
///   "!" adds emphasis and a question asserts less.
/// Sentence sums combine into the comment's sum, divided by the square root of the effective number
/// of sentences that carry sentiment, so a long comment does not saturate just by being long; the
/// sum is then normalised to the compound score (-1 … 1), sums within the neutral band staying below
/// the label threshold.
///
/// Markdown: words inside `~~strikethrough~~` were withdrawn by the writer, and words on a `> quote`
/// line are someone else's, so neither counts towards the writer's sentiment (a comment that is only
/// a quote is neutral; the reply under a quote counts). HTML entities were decoded by the tokenizer.
package struct SentimentScorer: Sendable {
    package let lexicon: SentimentLexicon
    package var rules: SentimentRules

    package init(lexicon: SentimentLexicon = .embedded, rules: SentimentRules = .standard) {
        self.lexicon = lexicon
        self.rules = rules
    }

    /// The score of `text`; with `explain`, the contribution of every term that moved it.
    package func score(_ text: TokenizedText, explain: Bool = false) -> SentimentScore {
        let n = text.count
        guard n > 0 else { return explain ? withContributions(.neutralScore, []) : .neutralScore }
        return lexicon.table.withView { table in
            text.withUnsafeTokens { tokens, norm in
                withUnsafeTemporaryAllocation(of: SentimentItem.self, capacity: n) { items in
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * (text.sentenceCount + 1)) {
                        sentences in
                        var pass = SentimentPass(
                            rules: rules, table: table, tokens: tokens, norm: norm, items: items,
                            sums: UnsafeMutableBufferPointer(rebasing: sentences[0...text.sentenceCount]),
                            weights: UnsafeMutableBufferPointer(
                                rebasing: sentences[(text.sentenceCount + 1)...(2 * text.sentenceCount + 1)]))
                        pass.run()
                        return pass.result(text: text, explain: explain)
                    }
                }
            }
        }
    }

    /// Convenience for tests and one-off use: tokenizes and scores `text`.
    package func score(_ text: String, explain: Bool = false) -> SentimentScore {
        score(Tokenizer.tokenize(text), explain: explain)
    }

    private func withContributions(_ s: SentimentScore, _ c: [SentimentContribution]) -> SentimentScore {
        var s = s
        s.contributions = c
        return s
    }
}
