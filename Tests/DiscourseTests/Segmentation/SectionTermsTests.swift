import Testing

@testable import Discourse

@Suite("Section terms")
struct SectionTermsTests {
    /// Weights with only the given relative rows (and typography) set; every other parameter 0.
    func weights(
        relative: [String: Double], scaled: [String: Double] = [:], zscore: [String: Double] = [:],
        typography: Double = 0, length: [SegmenterParameter: Double] = [:]
    ) throws -> SegmenterWeights {
        var rows = ["parameter\tvalue"]
        rows += SegmenterParameter.allCases.map { p in
            "\(p.rawValue)\t\(p == .typographyContrast ? typography : length[p] ?? 0)"
        }
        rows += relative.map { "relative:\($0.key)\t\($0.value)" }
        rows += scaled.map { "scaled:\($0.key)\t\($0.value)" }
        rows += zscore.map { "zscore:\($0.key)\t\($0.value)" }
        return try SegmenterWeights(table: TSVTable(path: "test.tsv", text: rows.joined(separator: "\n")))
    }

    /// A page's section terms at any boundary: the file's sums, then the lines above `b` added as
    /// the article, as the segmenter's second pass adds them.
    struct Page {
        var file: SectionTerms
        var values: LineValues
        var features: [LineFeatures]
        var context: [LineContext]
        var counted: [Bool]

        func at(_ b: Int) -> SectionTerms {
            var v = values
            return Segmenter.articleSums(file, &v, upTo: b, counted: counted) { (features[$0], context[$0]) }
        }
        func total(_ b: Int) -> Double { at(b).total(SectionTerms.before) }
        func parts(_ b: Int) -> [(feature: String, weight: Double)] { at(b).parts(SectionTerms.before) }
    }

    func terms(_ lines: [String], _ w: SegmenterWeights, keepRows: Bool? = nil) -> Page {
        let tokens = lines.map(Tokenizer.tokenize)
        let features = tokens.map { LineFeatures(text: $0, cues: .embedded) }
        let context = LineContext.compute(
            lines: tokens, features: features, blank: tokens.map(\.isEmpty), cues: .embedded)
        let columns = LineModel(w).columns
        var values = LineValues(columns: columns, lines: tokens.count, keepRows: keepRows)
        var file = SectionTerms(columns: columns, weights: w)
        for i in tokens.indices where !tokens[i].isEmpty {
            values.fill(i, features[i], context[i])
            file.addToFile(features[i], values, line: i)
        }
        return Page(
            file: file, values: values, features: features, context: context, counted: tokens.map { !$0.isEmpty })
    }

    /// The second pass gives every boundary's terms exactly as the sums up to it do, whether the
    /// values of every line were kept or are filled again line by line (a long file).
    @Test func theSecondPassMatchesTheSumsAtEachBoundary() throws {
        let w = try weights(
            relative: ["first_person": 1, "register": 0.5], scaled: ["question": 0.7], zscore: ["first_person": 0.3],
            typography: 1)
        let lines = Self.article + ["", "“Fine,” he said.", "I think it's great!", "Why?", "", "i agree lol"]
        for keep in [true, false] {
            var page = terms(lines, w, keepRows: keep)
            #expect(page.values.keepsEveryRow == keep)
            let allowed = 1..<lines.count
            let blank = lines.map { $0.isEmpty }
            let totals = Segmenter.sectionTotals(
                page.file, &page.values, allowed: allowed, blank: blank, counted: page.counted
            ) {
                (page.features[$0], page.context[$0])
            }
            for b in allowed where !blank[b] {
                #expect(totals[b - 1] == page.total(b))
            }
            #expect(totals.contains { $0 != 0 })
        }
    }

    static let article = [
        "The council approved the budget on Tuesday, officials said.",
        "The plan includes new funding for flood defences along the river.",
        "Work is expected to begin in the spring, according to the report.",
        "The scheme will cost £4m over three years.",
    ]

    /// A switch to first person after the article counts where it happens; a file that uses first
    /// person the same way throughout gains nothing from it.
    @Test func aSwitchOfStyleIsEvidence() throws {
        let w = try weights(relative: ["first_person": 1])
        let comments = ["I think this is long overdue.", "I live by the river and I am relieved."]
        let page = terms(Self.article + comments, w)
        let atSwitch = page.total(4)
        #expect(atSwitch > 2)  // three first-person words after an article with none (shrunk mean)
        #expect(atSwitch > page.total(2))  // ... more than a boundary inside the article
        let chatty = [String](repeating: "I went to the river again today.", count: 6)
        #expect(abs(terms(chatty, w).total(4)) < 1e-9)
    }

    @Test func theArticlesMeanIsShrunkTowardsTheFile() throws {
        // A one-line "article" cannot claim its own extreme mean: with three lines' worth of the file's
        // mean mixed in, the contrast after line 1 is smaller than against the first line alone.
        let w = try weights(relative: ["first_person": 1])
        let lines = ["Officials said the plan was approved.", "I agree.", "I do too.", "I am not sure."]
        let unshrunk = 3.0 - 3 * 0  // three first-person words after, none before
        #expect(terms(lines, w).total(1) < unshrunk)
        #expect(terms(lines, w).total(1) > 0)
    }

