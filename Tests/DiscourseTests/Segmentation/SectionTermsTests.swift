import Testing

@testable import Discourse

@Suite("Section terms")
struct SectionTermsTests {
    /// The standard weights with the formal opening read from a reference of -5.5 down, fully
    /// from -7.
    func weights() throws -> SegmenterWeights {
        var rows = SegmenterParameter.allCases.map { p -> String in
            switch p {
            case .formalThreshold: return "\(p.rawValue)\t5.5"
            case .formalSpan: return "\(p.rawValue)\t1.5"
            default: return "\(p.rawValue)\t\(SegmenterWeights.standard[p])"
            }
        }
        rows.insert("parameter\tvalue", at: 0)
        return try SegmenterWeights(table: TSVTable(path: "test.tsv", text: rows.joined(separator: "\n")))
    }

    @Test func howNewsLikeTheOpeningIs() throws {
        let w = try weights()
        let paragraphs = [Int](repeating: 20, count: 8)
        let news = try #require(SectionTerms.opening(scores: [-8, -9, -8, -8.5, -8, -9, -3, -2], words: paragraphs, weights: w))
        #expect(news.reference == -8)  // the upper median of the first four paragraphs (40 % of 8, at least 3)
        #expect(news.formality == 1)
        let blog = try #require(SectionTerms.opening(scores: [-3, -4, -2, -3, -1, -2, 0, 1], words: paragraphs, weights: w))
        #expect(blog.formality == 0)
        let between = try #require(SectionTerms.opening(scores: [-6.25, -6.25, -6.25, -6, -6, -2, -1, 0], words: paragraphs, weights: w))
        #expect(abs(between.formality - 0.5) < 1e-9)
        // Fewer than four paragraphs: no judgement at all.
        #expect(SectionTerms.opening(scores: [-8, -9, -8, -8.5], words: [20, 20, 20, 5], weights: w) == nil)
    }

    @Test func theReferenceIsReadOnParagraphs() throws {
        // A title and a byline score near the middle; the story's paragraphs far on the article side.
        let scores: [Double?] = [-3, -3.5, -8, -8.5, -8, -9, -3, -3]
        let words = [6, 5, 30, 30, 30, 30, 8, 8]
        let opening = try #require(SectionTerms.opening(scores: scores, words: words, weights: try weights()))
        #expect(opening.reference == -8)  // the paragraphs' median, not the title's or the byline's
        #expect(opening.formality == 1)
        // Lines that are not paragraphs are never read, however many there are.
        #expect(SectionTerms.opening(scores: scores, words: scores.map { _ in 5 }, weights: try weights()) == nil)
    }
}
