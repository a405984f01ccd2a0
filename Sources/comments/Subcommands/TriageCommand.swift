import Discourse

/// `comments triage FILE...`: one moderation queue across every input, most urgent first.
enum TriageCommand {
    static let spec = CommandSpec(
        name: "triage",
        abstract: "Rank every comment of every input by how urgently a moderator should see it.",
        usage: "comments triage <input>... [--top N] [--min-priority X] [--format table|csv|jsonl] [options]",
        options: [
            OptionSpec("--top", "-n", value: "N", help: "Show only the N most urgent comments."),
            OptionSpec("--min-priority", value: "X", help: "Show only comments with priority >= X (0...1)."),
            OptionSpec(
                "--format", "-f", value: "FORMAT",
                help: "table (default on a terminal), csv, or jsonl (default otherwise)."),
        ] + InputOptions.specs + BatchOptions.specs + [BatchOptions.minConfidence],
        discussion: """
            Scores are lexicon and rule heuristics, not a trained model: toxicity, insult, profanity,
            threat, identity_attack, shouting and spam, each 0..1, combined into priority; reasons
            names the categories that fired, strongest first. --explain adds the words behind them.
            Columns (csv, jsonl): rank, priority, reasons, file, line, comment, author, toxicity, insult,
            profanity, threat, identity_attack, shouting, spam, text.
            Exit codes: 0 all inputs analysed, 1 some input failed (the rest still ran), 2 usage error.
            """)

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        let terminal = Terminal.current(noColorFlag: parsed.flag("--no-color"))
        let format =
            try parsed.choice("--format", ["table", "csv", "jsonl"], command: spec.name)
            ?? (terminal.stdoutIsTerminal ? "table" : "jsonl")
        let top = try parsed.integer("--top", atLeast: 1, command: spec.name)
        let minimum = try parsed.number("--min-priority", in: 0...1, command: spec.name) ?? 0
        let options = try InputOptions.analysisOptions(parsed, command: spec.name)
        let items = try InputOptions.inputs(parsed, command: spec.name)
        var queue = TriageQueue(minimumPriority: minimum, limit: top)
        let runner = try InputRunner.configured(parsed, options: options, items: items, terminal: terminal, command: spec.name)
        let code = runner.run(items) { report, _ in
            queue.add(report)
        }
        let ranked = queue.ranked()
        switch format {
        case "table":
            Output.write(
                TriageRenderer.table(ranked, width: terminal.width, color: terminal.color, explain: options.explain))
            let line = TriageRenderer.summary(queue, shown: ranked.count)
            Output.write((terminal.color ? Style.dim.apply(line) : line) + "\n")
        case "csv":
            Output.write(TriageRenderer.csv(ranked, explain: options.explain))
        default:
            Output.write(TriageRenderer.jsonl(ranked, explain: options.explain))
        }
        Output.flush()
        return code
    }
}
