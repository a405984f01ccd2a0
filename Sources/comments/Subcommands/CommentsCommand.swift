/// The root command: dispatches to subcommands, prints the overview, `--help` and `--version`.
enum CommentsCommand {
    static var subcommands: [(name: String, spec: CommandSpec, run: ([String]) throws -> ExitCode)] {
        [
        ("score", ScoreCommand.spec, ScoreCommand.run),
        ("segment", SegmentCommand.spec, SegmentCommand.run),
        ("triage", TriageCommand.spec, TriageCommand.run),
        ("export", ExportCommand.spec, ExportCommand.run),
        ("report", ReportCommand.spec, ReportCommand.run),
        ("columns", ColumnsCommand.spec, ColumnsCommand.run),
        ("serve", ServeCommand.spec, ServeCommand.run),
        ]
    }

    static var overview: String {
        var out = """
            OVERVIEW: Split a news article from its reader comments and score every comment.

            USAGE: comments <subcommand> <input>... [options]

            SUBCOMMANDS:

            """
        for sub in subcommands {
            out += "  " + sub.name.padding(toLength: 10) + sub.spec.abstract + "\n"
        }
        out += """

            OPTIONS:
              --version   Show the version.
              --help, -h  Show this help. 'comments <subcommand> --help' shows a subcommand's options.

            An input is a file, a directory (searched for *.txt), or - for standard input.
            Exit codes: 0 success, 1 some input failed (the rest still ran), 2 usage error, 130 interrupted
            ('comments serve': 0 after SIGTERM/SIGINT, 1 could not listen).

            """
        return out
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            Output.error(overview)
            return ExitCode.usage.rawValue
        }
        switch first {
        case "--version", "-V":
            Output.write("comments \(Version.current)\n")
            return ExitCode.success.rawValue
        case "--help", "-h", "help":
            if first == "help", arguments.count > 1, let sub = subcommands.first(where: { $0.name == arguments[1] }) {
                Output.write(sub.spec.help())
            } else {
                Output.write(overview)
            }
            return ExitCode.success.rawValue
        default:
            break
        }
        guard let sub = subcommands.first(where: { $0.name == first }) else {
            Output.error("comments: unknown subcommand '\(first)'\nRun 'comments --help' for the list.")
            return ExitCode.usage.rawValue
        }
        let rest = Array(arguments.dropFirst())
        // `--help` anywhere before `--` wins over everything else on the line.
        if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
            Output.write(sub.spec.help())
            return ExitCode.success.rawValue
        }
        do {
            let code = try sub.run(rest)
            Output.flush()
            return code.rawValue
        } catch let error as UsageError {
            Output.error("comments \(sub.name): \(error)")
            return ExitCode.usage.rawValue
        } catch {
            Output.error("comments \(sub.name): \(error)")
            return ExitCode.someInputFailed.rawValue
        }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
