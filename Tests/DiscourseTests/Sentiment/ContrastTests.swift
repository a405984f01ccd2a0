import Testing

@testable import Discourse

@Suite("Sentiment: contrast and concession")
struct ContrastTests {
    let f = SentimentFixture.self

    @Test func whatFollowsButOutweighsWhatCameBefore() {
        #expect(f.compound("good but bad") < 0)
        #expect(f.compound("bad but good") > 0)
        let plain = f.contribution("good", in: "good")!.value
        let rules = SentimentRules.standard
        let before = f.contribution("good", in: "good but bad")!
        #expect(abs(before.value - plain * Double(rules.contrastBefore)) < 1e-6)
        #expect(before.rules.contains("before contrast"))
        let after = f.contribution("good", in: "bad but good")!
        #expect(abs(after.value - plain * Double(rules.contrastAfter)) < 1e-6)
    }

    @Test func everyContrastWordCounts() {
        // VADER applies only the first "but"; the last clause is what the writer ends on.
        #expect(f.compound("bad but good but awful") < 0)
        #expect(f.compound("good but bad but great") > 0)
    }

    @Test func contrastOpeningASentenceWeighsAgainstTheSentencesBefore() {
        #expect(f.compound("Good. But bad.") < 0)
        #expect(f.compound("Bad. However, good.") > 0)
        #expect(f.contribution("Good", in: "Good. But bad.")?.rules.contains("before contrast") == true)
    }

    @Test func concededClauseWeighsLess() {
        #expect(f.compound("although it is good, it is bad") < 0)
        #expect(f.compound("it is bad, although it is good") < 0)
        #expect(f.compound("although it is bad, it is good") > 0)
        #expect(f.contribution("good", in: "although it is good, it is bad")?.rules.contains("conceded") == true)
    }

    @Test func thoughClosingASentenceConcedesTheOnesBefore() {
        #expect(f.compound("Bad. Good cast.") < 0)
        #expect(f.compound("Bad. Good cast though.") > 0)
    }
}
