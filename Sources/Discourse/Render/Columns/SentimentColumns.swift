/// The sentiment columns of `comments score` (every format reads them through ``CommentColumns``).
package enum SentimentColumns {
    package static let columns: [Column] = [
        Column(
            "sentiment", .number,
            help:
                "number -1 … 1: compound sentiment of the comment (sentence scores combined, so long comments do not saturate)"
        ) { c, _ in .number(c.sentiment.compound) },
        Column(
            "sentiment_label", .label,
            help: "positive (sentiment >= 0.05), negative (<= -0.05) or neutral"
        ) { c, _ in .text(c.sentiment.label.rawValue) },
        Column("positive", .number, help: "number 0 … 1: positive share of the comment's words") { c, _ in
            .number(c.sentiment.positive)
        },
        Column("neutral", .number, help: "number 0 … 1: neutral share (positive + neutral + negative = 1)") { c, _ in
            .number(c.sentiment.neutral)
        },
        Column("negative", .number, help: "number 0 … 1: negative share of the comment's words") { c, _ in
            .number(c.sentiment.negative)
        },
    ]

    /// Printed only with `--explain`.
    package static let explainColumns: [Column] = [
        Column(
            "sentiment_terms", .text,
            help:
                "text: terms that moved the sentiment, e.g. \"not good -1.41 (negated); great +3.10\""
        ) { c, _ in
            guard let terms = c.sentiment.contributions else { return .null }
            return .text(terms.map(\.description).joined(separator: "; "))
        }
    ]

    /// The terminal table's cell: the compound with a sign, e.g. "+0.62", "-0.18", "0.00".
    package static func tableCell(_ row: ScoredComment) -> String {
        let s = row.sentiment
        let text = NumberFormat.fixed(s.compound, digits: 2)
        return s.compound > 0 && text != "0.00" ? "+" + text : text
    }
}
