/// An open-addressing hash table from a term key (already an FNV hash, see ``TermHash``) to the
/// cue categories it belongs to and its register weight.
///
/// The segmenter looks every token up several times, so this replaces `Set`/`Dictionary` (whose
/// SipHash dominated profiles) with one multiplicative probe into flat arrays. A key that starts a
/// longer cue carries ``prefixBit``, so n-gram scans stop after one lookup for almost every token.
struct CueTable: Sendable {
    /// Set on keys that are a proper prefix of some multi-token cue.
    static let prefixBit: UInt32 = 1 << 31

    private var keys: [UInt64]
    private var bits: [UInt32]
    private var weights: [Float]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        bits = [UInt32](repeating: 0, count: size)
        weights = [Float](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        // Keys are FNV hashes: mix the high bits down before masking.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The index holding `key`, or the empty index where it would go. Key 0 marks an empty slot, so
    /// a (practically impossible) zero key is stored as 1.
    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        var i = slot(key)
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    @inline(__always)
    static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    private mutating func grow() {
        let old = (keys, bits, weights)
        self = CueTable(capacity: keys.count)
        for i in 0..<old.0.count where old.0[i] != 0 {
            let j = find(old.0[i])
            keys[j] = old.0[i]
            bits[j] = old.1[i]
            weights[j] = old.2[i]
            count += 1
        }
    }

    private mutating func index(inserting key: UInt64) -> Int {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.stored(key)
        let i = find(k)
        if keys[i] == 0 {
            keys[i] = k
            count += 1
        }
        return i
    }

    mutating func insert(_ key: UInt64, bits b: UInt32) {
        let i = index(inserting: key)
        bits[i] |= b
    }

    mutating func setWeight(_ key: UInt64, _ w: Float) {
        let i = index(inserting: key)
        weights[i] = w
    }

    /// Category bits (and ``prefixBit``) of `key`; 0 when absent.
    @inline(__always)
    func bits(_ key: UInt64) -> UInt32 {
        let i = find(Self.stored(key))
        return keys[i] == 0 ? 0 : bits[i]
    }

    /// Register weight of `key`; 0 when absent.
    @inline(__always)
    func weight(_ key: UInt64) -> Float {
        let i = find(Self.stored(key))
        return keys[i] == 0 ? 0 : weights[i]
    }
}

/// A growable open-addressing set of term-hash keys (the echo feature's five-word sequences),
/// without `Set`'s per-lookup SipHash.
struct KeySet: Sendable {
    private var keys: [UInt64] = [UInt64](repeating: 0, count: 1024)
    private var mask = 1023
    private(set) var count = 0

    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
        while keys[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        keys[find(CueTable.stored(key))] != 0
    }

    mutating func insert(_ key: UInt64) {
        if (count + 1) * 2 > keys.count {
            let old = keys
            keys = [UInt64](repeating: 0, count: old.count * 2)
            mask = keys.count - 1
            for k in old where k != 0 { keys[find(k)] = k }
        }
        let k = CueTable.stored(key)
        let i = find(k)
        if keys[i] == 0 {
            keys[i] = k
            count += 1
        }
    }
}
