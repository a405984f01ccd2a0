/// A hash table from term keys to values, for the drift models' counting and scoring loops.
///
/// Like ``TermTable`` (Text/), it uses the FNV key as its own hash (Fibonacci-scrambled slot, linear
/// probing, power-of-two capacity kept at most half full) instead of `Dictionary`'s SipHash, which
/// took half of the scoring time in a profile. It differs where counting needs it: values change in
/// place with one probe (`update`), key and value sit side by side (one cache miss per lookup in the
/// 52k-word background table), and `reserve` sizes a growing thread model once. Key 0 marks an
/// empty slot; a term whose key is 0 is stored under a fixed substitute (a 1-in-2^64 event).
struct ModelTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var key: UInt64
        var value: Value
    }

    private var entries: [Entry]
    private var shift: UInt64
    private(set) var count = 0
    private let filler: Value

    init(minimumCapacity: Int = 8, filler: Value) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity *= 2 }
        entries = [Entry](repeating: Entry(key: 0, value: filler), count: capacity)
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
        return entries.withUnsafeBufferPointer { e in
            let mask = e.count - 1
            var i = slot(k)
            while true {
                let found = e[i].key
                if found == k { return e[i].value }
                if found == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// Changes the value under `key` in place, starting from `initial` when absent; returns
    /// whether the key was new.
    @inline(__always)
    @discardableResult
    mutating func update(_ key: UInt64, initial: Value, _ change: (inout Value) -> Void) -> Bool {
        if (count + 1) * 2 > entries.count { grow(to: entries.count) }
        let k = Self.stored(key)
        let mask = entries.count - 1
        var i = slot(k)
        while true {
            let found = entries[i].key
            if found == k {
                change(&entries[i].value)
                return false
            }
            if found == 0 {
                entries[i] = Entry(key: k, value: initial)
                change(&entries[i].value)
                count += 1
                return true
            }
            i = (i + 1) & mask
        }
    }

    /// Makes room for `additional` more keys without growing on the way.
    mutating func reserve(_ additional: Int) {
        if (count + additional) * 2 > entries.count { grow(to: count + additional) }
    }

    /// Every key and value, in no particular order.
    func forEach(_ body: (UInt64, Value) -> Void) {
        for e in entries where e.key != 0 { body(e.key, e.value) }
    }

    private mutating func grow(to minimumCapacity: Int) {
        var bigger = ModelTable(minimumCapacity: minimumCapacity, filler: filler)
        for e in entries where e.key != 0 {
            bigger.update(e.key, initial: e.value) { _ in }
        }
        self = bigger
    }
}
