import Testing

@testable import Discourse

@Suite("Segmenter")
struct SegmenterTests {
    func segment(_ lines: [String], explain: Bool = false) -> Segmentation {
        Segmenter().segment(lines.map(Tokenizer.tokenize), explain: explain)
    }

    @Test func newsPageWithBoilerplateThenComments() {
        let page = Fixtures.newsWithComments
        let s = segment(page.lines)
        #expect(s.firstCommentLine == page.firstComment)
        #expect(s.kinds[0] == .header)
        #expect(s.kinds[4] == .body)
        for i in [7, 9, 12, 13, 14, 15, 16] { #expect(s.kinds[i] == .boilerplate, "line \(i + 1)") }
        #expect(s.kinds[17...].allSatisfy { $0 == .comment })
    }

    @Test func newsPageWithoutComments() {
        let s = segment(Fixtures.newsWithoutComments.lines)
        #expect(s.firstCommentLine == nil)
        #expect(!s.kinds.contains(.comment))
        #expect(s.commentSectionLines.isEmpty)
    }

    @Test func secondNewsPage() {
        let page = Fixtures.localNews
        #expect(segment(page.lines).firstCommentLine == page.firstComment)
        #expect(segment(Array(page.lines[..<12])).firstCommentLine == nil)
    }

    @Test func authorsClosingLinesAreNotComments() {
        #expect(segment(Fixtures.blogWithoutComments.lines).firstCommentLine == nil)
    }

    @Test func shortCommentSectionAfterTheAuthorsClosingLines() {
        let lines =
            Fixtures.blogWithoutComments.lines + [
                "Great post Jodi! I tried this last year and never went back, my mornings are mine again :)"
            ]
        #expect(segment(lines).firstCommentLine == Fixtures.blogWithoutComments.lines.count)
    }

    @Test func furnitureBeforeComments() {
        let page = Fixtures.furnitureBefore
        let s = segment(page.lines)
        #expect(s.firstCommentLine == page.firstComment)
        #expect(s.furnitureFirst == true)
        #expect(s.kinds[5] == .commentMeta && s.kinds[7] == .commentMeta)
        #expect(s.kinds[6] == .comment && s.kinds[9] == .comment)
        #expect(s.kinds[1] == .header)
    }

    @Test func furnitureAfterComments() throws {
        let page = Fixtures.furnitureAfter
        let s = segment(page.lines)
        // Furniture that closes each comment puts the first comment among the few text lines before
        // its first run (here the author's last lines and the first comment are alike, both in the
        // first person: which of them starts the section is the line model's call).
        let first = try #require(s.firstCommentLine)
        let expected = try #require(page.firstComment)
        #expect((expected - 2)...expected ~= first)
        #expect(s.furnitureFirst == false)
        #expect(s.kinds[6] == .commentMeta)
    }

    @Test func typepadComments() {
        let page = Fixtures.typepad
        let s = segment(page.lines)
        #expect(s.firstCommentLine == page.firstComment)
        #expect(s.kinds[3] == .boilerplate)
        #expect(s.kinds[6] == .commentMeta)
    }

    @Test func explainShowsWhatMovedEachLine() {
        let s = segment(Fixtures.newsWithComments.lines, explain: true)
        #expect(s.evidence.count == Fixtures.newsWithComments.lines.count)
        let tweet = s.evidence.first { $0.line == 12 }!
        #expect(tweet.contributions.contains { $0.feature == "boilerplate" && $0.weight < 0 })
        let reply = s.evidence.first { $0.line == 19 }!
        #expect(reply.contributions.contains { $0.feature == "address opener" && $0.weight > 0 })
        // The line's own contributions add up to its score.
        let own = reply.contributions.filter { !$0.feature.contains("(") }.map(\.weight).reduce(0, +)
        #expect(abs(own - reply.score) < 1e-6)
        // The boundary line also carries the section and boundary terms that chose it.
        let first = s.evidence.first { $0.line == 17 }!
        #expect(
            first.contributions.contains { $0.feature.hasSuffix("(section)") || $0.feature.hasSuffix("(boundary)") })
        #expect(segment(Fixtures.newsWithComments.lines).evidence.isEmpty)
    }

    /// Confidence is the calibrated probability that the decision is exactly right: strictly between
    /// 0 and 1, high for a clear article-only page and a page whose furniture repeats, lower for an
    /// exact boundary among plain lines (the cross-validation found most of those a line or two off).
    @Test func confidenceIsAProbability() {
        for page in [Fixtures.newsWithComments, Fixtures.newsWithoutComments, Fixtures.furnitureBefore] {
            let c = segment(page.lines).confidence
            #expect(c > 0 && c < 1)
        }
        #expect(segment(Fixtures.newsWithoutComments.lines).confidence > 0.8)
        #expect(segment(Fixtures.furnitureBefore.lines).confidence > 0.8)
    }

