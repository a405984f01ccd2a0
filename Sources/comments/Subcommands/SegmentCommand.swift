import Discourse

/// `comments segment FILE...`: every line labelled header, body, boilerplate, comment or comment-meta.
enum SegmentCommand {
    static let spec = CommandSpec(
        name: "segment",
        abstract: "Label every line of each input and report where the comments start.",
        usage: "comments segment <input>... [--format table|json] [--explain]",
        options: [
            OptionSpec(
                "--format", "-f", value: "FORMAT",
                help: "table (default on a terminal) or json (one object per file and line)."),
        ] + InputOptions.specs + BatchOptions.specs,
        discussion: """
            JSON keys: file, lines, first_comment_line (1-based or null), comment_lines, confidence,
            segments [{kind, start, end}] (1-based, inclusive); with --explain, evidence per line.
            Exit codes: 0 all inputs analysed, 1 some input failed (the rest still ran), 2 usage error.
            """)

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        let terminal = Terminal.current(noColorFlag: parsed.flag("--no-color"))
        let format =
            try parsed.choice("--format", ["table", "json"], command: spec.name)
            ?? (terminal.stdoutIsTerminal ? "table" : "json")
        let options = try InputOptions.analysisOptions(parsed, command: spec.name)
        let items = try InputOptions.inputs(parsed, command: spec.name)
        let runner = try InputRunner.configured(parsed, options: options, items: items, terminal: terminal, command: spec.name)
        return runner.run(items) { report, document in
            if format == "json" {
                Output.write(SegmentRenderer.json(report) + "\n")
            } else {
                let lines = TextLines.split(document.text)
                Output.write(SegmentRenderer.table(report, lines: lines, width: terminal.width, color: terminal.color))
            }
        }
    }
}
