import Discourse

/// Options every analysing subcommand shares: how to find the article and comments, and `--explain`.
enum InputOptions {
    static let specs: [OptionSpec] = [
        OptionSpec("--all-comments", help: "Every non-empty line is a comment (input that is only comments)."),
        OptionSpec("--article", value: "FILE", help: "Take the article from FILE; every input line is a comment."),
        OptionSpec("--explain", help: "Show which features or terms moved each score."),
        OptionSpec(
            "--lexicon", value: "FILE",
            help:
                "Add or re-rate sentiment terms: TSV whose first line is the header term<TAB>valence, then one term (multiword allowed) and a valence -4 … 4 per line; repeatable, later files win; a bad line exits 2 naming file and line."
        ),
        OptionSpec(
            "--triage-lexicon", value: "FILE",
            help:
                "Add moderation terms: TSV whose first line is the header term<TAB>category<TAB>strength; category insult, profanity, threat, identity_attack, spam (strength 0 … 1) or allow (a name or phrase inside which nothing counts, strength may be empty); repeatable, later files win; a bad line exits 2 naming file and line."
        ),
        OptionSpec("--no-color", help: "Never colour the output (also: NO_COLOR=1)."),
    ]

    /// Analysis options from parsed arguments (reads `--article`'s file).
    static func analysisOptions(_ parsed: ParsedArguments, command: String) throws -> AnalysisOptions {
        var options = AnalysisOptions(explain: parsed.flag("--explain"))
        if parsed.flag("--all-comments") && parsed.value("--article") != nil {
            throw UsageError(message: "--all-comments and --article cannot be used together", command: command)
        }
        if parsed.flag("--all-comments") {
            options.mode = .allComments
        } else if let path = parsed.value("--article") {
            switch InputFiles.read(.file(path)) {
            case .success(let document):
                for warning in document.warnings { Output.error("comments: \(warning)") }
                options.mode = .separateArticle(document.text)
            case .failure(let error):
                throw UsageError(message: "--article: \(error)", command: command)
            }
        }
        options.sentimentLexicons = try sentimentLexicons(parsed, command: command)
        options.triageLexicons = try triageLexicons(parsed, command: command)
        return options
    }

    /// The `--triage-lexicon` files, parsed and checked before any input is read.
    static func triageLexicons(_ parsed: ParsedArguments, command: String) throws -> [CommunityTerms] {
        try lexiconFiles("--triage-lexicon", parsed, command: command) { try CommunityTerms(path: $0, text: $1) }
    }

    /// The `--lexicon` files, parsed and checked before any input is read.
    static func sentimentLexicons(_ parsed: ParsedArguments, command: String) throws -> [SentimentTerms] {
        try lexiconFiles("--lexicon", parsed, command: command) { try SentimentTerms(path: $0, text: $1) }
    }

    /// Reads and parses every file given to `option`: an unreadable file or a bad line is a usage
    /// error (exit 2) naming the option, the file and the line, before any input is read.
    static func lexiconFiles<Table>(
        _ option: String, _ parsed: ParsedArguments, command: String, parse: (String, String) throws -> Table
    ) throws -> [Table] {
        try parsed.all(option).map { path in
            switch InputFiles.read(.file(path)) {
            case .success(let document):
                do {
                    return try parse(path, document.text)
                } catch {
                    throw UsageError(message: "\(option): \(error)", command: command)
                }
            case .failure(let error):
                throw UsageError(message: "\(option): \(error)", command: command)
            }
        }
    }

    /// Expands the positional inputs; no input at all is a usage error.
    static func inputs(_ parsed: ParsedArguments, command: String) throws -> [InputItem] {
        guard !parsed.positionals.isEmpty else {
            throw UsageError(message: "no input: give a file, a directory, or - for stdin", command: command)
        }
        return InputFiles.expand(parsed.positionals)
    }
}
