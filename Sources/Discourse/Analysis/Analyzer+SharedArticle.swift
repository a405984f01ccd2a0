extension Analyzer {
    /// Analyses each text as ``analyze(_:)`` analyses `Document(name: name, comments: [text],
    /// article: article)` (the text one comment, its line breaks kept), with the same reports, but tokenizes the article and builds its topic model and quoted-phrase
    /// table once for all the texts. For a server that scores each sentence of a comment as its own
    /// one-comment thread against the same article.
    ///
    /// The article's topic model keeps the predictions of every text's words (a superset of each
    /// one's), which changes no probability looked up (see `TopicModel.addAssociations`).
    ///
    /// - Complexity: O(article + total text) in bytes; the texts one by one cost O(texts × article).
    package func analyze(_ texts: [String], name: String, sharingArticle article: String?) -> [FileReport] {
        let articleTokens = article.map { LineTokenizer.tokenize(TextLines.split($0), file: "article").tokens } ?? []
        let threads = texts.map { text -> SharedArticleThread in
            let lines = [Document.paragraphs(text)]
            let (tokens, warnings) = LineTokenizer.tokenize(lines, file: name)
            let segmentation = Self.allComments(tokens)
            let comments = CommentExtractor.extract(
                lines: lines, tokens: tokens, segmentation: segmentation, cues: segmenter.cues)
            return SharedArticleThread(
                lineCount: lines.count, warnings: warnings, segmentation: segmentation, comments: comments,
                terms: comments.map { drift.terms($0.tokens) })
        }
        var vocabulary = KeyFilter(expected: threads.reduce(0) { $0 + $1.terms.reduce(0) { $0 + $1.count } })
        for thread in threads { for terms in thread.terms { for term in terms { vocabulary.insert(term.key) } } }
        let model = drift.articleModel(articleTokens, vocabulary: vocabulary)
        let quoted = TriageContext(article: articleTokens, repeats: nil)
        return threads.map { thread in
            let tokens = thread.comments.map(\.tokens)
            var scored = thread.comments.map {
                ScoredComment(comment: $0, sentiment: sentiment.score($0.tokens, explain: options.explain))
            }
            let drift = self.drift.score(
                articleModel: model, terms: thread.terms, comments: tokens, explain: options.explain)
            for i in scored.indices { scored[i].drift = drift.scores[i] }
            var context = TriageContext(article: [], comments: tokens)
            context.articleShingles = quoted.articleShingles
            Self.triage(&scored, context: context, scorer: triage, explain: options.explain)
            var report = FileReport(
                file: name, lineCount: thread.lineCount, segmentation: thread.segmentation, comments: scored,
                warnings: thread.warnings)
            report.driftTrend = drift.trend
            return report
        }
    }
}

/// One text of ``Analyzer/analyze(_:name:sharingArticle:)`` split into its comments.
private struct SharedArticleThread {
    var lineCount: Int
    var warnings: [InputWarning]
    var segmentation: Segmentation
    var comments: [Comment]
    var terms: [[DriftTerm]]
}
