/// A small declarative argument parser (the package takes no dependencies).
///
/// Supports `--name value`, `--name=value`, short aliases (`-o value`), repeated options, `--` to end
/// options, and `-` as a positional (stdin). Each subcommand describes itself with a
/// ``CommandSpec`` that also renders its `--help`.
struct OptionSpec {
    var names: [String]
    /// Placeholder for the value (`FILE`, `N`), or nil for a flag.
    var value: String?
    var help: String

    init(_ names: String..., value: String? = nil, help: String) {
        self.names = names
        self.value = value
        self.help = help
    }

    var key: String { names[0] }
}

struct CommandSpec {
    var name: String
    var abstract: String
    var usage: String
    var options: [OptionSpec]
    var discussion: String = ""

    static let helpOption = OptionSpec("--help", "-h", help: "Show this help and exit.")

    var allOptions: [OptionSpec] { options + [Self.helpOption] }

    func help() -> String {
        var out = "OVERVIEW: \(abstract)\n\nUSAGE: \(usage)\n\nOPTIONS:\n"
        let labels = allOptions.map { spec -> String in
            let names = spec.names.joined(separator: ", ")
            return spec.value.map { "\(names) <\($0)>" } ?? names
        }
        let width = min(34, (labels.map(\.count).max() ?? 0) + 2)
        for (label, spec) in zip(labels, allOptions) {
            let padded = label.count < width ? label + String(repeating: " ", count: width - label.count) : label + "  "
            out += "  \(padded)\(spec.help)\n"
        }
        if !discussion.isEmpty { out += "\n\(discussion)\n" }
        return out
    }
}

/// A command line the user got wrong; exit code 2 with the message and a pointer to `--help`.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var command: String

    var description: String { "\(message)\nRun 'comments \(command) --help' for usage." }
}

struct ParsedArguments {
    var flags: Set<String> = []
    var values: [String: [String]] = [:]
    var positionals: [String] = []

    func flag(_ key: String) -> Bool { flags.contains(key) }
    func value(_ key: String) -> String? { values[key]?.last }
    func all(_ key: String) -> [String] { values[key] ?? [] }

    /// The value of `key` as a number in `range`, or a usage error naming the option.
    func number(_ key: String, in range: ClosedRange<Double>, command: String) throws -> Double? {
        guard let text = value(key) else { return nil }
        guard let x = Double(text), range.contains(x) else {
            throw UsageError(message: "\(key) expects a number in \(range.lowerBound)...\(range.upperBound), got '\(text)'", command: command)
        }
        return x
    }

    func integer(_ key: String, atLeast minimum: Int, command: String) throws -> Int? {
        guard let text = value(key) else { return nil }
        guard let x = Int(text), x >= minimum else {
            throw UsageError(message: "\(key) expects a whole number >= \(minimum), got '\(text)'", command: command)
        }
        return x
    }

    /// The value of `key` if it is one of `choices`.
    func choice(_ key: String, _ choices: [String], command: String) throws -> String? {
        guard let text = value(key) else { return nil }
        guard choices.contains(text) else {
            throw UsageError(
                message: "\(key) must be one of \(choices.joined(separator: ", ")); got '\(text)'", command: command)
        }
        return text
    }
}

enum ArgumentParser {
    static func parse(_ arguments: [String], spec: CommandSpec) throws -> ParsedArguments {
        var result = ParsedArguments()
        var lookup: [String: OptionSpec] = [:]
        for option in spec.allOptions {
            for name in option.names { lookup[name] = option }
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
            var name = argument
            var inlineValue: String?
            if let eq = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<eq])
                inlineValue = String(argument[argument.index(after: eq)...])
            }
            guard let option = lookup[name] else {
                throw UsageError(message: "unknown option '\(name)'", command: spec.name)
            }
            if option.value == nil {
                if inlineValue != nil {
                    throw UsageError(message: "\(name) takes no value", command: spec.name)
                }
                result.flags.insert(option.key)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if i < arguments.count {
                value = arguments[i]
                i += 1
            } else {
                throw UsageError(message: "\(name) needs a value <\(option.value!)>", command: spec.name)
            }
            result.values[option.key, default: []].append(value)
        }
        return result
    }
}
