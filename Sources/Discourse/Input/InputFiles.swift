import Foundation

#if canImport(Glibc)
    import Glibc
    private let posixRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let posixRead = Darwin.read
#endif

/// One input named on the command line, after directories were expanded.
public enum InputItem: Sendable, Equatable {
    /// A file path.
    case file(String)
    /// Standard input (`-`).
    case standardInput
    /// A command-line argument that could not be used, with why (reported, then skipped).
    case failed(InputError)

    /// The name outputs use: the path, "-" for stdin, or the failed argument.
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
        case .badRecord(let p, _, _, _, _): return p
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
                // The command line replaced bytes that are not UTF-8 with U+FFFD, so no file has the name.
                items.append(
                    .failed(
                        argument.contains("\u{FFFD}")
                            ? .unreadable(path: argument, reason: "its name is not valid UTF-8; rename it")
                            : .notFound(path: argument)))
                continue
            }
            guard isDirectory.boolValue else {
                items.append(.file(argument))
                continue
            }
            let search = textFiles(under: argument)
            if search.files.isEmpty && search.errors.isEmpty {
                items.append(.failed(.noTextFiles(directory: argument)))
            } else {
                items.append(contentsOf: merged(search))
            }
        }
        return items
    }

    /// `*.txt` files below `directory`, sorted by path so runs are reproducible, and what could not
    /// be searched (an unreadable folder, a name that is not UTF-8).
    public static func textFiles(under directory: String) -> TextFileSearch {
        DirectoryWalk.textFiles(under: directory)
    }

    /// Files and failures of one search in one path order, so failures are reported in place.
    static func merged(_ search: TextFileSearch) -> [InputItem] {
        let items = search.files.map(InputItem.file) + search.errors.map(InputItem.failed)
        return items.enumerated().sorted { a, b in
            a.element.name == b.element.name ? a.offset < b.offset : a.element.name < b.element.name
        }.map(\.element)
    }

    /// Reads and decodes one input.
    public static func read(_ item: InputItem) -> Result<Document, InputError> {
        switch item {
        case .failed(let error):
            return .failure(error)
        case .standardInput:
            // POSIX reads, as for a file: a stdin that cannot be read (a directory, a closed
            // descriptor, an I/O error) is an error naming it, not an empty input.
            return readAll(STDIN_FILENO, path: "-", expected: 0).flatMap { bytes in
                bytes.withUnsafeBufferPointer { buffer in
                    TextDecoder.decode(buffer, path: "-").map {
                        Document(name: "-", text: $0.text, warnings: $0.warnings)
                    }
                }
            }
        case .file(let path):
            return readFile(path).flatMap { bytes in
                bytes.withUnsafeBufferPointer { buffer in
                    TextDecoder.decode(buffer, path: path).map {
                        Document(name: path, text: $0.text, warnings: $0.warnings)
                    }
                }
            }
        }
    }

    /// The bytes of the file at `path`, read with POSIX calls so a failure carries the system's own
    /// reason ("Permission denied", "Is a directory", "Input/output error").
    public static func readFile(_ path: String) -> Result<[UInt8], InputError> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(failure(path: path, errno: errno)) }
        defer { close(fd) }
        var info = stat()
        var expected = 0
        if fstat(fd, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.unreadable(path: path, reason: "Is a directory")) }
            expected = Int(info.st_size)
        }
        return readAll(fd, path: path, expected: expected)
    }

    /// Every byte of the open descriptor `fd` to its end; a read error fails with the system's
    /// reason, naming `path`.
    static func readAll(_ fd: Int32, path: String, expected: Int) -> Result<[UInt8], InputError> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(failure(path: path, errno: errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(bytes)
    }

    static func failure(path: String, errno code: Int32) -> InputError {
        if code == ENOENT { return .notFound(path: path) }
        return .unreadable(path: path, reason: String(cString: strerror(code)))
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
