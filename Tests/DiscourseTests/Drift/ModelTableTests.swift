import Testing

@testable import Discourse

@Suite("Model table")
struct ModelTableTests {
    @Test func storesUpdatesAndGrowsLikeADictionary() {
        var table = ModelTable<Double>(filler: 0)
        var reference: [UInt64: Double] = [:]
        var state: UInt64 = 7
        for i in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = i % 3 == 0 ? state % 50 : state  // small keys (including 0) repeat
            let isNew = table.update(key, initial: 0) { $0 += 1 }
            #expect(isNew == (reference[key] == nil))
            reference[key, default: 0] += 1
        }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key] == value) }
        #expect(table[0xDEAD_BEEF_0000_0001] == nil)
        var seen = 0
        table.forEach { key, value in
            #expect(reference[key] == value || key == 0x5BD1_E995_5BD1_E995)
            seen += 1
        }
        #expect(seen == reference.count)
    }
}
