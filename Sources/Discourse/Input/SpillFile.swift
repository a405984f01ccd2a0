import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An unlinked temporary file of 64-bit keys, for work that must not hold all its data in memory
/// (``RepeatCounter``'s sorted runs).
///
/// The file is removed from the folder as soon as it is created, so nothing is left behind when the
/// process ends, however it ends; the descriptor keeps the data until ``close()``. The library opens
/// files only here and in the other readers of `Input/`.
package struct SpillFile {
    /// The open descriptor of the unlinked file.
    private let fd: Int32
    /// Keys written so far.
    package private(set) var count = 0

    /// A system call on the temporary file failed; `reason` is the system's message.
    package struct Failure: Error, CustomStringConvertible {
        package var reason: String
        package var description: String { reason }
    }

    /// Creates an empty file in the temporary folder (`TMPDIR`, else `/tmp`) and unlinks it.
    package init(prefix: String) throws(Failure) {
        var template = Array((NSTemporaryDirectory() + "/\(prefix).XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(reason: Self.systemMessage()) }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        self.fd = fd
    }

    /// Appends `keys` at the end of the file, retrying interrupted writes.
    /// - Complexity: O(n) for n keys.
    package mutating func append(_ keys: [UInt64]) throws(Failure) {
        let fd = self.fd
        let failure: Failure? = keys.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return Failure(reason: Self.systemMessage())
                }
                offset += n
            }
            return nil
        }
        if let failure { throw failure }
        count += keys.count
    }

    /// The `length` keys starting at key `index` (fewer when the file ends first).
    /// - Complexity: O(length).
    package func read(at index: Int, length: Int) throws(Failure) -> [UInt64] {
        let n = max(0, min(length, count - index))
        var block = [UInt64](repeating: 0, count: n)
        guard n > 0 else { return block }
        let fd = self.fd
        let offset = index * MemoryLayout<UInt64>.size
        let failure: Failure? = block.withUnsafeMutableBytes { raw in
            var done = 0
            while done < raw.count {
                let got = pread(fd, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    return Failure(reason: got == 0 ? "unexpected end of file" : Self.systemMessage())
                }
                done += got
            }
            return nil
        }
        if let failure { throw failure }
        return block
    }

    /// Closes the descriptor, which frees the file's space.
    package func close() {
        _ = closeDescriptor(fd)
    }

    private static func systemMessage() -> String {
        String(cString: strerror(errno))
    }
}

#if canImport(Glibc)
    private let closeDescriptor = Glibc.close
#elseif canImport(Darwin)
    private let closeDescriptor = Darwin.close
#endif
