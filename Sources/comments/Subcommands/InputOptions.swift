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

    /// The `--triage-lexicon` files, parsed and checked before any input is read: a bad line is a
    /// usage error (exit 2) naming the file and line.
    static func triageLexicons(_ parsed: ParsedArguments, command: String) throws -> [CommunityTerms] {
        var files: [CommunityTerms] = []
        for path in parsed.all("--triage-lexicon") {
            switch InputFiles.read(.file(path)) {
            case .success(let document):
                do {
                    files.append(try CommunityTerms(path: path, text: document.text))
                } catch {
                    throw UsageError(message: "--triage-lexicon: \(error)", command: command)
                }
            case .failure(let error):
                throw UsageError(message: "--triage-lexicon: \(error)", command: command)
            }
        }
        return files
    }

    /// The `--lexicon` files, parsed and checked before any input is read: a bad line is a usage
    /// error (exit 2) naming the file and line.
    static func sentimentLexicons(_ parsed: ParsedArguments, command: String) throws -> [SentimentTerms] {
        var terms: [SentimentTerms] = []
        for path in parsed.all("--lexicon") {
            switch InputFiles.read(.file(path)) {
            case .success(let document):
                do {
                    terms.append(try SentimentTerms(path: path, text: document.text))
                } catch {
                    throw UsageError(message: "--lexicon: \(error)", command: command)
                }
            case .failure(let error):
                throw UsageError(message: "--lexicon: \(error)", command: command)
            }
        }
        return terms
    }

    /// Expands the positional inputs; no input at all is a usage error.
    static func inputs(_ parsed: ParsedArguments, command: String) throws -> [InputItem] {
        guard !parsed.positionals.isEmpty else {
            throw UsageError(message: "no input: give a file, a directory, or - for stdin", command: command)
        }
        return InputFiles.expand(parsed.positionals)
    }
}