    @Test func typographyCountsStraightMarksAfterCurlyOnes() throws {
        let w = try weights(relative: [:], typography: 1)
        let curly = ["“We are ready,” the mayor said.", "It’s the council’s largest scheme.", "Work starts soon."]
        let page = terms(curly + ["don't know why it's taking so long", "it's about time"], w)
        #expect(page.total(3) > 0)
        #expect(page.total(3) > page.total(1))
        #expect(page.parts(3).contains { $0.feature == "typography contrast (section)" })
    }

    @Test func explainNamesEveryRelativeTerm() throws {
        let w = try weights(relative: ["first_person": 1, "question": 0.5])
        let page = terms(Self.article + ["Why did I not hear of this?"], w)
        let names = page.parts(4).map(\.feature)
        #expect(names.contains("first person (relative to the article)"))
        #expect(names.contains("question (relative to the article)"))
    }

    /// The scaled contrast is the relative contrast over √(lines after the boundary): equal for a
    /// one-line section, half of it for four lines, so a short trailing section is not outweighed by
    /// its length alone.
    @Test func scaledContrastDividesBySquareRootOfTheSection() throws {
        let comments = ["I think this is long overdue.", "I live by the river.", "I am relieved.", "I agree."]
        let page = Self.article + comments
        let relative = terms(page, try weights(relative: ["first_person": 1]))
        let scaled = terms(page, try weights(relative: [:], scaled: ["first_person": 1]))
        #expect(relative.total(4) > 2)
        #expect(abs(scaled.total(4) - relative.total(4) / 2) < 1e-9)  // four lines after the boundary
        #expect(abs(scaled.total(7) - relative.total(7)) < 1e-9)  // one line after it
        #expect(scaled.parts(4).contains { $0.feature == "first person (scaled, relative to the article)" })
    }

    /// The z-score is the scaled contrast in the article's own units: one first-person comment
    /// under four lines without any is the contrast over √(the article's variance, shrunk towards
    /// the file's, plus a quarter).
    @Test func zScoreDividesByTheArticlesSpread() throws {
        let page = terms(Self.article + ["I agree."], try weights(relative: [:], zscore: ["first_person": 1]))
        // File: five lines, one first-person word: mean 0.2, variance 0.16; the article's: 0 and 0.
        let contrast = 1 - (0 + 3 * 0.2) / (4 + 3)
        let variance = (4 * 0 + 3 * 0.16) / (4 + 3)
        #expect(abs(page.total(4) - contrast / (variance + 0.25).squareRoot()) < 1e-9)
        #expect(page.parts(4).contains { $0.feature == "first person (z-score against the article)" })
    }

    /// Line length is a feature like any other (log2(1 + words)), so the section terms see a switch
    /// from the article's long paragraphs to short replies where it happens, with no cue word at all.
    @Test func aSwitchOfLineLengthIsEvidence() throws {
        let w = try weights(relative: [:], zscore: ["log_words": -1])
        let replies = ["Seems fair.", "Not convinced.", "About time."]
        let page = terms(Self.article + replies, w)
        #expect(page.total(4) > 0)
        #expect(page.total(4) > page.total(3))  // one article line taken as a reply
        #expect(page.total(4) > page.total(5))  // the first reply left to the article
        #expect(page.parts(4).contains { $0.feature == "log words (z-score against the article)" })
        let x = LineFeatures(text: Tokenizer.tokenize("Not convinced at all."), cues: .embedded)
        #expect(abs(LineModel.value(.logWords, x, LineContext()) - 2.321928094887362) < 1e-12)  // log2(1 + 4)
    }

    /// Two articles with the same mean first person: the one that varies it (a chatty blog mixing
    /// "I" paragraphs with plain ones) makes the same first-person comments less surprising, though
    /// the scaled contrast, which ignores the spread, is the same for both.
    @Test func aVariedArticleMakesTheSameSwitchLessSurprising() throws {
        let steady = ["I went to the river.", "I saw the flood.", "I met the mayor.", "I read the plan."]
        let varied = [
            "I went there and I saw it.", "The river rose.", "I met him and I read it.", "The plan was read.",
        ]
        let comments = ["I think I agree and I am glad.", "I know I said I would."]
        let z = try weights(relative: [:], zscore: ["first_person": 1])
        let scaled = try weights(relative: [:], scaled: ["first_person": 1])
        #expect(abs(terms(steady + comments, scaled).total(4) - terms(varied + comments, scaled).total(4)) < 1e-9)
        #expect(terms(steady + comments, z).total(4) > terms(varied + comments, z).total(4))
        #expect(terms(varied + comments, z).total(4) > 0)
    }

    /// The length prior reads the ordinary lines after the boundary (blank lines do not count): one,
    /// two and three lines get their own row, a longer section none.
    @Test func theLengthPriorCountsTheLinesAfterTheBoundary() throws {
        let w = try weights(
            relative: [:], length: [.sectionOneLine: 3, .sectionTwoLines: 2, .sectionThreeLines: 1])
        let page = terms(Self.article + ["I agree.", "", "Me too.", "So do I."], w)
        #expect(page.total(7) == 3)  // "So do I."
        #expect(page.total(6) == 2)  // "Me too.", "So do I."
        #expect(page.total(5) == 2)  // the blank line, then the same two
        #expect(page.total(4) == 1)  // three lines
        #expect(page.total(3) == 0)  // four
        #expect(page.parts(7).contains { $0.feature == "section length (section)" && $0.weight == 3 })
    }
}
