import Discourse

/// `comments columns`: the reference of every output column (what the README's table shows).
enum ColumnsCommand {
    static let markdown = Flag("--markdown", help: "Print Markdown tables (as in the README).")

    static let spec = CommandSpec(
        name: "columns",
        abstract: "List the output columns of score/export rows, of the triage queue and of the export summary.",
        options: [markdown.spec])

    static let rankHelp = "integer >= 1: place in the queue, most urgent first"

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        let comment =
            CommentColumns.all.map { ($0.name, $0.help, false) }
            + CommentColumns.explainColumns.map { ($0.name, $0.help, true) }
        let summary = SummaryColumns.all.map { ($0.name, $0.help, false) }
        let queued = TriageRenderer.columns.map(\.name) + ["triage_evidence"]
        if parsed[markdown] {
            var out = "Per comment (`score`, `export`):\n\n| column | type, range: meaning |\n| --- | --- |\n"
            for (name, help, explain) in comment {
                out += "| `\(name)` | \(help)\(explain ? " (only with `--explain`)" : "") |\n"
            }
            out += "\nPer queued comment (`triage --format csv|jsonl`): `rank` (\(Self.rankHelp)), then "
            out += queued.map { "`\($0)`" }.joined(separator: ", ") + " (the last only with `--explain`).\n"
            out += "\nPer file (`export --summary`):\n\n| column | type, range: meaning |\n| --- | --- |\n"
            for (name, help, _) in summary { out += "| `\(name)` | \(help) |\n" }
            Output.write(out)
        } else {
            // Laid out as help is: names in a column, meanings wrapped to the terminal beside them.
            let width = Terminal.helpWidth
            var out = "Per comment (score, export):\n"
            for (name, help, explain) in comment {
                out += CommandSpec.entry(name, help + (explain ? " (only with --explain)" : ""), width: width)
            }
            out += "\nPer queued comment (triage --format csv|jsonl):\n"
            out += CommandSpec.entry("rank", Self.rankHelp, width: width)
            out += CommandSpec.entry(
                "then", queued.joined(separator: ", ") + " (as above; the last only with --explain)", width: width)
            out += "\nPer file (export --summary):\n"
            for (name, help, _) in summary { out += CommandSpec.entry(name, help, width: width) }
            Output.write(out)
        }
        return .success
    }
}
