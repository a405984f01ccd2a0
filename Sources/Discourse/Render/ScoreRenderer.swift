/// Output of `comments score`: one row per comment in the format asked for.
public enum ScoreRenderer {
    /// A column of the terminal table: a short title and how to show a comment in it.
    package struct TableColumn: Sendable {
        package var title: String
        package var alignRight: Bool
        package var value: @Sendable (ScoredComment) -> String

        package init(_ title: String, alignRight: Bool = false, value: @escaping @Sendable (ScoredComment) -> String) {
            self.title = title
            self.alignRight = alignRight
            self.value = value
        }
    }

    /// The columns the terminal table shows before the comment text (scorers add theirs).
    package static let tableColumns: [TableColumn] = [
        TableColumn("#", alignRight: true) { String($0.comment.index) },
        TableColumn("line", alignRight: true) { String($0.comment.line) },
        TableColumn("drift", alignRight: true) { NumberFormat.fixed($0.drift.drift, digits: 2) },
        TableColumn("sentiment", alignRight: true, value: SentimentColumns.tableCell),
        TableColumn("priority", alignRight: true) { NumberFormat.fixed($0.triage.priority, digits: 2) },
    ]

    /// Aligned table with the text truncated to `width`, then the summary line.
    public static func table(_ report: FileReport, width: Int, color: Bool) -> String {
        let showAuthor = report.comments.contains { $0.comment.author != nil }
        var specs = tableColumns.map { TextTable.ColumnSpec($0.title, alignRight: $0.alignRight) }
        if showAuthor { specs.append(.init("author")) }
        specs.append(.init("text", flexible: true))
        var table = TextTable(columns: specs)
        for row in report.comments {
            var cells = tableColumns.map { $0.value(row) }
            if showAuthor { cells.append(DisplayWidth.truncate(row.comment.author ?? "", to: 18)) }
            cells.append(row.comment.text)
            table.append(cells)
        }
        var out = report.comments.isEmpty ? "" : table.render(width: width, color: color)
        for row in report.comments {
            for line in explainLines(row) {
                out += DisplayWidth.wrap(line, width: width, indent: 4).dropFirst(2) + "\n"
            }
        }
        let line = DisplayWidth.wrapClauses(summary(report), width: width)
        out += (color ? Style.dim.apply(line) : line) + "\n"
        return out
    }

    /// What `--explain` adds under the table for one comment, as JSON Lines has it: its drift
    /// terms, the terms that moved its sentiment, and the words behind its triage scores (each line
    /// left out when empty; nothing at all without `--explain`).
    static func explainLines(_ row: ScoredComment) -> [String] {
        explanation(row).map { "#\(row.comment.index) \($0.label): \($0.terms)" }
    }

    /// The parts of ``explainLines(_:)``, labelled ("drift terms", "sentiment terms", "triage
    /// evidence"), for renderers that lay them out themselves (the HTML report).
    static func explanation(_ row: ScoredComment) -> [(label: String, terms: String)] {
        var parts: [(label: String, terms: String)] = []
        if !row.drift.onTopicTerms.isEmpty || !row.drift.offTopicTerms.isEmpty {
            parts.append(("drift terms", DriftColumns.termList(row.drift)))
        }
        if let terms = row.sentiment.contributions, !terms.isEmpty {
            parts.append(("sentiment terms", terms.map(\.description).joined(separator: "; ")))
        }
        if !row.triage.evidence.isEmpty {
            parts.append(("triage evidence", TriageRenderer.evidenceList(row.triage)))
        }
        return parts
    }

    /// "file: 34 lines, 28 article lines, 6 comments (confidence 0.93)".
    public static func summary(_ report: FileReport) -> String {
        let s = report.segmentation
        let n = report.comments.count
        if let reason = report.withheld {
            return "\(report.file): \(report.lineCount) lines, comments withheld: \(reason)"
        }
        return
            "\(report.file): \(report.lineCount) lines, \(s.articleLineCount) article lines, \(n) comment\(n == 1 ? "" : "s") found (confidence \(NumberFormat.fixed(s.confidence, digits: 2)))"
            + (report.driftTrend.map {
                ", drift trend \($0 >= 0 ? "+" : "")\(NumberFormat.fixed($0, digits: 4))/comment"
            } ?? "")
    }

    /// One JSON object per comment (JSON Lines), keys in column order.
    public static func jsonl(_ report: FileReport) -> String { jsonl(report, columns: CommentColumns.all) }

    /// ``jsonl(_:)`` with the given columns (`--explain` adds some).
    package static func jsonl(_ report: FileReport, columns: [Column]) -> String {
        var out = ""
        for row in report.comments {
            out += object(row, report: report, columns: columns)
            out += "\n"
        }
        return out
    }

    /// One JSON object for the whole file: the summary figures and the comment rows.
    public static func json(_ report: FileReport) -> String { json(report, columns: CommentColumns.all) }

    /// ``json(_:)`` with the given columns.
    package static func json(_ report: FileReport, columns: [Column]) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("file", .text(report.file))
        w.field("lines", .integer(report.lineCount))
        w.field("article_lines", .integer(report.articleLineCount))
        w.field("comments_found", .integer(report.comments.count))
        w.key("first_comment_line")
        if let first = report.segmentation.firstCommentLine { w.integer(first + 1) } else { w.null() }
        w.field("confidence", .number(report.segmentation.confidence))
        w.field("drift_trend", report.driftTrend.map(CellValue.number) ?? .null)
        w.key("comments")
        w.beginArray()
        for row in report.comments {
            w.beginObject()
            for column in columns { w.field(column.name, column.value(row, in: report)) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }

    static func object(_ row: ScoredComment, report: FileReport, columns: [Column]) -> String {
        var w = JSONWriter()
        w.beginObject()
        for column in columns { w.field(column.name, column.value(row, in: report)) }
        w.endObject()
        return w.output
    }

    /// CSV rows (no header) for every comment of the file.
    /// CSV with a header line, then one row per comment; free-text cells that a spreadsheet would
    /// run as a formula are guarded (see the README's CSV section).
    public static func csv(_ report: FileReport) -> String {
        let writer = CSVWriter()
        return writer.header(CommentColumns.all) + csvRows(report, writer: writer)
    }

    package static func csvRows(_ report: FileReport, writer: CSVWriter, columns: [Column] = CommentColumns.all)
        -> String
    {
        var out = CSVBytes()
        csvRows(report, writer: writer, columns: columns, into: &out)
        return out.string
    }

    /// ``csvRows(_:writer:columns:)``'s bytes, appended to `out`.
    package static func csvRows(_ report: FileReport, writer: CSVWriter, columns: [Column], into out: inout CSVBytes) {
        for row in report.comments { writer.append(row, file: report.file, columns: columns, to: &out) }
    }

    /// One CSV row of a comment of `file` (CRLF-terminated): a row of ``csvRows(_:writer:columns:)``,
    /// for rows streamed one at a time (``CommentStream``).
    package static func csvRow(_ row: ScoredComment, file: String, writer: CSVWriter, columns: [Column]) -> String {
        var out = CSVBytes()
        writer.append(row, file: file, columns: columns, to: &out)
        return out.string
    }

    /// One JSON Lines row of a comment of `file` (newline-terminated): a row of ``jsonl(_:columns:)``.
    package static func jsonlRow(_ row: ScoredComment, file: String, columns: [Column]) -> String {
        var w = JSONWriter()
        w.beginObject()
        for column in columns { w.field(column.name, column.value(row, file: file)) }
        w.endObject()
        return w.output + "\n"
    }
}
