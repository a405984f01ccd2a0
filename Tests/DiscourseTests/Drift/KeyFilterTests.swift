import Testing

@testable import Discourse

@Suite("Drift key filter")
struct KeyFilterTests {
    @Test func holdsEveryInsertedKeyAndRejectsMostOthers() {
        let words = (0..<400).map { "word\($0)" }
        var filter = KeyFilter(expected: words.count)
        for w in words { filter.insert(TermHash.of(normalized: w)) }
        #expect(words.allSatisfy { filter.mayContain(TermHash.of(normalized: $0)) })
        let others = (0..<10_000).map { TermHash.of(normalized: "other\($0)") }
        let passed = others.filter { filter.mayContain($0) }.count
        #expect(passed < others.count / 8, "\(passed) of \(others.count) unknown keys passed")
        #expect(!KeyFilter(expected: 0).mayContain(TermHash.of(normalized: "word1")))
    }
}
