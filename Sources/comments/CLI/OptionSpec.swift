/// What an option's value is, for the help text, shell completion and the man page.
enum ValueHint: Equatable, Sendable {
    case none
    case file
    case directory
    case choices([String])
}

/// One command-line option as the parser, the help text, the completion scripts and the man page
/// see it. Commands never build one by hand: they declare a ``Flag``, ``Value`` or ``Values`` once
/// and read the parsed command line through that declaration, so a misspelt option cannot
/// silently read nothing.
struct OptionSpec: Sendable {
    enum Arity: Sendable {
        case flag
        /// Given at most once; a second time is a usage error.
        case single
        /// Given any number of times; every value is kept in order.
        case repeated
    }

    /// `--format`.
    var long: String
    /// `f` for `-f`.
    var short: Character?
    /// The value's placeholder in help (`format`, `file`); empty for a flag.
    var valueName: String
    var arity: Arity
    var help: String
    var hint: ValueHint
    /// What a value must look like ("a whole number >= 1"), said when it does not.
    var expectation: String
    /// Whether a given value is acceptable (checked while parsing, so errors come before any work).
    var accepts: @Sendable (String) -> Bool

    var takesValue: Bool { arity != .flag }

    /// `-f, --format <format>` (argument-parser's layout).
    var label: String {
        var out = short.map { "-\($0), " } ?? ""
        out += long
        if takesValue { out += " <\(valueName)>" }
        if arity == .repeated { out += " ..." }
        return out
    }
}

/// An option without a value (`--quiet`).
struct Flag: Sendable {
    let spec: OptionSpec

    init(_ long: String, short: Character? = nil, help: String) {
        spec = OptionSpec(
            long: long, short: short, valueName: "", arity: .flag, help: help, hint: .none, expectation: "",
            accepts: { _ in true })
    }
}

/// An option given at most once with a value of type `T`.
struct Value<T>: Sendable {
    let spec: OptionSpec
    let convert: @Sendable (String) -> T?

    init(
        _ long: String, short: Character? = nil, valueName: String, hint: ValueHint = .none, help: String,
        expectation: String = "", convert: @escaping @Sendable (String) -> T?
    ) {
        self.convert = convert
        spec = OptionSpec(
            long: long, short: short, valueName: valueName, arity: .single, help: help, hint: hint,
            expectation: expectation, accepts: { convert($0) != nil })
    }

    /// The same option, accepted any number of times.
    var repeated: Values<T> { Values(spec: spec, convert: convert) }
}

/// An option that may be repeated (`--lexicon A --lexicon B`), its values kept in order.
struct Values<T>: Sendable {
    let spec: OptionSpec
    let convert: @Sendable (String) -> T?

    init(spec: OptionSpec, convert: @escaping @Sendable (String) -> T?) {
        var spec = spec
        spec.arity = .repeated
        self.spec = spec
        self.convert = convert
    }
}

extension Value where T == String {
    /// A free-form value (a path, an address).
    static func text(
        _ long: String, short: Character? = nil, valueName: String, hint: ValueHint = .none, help: String
    ) -> Value<String> {
        Value(long, short: short, valueName: valueName, hint: hint, help: help) { $0 }
    }
}

extension Value where T == Int {
    /// A whole number in `range`.
    static func integer(
        _ long: String, short: Character? = nil, valueName: String = "n", in range: ClosedRange<Int>, help: String
    ) -> Value<Int> {
        let expectation =
            range.upperBound == Int.max
            ? "a whole number >= \(range.lowerBound)" : "a whole number in \(range.lowerBound)...\(range.upperBound)"
        return Value(long, short: short, valueName: valueName, help: help, expectation: expectation) {
            Int($0).flatMap { range.contains($0) ? $0 : nil }
        }
    }
}

extension Value where T == Double {
    /// A number in `range`.
    static func number(
        _ long: String, short: Character? = nil, valueName: String = "x", in range: ClosedRange<Double>, help: String
    ) -> Value<Double> {
        Value(
            long, short: short, valueName: valueName, help: help,
            expectation: "a number in \(format(range.lowerBound))...\(format(range.upperBound))"
        ) { text in
            Double(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    private static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

extension Value where T: RawRepresentable & CaseIterable & Sendable, T.RawValue == String {
    /// One of the cases of `T` (a format, a shell), named by its raw value.
    static func choice(_ long: String, short: Character? = nil, valueName: String, help: String) -> Value<T> {
        let names = T.allCases.map(\.rawValue)
        return Value(
            long, short: short, valueName: valueName, hint: .choices(names), help: help,
            expectation: "one of " + names.joined(separator: ", "), convert: T.init(rawValue:))
    }
}

/// A positional argument, for help, completion and the man page.
struct ArgumentSpec: Sendable {
    /// `input`, shown as `<input>`.
    var name: String
    var help: String
    /// Several may be given (`<input> ...`).
    var repeating: Bool
    var hint: ValueHint
    /// The accepted words, when the argument is one of a few (`bash`, `zsh`, `fish`).
    var choices: [String] { if case .choices(let c) = hint { c } else { [] } }

    var label: String { "<\(name)>" + (repeating ? " ..." : "") }
}
