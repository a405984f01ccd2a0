import Discourse

/// The root command: dispatches to subcommands, prints the overview, `--help` and `--version`.
enum CommentsCommand {
    struct Subcommand {
        var spec: CommandSpec
        var run: ([String]) throws -> ExitCode
        var name: String { spec.name }
    }

    static var subcommands: [Subcommand] {
        [
            Subcommand(spec: ScoreCommand.spec, run: ScoreCommand.run),
            Subcommand(spec: SegmentCommand.spec, run: SegmentCommand.run),
            Subcommand(spec: TriageCommand.spec, run: TriageCommand.run),
            Subcommand(spec: ExportCommand.spec, run: ExportCommand.run),
            Subcommand(spec: ReportCommand.spec, run: ReportCommand.run),
            Subcommand(spec: ColumnsCommand.spec, run: ColumnsCommand.run),
            Subcommand(spec: ServeCommand.spec, run: ServeCommand.run),
            Subcommand(spec: CompletionCommand.spec, run: CompletionCommand.run),
            Subcommand(spec: ManCommand.spec, run: ManCommand.run),
        ]
    }

    static let version = Flag("--version", help: "Show the version.")

    /// The root command as a spec (for errors, completion and the man page).
    static let spec = CommandSpec(
        name: "",
        abstract: "Split a news article from its reader comments and score every comment.",
        discussion: [
            "An input is a file, a directory (searched for *.txt), or - for standard input.",
            "Exit codes: 0 success, 1 some input failed (the rest still ran), 2 usage error, 130 interrupted ('comments serve': 0 after SIGTERM/SIGINT, 1 could not listen).",
        ],
        options: [version.spec],
        customUsage: "comments <subcommand>")

    static func overview(width: Int) -> String {
        var out = spec.help(width: width)
        out += "\nSUBCOMMANDS:\n"
        for sub in subcommands { out += CommandSpec.entry(sub.name, sub.spec.abstract, width: width) }
        out += "\n" + DisplayWidth.wrap("  See 'comments help <subcommand>' for detailed help.", width: width) + "\n"
        return out
    }

    /// Runs the command line `arguments` and returns its exit code (README "Exit codes"): 1 also
    /// when stdout did not take all of the output.
    static func run(_ arguments: [String]) -> Int32 {
        Output.finish(dispatch(arguments))
    }

    /// Runs the subcommand `arguments` name; its exit code before stdout was checked.
    private static func dispatch(_ arguments: [String]) -> Int32 {
        let width = Terminal.helpWidth
        guard let first = arguments.first else {
            // A command group alone shows its help (swift-argument-parser does the same).
            Output.write(overview(width: width))
            return ExitCode.success.rawValue
        }
        switch first {
        case "--version", "-V":
            // A word after it is a mistake (`comments --version score`?): said, not ignored.
            if arguments.count > 1 {
                return report(UsageError(message: "'\(first)' takes no arguments; got '\(arguments[1])'", command: ""))
            }
            Output.write("comments \(Version.current)\n")
            return ExitCode.success.rawValue
        case "--help", "-h":
            Output.write(overview(width: width))
            return ExitCode.success.rawValue
        case "help":
            // `help`, `help help` and `help --help` all mean the overview.
            guard arguments.count > 1, !["help", "--help", "-h"].contains(arguments[1]) else {
                Output.write(overview(width: width))
                return ExitCode.success.rawValue
            }
            guard let sub = subcommands.first(where: { $0.name == arguments[1] }) else {
                return report(unknownSubcommand(arguments[1]))
            }
            Output.write(sub.spec.help(width: width))
            return ExitCode.success.rawValue
        default:
            break
        }
        if first.hasPrefix("-") {
            return report(UsageError(message: "unknown option '\(first)'", command: ""))
        }
        guard let sub = subcommands.first(where: { $0.name == first }) else {
            return report(unknownSubcommand(first))
        }
        let rest = Array(arguments.dropFirst())
        // `--help` anywhere before `--` wins over everything else on the line.
        if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) {
            Output.write(sub.spec.help(width: width))
            return ExitCode.success.rawValue
        }
        do {
            let code = try sub.run(rest)
            Output.flush()
            return code.rawValue
        } catch let error as UsageError {
            return report(error)
        } catch {
            Output.error("comments \(sub.name): \(error)")
            return ExitCode.someInputFailed.rawValue
        }
    }

    static func unknownSubcommand(_ word: String) -> UsageError {
        let near = Suggestion.closest(to: word, among: subcommands.map(\.name)).map { ". Did you mean '\($0)'?" } ?? ""
        return UsageError(message: "unknown subcommand '\(word)'\(near)", command: "")
    }

    /// `Error: …`, the usage line and where to read more, on stderr (swift-argument-parser's shape);
    /// exit code 2.
    static func report(_ error: UsageError) -> Int32 {
        let spec = subcommands.first { $0.name == error.command }?.spec ?? Self.spec
        let width = Terminal.stderrWidth
        let text =
            // The message itself is not wrapped: it may name a path, and people search for it whole.
            "Error: " + Output.oneLine(error.message) + "\n"
            + DisplayWidth.wrap("Usage: " + spec.usage, width: width, indent: 2, hanging: true) + "\n"
            + DisplayWidth.wrap("See '\(spec.invocation) --help' for more information.", width: width, indent: 2)
        Output.error(text, multiline: true)
        return ExitCode.usage.rawValue
    }
}
