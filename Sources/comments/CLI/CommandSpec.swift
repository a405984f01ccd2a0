import Discourse

/// A subcommand as the parser, `--help`, the completion scripts and the man page see it.
struct CommandSpec: Sendable {
    /// `score`; empty for the root command.
    var name: String
    var abstract: String
    /// Paragraphs shown after the overview (wrapped to the terminal).
    var discussion: [String] = []
    var arguments: [ArgumentSpec] = []
    /// The options this command accepts (`--help` is added by the parser).
    var options: [OptionSpec] = []
    /// A usage line when the generated one would not say enough (export's choice of destinations).
    var customUsage: String?
    /// Whether at least one positional argument must be given.
    var requiresArgument = false

    static let helpOption = Flag("--help", short: "h", help: "Show help information.").spec

    var allOptions: [OptionSpec] { options + [Self.helpOption] }

    /// `comments score`.
    var invocation: String { name.isEmpty ? "comments" : "comments \(name)" }

    /// `comments score <input> ... [<options>]`.
    var usage: String {
        if let customUsage { return customUsage }
        var out = invocation
        for argument in arguments { out += " " + (requiresArgument ? argument.label : "[\(argument.label)]") }
        if !options.isEmpty { out += " [<options>]" }
        return out
    }

    /// The `--help` text, laid out as swift-argument-parser lays it out and wrapped to `width`.
    func help(width: Int) -> String {
        var out = DisplayWidth.wrap("OVERVIEW: " + abstract, width: width) + "\n\n"
        for paragraph in discussion { out += DisplayWidth.wrap(paragraph, width: width) + "\n" }
        if !discussion.isEmpty { out += "\n" }
        out += DisplayWidth.wrap("USAGE: " + usage, width: width, indent: 2, hanging: true) + "\n\n"
        if !arguments.isEmpty {
            out += "ARGUMENTS:\n"
            for argument in arguments { out += Self.entry(argument.label, argument.help, width: width) }
            out += "\n"
        }
        out += "OPTIONS:\n"
        for option in allOptions { out += Self.entry(option.label, option.help, width: width) }
        return out
    }

    /// Column where help text starts, as in swift-argument-parser.
    static let labelColumn = 26

    /// `  label                   help…` with the help wrapped under itself; a label too long for
    /// the column gets its help on the next line.
    static func entry(_ label: String, _ help: String, width: Int) -> String {
        let column = min(labelColumn, max(8, width / 3))
        let padded = "  " + label
        let body = DisplayWidth.wrap(help, width: width, indent: column)
        if padded.count < column {
            return padded + String(body.dropFirst(padded.count)) + "\n"
        }
        return padded + "\n" + body + "\n"
    }
}

/// A command line the user got wrong: exit code 2, the message, the usage line and a pointer to
/// `--help` (swift-argument-parser's shape).
struct UsageError: Error, CustomStringConvertible {
    var message: String
    /// The subcommand's name (empty for the root command), for its usage line.
    var command: String

    var description: String { message }
}

/// Closest spelling among `candidates`, for "did you mean" (edit distance, or a prefix).
enum Suggestion {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            var d = distance(Array(word.lowercased()), Array(candidate.lowercased()))
            if candidate.hasPrefix(word) && word.count >= 3 { d = min(d, 1) }
            if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance.
    /// - Complexity: O(a × b).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
