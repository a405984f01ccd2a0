import Discourse

/// `comments columns`: the reference of every output column (what the README's table shows).
enum ColumnsCommand {
    static let markdown = Flag("--markdown", help: "Print Markdown tables (as in the README).")

    static let spec = CommandSpec(
        name: "columns",
        abstract: "List the output columns of score/export rows and of the export summary.",
        options: [markdown.spec])

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        let comment =
            CommentColumns.all.map { ($0.name, $0.help, false) }
            + CommentColumns.explainColumns.map { ($0.name, $0.help, true) }
        let summary = SummaryColumns.all.map { ($0.name, $0.help, false) }
        if parsed[markdown] {
            var out = "Per comment (`score`, `triage`, `export`):\n\n| column | type, range: meaning |\n| --- | --- |\n"
            for (name, help, explain) in comment {
                out += "| `\(name)` | \(help)\(explain ? " (only with `--explain`)" : "") |\n"
            }
            out += "\nPer file (`export --summary`):\n\n| column | type, range: meaning |\n| --- | --- |\n"
            for (name, help, _) in summary { out += "| `\(name)` | \(help) |\n" }
            Output.write(out)
        } else {
            // Laid out as help is: names in a column, meanings wrapped to the terminal beside them.
            let width = Terminal.helpWidth
            var out = "Per comment (score, triage, export):\n"
            for (name, help, explain) in comment {
                out += CommandSpec.entry(name, help + (explain ? " (only with --explain)" : ""), width: width)
            }
            out += "\nPer file (export --summary):\n"
            for (name, help, _) in summary { out += CommandSpec.entry(name, help, width: width) }
            Output.write(out)
        }
        return .success
    }
}
