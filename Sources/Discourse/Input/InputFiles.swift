import Foundation

/// One input named on the command line, after directories were expanded.
public enum InputItem: Sendable, Equatable {
    /// A file path.
    case file(String)
    /// Standard input (`-`).
    case standardInput
    /// A command-line argument that could not be used, with why (reported, then skipped).
    case failed(InputError)

    public var name: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "-"
        case .failed(let error): return error.path
        }
    }
}

extension InputError {
    /// The path the error is about.
    public var path: String {
        switch self {
        case .notFound(let p), .unreadable(let p, _), .binary(let p, _), .unsupportedEncoding(let p, _): return p
        case .noTextFiles(let d): return d
        }
    }
}

/// Expands command-line inputs and reads them into ``Document``s.
public enum InputFiles {
    /// Files, directories (searched recursively for `*.txt`, in sorted order) and `-`, in the order
    /// given. Problems become ``InputItem/failed(_:)`` items so the caller reports them in place.
    public static func expand(_ arguments: [String]) -> [InputItem] {
        var items: [InputItem] = []
        let fm = FileManager.default
        for argument in arguments {
            if argument == "-" {
                items.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                items.append(.failed(.notFound(path: argument)))
                continue
            }
            guard isDirectory.boolValue else {
                items.append(.file(argument))
                continue
            }
            let files = textFiles(under: argument)
            if files.isEmpty {
                items.append(.failed(.noTextFiles(directory: argument)))
            } else {
                items.append(contentsOf: files.map(InputItem.file))
            }
        }
        return items
    }

    /// `*.txt` files below `directory`, sorted by path so runs are reproducible.
    public static func textFiles(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".txt") else { continue }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    /// Reads and decodes one input.
    public static func read(_ item: InputItem) -> Result<Document, InputError> {
        switch item {
        case .failed(let error):
            return .failure(error)
        case .standardInput:
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return decode(data, name: "-")
        case .file(let path):
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
                return decode(data, name: path)
            } catch {
                let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
                if FileManager.default.fileExists(atPath: path) {
                    return .failure(.unreadable(path: path, reason: reason))
                }
                return .failure(.notFound(path: path))
            }
        }
    }

    /// Decodes bytes into a document named `name`.
    public static func decode(_ data: Data, name: String) -> Result<Document, InputError> {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return TextDecoder.decode(bytes, path: name).map {
                Document(name: name, text: $0.text, warnings: $0.warnings)
            }
        }
    }
}
