/// An open-addressing hash table from ``TermHash`` keys to ``SentimentEntry``s, with a bit filter in
/// front.
///
/// Why not `[UInt64: SentimentEntry]`: the scorer looks up every token of every comment, and the keys
/// are already well-mixed 64-bit hashes. Here a lookup is one probe of a 16 KB bit filter (which
/// stays in the L1 cache and turns away about 98% of the words that are in no lexicon: "the", "to",
/// names) and, for the rest, one 16-byte slot holding both the key and the packed entry (one cache
/// line, no retain/release, no re-hashing). Valences are kept to a thousandth. The table is built once and then only read.
struct SentimentTable: Sendable {
    /// Key and packed entry side by side, so a hit costs one cache line.
    struct Slot: Sendable {
        /// 0 marks an empty slot (a real key of 0 is stored as 1, see ``slotKey(_:)``).
        var key: UInt64 = 0
        /// Valence in thousandths (-4000 … 4000).
        var valence: Int16 = 0
        /// Signature of the tokens that continue a phrase from here (see ``SentimentEntry/nextMask``).
        var nextMask: UInt16 = 0
        var role: UInt8 = 0
        /// Role value in hundredths (boosters ±0.45, negator strengths 0 … 1).
        var roleValue: Int8 = 0
        /// Bits 0-6: term length in tokens; bit 7: has a valence.
        var lengthAndFlag: UInt8 = 0
        var longestPhrase: UInt8 = 0

        /// A term (a valence or a role), not only the start of longer phrases: ``SentimentEntry/isTerm``
        /// read from the packed fields (role 0 is `.none`).
        @inline(__always)
        var isTerm: Bool { lengthAndFlag & 0x80 != 0 || role != 0 }

        @inline(__always)
        var entry: SentimentEntry {
            SentimentEntry(
                valence: Float(valence) / 1000, hasValence: lengthAndFlag & 0x80 != 0,
                role: SentimentTable.roles[Int(role)], roleValue: Float(roleValue) / 100,
                length: lengthAndFlag & 0x7F, longestPhrase: longestPhrase, nextMask: nextMask)
        }

        init() {}

        init(key: UInt64, _ e: SentimentEntry) {
            self.key = key
            valence = Int16(max(-32767, min(32767, (e.valence * 1000).rounded())))
            nextMask = e.nextMask
            role = UInt8(SentimentTable.roles.firstIndex(of: e.role) ?? 0)
            roleValue = Int8(max(-127, min(127, (e.roleValue * 100).rounded())))
            lengthAndFlag = (e.length & 0x7F) | (e.hasValence ? 0x80 : 0)
            longestPhrase = e.longestPhrase
        }
    }

    static let roles = SentimentRole.allCases
    static let filterBits = 1 << 17

    private var slots: [Slot]
    private var filter: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity * 5 / 8 < minimumCapacity { capacity <<= 1 }
        slots = [Slot](repeating: Slot(), count: capacity)
        filter = [UInt64](repeating: 0, count: Self.filterBits / 64)
        mask = capacity - 1
    }

    @inline(__always)
    static func slotKey(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    static func slot(_ key: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: (key ^ (key >> 32)) & UInt64(mask)) }

    /// The two filter bits of a key, from hash bits the slot index does not use.
    @inline(__always)
    static func filterBits(_ key: UInt64) -> (Int, Int) {
        (
            Int(truncatingIfNeeded: (key >> 40) & UInt64(filterBits - 1)),
            Int(truncatingIfNeeded: (key >> 20) & UInt64(filterBits - 1))
        )
    }

    /// The entry for `key`, or nil.
    func lookup(_ key: UInt64) -> SentimentEntry? {
        withView { $0.lookup(key) }
    }

    /// A read-only view over the table's storage for the duration of a scoring pass: lookups without
    /// retain/release or bounds checks.
    struct View {
        let slots: UnsafePointer<Slot>
        let filter: UnsafePointer<UInt64>
        let mask: Int

        /// False when `key` is certainly absent (the filter's answer, from L1 cache); true when it may
        /// be present.
        @inline(__always)
        func mayContain(_ key: UInt64) -> Bool {
            let (a, b) = SentimentTable.filterBits(SentimentTable.slotKey(key))
            return filter[a >> 6] & (1 << UInt64(a & 63)) != 0 && filter[b >> 6] & (1 << UInt64(b & 63)) != 0
        }

        @inline(__always)
        func lookup(_ key: UInt64) -> SentimentEntry? {
            slot(key)?.pointee.entry
        }

        /// The slot of `key`, or nil: its packed fields, for a check that needs no unpacked entry.
        @inline(__always)
        func slot(_ key: UInt64) -> UnsafePointer<Slot>? {
            let k = SentimentTable.slotKey(key)
            guard mayContain(k) else { return nil }
            var i = SentimentTable.slot(k, mask: mask)
            while true {
                let found = slots[i].key
                if found == k { return slots + i }
                if found == 0 { return nil }
                i = (i &+ 1) & mask
            }
        }
    }

    func withView<R>(_ body: (View) -> R) -> R {
        slots.withUnsafeBufferPointer { s in
            filter.withUnsafeBufferPointer { f in
                body(View(slots: s.baseAddress!, filter: f.baseAddress!, mask: mask))
            }
        }
    }

    /// Calls `body` with the stored entry for `key` (a fresh one when absent) so it can be changed.
    mutating func update(_ key: UInt64, _ body: (inout SentimentEntry) -> Void) {
        // Grow at a load factor of 5/8: linear probing stays short, and the built-in lexicon
        // (about 8,700 keys) fits 16,384 slots (256 KB).
        if (count + 1) * 8 > slots.count * 5 { grow() }
        let k = Self.slotKey(key)
        var i = Self.slot(k, mask: mask)
        while slots[i].key != 0 && slots[i].key != k { i = (i + 1) & mask }
        var entry = SentimentEntry()
        if slots[i].key == 0 {
            count += 1
            let (a, b) = Self.filterBits(k)
            filter[a >> 6] |= 1 << UInt64(a & 63)
            filter[b >> 6] |= 1 << UInt64(b & 63)
        } else {
            entry = slots[i].entry
        }
        body(&entry)
        slots[i] = Slot(key: k, entry)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for s in old where s.key != 0 {
            var j = Self.slot(s.key, mask: mask)
            while slots[j].key != 0 { j = (j + 1) & mask }
            slots[j] = s
        }
    }
}
