/// A problem with a lexicon file: which file, which line, and what is wrong with it.
public enum LexiconError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingEmbedded(name: String)
    case unreadable(path: String, reason: String)
    case badHeader(path: String, expected: [String], found: [String])
    case badLine(path: String, line: Int, reason: String)

    /// "path:line: reason", as the command line prints it.
    public var description: String {
        switch self {
        case .missingEmbedded(let name):
            return "embedded lexicon \(name) is missing from this build; rebuild the package"
        case .unreadable(let path, let reason):
            return "\(path): cannot read lexicon (\(reason))"
        case .badHeader(let path, let expected, let found):
            return
                "\(path):1: header is \(found.joined(separator: "\\t")); expected \(expected.joined(separator: "\\t"))"
        case .badLine(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        }
    }
}
