/// A hash table from term keys to values, for the drift models' hot loops.
///
/// Term keys are already 64-bit FNV hashes, so hashing them again with `Hasher` (as `Dictionary`
/// does: half of the scoring time in a profile) buys nothing. This table spreads the key with one
/// multiply (Fibonacci hashing) and probes linearly in a power-of-two array. Key 0 marks an empty
/// slot; a term whose key is 0 is stored under a fixed substitute (a 1-in-2^64 event).
struct TermTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value]
    private var shift: UInt64
    private(set) var count = 0
    private let filler: Value

    init(minimumCapacity: Int = 16, filler: Value) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity *= 2 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value](repeating: filler, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        self.filler = filler
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 0x5BD1_E995_5BD1_E995 : key }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value stored under `key`, or nil.
    @inline(__always)
    subscript(key: UInt64) -> Value? {
        let k = Self.stored(key)
        let mask = keys.count - 1
        var i = slot(k)
        while true {
            let found = keys[i]
            if found == k { return values[i] }
            if found == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Changes the value under `key` in place, starting from `initial` when absent; returns
    /// whether the key was new.
    @inline(__always)
    @discardableResult
    mutating func update(_ key: UInt64, initial: Value, _ change: (inout Value) -> Void) -> Bool {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.stored(key)
        let mask = keys.count - 1
        var i = slot(k)
        while true {
            let found = keys[i]
            if found == k {
                change(&values[i])
                return false
            }
            if found == 0 {
                keys[i] = k
                values[i] = initial
                change(&values[i])
                count += 1
                return true
            }
            i = (i + 1) & mask
        }
    }

    /// Every key and value, in no particular order.
    func forEach(_ body: (UInt64, Value) -> Void) {
        for i in keys.indices where keys[i] != 0 { body(keys[i], values[i]) }
    }

    private mutating func grow() {
        var bigger = TermTable(minimumCapacity: keys.count, filler: filler)
        for i in keys.indices where keys[i] != 0 {
            bigger.update(keys[i], initial: values[i]) { _ in }
        }
        self = bigger
    }
}
