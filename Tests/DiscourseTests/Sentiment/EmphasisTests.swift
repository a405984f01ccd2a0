import Testing

@testable import Discourse

@Suite("Sentiment: caps, punctuation, elongation, boosters")
struct EmphasisTests {
    let f = SentimentFixture.self

    @Test func allCapsWordStandsOutOnlyInMixedCaseText() {
        #expect(f.compound("a GOOD movie") > f.compound("a good movie"))
        #expect(f.contribution("GOOD", in: "a GOOD movie")?.rules.contains("caps") == true)
        // In a text written all in capitals no word stands out.
        #expect(f.compound("A GOOD MOVIE") == f.compound("a good movie"))
        #expect(f.compound("an AWFUL movie") < f.compound("an awful movie"))
    }

    @Test func exclamationsIntensifyUpToFour() {
        #expect(f.compound("good!") > f.compound("good"))
        #expect(f.compound("good!!") > f.compound("good!"))
        #expect(f.compound("good!!!!") == f.compound("good!!!!!!!!"))
        #expect(f.compound("bad!") < f.compound("bad"))
        #expect(f.compound("hello!") == 0)
    }

    @Test func questionsAssertLess() {
        #expect(f.compound("good?") < f.compound("good"))
        #expect(f.compound("good?") > 0)
        #expect(f.compound("bad?") > f.compound("bad"))
    }

    @Test func elongatedWordsAreFoundAndIntensified() {
        #expect(f.compound("goooood") > f.compound("good"))
        #expect(f.compound("baaaaad") < f.compound("bad"))
        #expect(f.contribution("goooood", in: "goooood")?.rules.contains("elongated") == true)
    }

    @Test func boostersAndDampeners() {
        #expect(f.compound("very good") > f.compound("good"))
        #expect(f.compound("very bad") < f.compound("bad"))
        // A booster acts on the next sentiment word only.
        #expect(f.contribution("bad", in: "very good and bad")?.rules.isEmpty == true)
    }

    @Test func markdownEmphasisIntensifies() {
        #expect(f.compound("this is *good*") > f.compound("this is good"))
    }
}
