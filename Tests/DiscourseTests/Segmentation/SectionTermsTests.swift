import Testing

@testable import Discourse

@Suite("Section terms")
struct SectionTermsTests {
    /// The standard weights with the formal-article term switched on at weight 1, threshold 5.5,
    /// span 1.5, dead zone 2, clip 4.
    func weights(formal: Double = 1) throws -> SegmenterWeights {
        var rows = SegmenterParameter.allCases.map { p -> String in
            switch p {
            case .formalContrast: return "\(p.rawValue)\t\(formal)"
            case .formalThreshold: return "\(p.rawValue)\t5.5"
            case .formalSpan: return "\(p.rawValue)\t1.5"
            case .formalDeadZone: return "\(p.rawValue)\t2"
            case .formalClip: return "\(p.rawValue)\t4"
            default: return "\(p.rawValue)\t\(SegmenterWeights.standard[p])"
            }
        }
        rows.insert("parameter\tvalue", at: 0)
        return try SegmenterWeights(table: TSVTable(path: "test.tsv", text: rows.joined(separator: "\n")))
    }

    /// The term with every line a paragraph of 20 words.
    func formal(_ scores: [Double?], weights: SegmenterWeights) -> [Double] {
        SectionTerms.formalContrast(scores: scores, words: scores.map { _ in 20 }, weights: weights)
    }

    @Test func plainLinesUnderANewsArticleCountForTheSection() throws {
        // A news-like opening (line scores far on the article side), then plain reader lines.
        let scores: [Double?] = [-8, -9, -8, -8.5, -8, nil, -3, -2.5, -4]
        let after = formal(scores, weights: try weights())
        #expect(after.count == scores.count + 1)
        #expect(after[6] > 0)
        #expect(after[6] > after[7] && after[7] > after[8])  // every reader line adds its rise
        #expect(after[5] == after[6])  // a blank line adds nothing
        // An article line rising less than the dead zone adds nothing; one falling costs.
        #expect(after[4] < after[5])
        #expect(after[9] == 0)
    }

    @Test func theReferenceIsReadOnParagraphs() throws {
        // A title and a byline score near the middle; the story's paragraphs far on the article side.
        let scores: [Double?] = [-3, -3.5, -8, -8.5, -8, -9, -3, -3]
        let words = [6, 5, 30, 30, 30, 30, 8, 8]
        let after = SectionTerms.formalContrast(scores: scores, words: words, weights: try weights())
        #expect(after[6] == 6)  // two reader lines, each 3 above the paragraphs' -8 after the dead zone
        // Read on every line, the short header lines would hide how formal the story is.
        let blind = SectionTerms.formalContrast(scores: scores, words: scores.map { _ in 5 }, weights: try weights())
        #expect(blind[6] == 0)
    }

    @Test func howNewsLikeTheOpeningIs() throws {
        let w = try weights()  // threshold 5.5, span 1.5
        let paragraphs = [Int](repeating: 20, count: 8)
        let news = try #require(SectionTerms.opening(scores: [-8, -9, -8, -8.5, -8, -9, -3, -2], words: paragraphs, weights: w))
        #expect(news.0 == -8)  // the upper median of the first four paragraphs (40 % of 8, at least 3)
        #expect(news.1 == 1)
        let blog = try #require(SectionTerms.opening(scores: [-3, -4, -2, -3, -1, -2, 0, 1], words: paragraphs, weights: w))
        #expect(blog.1 == 0)
        let between = try #require(SectionTerms.opening(scores: [-6.25, -6.25, -6.25, -6, -6, -2, -1, 0], words: paragraphs, weights: w))
        #expect(abs(between.1 - 0.5) < 1e-9)
        // Fewer than four paragraphs: no judgement at all.
        #expect(SectionTerms.opening(scores: [-8, -9, -8, -8.5], words: [20, 20, 20, 5], weights: w) == nil)
    }

    @Test func eachLinesRiseIsClipped() throws {
        let mild = formal([-8, -8, -8, -8, -2], weights: try weights())
        let wild = formal([-8, -8, -8, -8, 40], weights: try weights())
        #expect(mild[4] == wild[4])
        #expect(wild[4] == 4)  // the clip, at weight 1 and full formality
    }

    @Test func silentUnderAnInformalOpeningOrWhenOff() throws {
        // A chatty blog: its opening is already near the comment side, so nothing stands out.
        let blog: [Double?] = [-3, -2, -3.5, -2.5, 1, 2]
        #expect(formal(blog, weights: try weights()).allSatisfy { $0 == 0 })
        let news: [Double?] = [-8, -9, -8, -8.5, -3, -2.5]
        #expect(formal(news, weights: try weights(formal: 0)).allSatisfy { $0 == 0 })
        // Too few scored lines to have an opening.
        #expect(formal([-8, -8, -1], weights: try weights()).allSatisfy { $0 == 0 })
    }
}
