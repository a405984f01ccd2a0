import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A destination for exported rows: a file (created or truncated) or stdout (`-`).
///
/// Each `write` goes straight to the file descriptor, whole, so an interrupted run leaves the file
/// ending at the last complete chunk (the export writes one input's rows per chunk).
final class OutputFile {
    let path: String
    private let fd: Int32
    private let owned: Bool

    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): cannot write (\(reason))" }
    }

    init(path: String) throws {
        self.path = path
        if path == "-" {
            fd = STDOUT_FILENO
            owned = false
        } else {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            owned = true
            guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        }
    }

    func write(_ text: String) throws {
        var copy = text
        try copy.withUTF8 { try write($0) }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write($0) }
    }

    private func write(_ buffer: UnsafeBufferPointer<UInt8>) throws {
        var offset = 0
        while offset < buffer.count {
            let n = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path == "-" ? "stdout" : path, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    func close() {
        if owned { _ = posixClose(fd) }
    }
}

#if canImport(Glibc)
    private let posixWrite = Glibc.write
    private let posixClose = Glibc.close
#elseif canImport(Darwin)
    private let posixWrite = Darwin.write
    private let posixClose = Darwin.close
#endif

extension OutputFile {
    /// Writes a whole page to `path`: atomically (a temporary file renamed over it) when `path` is a
    /// regular file or missing, so a reader never sees half a page; through a symbolic link to the
    /// file it points to (a broken link: opened, which creates its target), so the link stays a
    /// link; and in place for a FIFO, a device or a socket,
    /// which must never be replaced by a regular file.
    static func writeWhole(_ text: String, to path: String) throws {
        var info = stat()
        let followed = stat(path, &info) == 0
        var link = stat()
        // A broken link cannot be resolved to a path to rename over: opening it creates its target.
        let brokenLink = !followed && lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
        if brokenLink || (followed && info.st_mode & S_IFMT != S_IFREG) {
            let file = try OutputFile(path: path)
            defer { file.close() }
            try file.write(text)
            return
        }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        do {
            try text.write(toFile: target, atomically: true, encoding: .utf8)
        } catch {
            throw WriteError(path: path, reason: (error as NSError).localizedFailureReason ?? "\(error)")
        }
    }
}

extension OutputFile {
    /// "path: cannot write (reason)" for an error of ``writeWhole(_:to:)`` or ``write(_:)``.
    static func message(_ error: any Error, path: String) -> String {
        (error as? WriteError)?.description ?? "\(path): cannot write (\(error.localizedDescription))"
    }
}
