/// An open-addressing hash table from ``TermHash`` keys to ``SentimentEntry``s.
///
/// Why not `[UInt64: SentimentEntry]`: the scorer looks up every token of every comment, and the
/// keys are already well-mixed 64-bit hashes, so a power-of-two table probed linearly needs no
/// re-hashing, no resilience checks and touches one cache line per lookup (several times faster than
/// `Dictionary` here). The table is built once and then only read.
struct SentimentTable: Sendable {
    /// Keys by slot; `0` marks an empty slot (a real key of 0 is stored as 1, see ``slotKey(_:)``).
    private var keys: [UInt64]
    private var values: [SentimentEntry]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [SentimentEntry](repeating: SentimentEntry(), count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    static func slotKey(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key ^ (key >> 32)) & UInt64(mask)) }

    /// The entry for `key`, or nil.
    @inline(__always)
    func lookup(_ key: UInt64) -> SentimentEntry? {
        let k = Self.slotKey(key)
        return keys.withUnsafeBufferPointer { keys in
            var i = slot(k)
            while true {
                let found = keys[i]
                if found == k { return values[i] }
                if found == 0 { return nil }
                i = (i &+ 1) & mask
            }
        }
    }

    /// Calls `body` with the stored entry for `key` (a fresh one when absent) so it can be changed.
    mutating func update(_ key: UInt64, _ body: (inout SentimentEntry) -> Void) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.slotKey(key)
        var i = slot(k)
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == 0 {
            keys[i] = k
            values[i] = SentimentEntry()
            count += 1
        }
        body(&values[i])
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let capacity = keys.count * 2
        keys = [UInt64](repeating: 0, count: capacity)
        values = [SentimentEntry](repeating: SentimentEntry(), count: capacity)
        mask = capacity - 1
        for (i, k) in oldKeys.enumerated() where k != 0 {
            var j = slot(k)
            while keys[j] != 0 { j = (j + 1) & mask }
            keys[j] = k
            values[j] = oldValues[i]
        }
    }

    /// Every stored (key, entry) pair, in slot order.
    var entries: [(key: UInt64, entry: SentimentEntry)] {
        var out: [(key: UInt64, entry: SentimentEntry)] = []
        for (i, k) in keys.enumerated() where k != 0 { out.append((k, values[i])) }
        return out
    }
}
