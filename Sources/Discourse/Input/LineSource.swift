#if canImport(Glibc)
    import Glibc
    private let posixRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let posixRead = Darwin.read
#endif

private func posixOpen(_ path: String, _ flags: Int32) -> Int32 { open(path, flags) }

/// The lines of an input, read again for every pass of a streamed analysis
/// (``Analyzer/stream(_:name:mode:)``) so that no pass holds more than a chunk and one line.
///
/// A line is handed over as UTF-8 bytes, split as ``TextLines/split(bytes:)`` splits (at "\n",
/// "\r\n" and a lone "\r"; no empty last line after a final break), with the repairs
/// ``TextDecoder`` makes (BOM dropped, invalid UTF-8 and NULs replaced by U+FFFD), so every pass
/// sees the lines the in-memory path sees, byte for byte.
package protocol LineSource {
    /// Calls `body` with each line's bytes, in order, until it returns false. Returns the 1-based
    /// line of the first repaired byte, if any, and the number of text bytes (after the BOM).
    /// Throws ``InputError`` when the input cannot be read.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) -> Bool) throws -> LineScan
}

/// What one full pass over a ``LineSource`` saw besides the lines.
package struct LineScan: Sendable, Equatable {
    /// 1-based line of the first invalid UTF-8 sequence or NUL byte (replaced by U+FFFD), if any.
    package var firstRepairedLine: Int?
    /// Lines with invalid UTF-8 or NUL bytes, the first one included.
    package var repairedLines = 0
    /// Bytes of text (the BOM excluded): 0 for an empty input.
    package var textBytes = 0
}

/// Splits a byte stream into lines chunk by chunk, in a buffer that holds one chunk plus the line in
/// progress (it grows only for a line longer than a chunk).
///
/// `read` fills the buffer it is given and returns how many bytes it wrote, 0 at the end.
/// - Complexity: O(n) in the bytes; each byte is scanned once and moved at most once.
package struct ChunkedLines {
    package var chunkSize: Int
    /// Bytes to drop at the very start (a UTF-8 byte-order mark).
    package var skip: Int

    package init(chunkSize: Int = 1 << 20, skip: Int = 0) {
        self.chunkSize = max(1, chunkSize)
        self.skip = skip
    }

    package func run(
        read: (UnsafeMutableBufferPointer<UInt8>) throws -> Int,
        _ body: (UnsafeBufferPointer<UInt8>) -> Bool
    ) throws -> LineScan {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0  // bytes in the buffer
        var scanned = 0  // bytes of the line in progress already known to hold no break
        var toSkip = skip
        var scan = LineScan()
        var line = 0
        var repaired: [UInt8] = []
        var going = true
        var total = 0

        /// Hands one line over, repaired when it holds invalid UTF-8 or NULs.
        func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
            line += 1
            guard TextDecoder.firstInvalidOffset(bytes) != nil else {
                going = body(bytes)
                return
            }
            if scan.firstRepairedLine == nil { scan.firstRepairedLine = line }
            scan.repairedLines += 1
            TextDecoder.repair(bytes, into: &repaired)
            going = repaired.withUnsafeBufferPointer { body($0) }
        }

        var atEnd = false
        while going && !atEnd {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let n = try buffer.withUnsafeMutableBufferPointer { all -> Int in
                try read(UnsafeMutableBufferPointer(rebasing: all[filled...]))
            }
            atEnd = n == 0
            filled += n
            if toSkip > 0 {
                let dropped = min(toSkip, filled)
                buffer.replaceSubrange(0..<dropped, with: EmptyCollection())
                buffer.append(contentsOf: repeatElement(0, count: dropped))
                filled -= dropped
                toSkip -= dropped
                if toSkip > 0 && !atEnd { continue }
            }
            total += n
            let consumed = buffer.withUnsafeBufferPointer { all -> Int in
                var start = 0
                var i = scanned
                while i < filled && going {
                    let b = all[i]
                    if b == 0x0A || b == 0x0D {
                        // A CR as the last byte read may be the first half of a CRLF: wait for more.
                        if b == 0x0D && i + 1 == filled && !atEnd { break }
                        emit(UnsafeBufferPointer(rebasing: all[start..<i]))
                        if b == 0x0D, i + 1 < filled, all[i + 1] == 0x0A { i += 1 }
                        start = i + 1
                    }
                    i += 1
                }
                if atEnd && going && start < filled {
                    emit(UnsafeBufferPointer(rebasing: all[start..<filled]))
                    start = filled
                }
                scanned = i - start
                return start
            }
            if consumed > 0 {
                buffer.withUnsafeMutableBufferPointer { all in
                    let rest = filled - consumed
                    if rest > 0 {
                        all.baseAddress!.update(from: all.baseAddress! + consumed, count: rest)
                    }
                }
                filled -= consumed
            }
        }
        scan.textBytes = max(0, total - skip)
        return scan
    }
}

