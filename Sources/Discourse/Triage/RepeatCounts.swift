/// How many comments of a file share each repeated text key (``TriageContext/textKey(_:)``), for
/// texts that occur more than once: two sorted arrays, 16 bytes a text, looked up by binary search.
///
/// A streamed file's repeats (``RepeatCounter``) can run into millions on a large input (1.3
/// million in a generated 1 GB file); a hash table at most half full held them in 48 to 96 bytes each.
package struct RepeatCounts: Sendable {
    private var keys: [UInt64] = []
    private var counts: [Int] = []

    package init() {}

    /// Number of repeated texts.
    package var count: Int { keys.count }

    /// Key 0 is counted as 1, as ``TermTable`` stores it.
    @inline(__always)
    package static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// Adds a key larger than every key added so far.
    package mutating func append(_ key: UInt64, count: Int) {
        precondition(keys.last.map { $0 < key } ?? true, "RepeatCounts: keys must come in increasing order")
        keys.append(key)
        counts.append(count)
    }

    /// The count of `key`, or nil when it was not repeated.
    package subscript(key: UInt64) -> Int? {
        let k = Self.stored(key)
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < k { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == k ? counts[low] : nil
    }
}
