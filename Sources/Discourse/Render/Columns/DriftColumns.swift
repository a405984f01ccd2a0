/// The drift columns of `comments score` (CSV, JSON Lines, JSON), in output order.
package enum DriftColumns {
    package static let all: [Column] = [
        Column(
            "drift", .number,
            help:
                "number 0..1: how far off the topic of the article and its discussion, relative to the thread's other comments (0.5 = as far as they are, or no evidence)"
        ) { c, _ in .number(c.drift.drift) },
        Column(
            "drift_confidence", .number,
            help:
                "number 0..1: how much evidence drift rests on (grows with the comment's content words that are evidence; a name or typo no model knows is not)"
        ) { c, _ in .number(c.drift.confidence) },
        Column(
            "thread_drift", .number,
            help: "number 0..1 or empty: how far off the conversation so far (article plus earlier comments)"
        ) { c, _ in c.drift.threadDrift.map(CellValue.number) ?? .null },
        Column(
            "article_drift", .number,
            help: "number 0..1 or empty: how far off the article alone (empty without an article)"
        ) { c, _ in c.drift.articleDrift.map(CellValue.number) ?? .null },
    ]

    /// Columns present only with `--explain`.
    package static let explainColumns: [Column] = [
        Column(
            "drift_terms", .text,
            help: "text or empty: on-topic words (+) and off-topic words (-) of the comment"
        ) { c, _ in
            let s = c.drift
            guard !s.onTopicTerms.isEmpty || !s.offTopicTerms.isEmpty else { return .null }
            return .text(DriftColumns.termList(s))
        }
    ]

    /// "+pyongyang +talks -salsa -kindle".
    package static func termList(_ score: DriftScore) -> String {
        (score.onTopicTerms.map { "+" + $0 } + score.offTopicTerms.map { "-" + $0 }).joined(separator: " ")
    }
}
