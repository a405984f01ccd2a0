import Discourse

/// `comments score FILE...`: one row per reader comment with its scores.
enum ScoreCommand {
    static let spec = CommandSpec(
        name: "score",
        abstract: "Find the reader comments in each input and score every one.",
        usage: "comments score <input>... [--format table|csv|json|jsonl] [options]",
        options: [
            OptionSpec(
                "--format", "-f", value: "FORMAT",
                help: "table (default on a terminal), csv, json (one object per file), jsonl (default otherwise)."),
        ] + InputOptions.specs + BatchOptions.specs + [BatchOptions.minConfidence],
        discussion: """
            An input is a file, a directory (searched for *.txt), or - for standard input.
            Exit codes: 0 all inputs analysed, 1 some input failed (the rest still ran), 2 usage error.
            """)

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        let terminal = Terminal.current(noColorFlag: parsed.flag("--no-color"))
        let format =
            try parsed.choice("--format", ["table", "csv", "json", "jsonl"], command: spec.name)
            ?? (terminal.stdoutIsTerminal ? "table" : "jsonl")
        let options = try InputOptions.analysisOptions(parsed, command: spec.name)
        let items = try InputOptions.inputs(parsed, command: spec.name)
        let runner = try InputRunner.configured(parsed, options: options, items: items, terminal: terminal, command: spec.name)
        let csv = CSVWriter()
        let columns = CommentColumns.all(explain: options.explain)
        if format == "csv" { Output.write(csv.header(columns)) }
        return runner.run(items) { report, _ in
            switch format {
            case "table":
                Output.write(ScoreRenderer.table(report, width: terminal.width, color: terminal.color))
            case "csv":
                Output.write(ScoreRenderer.csvRows(report, writer: csv, columns: columns))
            case "json":
                Output.write(ScoreRenderer.json(report, columns: columns))
            default:
                Output.write(ScoreRenderer.jsonl(report, columns: columns))
            }
        }
    }
}
