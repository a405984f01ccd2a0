/// One value in an output row.
package enum CellValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case number(Double)
    case null
    /// A list of records: an array of objects in JSON, `text` in CSV and tables.
    case objects([CellObject], text: String)
}

/// One record of an ``CellValue/objects(_:text:)`` cell: named values in a fixed order.
package struct CellObject: Sendable, Equatable {
    package var keys: [String]
    package var values: [CellValue]

    package init(_ fields: KeyValuePairs<String, CellValue>) {
        keys = fields.map(\.key)
        values = fields.map(\.value)
    }
}

/// One column of the per-comment rows that `score`, `triage` and `export` print.
///
/// Every format (table, CSV, JSON Lines, HTML) reads the same column list, so a scorer adds its
/// columns in one place and they appear everywhere, with the same names.
package struct Column: Sendable {
    package enum Kind: Sendable {
        /// Free text written by someone else (comment text, author): CSV guards it against formulas.
        case text
        /// A value from a fixed vocabulary (labels, reason names).
        case label
        case integer
        /// A real number, printed with four decimals.
        case number
    }

    package let name: String
    package let kind: Kind
    /// One line for the README's column reference: type, range, meaning.
    package let help: String
    /// Reads the cell from the comment and the name of its file (the one thing a row needs from
    /// outside the comment, so a triage queue can keep rows without their files' reports).
    let extract: @Sendable (ScoredComment, String) -> CellValue

    package init(
        _ name: String, _ kind: Kind, help: String,
        value: @escaping @Sendable (ScoredComment, _ file: String) -> CellValue
    ) {
        self.name = name
        self.kind = kind
        self.help = help
        self.extract = value
    }

    package func value(_ row: ScoredComment, in report: FileReport) -> CellValue {
        extract(row, report.file)
    }

    package func value(_ row: ScoredComment, file: String) -> CellValue {
        extract(row, file)
    }
}

/// The per-comment columns, in output order.
package enum CommentColumns {
    package static let base: [Column] = [
        Column("file", .text, help: "text: the input file (\"-\" for stdin)") { _, file in .text(file) },
        Column("comment", .integer, help: "integer >= 1: position of the comment in its file") { c, _ in
            .integer(c.comment.index)
        },
        Column("line", .integer, help: "integer >= 1: line of the comment's first text line") { c, _ in
            .integer(c.comment.line)
        },
        Column("author", .text, help: "text or empty: author named by a furniture line") { c, _ in
            c.comment.author.map(CellValue.text) ?? .null
        },
        Column("posted", .text, help: "text or empty: date/time named by a furniture line, as written") { c, _ in
            c.comment.posted.map(CellValue.text) ?? .null
        },
        Column("text", .text, help: "text: the comment (paragraphs joined by a line feed)") { c, _ in
            .text(c.comment.text)
        },
    ]

    /// Every column, base first, then each scorer's.
    package static var all: [Column] { base + SentimentColumns.columns + DriftColumns.all + TriageColumns.all }

    /// Columns that only `--explain` adds: the terms behind each score.
    package static var explainColumns: [Column] {
        SentimentColumns.explainColumns + DriftColumns.explainColumns + TriageColumns.explainColumns
    }

    /// ``all``, plus the columns only `--explain` fills.
    package static func all(explain: Bool) -> [Column] { explain ? all + explainColumns : all }

    package static func named(_ name: String) -> Column? { all.first { $0.name == name } }
}
