/// A set of term keys that may answer "maybe" for a key it does not hold, never "no" for one it
/// holds (one bit per slot, a Bloom filter with one hash): the comments' vocabulary when the
/// article model keeps its word predictions only for words a comment uses. A false "maybe" only
/// keeps a prediction nobody looks up, so results are the same as with an exact set.
///
/// - Complexity: building is linear in the keys; a query is one multiply and one bit test.
struct KeyFilter: Sendable {
    private var bits: [UInt64]
    private let shift: UInt64

    /// A filter sized for `count` keys (at least 16 bits per key, so about one key in 16 that it
    /// does not hold passes).
    init(expected count: Int) {
        var slots = 1024
        var log2 = 10
        while slots < count * 16 {
            slots <<= 1
            log2 += 1
        }
        bits = [UInt64](repeating: 0, count: slots / 64)
        shift = UInt64(64 - log2)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    mutating func insert(_ key: UInt64) {
        let s = slot(key)
        bits[s >> 6] |= 1 << UInt64(s & 63)
    }

    /// False only for a key that was never inserted.
    @inline(__always)
    func mayContain(_ key: UInt64) -> Bool {
        let s = slot(key)
        return bits[s >> 6] & (1 << UInt64(s & 63)) != 0
    }
}
