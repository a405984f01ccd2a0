#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a search of a folder for `*.txt` found: files to read, and what could not be searched or
/// named, each in path order.
public struct TextFileSearch: Sendable, Equatable {
    /// Files whose names end in `.txt` (symbolic links to files, broken ones included).
    public var files: [String]
    /// Folders that could not be listed, entries that could not be examined, and `*.txt` files
    /// whose path is not valid UTF-8 (they cannot be named in the outputs).
    public var errors: [InputError]
}

/// Walks folders with opendir/readdir on byte paths, so that no failure goes unsaid.
enum DirectoryWalk {
    /// Searches `directory` recursively; symbolic links to folders are not followed (no cycles).
    static func textFiles(under directory: String) -> TextFileSearch {
        var files: [[UInt8]] = []
        var errors: [(path: [UInt8], error: InputError)] = []
        var root = Array(directory.utf8)
        if root.last != UInt8(ascii: "/") { root.append(UInt8(ascii: "/")) }
        // An unreadable folder given by name is reported with the name as typed.
        if let reason = walk(root, files: &files, errors: &errors) {
            return TextFileSearch(files: [], errors: [.unreadable(path: directory, reason: reason)])
        }
        var found: [String] = []
        for path in files {
            if let name = String(validating: path, as: UTF8.self) {
                found.append(name)
            } else {
                let name = String(decoding: path, as: UTF8.self)
                errors.append((path, .unreadable(path: name, reason: "its name is not valid UTF-8; rename it")))
            }
        }
        return TextFileSearch(
            files: found.sorted(),
            errors: errors.sorted { $0.path.lexicographicallyPrecedes($1.path) }.map(\.error))
    }

    /// Lists `folder` (ending in "/") into `files` and `errors`; the reason when it cannot be opened.
    private static func walk(
        _ folder: [UInt8], files: inout [[UInt8]], errors: inout [(path: [UInt8], error: InputError)]
    ) -> String? {
        guard let stream = withCString(folder, { opendir($0) }) else { return String(cString: strerror(errno)) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { errors.append((folder, unreadable(folder, errno))) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        // Closed before going down: one open folder at a time, whatever the depth (a 120-deep tree
        // under `ulimit -n 64` ran out of descriptors while each level held its own open).
        closedir(stream)
        for name in names {
            let path = folder + name
            var info = stat()
            guard withCString(path, { lstat($0, &info) }) == 0 else {
                errors.append((path, unreadable(path, errno)))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if let reason = walk(path + [UInt8(ascii: "/")], files: &files, errors: &errors) {
                    errors.append((path, .unreadable(path: display(path), reason: reason)))
                }
            case S_IFLNK:
                guard name.hasSuffix(".txt") else { continue }
                var target = stat()
                let isFolder = withCString(path, { stat($0, &target) }) == 0 && target.st_mode & S_IFMT == S_IFDIR
                // A broken link is kept: reading it reports it, rather than skip it unsaid.
                if !isFolder { files.append(path) }
            default:
                if name.hasSuffix(".txt") { files.append(path) }
            }
        }
        return nil
    }

    private static func unreadable(_ path: [UInt8], _ code: Int32) -> InputError {
        .unreadable(path: display(path), reason: String(cString: strerror(code)))
    }

    private static func display(_ path: [UInt8]) -> String {
        var path = path
        if path.count > 1 && path.last == UInt8(ascii: "/") { path.removeLast() }
        return String(decoding: path, as: UTF8.self)
    }

    private static func withCString<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}

extension [UInt8] {
    fileprivate func hasSuffix(_ suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return count >= tail.count && Array(self[(count - tail.count)...]) == tail
    }
}