    @Test func emptyAndBlankInput() {
        let empty = segment([])
        #expect(empty.kinds.isEmpty && empty.firstCommentLine == nil)
        let blank = segment(["", "   ", ""])
        #expect(blank.firstCommentLine == nil)
        #expect(blank.kinds.count == 3)
        let one = segment(["Great post, thanks for sharing!"])
        #expect(one.firstCommentLine == nil)  // a single line is the article
    }

    @Test func blankLinesTakeTheirSectionsKind() {
        var lines: [String] = []
        for line in Fixtures.newsWithComments.lines { lines += [line, ""] }
        let s = segment(lines)
        #expect(s.firstCommentLine == 2 * Fixtures.newsWithComments.firstComment!)
        #expect(s.kinds[s.firstCommentLine! + 1] == .comment)
    }

    /// Big inputs must run in time linear in their size: these would not finish in a test run if any
    /// per-line work grew with the file (a quadratic template search, a rescan per boundary).
    @Test func bigInputs() {
        let article = Fixtures.newsWithoutComments.lines
        var lines: [String] = []
        lines.reserveCapacity(30_000)
        while lines.count < 30_000 { lines += article }
        let s = segment(lines)
        #expect(s.kinds.count == lines.count)
        var furniture: [String] = []
        for i in 0..<3_000 {
            furniture += ["Reader\(i % 97) July \(1 + i % 28), 2012 at \(1 + i % 12):0\(i % 10) pm", "Nice one!"]
        }
        let withTemplate = segment(article + furniture)
        #expect(withTemplate.firstCommentLine == article.count)
        let longLine = String(repeating: "word, another word. ", count: 50_000)  // 1 MB, no newline
        let single = segment([longLine])
        #expect(single.kinds.count == 1 && single.firstCommentLine == nil)
    }
}

/// The segmentation read in passes over a source (what a huge page gets, #12) is the in-memory one,
/// to the last bit of its confidence.
@Suite("Segmenter in passes")
struct SegmenterPassesTests {
    func expectSame(_ text: String, _ label: String) throws {
        let segmenter = Segmenter()
        let whole = segmenter.segment(text: text)
        for chunk in [5, 1 << 16] {
            let passes = try segmenter.segment(BytesLines(text, chunkSize: chunk), name: label)
            let s = passes.segmentation
            #expect(s.kinds == whole.kinds, "\(label)")
            #expect(s.firstCommentLine == whole.firstCommentLine, "\(label)")
            #expect(s.confidence == whole.confidence, "\(label)")
            #expect(s.furnitureFirst == whole.furnitureFirst, "\(label)")
            #expect(s.furnitureRoles == whole.furnitureRoles, "\(label)")
            #expect(passes.lineCount == TextLines.split(text).count)
        }
    }

    @Test func everyFixturePageSegmentsAsInMemory() throws {
        for (k, page) in Fixtures.allPages.enumerated() {
            try expectSame(page.lines.joined(separator: "\n"), "fixture \(k)")
        }
        try expectSame("", "empty")
        try expectSame("one line", "one line")
    }

    /// A page longer than ``LineValues/maxKeptLines``: the in-memory segmenter fills values again in
    /// its second pass too, and the furniture template repeats thousands of times.
    @Test func aLongPageWithFurnitureSegmentsAsInMemory() throws {
        let page = Fixtures.handleHeart.lines
        var lines = Array(page[..<5])
        for k in 0..<(LineValues.maxKeptLines / 3 + 50) {
            lines += ["@reader\(k % 97) · \(k % 23 + 1)h", page[6 + 3 * (k % 3)], "♥ \(k % 40) · Reply"]
        }
        try expectSame(lines.joined(separator: "\n"), "long")
    }
}

@Suite("Gram set")
struct GramSetTests {
    /// Membership is exact through growth and at the large sizing (a quarter more slots than keys),
    /// the hash 0 included; a key counts once.
    @Test func holdsExactlyTheKeysInserted() {
        var rng = SystemRandomNumberGenerator()
        let keys = [0] + (1..<200_000).map { _ in UInt64.random(in: 2...UInt64.max, using: &rng) }
        for capacity in [4, 1 << 17] {
            var set = GramSet(capacity: capacity)
            for k in keys.prefix(100_000) { set.insert(k) }
            for k in keys.prefix(1000) { set.insert(k) }
            #expect(set.count == Set(keys.prefix(100_000)).count)
            #expect(keys.prefix(100_000).allSatisfy { set.contains($0) })
            #expect(!keys[100_000..<200_000].contains { set.contains($0) && !keys.prefix(100_000).contains($0) })
        }
        #expect(GramSet.slots(for: LineContext.maxGrams) < 3 * LineContext.maxGrams / 2)
    }
}
