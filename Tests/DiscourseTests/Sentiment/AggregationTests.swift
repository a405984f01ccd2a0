import Testing

@testable import Discourse

@Suite("Sentiment: sentences, proportions, labels, explanations")
struct AggregationTests {
    let f = SentimentFixture.self

    @Test func longCommentsSaturateLessThanAPlainSum() {
        let long = String(repeating: "This is good. ", count: 20)
        let damped = f.compound(long)
        let summed = f.compound(long, f.scorer { $0.sentenceDamping = 0 })
        #expect(damped > f.compound("This is good."))
        #expect(damped < summed)
    }

    @Test func aMildAsideDoesNotDiluteAStrongSentence() {
        let strong = f.compound("This is awful.")
        let withAside = f.compound("This is awful. The rest is fine.")
        #expect(withAside < 0)
        #expect(abs(withAside - strong) < abs(strong) * 0.5)
    }

    @Test func strongestTermOfASentenceCountsInFull() {
        let weight = Double(SentimentRules.standard.secondaryWeight)
        let s = f.scorer().score("good and great", explain: true).contributions!
        #expect(s.first { $0.term == "great" }!.value == 3)
        #expect(abs(s.first { $0.term == "good" }!.value - 2 * weight) < 1e-6)
        // The strongest negative term also counts in full next to a positive one.
        let mixed = f.scorer().score("good and awful", explain: true).contributions!
        #expect(mixed.first { $0.term == "good" }!.value == 2)
        // One strong word outweighs several mild ones.
        #expect(f.compound("great") > f.compound("fine fine fine"))
    }

    @Test func weakLeaningsAreNeutral() {
        let band = SentimentRules.standard.neutralBand
        #expect(band > 0)
        let scorer = SentimentScorer(
            lexicon: SentimentLexicon.embedded.adding([
                try! SentimentTerms(path: "t.tsv", text: "term\tvalence\nslightly-off\t\(band / 2)\n")
            ]))
        #expect(scorer.score("slightly-off").label == .neutral)
        #expect(scorer.score("slightly-off").compound > 0)
    }

    @Test func proportionsSumToOne() {
        for text in ["good", "not good at all", "bad but good!", "nothing here", "", "> quoted good"] {
            let s = f.scorer().score(text)
            #expect(abs(s.positive + s.neutral + s.negative - 1) < 1e-9, "\(text)")
            #expect(s.positive >= 0 && s.neutral >= 0 && s.negative >= 0)
        }
        #expect(f.scorer().score("nothing here").neutral == 1)
        #expect(f.scorer().score("good bad").positive > 0)
        #expect(f.scorer().score("good bad").negative > 0)
    }

    @Test func labelsUseTheDocumentedThresholds() {
        #expect(SentimentLabel(compound: 0.05) == .positive)
        #expect(SentimentLabel(compound: 0.0499) == .neutral)
        #expect(SentimentLabel(compound: -0.05) == .negative)
        #expect(SentimentLabel(compound: -0.0499) == .neutral)
        #expect(f.scorer().score("good").label == .positive)
        #expect(f.scorer().score("bad").label == .negative)
        #expect(f.scorer().score("the table").label == .neutral)
    }

    @Test func compoundStaysWithinBounds() {
        let extreme = String(repeating: "GREAT!!!! ", count: 200) + "good"
        let s = f.scorer().score(extreme).compound
        #expect(s > 0.9 && s <= 1)
        let neutralBand = f.scorer { $0.neutralBand = 1.5 }
        #expect(abs(neutralBand.score("fine").compound) < 0.05)
        #expect(neutralBand.score("great").compound >= 0.05)
    }

    @Test func explanationListsEveryTermThatMovedTheScore() {
        let s = f.scorer().score("not good, but great!", explain: true)
        let terms = s.contributions!.map(\.term)
        #expect(terms == ["good", "great", "!"])
        #expect(s.contributions![0].value < 0)
        #expect(s.contributions![0].rules.contains("negated"))
        #expect(f.scorer().score("good").contributions == nil)
        #expect(f.scorer().score("the table", explain: true).contributions == [])
    }
}
