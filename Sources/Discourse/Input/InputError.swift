/// Why an input could not be analysed. Every case names the input and says what the user can do.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case binary(path: String, offset: Int)
    case noTextFiles(directory: String)
    case unsupportedEncoding(path: String, encoding: String)
    /// A record of a document stream (`-` on stdin) that could not be used: its 1-based number among
    /// the stream's records (blank lines are not records), its line, and its `"id"` when one could
    /// be read off it.
    case badRecord(path: String, record: Int, line: Int, id: String?, reason: String)

    /// The message as the command line prints it, naming the file.
    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or directory"
        case .unreadable(let path, let reason):
            return "\(path): cannot read (\(reason))"
        case .binary(let path, let offset):
            return "\(path): looks like a binary file (NUL byte at offset \(offset)); expected UTF-8 text"
        case .noTextFiles(let directory):
            return "\(directory): directory holds no *.txt files"
        case .unsupportedEncoding(let path, let encoding):
            return "\(path): \(encoding) is not supported; convert the file to UTF-8"
        case .badRecord(let path, let record, let line, let id, let reason):
            let named = id.map { " (id \(JSONString.quoted($0)))" } ?? ""
            return "\(path):\(line): record \(record)\(named): \(reason)"
        }
    }
}

/// Something odd about an input that did not stop the analysis (it is reported on stderr).
public struct InputWarning: Equatable, Sendable, CustomStringConvertible {
    /// The file the warning is about.
    public var path: String
    /// 1-based line the warning is about, when it is about one.
    public var line: Int?
    /// What happened and what was done about it.
    public var message: String

    /// A warning about `path` (at `line` when it is about one line).
    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// Bytes that are not UTF-8 (or NULs) were replaced: at `firstLine`, and on `lines` lines in all.
    package static func repaired(
        path: String, firstLine: Int, lines: Int, what: String = "invalid UTF-8 or NUL bytes"
    ) -> InputWarning {
        let more = lines > 1 ? " (and \(lines - 1) more line\(lines == 2 ? "" : "s"))" : ""
        return InputWarning(path: path, line: firstLine, message: "\(what) replaced with U+FFFD" + more)
    }

    /// "path:line: warning: message", as the command line prints it.
    public var description: String {
        if let line { return "\(path):\(line): warning: \(message)" }
        return "\(path): warning: \(message)"
    }
}
