import Discourse

/// `comments score FILE...`: one row per reader comment with its scores.
enum ScoreCommand {
    enum Format: String, CaseIterable, Sendable {
        case table, csv, json, jsonl
    }

    static let format = Value<Format>.choice(
        "--format", short: "f", valueName: "format",
        help: "table (default on a terminal), csv, json (one object per file) or jsonl (default otherwise).")

    static let spec = CommandSpec(
        name: "score",
        abstract: "Find the reader comments in each input and score every one.",
        discussion: [
            "Exit codes: 0 all inputs analysed, 1 some input failed (the rest still ran), 2 usage error."
        ],
        arguments: [InputOptions.argument],
        options: [format.spec] + InputOptions.specs + BatchOptions.specs + [BatchOptions.minConfidence.spec]
            + [CSVOptions.noFormulaGuard.spec] + ColorOptions.specs,
        requiresArgument: true)

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        let terminal = try ColorOptions.terminal(parsed, command: spec.name)
        let format = parsed[Self.format] ?? (terminal.stdoutIsTerminal ? .table : .jsonl)
        let options = try InputOptions.analysisOptions(parsed, command: spec.name)
        let items = InputOptions.inputs(parsed)
        let runner = try InputRunner.configured(parsed, options: options, items: items, terminal: terminal)
        let csv = CSVOptions.writer(parsed)
        let columns = CommentColumns.all(explain: options.explain)
        if format == .csv { Output.write(csv.header(columns)) }
        // CSV and JSON Lines rows stand alone: large comment files stream (the table and the JSON
        // object need the whole file's report).
        let streaming: RowStreaming?
        switch format {
        case .csv:
            streaming = RowStreaming(
                render: { ScoreRenderer.csvRow($0, file: $1, writer: csv, columns: columns) },
                write: {
                    Output.write($0)
                    return true
                })
        case .jsonl:
            streaming = RowStreaming(
                render: { ScoreRenderer.jsonlRow($0, file: $1, columns: columns) },
                write: {
                    Output.write($0)
                    return true
                })
        case .table, .json:
            streaming = nil
        }
        return runner.run(items, streaming: streaming) { report, _ in
            switch format {
            case .table:
                Output.write(ScoreRenderer.table(report, width: terminal.width, color: terminal.color))
            case .csv:
                Output.write(ScoreRenderer.csvRows(report, writer: csv, columns: columns))
            case .json:
                Output.write(ScoreRenderer.json(report, columns: columns))
            case .jsonl:
                Output.write(ScoreRenderer.jsonl(report, columns: columns))
            }
        }
    }
}
