/// Eight text bytes in one `UInt64` (first byte lowest), read by ``Scanner/scanPlainWord(from:)``.
enum WordChunk {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// Bit 5 of every byte: set in a lowercase ASCII letter, clear in an uppercase one.
    static let caseBits: UInt64 = 0x2020_2020_2020_2020

    /// Number of ASCII letters at the start of `x` (0 … 8); `lowered` is `x | caseBits`.
    @inline(__always)
    static func letterCount(_ x: UInt64, lowered: UInt64) -> Int {
        // Per byte, without carries between bytes: the lowered byte's low 7 bits are at least "a"
        // and below "{", and the byte itself is ASCII.
        let low7 = lowered & ~highBits
        let atLeastA = low7 &+ ones &* (0x80 - 0x61)
        let pastZ = low7 &+ ones &* (0x80 - 0x7B)
        let letter = atLeastA & ~pastZ & ~x & highBits
        return (~letter & highBits).trailingZeroBitCount >> 3
    }

    /// True when byte `c` after a run of letters may continue the word (apostrophe, digit, non-ASCII,
    /// `*`, `$`, `@`, `-`, `_`): the general scan decides.
    /// A bit test rather than a chain of comparisons: the byte after a word varies from word to word,
    /// and the chain's branches were mispredicted.
    @inline(__always)
    static func continuesWord(_ c: UInt8) -> Bool {
        let word = c < 0x40 ? continuingBelow40 : (c < 0x80 ? continuingBelow80 : ~0)
        return (word >> UInt64(c & 63)) & 1 != 0
    }

    /// The bytes below 0x40 that ``continuesWord(_:)``: `$`, `'`, `*`, `-` and the digits.
    static let continuingBelow40: UInt64 = 1 << 0x24 | 1 << 0x27 | 1 << 0x2A | 1 << 0x2D | 0x3FF << 0x30
    /// The bytes 0x40 … 0x7F that ``continuesWord(_:)``, as bits from 0x40: `@` and `_`.
    static let continuingBelow80: UInt64 = 1 << (0x40 - 0x40) | 1 << (0x5F - 0x40)

    /// ``TermHash`` of the first `m` (1 … 8) bytes of `lowered`.
    @inline(__always)
    static func hash(_ lowered: UInt64, count m: Int) -> UInt64 {
        var h = TermHash.seed
        var v = lowered
        for _ in 0..<m {
            h = (h ^ (v & 0xFF)) &* TermHash.prime
            v &>>= 8
        }
        return h
    }

    /// ``hash(_:count:)`` of a word of 1 … 7 letters, without a branch on its length: all seven steps
    /// are taken and the `m`-th is kept. Word lengths cannot be predicted, and the loop's exit was
    /// mispredicted for most words; the extra steps are off the scan's critical path (the key is
    /// only stored).
    @inline(__always)
    static func shortHash(_ lowered: UInt64, count m: Int) -> UInt64 {
        var h = (TermHash.seed ^ (lowered & 0xFF)) &* TermHash.prime
        var kept = h
        var v = lowered
        for k in 2...7 {
            v &>>= 8
            h = (h ^ (v & 0xFF)) &* TermHash.prime
            kept = m >= k ? h : kept
        }
        return kept
    }

    /// All bits of the first `m` bytes (1 … 8).
    @inline(__always)
    static func firstBytes(_ m: Int) -> UInt64 {
        ~0 &>> UInt64(64 &- m &* 8)
    }

    /// Sum of the bytes of `x`, each 0 or 1 (a multiply, not `nonzeroBitCount`: without a CPU
    /// target the compiler cannot use POPCNT and counts bits in about twenty instructions).
    @inline(__always)
    static func byteSum(_ x: UInt64) -> Int {
        Int(truncatingIfNeeded: (x &* ones) &>> 56)
    }

    /// The high bit of every byte of `x` that is zero.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & ~highBits) &+ ~highBits) | x) & highBits
    }

    /// Whether a word's letters (apostrophes skipped) hold one letter three times in a row, fed a
    /// chunk at a time: the same answer as counting runs letter by letter.
    struct Repeats {
        /// The word's last letter so far (0 before the first).
        var last: UInt64 = 0
        /// 0x80 when the last two letters are equal.
        var lastPair: UInt64 = 0
        var elongated = false

        /// Adds the first `m` (1 … 8) bytes of `lowered`, all letters; `letters` is `firstBytes(m)`.
        @inline(__always)
        mutating func add(_ lowered: UInt64, count m: Int, letters: UInt64) {
            // High bit of byte i: letter i equals the letter before it; then: and the one before that.
            let pair = zeroBytes(lowered ^ (lowered &<< 8 | last))
            let triple = pair & (pair &<< 8 | lastPair) & letters
            if triple != 0 { elongated = true }
            let shift = UInt64((m &- 1) &* 8)
            last = (lowered &>> shift) & 0xFF
            lastPair = (pair &>> shift) & 0x80
        }
    }
}
