/// An open-addressing hash table from a term key (already an FNV hash, see ``TermHash``) to the
/// cue categories it belongs to and its register weight.
///
/// The segmenter looks every token up several times, so this replaces `Set`/`Dictionary` (whose
/// SipHash dominated profiles) with one multiplicative probe into flat arrays. A key that starts a
/// longer cue carries ``prefixBit``, so n-gram scans stop after one lookup for almost every token.
struct CueTable: Sendable {
    /// Set on keys that are a proper prefix of some multi-token cue.
    static let prefixBit: UInt32 = 1 << 31

    /// Key, bits and weight side by side: a lookup touches one cache line, not three arrays.
    private struct Entry: Sendable {
        var key: UInt64 = 0
        var bits: UInt32 = 0
        var weight: Float = 0
    }

    private var entries: [Entry]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        entries = [Entry](repeating: Entry(), count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        // Keys are FNV hashes: mix the high bits down before masking.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The index holding `key`, or the empty index where it would go. Key 0 marks an empty slot, so
    /// a (practically impossible) zero key is stored as 1.
    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        entries.withUnsafeBufferPointer { e in
            var i = Self.slot(key, mask)
            while e[i].key != 0 && e[i].key != key { i = (i + 1) & mask }
            return i
        }
    }

    @inline(__always)
    static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    private mutating func grow() {
        let old = entries
        self = CueTable(capacity: old.count)
        for e in old where e.key != 0 {
            entries[find(e.key)] = e
            count += 1
        }
    }

    private mutating func index(inserting key: UInt64) -> Int {
        if (count + 1) * 2 > entries.count { grow() }
        let k = Self.stored(key)
        let i = find(k)
        if entries[i].key == 0 {
            entries[i].key = k
            count += 1
        }
        return i
    }

    mutating func insert(_ key: UInt64, bits b: UInt32) {
        let i = index(inserting: key)
        entries[i].bits |= b
    }

    mutating func setWeight(_ key: UInt64, _ w: Float) {
        let i = index(inserting: key)
        entries[i].weight = w
    }

    /// Category bits (and ``prefixBit``) of `key`; 0 when absent (an empty slot holds 0).
    @inline(__always)
    func bits(_ key: UInt64) -> UInt32 { entries[find(Self.stored(key))].bits }

    /// Category bits and register weight of `key` with one probe (0 and 0 when absent).
    @inline(__always)
    func entry(_ key: UInt64) -> (bits: UInt32, weight: Float) {
        let e = entries[find(Self.stored(key))]
        return (e.bits, e.weight)
    }

    /// Register weight of `key`; 0 when absent.
    @inline(__always)
    func weight(_ key: UInt64) -> Float { entries[find(Self.stored(key))].weight }
}
