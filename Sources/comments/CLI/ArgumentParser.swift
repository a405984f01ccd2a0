/// A command line parsed against a ``CommandSpec``; options are read through their declarations.
struct ParsedArguments {
    let command: CommandSpec
    fileprivate(set) var flags: Set<String> = []
    fileprivate(set) var values: [String: [String]] = [:]
    fileprivate(set) var positionals: [String] = []

    init(command: CommandSpec) {
        self.command = command
    }

    subscript(_ flag: Flag) -> Bool {
        declared(flag.spec)
        return flags.contains(flag.spec.long)
    }

    subscript<T>(_ option: Value<T>) -> T? {
        declared(option.spec)
        // The parser checked every value with the same conversion.
        return values[option.spec.long]?.last.flatMap(option.convert)
    }

    subscript<T>(_ option: Values<T>) -> [T] {
        declared(option.spec)
        return (values[option.spec.long] ?? []).compactMap(option.convert)
    }

    /// Whether the option was given at all (for options read through another declaration).
    func given(_ spec: OptionSpec) -> Bool {
        declared(spec)
        return flags.contains(spec.long) || values[spec.long] != nil
    }

    /// Reading an option the command does not accept is a programming error, caught by any test
    /// that runs the command.
    private func declared(_ spec: OptionSpec) {
        precondition(
            command.options.contains { $0.long == spec.long },
            "\(command.invocation) reads \(spec.long), which it does not declare")
    }
}

/// The parser: getopt's and swift-argument-parser's conventions without the dependency.
///
/// `--name value`, `--name=value`, short options with the value attached (`-fcsv`, `-f=csv`) or
/// next (`-f csv`), bundled flags (`-qf csv`), `--` ending options, `-` as a positional (stdin).
/// Unknown options get a "did you mean", a single-value option given twice is an error, and
/// positionals are refused by commands that take none.
enum ArgumentParser {
    static func parse(_ arguments: [String], spec: CommandSpec) throws -> ParsedArguments {
        var result = ParsedArguments(command: spec)
        var byLong: [String: OptionSpec] = [:]
        var byShort: [Character: OptionSpec] = [:]
        for option in spec.allOptions {
            byLong[option.long] = option
            if let short = option.short { byShort[short] = option }
        }
        func fail(_ message: String) -> UsageError { UsageError(message: message, command: spec.name) }
        func record(_ option: OptionSpec, _ value: String?, as written: String) throws {
            guard let value else {
                result.flags.insert(option.long)
                return
            }
            guard option.accepts(value) else {
                throw fail("\(written) expects \(option.expectation), got '\(value)'")
            }
            if option.arity == .single, let previous = result.values[option.long]?.last {
                throw fail("\(option.long) given twice ('\(previous)', then '\(value)'); give it once")
            }
            result.values[option.long, default: []].append(value)
        }
        func unknown(_ name: String) -> UsageError {
            let longs = spec.allOptions.map(\.long)
            // "-format" meant "--format".
            let word = name.hasPrefix("--") ? name : "-" + name
            if let near = Suggestion.closest(to: word, among: longs) {
                return fail("unknown option '\(name)'. Did you mean '\(near)'?")
            }
            return fail("unknown option '\(name)'")
        }

        var i = 0
        var optionsEnded = false
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument.hasPrefix("--") {
                var name = argument
                var inline: String?
                if let eq = argument.firstIndex(of: "=") {
                    name = String(argument[..<eq])
                    inline = String(argument[argument.index(after: eq)...])
                }
                guard let option = byLong[name] else { throw unknown(name) }
                if !option.takesValue {
                    if inline != nil { throw fail("\(name) takes no value") }
                    try record(option, nil, as: name)
                } else if let inline {
                    try record(option, inline, as: name)
                } else if i < arguments.count {
                    try record(option, arguments[i], as: name)
                    i += 1
                } else {
                    throw fail("\(name) needs a value <\(option.valueName)>")
                }
                continue
            }
            // A cluster of short options: flags, then at most one option with its value.
            var rest = Substring(argument.dropFirst())
            while let c = rest.first {
                let first = rest.startIndex == argument.index(after: argument.startIndex)
                rest = rest.dropFirst()
                guard let option = byShort[c] else {
                    // "-frobnicate" is reported whole (and may have meant "--frobnicate").
                    throw unknown(first ? argument : "-\(c)")
                }
                if !option.takesValue {
                    try record(option, nil, as: "-\(c)")
                    continue
                }
                if !rest.isEmpty {
                    try record(option, String(rest.hasPrefix("=") ? rest.dropFirst() : rest), as: "-\(c)")
                } else if i < arguments.count {
                    try record(option, arguments[i], as: "-\(c)")
                    i += 1
                } else {
                    throw fail("-\(c) needs a value <\(option.valueName)>")
                }
                break
            }
        }
        if spec.arguments.isEmpty, let extra = result.positionals.first {
            throw fail("unexpected argument '\(extra)'")
        }
        if let argument = spec.arguments.first, !argument.choices.isEmpty {
            if result.positionals.count > 1 { throw fail("unexpected argument '\(result.positionals[1])'") }
            if let word = result.positionals.first, !argument.choices.contains(word) {
                let near = Suggestion.closest(to: word, among: argument.choices).map { ". Did you mean '\($0)'?" } ?? ""
                throw fail(
                    "<\(argument.name)> must be one of \(argument.choices.joined(separator: ", ")); got '\(word)'\(near)"
                )
            }
        }
        if spec.requiresArgument, result.positionals.isEmpty, let argument = spec.arguments.first {
            throw fail(
                argument.name == "input"
                    ? "no input: give a file, a directory, or - for stdin" : "missing <\(argument.name)>")
        }
        return result
    }
}
