/// A hash table keyed by ``TermHash`` keys (already well-mixed 64-bit hashes), for lexicon lookups on
/// the hot path.
///
/// Swift's `Dictionary<UInt64, V>` hashes each key again with seeded SipHash; here the key is its own
/// hash (Fibonacci-scrambled to pick a slot), with open addressing and linear probing in a
/// power-of-two table kept at most half full. Lookups cost a multiply, a shift and usually one probe.
package struct TermTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var shift: UInt64
    package private(set) var count = 0

    package init(minimumCapacity: Int = 16) {
        let capacity = TermSet.slots(for: minimumCapacity)
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// Key 0 marks an empty slot; a term whose hash is 0 is stored as 1 (a 2^-64 event).
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    package subscript(key: UInt64) -> Value? {
        get {
            let k = Self.stored(key)
            let mask = keys.count - 1
            var i = slot(k)
            return keys.withUnsafeBufferPointer { ks in
                while true {
                    let found = ks[i]
                    if found == k { return values[i] }
                    if found == 0 { return nil }
                    i = (i + 1) & mask
                }
            }
        }
        set {
            guard let newValue else {
                if contains(key) { remove(key) }
                return
            }
            if (count + 1) * 2 > keys.count { grow() }
            let k = Self.stored(key)
            let mask = keys.count - 1
            var i = slot(k)
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            if keys[i] == 0 { count += 1 }
            keys[i] = k
            values[i] = newValue
        }
    }

    package func contains(_ key: UInt64) -> Bool { self[key] != nil }

    /// Every (key, value) pair, in no particular order.
    package var entries: [(key: UInt64, value: Value)] {
        var out: [(key: UInt64, value: Value)] = []
        out.reserveCapacity(count)
        for (i, k) in keys.enumerated() where k != 0 {
            if let v = values[i] { out.append((k, v)) }
        }
        return out
    }

    private mutating func remove(_ key: UInt64) {
        // Rebuild without the key: removals are rare (user lexicons overriding to nothing).
        let remaining = entries.filter { $0.key != Self.stored(key) }
        self = TermTable(minimumCapacity: remaining.count)
        for (k, v) in remaining { self[k] = v }
    }

    private mutating func grow() {
        let old = entries
        var bigger = TermTable(minimumCapacity: max(16, keys.count))
        for (k, v) in old { bigger[k] = v }
        self = bigger
    }
}

/// A set of ``TermHash`` keys with the same fast lookup as ``TermTable``, holding keys only (no
/// value array to touch on a lookup): word lists, the article's shingles, the echo feature's
/// five-word sequences.
package struct TermSet: Sendable {
    private var keys: [UInt64]
    private var mask: Int
    package private(set) var count = 0

    /// Room for `capacity` keys before the first rehash.
    package init(capacity: Int = 8) {
        keys = [UInt64](repeating: 0, count: Self.slots(for: capacity))
        mask = keys.count - 1
    }

    package init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        self.init(capacity: keys.underestimatedCount)
        for k in keys { insert(k) }
    }

    /// The power-of-two table size (at least 16) that keeps `capacity` keys at most half full.
    static func slots(for capacity: Int) -> Int {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        return size
    }

    /// Key 0 marks an empty slot; a term whose hash is 0 is stored as 1 (a 2^-64 event).
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        keys.withUnsafeBufferPointer { ks in
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
            while ks[i] != 0 && ks[i] != key { i = (i + 1) & mask }
            return i
        }
    }

    @inline(__always)
    package func contains(_ key: UInt64) -> Bool { keys[find(Self.stored(key))] != 0 }

    @inline(__always)
    package mutating func insert(_ key: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.stored(key)
        let i = find(k)
        if keys[i] == 0 {
            keys[i] = k
            count += 1
        }
    }

    @inline(never)
    private mutating func grow() {
        let old = keys
        keys = [UInt64](repeating: 0, count: old.count * 2)
        mask = keys.count - 1
        for k in old where k != 0 { keys[find(k)] = k }
    }
}
