/// Output of `comments triage`: the queue as a terminal table, CSV or JSON Lines.
public enum TriageRenderer {
    /// The columns of CSV and JSON Lines rows, after `rank`.
    package static let columns: [Column] = {
        let base = Dictionary(uniqueKeysWithValues: CommentColumns.base.map { ($0.name, $0) })
        let triage = TriageColumns.all
        return Array(triage.prefix(2)) + ["file", "line", "comment", "author"].compactMap { base[$0] }
            + triage.dropFirst(2) + [base["text"]!]
    }()

    /// Aligned table: rank, priority, reasons, file:line, the comment text cut to the width.
    public static func table(_ items: [TriageQueue.Item], width: Int, color: Bool, explain: Bool = false) -> String {
        var table = TextTable(columns: [
            .init("#", alignRight: true), .init("priority", alignRight: true), .init("reasons"), .init("where"),
            .init("text", flexible: true),
        ])
        for (i, item) in items.enumerated() {
            let t = item.row.triage
            var text = item.row.comment.text
            if explain, !t.evidence.isEmpty { text = "[" + evidenceList(t) + "] " + text }
            let style: Style? = t.priority >= 0.7 ? .red : (t.priority >= 0.4 ? .yellow : nil)
            table.append(
                [
                    String(i + 1), NumberFormat.fixed(t.priority, digits: 2),
                    t.reasons.map(\.rawValue).joined(separator: ";"),
                    item.location, text,
                ], style: style)
        }
        return items.isEmpty ? "" : table.render(width: width, color: color)
    }

    /// "12 of 340 comments in 3 files (priority >= 0.50, top 20)".
    public static func summary(_ queue: TriageQueue, shown: Int) -> String {
        var filters: [String] = []
        if queue.minimumPriority > 0 {
            filters.append("priority >= \(NumberFormat.fixed(queue.minimumPriority, digits: 2))")
        }
        if let limit = queue.limit { filters.append("top \(limit)") }
        let files = queue.files == 1 ? "1 file" : "\(queue.files) files"
        return "\(shown) of \(queue.seen) comment\(queue.seen == 1 ? "" : "s") in \(files)"
            + (filters.isEmpty ? "" : " (" + filters.joined(separator: ", ") + ")")
    }

    /// CSV with a header line: `rank`, the queue columns and, with `explain`, the evidence.
    public static func csv(_ items: [TriageQueue.Item], explain: Bool = false) -> String {
        csv(items, writer: CSVWriter(), explain: explain)
    }

    package static func csv(_ items: [TriageQueue.Item], writer: CSVWriter, explain: Bool) -> String {
        var out = writer.record(["rank"] + columns.map(\.name) + (explain ? ["triage_evidence"] : []))
        for (i, item) in items.enumerated() {
            var fields = [String(i + 1)]
            fields += columns.map { writer.cell($0.value(item.row, file: item.file), kind: $0.kind) }
            if explain { fields.append(evidenceList(item.row.triage)) }
            out += writer.record(fields)
        }
        return out
    }

    /// One JSON object per queued comment, most urgent first, keys in column order.
    public static func jsonl(_ items: [TriageQueue.Item], explain: Bool = false) -> String {
        var out = ""
        for (i, item) in items.enumerated() {
            var w = JSONWriter()
            w.beginObject()
            w.field("rank", .integer(i + 1))
            for column in columns { w.field(column.name, column.value(item.row, file: item.file)) }
            if explain { w.field("triage_evidence", evidenceCell(item.row.triage)) }
            w.endObject()
            out += w.output + "\n"
        }
        return out
    }

    /// "insult: you idiot 0.85 @0-9; shouting: capitals 0.40 @0-21" (offsets in UTF-16 code units).
    public static func evidenceList(_ scores: TriageScores) -> String {
        scores.evidence.map {
            "\($0.category.rawValue): \($0.text) \(NumberFormat.fixed($0.strength, digits: 2)) @\($0.begin)-\($0.end)"
        }
        .joined(separator: "; ")
    }

    /// The evidence as a cell: `[{"category", "text", "begin", "end", "score"}]` in JSON,
    /// ``evidenceList(_:)`` in CSV and tables.
    package static func evidenceCell(_ scores: TriageScores) -> CellValue {
        .objects(
            scores.evidence.map {
                CellObject([
                    "category": .text($0.category.rawValue), "text": .text($0.text), "begin": .integer($0.begin),
                    "end": .integer($0.end), "score": .number($0.strength),
                ])
            }, text: evidenceList(scores))
    }
}
