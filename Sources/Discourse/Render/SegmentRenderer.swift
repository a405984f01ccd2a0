/// Output of `comments segment`: the labelled lines of a file.
public enum SegmentRenderer {
    /// The contract's JSON object for one file (1-based line numbers), on one line.
    public static func json(_ report: FileReport) -> String {
        let s = report.segmentation
        var w = JSONWriter()
        w.beginObject()
        w.field("file", .text(report.file))
        w.field("lines", .integer(report.lineCount))
        w.key("first_comment_line")
        if let first = s.firstCommentLine { w.integer(first + 1) } else { w.null() }
        w.key("comment_lines")
        w.beginArray()
        for i in s.commentSectionLines { w.integer(i + 1) }
        w.endArray()
        w.key("confidence")
        w.number(s.confidence)
        w.key("segments")
        w.beginArray()
        for segment in s.segments {
            w.beginObject()
            w.field("kind", .text(segment.kind.rawValue))
            w.field("start", .integer(segment.start + 1))
            w.field("end", .integer(segment.end + 1))
            w.endObject()
        }
        w.endArray()
        if !s.evidence.isEmpty {
            w.key("evidence")
            w.beginArray()
            for e in s.evidence {
                w.beginObject()
                w.field("line", .integer(e.line + 1))
                w.field("score", .number(e.score))
                w.key("features")
                w.beginObject()
                for part in e.contributions { w.field(part.feature, .number(part.weight)) }
                w.endObject()
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        return w.output
    }

    /// Every line with its number and kind; with evidence, the features that moved it.
    public static func table(_ report: FileReport, lines: [String], width: Int, color: Bool) -> String {
        let s = report.segmentation
        let explain = !s.evidence.isEmpty
        var evidenceByLine: [Int: LineEvidence] = [:]
        for e in s.evidence { evidenceByLine[e.line] = e }
        var columns: [TextTable.ColumnSpec] = [
            .init("line", alignRight: true), .init("kind"),
        ]
        if explain { columns.append(.init("score", alignRight: true)) }
        columns.append(.init("text", flexible: true))
        if explain { columns.append(.init("why")) }
        var table = TextTable(columns: columns)
        for (i, kind) in s.kinds.enumerated() {
            var cells = [String(i + 1), kind.rawValue]
            let e = evidenceByLine[i]
            if explain { cells.append(e.map { NumberFormat.fixed($0.score, digits: 1) } ?? "") }
            cells.append(i < lines.count ? lines[i] : "")
            if explain {
                // The three terms that moved the line most, at two digits; terms that print as 0.00
                // are left out (at one digit most terms read 0.0 and crowded out the ones that mattered).
                let shown = (e?.contributions ?? []).enumerated()
                    .filter { $0.element.feature != "prior" && abs($0.element.weight) >= 0.005 }
                    .sorted {
                        abs($0.element.weight) != abs($1.element.weight)
                            ? abs($0.element.weight) > abs($1.element.weight) : $0.offset < $1.offset
                    }
                    .map(\.element)
                let why = shown.prefix(3).map {
                    "\($0.feature) \($0.weight >= 0 ? "+" : "")\(NumberFormat.fixed($0.weight, digits: 2))"
                }
                cells.append(why.joined(separator: ", "))
            }
            let style: Style? =
                switch kind {
                case .comment: .cyan
                case .commentMeta, .boilerplate: .dim
                case .header: .bold
                case .body: nil
                }
            table.append(cells, style: style)
        }
        var out = table.render(width: width, color: color)
        out += DisplayWidth.wrapClauses(summary(report), width: width) + "\n"
        return out
    }

    static func summary(_ report: FileReport) -> String {
        let s = report.segmentation
        let boundary = s.firstCommentLine.map { "comments start at line \($0 + 1)" } ?? "no comments"
        return
            "\(report.file): \(report.lineCount) lines, \(s.articleLineCount) article lines, \(boundary) (confidence \(NumberFormat.fixed(s.confidence, digits: 2)))"
    }
}
