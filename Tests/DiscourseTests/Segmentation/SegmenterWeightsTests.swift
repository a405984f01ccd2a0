import Testing

@testable import Discourse

@Suite("Segmenter weights")
struct SegmenterWeightsTests {
    func table(_ rows: [String]) throws -> TSVTable {
        try TSVTable(path: "test.tsv", text: (["parameter\tvalue"] + rows).joined(separator: "\n"))
    }

    /// Every parameter with a value, as the embedded table has them.
    var complete: [String] {
        SegmenterParameter.allCases.map { "\($0.rawValue)\t1" }
    }

    @Test func embeddedTableLoads() {
        let w = SegmenterWeights.standard
        #expect(w[.noCommentsMargin] > 0)
        #expect(w[.prior] < 0)
        #expect(!w.lastLine.isEmpty && !w.firstLine.isEmpty)
    }

    @Test func everyParameterIsRequired() throws {
        #expect(throws: LexiconError.self) { try SegmenterWeights(table: try table(Array(complete.dropLast()))) }
        let w = try SegmenterWeights(table: try table(complete + ["last:closing\t2.5", "first:praise\t-1"]))
        #expect(w.lastLine[.closing] == 2.5)
        #expect(w.firstLine[.praise] == -1)
    }

    @Test func badRowsAreRejectedWithTheirLine() throws {
        for bad in [
            "no_such_weight\t1", "prior\tabc", "prior\t2", "last:prior\t1", "middle:closing\t1", "first:nonsense\t1",
        ] {
            #expect(throws: LexiconError.self, "\(bad)") { try SegmenterWeights(table: try table(complete + [bad])) }
        }
    }

    @Test func boundaryFeaturesAreLineFeatures() {
        #expect(SegmenterParameter.lineFeatures.contains(.closing))
        #expect(!SegmenterParameter.lineFeatures.contains(.prior))
        #expect(!SegmenterParameter.lineFeatures.contains(.noCommentsMargin))
        #expect(!SegmenterParameter.lineFeatures.contains(.furniture))
    }

    @Test func cuesAndRegisterLoad() {
        let cues = SegmenterCues.embedded
        #expect(cues.contains(TermHash.of(normalized: "you"), in: .secondPerson))
        #expect(cues.registerWeight(TermHash.of(normalized: "lol")) > 0)
        #expect(cues.registerWeight(TermHash.of(normalized: "announced")) < 0)
        #expect(cues.registerWeight(TermHash.of(normalized: "zzzzqx")) == 0)
    }
}

@Suite("Segmenter confidence")
struct SegmenterConfidenceTests {
    var weights: SegmenterWeights { SegmenterWeights.standard }

    /// The calibrated confidence grows with the evidence for the decision it qualifies.
    @Test func growsWithTheMargin() {
        let w = weights
        let weak = Segmenter.confidence(forced: false, hasComments: true, margin: 0.1, gap: 0.1, weights: w)
        let strong = Segmenter.confidence(forced: false, hasComments: true, margin: 8, gap: 8, weights: w)
        #expect(strong > weak)
        let unsure = Segmenter.confidence(forced: false, hasComments: false, margin: -0.1, gap: 0, weights: w)
        let sure = Segmenter.confidence(forced: false, hasComments: false, margin: -15, gap: 0, weights: w)
        #expect(sure > unsure)
        for c in [weak, strong, unsure, sure] { #expect(c > 0 && c < 1) }
    }

    @Test func infiniteEvidenceIsClipped() {
        let w = weights
        let none = Segmenter.confidence(forced: false, hasComments: false, margin: -.infinity, gap: .nan, weights: w)
        #expect(none == Segmenter.confidence(forced: false, hasComments: false, margin: -20, gap: 0, weights: w))
        let only = Segmenter.confidence(forced: false, hasComments: true, margin: 3, gap: .infinity, weights: w)
        #expect(only == Segmenter.confidence(forced: false, hasComments: true, margin: 3, gap: 10, weights: w))
    }

    @Test func relativeRowsLoad() throws {
        let rows =
            ["parameter\tvalue"] + SegmenterParameter.allCases.map { "\($0.rawValue)\t1" } + [
                "relative:question\t0.5", "scaled:question\t0.25", "zscore:question\t0.125",
            ]
        let w = try SegmenterWeights(table: TSVTable(path: "t.tsv", text: rows.joined(separator: "\n")))
        #expect(w.relative[.question] == 0.5)
        #expect(w.scaled[.question] == 0.25)
        #expect(w.zscore[.question] == 0.125)
        #expect(w.relative[.shouting] == nil && w.scaled[.shouting] == nil && w.zscore[.shouting] == nil)
        #expect(throws: LexiconError.self) {
            try SegmenterWeights(
                table: TSVTable(
                    path: "t.tsv", text: (rows + ["relative:no_comments_margin\t1"]).joined(separator: "\n")))
        }
    }
}
