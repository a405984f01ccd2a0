import Discourse

/// `comments segment FILE...`: every line labelled header, body, boilerplate, comment or comment-meta.
enum SegmentCommand {
    enum Format: String, CaseIterable, Sendable {
        case table, json, jsonl
    }

    static let format = Value<Format>.choice(
        "--format", short: "f", valueName: "format",
        help:
            "table (default on a terminal), json (default otherwise) or jsonl: one object per file, on one line (several files make JSON Lines either way)."
    )

    static let spec = CommandSpec(
        name: "segment",
        abstract: "Label every line of each input and report where the comments start.",
        discussion: [
            "JSON keys: file, lines, first_comment_line (1-based or null), comment_lines, confidence, segments [{kind, start, end}] (1-based, inclusive); with --explain, evidence per line.",
            "Exit codes: 0 all inputs analysed, 1 some input failed (the rest still ran), 2 usage error.",
        ],
        arguments: [InputOptions.argument],
        options: [format.spec] + InputOptions.specs + BatchOptions.specs + ColorOptions.specs,
        requiresArgument: true)

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        let terminal = try ColorOptions.terminal(parsed, command: spec.name)
        let format = parsed[Self.format] ?? (terminal.stdoutIsTerminal ? .table : .json)
        let options = try InputOptions.analysisOptions(parsed, command: spec.name)
        let items = InputOptions.inputs(parsed)
        let runner = try InputRunner.configured(parsed, options: options, items: items, terminal: terminal)
        return runner.run(items) { report, document in
            switch format {
            case .json, .jsonl:
                Output.write(SegmentRenderer.json(report) + "\n")
            case .table:
                let lines = TextLines.split(document.text)
                Output.write(SegmentRenderer.table(report, lines: lines, width: terminal.width, color: terminal.color))
            }
        }
    }
}
