import Testing

@testable import Discourse

@Suite("TermTable")
struct TermTableTests {
    @Test func storesAndFindsManyKeys() {
        var table = TermTable<Int>()
        for i in 0..<5000 { table[TermHash.of(normalized: "w\(i)")] = i }
        #expect(table.count == 5000)
        for i in stride(from: 0, to: 5000, by: 7) { #expect(table[TermHash.of(normalized: "w\(i)")] == i) }
        #expect(table[TermHash.of(normalized: "absent")] == nil)
    }

    @Test func overwriteKeepsCountAndRemoveWorks() {
        var table = TermTable<Double>()
        let k = TermHash.of(normalized: "good")
        table[k] = 1.9
        table[k] = 2.5
        #expect(table.count == 1)
        #expect(table[k] == 2.5)
        table[k] = nil
        #expect(table[k] == nil)
        #expect(table.count == 0)
    }

    @Test func zeroKeyIsUsable() {
        var table = TermTable<Int>()
        table[0] = 7
        #expect(table[0] == 7)
        var set = TermSet([1, 2, 3])
        set.insert(0)
        #expect(set.contains(0) && set.contains(3) && !set.contains(4))
    }

    @Test func setGrowsAndCountsEachKeyOnce() {
        var set = TermSet(capacity: 2)
        let keys = (1...5_000).map { TermHash.of(normalized: "word\($0)") }
        for k in keys { set.insert(k) }
        for k in keys.prefix(100) { set.insert(k) }  // again: no change
        #expect(set.count == 5_000)
        #expect(keys.allSatisfy(set.contains))
        #expect(!set.contains(TermHash.of(normalized: "word5001")))
    }
}
