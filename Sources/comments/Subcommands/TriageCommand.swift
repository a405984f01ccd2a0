import Discourse

/// `comments triage FILE...`: one moderation queue across every input, most urgent first.
enum TriageCommand {
    enum Format: String, CaseIterable, Sendable {
        case table, csv, jsonl
    }

    static let top = Value<Int>.integer(
        "--top", short: "n", in: 1...Int.max, help: "Show only the <n> most urgent comments.")
    static let minPriority = Value<Double>.number(
        "--min-priority", in: 0...1, help: "Show only comments with priority >= <x>.")
    static let format = Value<Format>.choice(
        "--format", short: "f", valueName: "format",
        help: "table (default on a terminal), csv or jsonl (default otherwise).")

    static let spec = CommandSpec(
        name: "triage",
        abstract: "Rank every comment of every input by how urgently a moderator should see it.",
        discussion: [
            "Scores are lexicon and rule heuristics, not a trained model: toxicity, insult, profanity, threat, identity_attack, shouting and spam, each 0..1, combined into priority; reasons names the categories that fired, strongest first. --explain adds the words behind them.",
            "Columns (csv, jsonl): rank, priority, reasons, file, line, comment, author, toxicity, insult, profanity, threat, identity_attack, shouting, spam, text (and triage_evidence with --explain).",
            "Exit codes: 0 all inputs analysed, 1 some input failed (the rest still ran), 2 usage error.",
        ],
        arguments: [InputOptions.argument],
        options: [top.spec, minPriority.spec, format.spec] + InputOptions.specs + BatchOptions.specs
            + [BatchOptions.minConfidence.spec, CSVOptions.noFormulaGuard.spec] + ColorOptions.specs,
        requiresArgument: true)

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        let terminal = try ColorOptions.terminal(parsed, command: spec.name)
        let format = parsed[Self.format] ?? (terminal.stdoutIsTerminal ? .table : .jsonl)
        let options = try InputOptions.analysisOptions(parsed, command: spec.name)
        let items = InputOptions.inputs(parsed)
        var queue = TriageQueue(minimumPriority: parsed[minPriority] ?? 0, limit: parsed[top])
        let runner = try InputRunner.configured(parsed, options: options, items: items, terminal: terminal)
        let code = runner.run(items) { report, _ in
            queue.add(report)
        }
        let ranked = queue.ranked()
        switch format {
        case .table:
            Output.write(
                TriageRenderer.table(ranked, width: terminal.width, color: terminal.color, explain: options.explain))
            let line = DisplayWidth.wrap(TriageRenderer.summary(queue, shown: ranked.count), width: terminal.width)
            Output.write((terminal.color ? Style.dim.apply(line) : line) + "\n")
        case .csv:
            Output.write(TriageRenderer.csv(ranked, writer: CSVOptions.writer(parsed), explain: options.explain))
        case .jsonl:
            Output.write(TriageRenderer.jsonl(ranked, explain: options.explain))
        }
        Output.flush()
        return code
    }
}
