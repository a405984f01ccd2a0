/// One column of the per-file summary (`comments export --summary`): a row per input, failures
/// included with their error.
package struct SummaryColumn: Sendable {
    package let name: String
    package let kind: Column.Kind
    package let help: String
    let extract: @Sendable (BatchOutcome, SummaryOptions) -> CellValue

    package init(
        _ name: String, _ kind: Column.Kind, help: String,
        value: @escaping @Sendable (BatchOutcome, SummaryOptions) -> CellValue
    ) {
        self.name = name
        self.kind = kind
        self.help = help
        self.extract = value
    }

    package func value(_ outcome: BatchOutcome, options: SummaryOptions) -> CellValue { extract(outcome, options) }
}

/// Settings the summary figures depend on.
package struct SummaryOptions: Sendable {
    /// A comment counts as flagged when its triage priority is at least this.
    package var flagThreshold: Double

    package init(flagThreshold: Double = 0.5) {
        self.flagThreshold = flagThreshold
    }
}

package enum SummaryColumns {
    /// `body(report)` for an analysed file, null for a failed one.
    static func analysed(
        _ body: @escaping @Sendable (FileReport) -> CellValue
    ) -> @Sendable (BatchOutcome, SummaryOptions) -> CellValue {
        { outcome, _ in
            if case .analysed(let report, _) = outcome { return body(report) }
            return .null
        }
    }

    package static let base: [SummaryColumn] = [
        SummaryColumn(
            "file", .text,
            help:
                "text: the input (\"-\" for stdin; a document of a stdin stream: its \"id\", or \"-#\" and a hash of its content)"
        ) { o, _ in
            .text(o.name)
        },
        SummaryColumn(
            "status", .label, help: "ok, withheld (confidence below --min-confidence: no comment rows) or failed"
        ) { o, _ in
            switch o {
            case .failed: return .text("failed")
            case .analysed(let report, _): return .text(report.withheld == nil ? "ok" : "withheld")
            }
        },
        SummaryColumn("error", .text, help: "text or empty: why the input failed or was withheld") { o, _ in
            switch o {
            case .failed(_, let error): return .text(error.description)
            case .analysed(let report, _): return report.withheld.map(CellValue.text) ?? .null
            }
        },
        SummaryColumn(
            "lines", .integer, help: "integer >= 0: lines in the input", value: analysed { .integer($0.lineCount) }),
        SummaryColumn(
            "article_lines", .integer, help: "integer >= 0: article body lines found",
            value: analysed { .integer($0.articleLineCount) }),
        SummaryColumn(
            "comments", .integer, help: "integer >= 0: comments found", value: analysed { .integer($0.commentCount) }),
        SummaryColumn(
            "confidence", .number,
            help:
                "0..1: estimated probability that the boundary (or \"no comments\") is exactly right, calibrated on cross-validation",
            value: analysed { .number($0.segmentation.confidence) }),
    ]

    static func sentiments(_ report: FileReport) -> [Double] { report.comments.map(\.sentiment.compound) }

    package static let scores: [SummaryColumn] = [
        SummaryColumn(
            "sentiment_mean", .number, help: "-1..1 or empty: mean sentiment of the file's comments",
            value: analysed { r in
                if let t = r.tally { return t.count == 0 ? .null : .number(t.sentimentSum / Double(t.count)) }
                let s = sentiments(r)
                return s.isEmpty ? .null : .number(s.reduce(0, +) / Double(s.count))
            }),
        SummaryColumn(
            "sentiment_min", .number, help: "-1..1 or empty: most negative comment",
            value: analysed { r in
                (r.tally.map { $0.sentimentMin } ?? sentiments(r).min()).map(CellValue.number) ?? .null
            }),
        SummaryColumn(
            "sentiment_max", .number, help: "-1..1 or empty: most positive comment",
            value: analysed { r in
                (r.tally.map { $0.sentimentMax } ?? sentiments(r).max()).map(CellValue.number) ?? .null
            }),
        SummaryColumn(
            "drift_trend", .number,
            help: "number or empty: slope of drift over comment order (> 0: the thread wanders off)",
            value: analysed { r in r.driftTrend.map(CellValue.number) ?? .null }),
        SummaryColumn(
            "flagged", .integer, help: "integer >= 0: comments with priority >= --flag-threshold (default 0.5)"
        ) {
            outcome, options in
            guard case .analysed(let r, _) = outcome else { return .null }
            if let t = r.tally, t.flagThreshold == options.flagThreshold { return .integer(t.flagged) }
            return .integer(r.comments.filter { $0.triage.priority >= options.flagThreshold }.count)
        },
    ]

    /// Every summary column, base first, then each scorer's.
    package static var all: [SummaryColumn] { base + scores }
}