/// The lines of a file on disk, read in chunks for every pass (see ``LineSource``).
package struct FileLines: LineSource, Sendable {
    package let path: String
    package var chunkSize = 1 << 20
    /// 3 when the file starts with a UTF-8 byte-order mark.
    let skip: Int
    /// The file's size when it was opened (unbounded for a pipe or device): every pass reads at most
    /// this many bytes, so a file that grows while it is analysed (a log being appended to) gives
    /// every pass the same lines.
    let size: Int

    /// Checks the start of the file the way ``TextDecoder`` does: a UTF-32 file or a NUL in the first
    /// 8 KiB fails as it would; nil for a UTF-16 file (decoded whole, as before, by the caller).
    package static func open(_ path: String, chunkSize: Int = 1 << 20) -> Result<FileLines?, InputError> {
        let fd = posixOpen(path, O_RDONLY)
        guard fd >= 0 else { return .failure(InputFiles.failure(path: path, errno: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(InputFiles.failure(path: path, errno: errno)) }
        let regular = info.st_mode & S_IFMT == S_IFREG
        var head = [UInt8](repeating: 0, count: 3 + TextDecoder.binarySniffLength)
        var filled = 0
        while filled < head.count {
            let n = head.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(InputFiles.failure(path: path, errno: errno))
            }
            if n == 0 { break }
            filled += n
        }
        let bytes = head[0..<filled]
        let b = Array(bytes.prefix(4))
        if b.count >= 4,
            (b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
                || (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        {
            return .failure(.unsupportedEncoding(path: path, encoding: "UTF-32"))
        }
        if b.count >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) { return .success(nil) }
        let skip = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        let sniffEnd = min(filled, skip + TextDecoder.binarySniffLength)
        if let nul = bytes[skip..<sniffEnd].firstIndex(of: 0) { return .failure(.binary(path: path, offset: nul)) }
        return .success(
            FileLines(path: path, chunkSize: chunkSize, skip: skip, size: regular ? Int(info.st_size) : Int.max))
    }

    package func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) -> Bool) throws -> LineScan {
        let fd = posixOpen(path, O_RDONLY)
        guard fd >= 0 else { throw InputFiles.failure(path: path, errno: errno) }
        defer { close(fd) }
        let path = self.path
        var left = size
        return try ChunkedLines(chunkSize: chunkSize, skip: skip).run(
            read: { into -> Int in
                guard left > 0 else { return 0 }
                while true {
                    let n = posixRead(fd, into.baseAddress, min(into.count, left))
                    if n >= 0 {
                        left -= n
                        return n
                    }
                    if errno != EINTR { throw InputFiles.failure(path: path, errno: errno) }
                }
            }, body)
    }
}

/// Lines of bytes already in memory, fed through ``ChunkedLines`` in chunks of `chunkSize` (tests
/// use small chunks to cross every boundary; a library user can stream a decoded `String`).
package struct BytesLines: LineSource, Sendable {
    package var bytes: [UInt8]
    package var chunkSize: Int

    package init(_ text: String, chunkSize: Int = 1 << 16) {
        self.bytes = Array(text.utf8)
        self.chunkSize = chunkSize
    }

    package func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) -> Bool) throws -> LineScan {
        var offset = 0
        let bytes = self.bytes
        let chunk = chunkSize
        return try ChunkedLines(chunkSize: chunk).run(
            read: { into in
                let n = min(into.count, chunk, bytes.count - offset)
                for k in 0..<n { into[k] = bytes[offset + k] }
                offset += n
                return n
            }, body)
    }
}
