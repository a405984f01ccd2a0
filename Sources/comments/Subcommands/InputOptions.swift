import Discourse

/// Options every analysing subcommand shares: how to find the article and comments, and `--explain`.
enum InputOptions {
    static let allComments = Flag(
        "--all-comments", help: "Every non-empty line is a comment (input that is only comments).")
    static let article = Value<String>.text(
        "--article", valueName: "file", hint: .file,
        help: "Take the article from <file>; every input line is a comment.")
    static let explain = Flag("--explain", help: "Show which features or terms moved each score.")
    static let lexicon = Value<String>.text(
        "--lexicon", valueName: "file", hint: .file,
        help:
            "Add or re-rate sentiment terms: TSV whose first line is the header term<TAB>valence, then one term (multiword allowed) and a valence -4 … 4 per line; repeatable, later files win; a bad line exits 2 naming file and line."
    ).repeated
    static let triageLexicon = Value<String>.text(
        "--triage-lexicon", valueName: "file", hint: .file,
        help:
            "Add moderation terms: TSV whose first line is the header term<TAB>category<TAB>strength; category insult, profanity, threat, identity_attack, spam (strength 0 … 1) or allow (a name or phrase inside which nothing counts, strength may be empty); repeatable, later files win; a bad line exits 2 naming file and line."
    ).repeated

    static let specs: [OptionSpec] = [allComments.spec, article.spec, explain.spec, lexicon.spec, triageLexicon.spec]

    /// The positional inputs of every analysing command.
    static let argument = ArgumentSpec(
        name: "input",
        help: "A file, a directory (searched recursively for *.txt, in sorted order), or - for standard input.",
        repeating: true, hint: .file)

    /// Analysis options from parsed arguments (reads `--article`'s file).
    static func analysisOptions(_ parsed: ParsedArguments, command: String) throws -> AnalysisOptions {
        var options = AnalysisOptions(explain: parsed[explain])
        if parsed[allComments] && parsed[article] != nil {
            throw UsageError(message: "--all-comments and --article cannot be used together", command: command)
        }
        if parsed[allComments] {
            options.mode = .allComments
        } else if let path = parsed[article] {
            switch InputFiles.read(.file(path)) {
            case .success(let document):
                for warning in document.warnings { Output.error("comments: \(warning)") }
                options.mode = .separateArticle(document.text)
            case .failure(let error):
                throw UsageError(message: "--article: \(error)", command: command)
            }
        }
        options.sentimentLexicons = try lexiconFiles(lexicon, parsed, command: command) {
            try SentimentTerms(path: $0, text: $1)
        }
        options.triageLexicons = try lexiconFiles(triageLexicon, parsed, command: command) {
            try CommunityTerms(path: $0, text: $1)
        }
        return options
    }

    /// Reads and parses every file given to `option`: an unreadable file or a bad line is a usage
    /// error (exit 2) naming the option, the file and the line, before any input is read.
    static func lexiconFiles<Table>(
        _ option: Values<String>, _ parsed: ParsedArguments, command: String, parse: (String, String) throws -> Table
    ) throws -> [Table] {
        let name = option.spec.long
        return try parsed[option].map { path in
            switch InputFiles.read(.file(path)) {
            case .success(let document):
                do {
                    return try parse(path, document.text)
                } catch {
                    throw UsageError(message: "\(name): \(error)", command: command)
                }
            case .failure(let error):
                throw UsageError(message: "\(name): \(error)", command: command)
            }
        }
    }

    /// Expands the positional inputs (the parser has made sure there is one).
    static func inputs(_ parsed: ParsedArguments) -> [InputItem] {
        InputFiles.expand(parsed.positionals)
    }

    /// Every file the run reads: the expanded inputs, --article and the lexicons (for ``SameFile``).
    static func readPaths(_ parsed: ParsedArguments, items: [InputItem]) -> [String] {
        let files = items.compactMap { item -> String? in
            if case .file(let path) = item { return path }
            return nil
        }
        return files + (parsed[article].map { [$0] } ?? []) + parsed[lexicon] + parsed[triageLexicon]
    }
}

/// `--color` and its shorthand `--no-color`, on the commands that colour their output.
enum ColorOptions {
    static let color = Value<ColorChoice>.choice(
        "--color", valueName: "when",
        help: "Colour the table: auto (on a terminal, unless NO_COLOR is set), always or never. (default: auto)")
    static let noColor = Flag("--no-color", help: "The same as --color never.")

    static let specs = [color.spec, noColor.spec]

    /// The terminal as the options see it. `--no-color` with `--color auto|always` contradicts
    /// itself: a usage error, as an option given twice is, not a silent winner.
    static func terminal(_ parsed: ParsedArguments, command: String) throws -> Terminal {
        if parsed[noColor], let choice = parsed[color], choice != .never {
            throw UsageError(
                message: "--no-color and --color \(choice.rawValue) cannot be used together", command: command)
        }
        return Terminal.current(color: parsed[noColor] ? .never : parsed[color] ?? .auto)
    }
}

/// Options of the commands that write CSV.
enum CSVOptions {
    static let noFormulaGuard = Flag(
        "--no-formula-guard", help: "Do not prefix text cells starting with = + - @ tab or CR with ' (CSV only).")

    static func writer(_ parsed: ParsedArguments) -> CSVWriter {
        CSVWriter(formulaGuard: !parsed[noFormulaGuard])
    }
}

/// `--flag-threshold`, declared once for `export` (the summary's count) and `report` (the marks).
enum FlagThreshold {
    static let option = Value<Double>.number(
        "--flag-threshold", in: 0...1, help: "Count comments with priority >= <x> as flagged. (default: 0.5)")

    static func value(_ parsed: ParsedArguments) -> Double { parsed[option] ?? 0.5 }
}
