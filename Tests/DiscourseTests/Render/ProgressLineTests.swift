import Testing

@testable import Discourse

@Suite("ProgressLine")
struct ProgressLineTests {
    @Test func showsBarCountsRateAndETA() {
        let line = ProgressLine.render(done: 25, total: 100, comments: 5000, elapsed: 10, width: 100)
        #expect(line.contains("25/100 files"))
        #expect(line.contains("500 comments/s"))
        #expect(line.contains("ETA 0:30"))
        #expect(line.hasPrefix("[##########"))
    }

    @Test func unknownTotalHasNoBarOrETA() {
        let line = ProgressLine.render(done: 3, total: nil, comments: 1_234_567, elapsed: 1, width: 80)
        #expect(line == "3 files · 1,234,567 comments/s")
    }

    @Test func clockFormats() {
        #expect(ProgressLine.clock(59.2) == "1:00")
        #expect(ProgressLine.clock(3725) == "1:02:05")
    }
}
