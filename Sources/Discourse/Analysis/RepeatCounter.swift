import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Counts how often each text key (``TriageContext``'s copy-paste key) occurs in a file, in memory
/// bounded by ``runLength`` keys whatever the number of comments: an external merge sort.
///
/// Keys collect in memory; every `runLength` of them are sorted and written to an unlinked
/// temporary file as one sorted run. ``repeated()`` merges the runs and keeps only the keys seen
/// more than once, which is all the triage context needs (a key it lacks counts as 1). A file of
/// fewer than `runLength` comments never touches the disk.
/// - Complexity: O(n log n) time for n keys; memory `8 × runLength` bytes plus the repeated keys.
package struct RepeatCounter {
    /// Keys held in memory before a run is written (8 MiB of keys).
    package var runLength: Int
    private var keys: [UInt64] = []
    private var runs: [(fd: Int32, count: Int)] = []

    package init(runLength: Int = 1 << 20) {
        self.runLength = max(2, runLength)
    }

    /// Counts one key. Throws when a run cannot be written to the temporary folder.
    package mutating func add(_ key: UInt64) throws {
        keys.append(RepeatCounts.stored(key))  // key 0 as ``TermTable`` stores it, so counts agree
        if keys.count >= runLength { try spill() }
    }

    /// Every key added more than once, with its count. Closes the runs.
    package mutating func repeated() throws -> RepeatCounts {
        keys.sort()
        defer {
            for run in runs { close(run.fd) }
            runs = []
        }
        var readers = try runs.map { try RunReader(fd: $0.fd, count: $0.count) }
        var memory = 0
        var table = RepeatCounts()
        var current: UInt64 = 0
        var count = 0
        while true {
            // The smallest head among the runs and the in-memory keys (few runs: a linear scan).
            var best: UInt64?
            var from = -1
            if memory < keys.count {
                best = keys[memory]
            }
            for (r, reader) in readers.enumerated() {
                if let head = reader.head, best == nil || head < best! {
                    best = head
                    from = r
                }
            }
            guard let key = best else { break }
            if from < 0 { memory += 1 } else { try readers[from].advance() }
            if count > 0 && key == current {
                count += 1
            } else {
                if count > 1 { table.append(current, count: count) }
                current = key
                count = 1
            }
        }
        if count > 1 { table.append(current, count: count) }
        keys = []
        return table
    }

    private mutating func spill() throws {
        keys.sort()
        var template = Array((NSTemporaryDirectory() + "/comments-repeats.XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw RepeatCounterError(reason: String(cString: strerror(errno))) }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }  // the descriptor keeps it alive
        try keys.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    close(fd)
                    throw RepeatCounterError(reason: reason)
                }
                offset += n
            }
        }
        runs.append((fd, keys.count))
        keys.removeAll(keepingCapacity: true)
    }

    /// Reads one sorted run back in blocks of 8,192 keys.
    struct RunReader {
        let fd: Int32
        let count: Int
        var read = 0
        var block: [UInt64] = []
        var position = 0

        init(fd: Int32, count: Int) throws {
            self.fd = fd
            self.count = count
            try refill()
        }

        var head: UInt64? { position < block.count ? block[position] : nil }

        mutating func advance() throws {
            position += 1
            if position == block.count { try refill() }
        }

        private mutating func refill() throws {
            let n = min(8192, count - read)
            block = [UInt64](repeating: 0, count: n)
            position = 0
            guard n > 0 else { return }
            let fd = self.fd
            let offset = read * 8
            try block.withUnsafeMutableBytes { raw in
                var done = 0
                while done < raw.count {
                    let got = pread(fd, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
                    if got < 0 && errno == EINTR { continue }
                    guard got > 0 else { throw RepeatCounterError(reason: String(cString: strerror(errno))) }
                    done += got
                }
            }
            read += n
        }
    }
}

/// A run of ``RepeatCounter`` could not be written or read back in the temporary folder.
package struct RepeatCounterError: Error, CustomStringConvertible {
    package var reason: String
    package var description: String {
        "cannot use the temporary folder for counting repeated comments (\(reason)); set TMPDIR to a writable folder"
    }
}
