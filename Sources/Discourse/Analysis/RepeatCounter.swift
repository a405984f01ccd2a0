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
    private var runs: [SpillFile] = []

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
            for run in runs { run.close() }
            runs = []
        }
        var readers = try runs.map { try RunReader(file: $0) }
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
        do throws(SpillFile.Failure) {
            var run = try SpillFile(prefix: "comments-repeats")
            do throws(SpillFile.Failure) {
                try run.append(keys)
            } catch {
                run.close()
                throw error
            }
            runs.append(run)
        } catch {
            throw RepeatCounterError(reason: error.reason)
        }
        keys.removeAll(keepingCapacity: true)
    }

    /// Reads one sorted run back in blocks of 8,192 keys.
    struct RunReader {
        let file: SpillFile
        var read = 0
        var block: [UInt64] = []
        var position = 0

        init(file: SpillFile) throws {
            self.file = file
            try refill()
        }

        var head: UInt64? { position < block.count ? block[position] : nil }

        mutating func advance() throws {
            position += 1
            if position == block.count { try refill() }
        }

        private mutating func refill() throws {
            do throws(SpillFile.Failure) {
                block = try file.read(at: read, length: 8192)
            } catch {
                throw RepeatCounterError(reason: error.reason)
            }
            position = 0
            read += block.count
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
