import Testing

@testable import Discourse

@Suite("Sentiment: idioms, phrases, emoji, emoticons")
struct IdiomAndEmojiTests {
    let f = SentimentFixture.self
    let builtIn = SentimentScorer()

    @Test func phraseWinsOverItsWords() {
        #expect(f.compound("the problem") < 0)
        #expect(f.compound("no problem") > 0)
        #expect(f.contribution("no problem", in: "no problem at all") != nil)
    }

    @Test func multiwordModifierSilencesItsWords() {
        // "kind" alone is positive; "kind of" is a dampener, not a compliment.
        #expect(f.compound("kind people") > 0)
        #expect(f.contribution("kind", in: "it was kind of good") == nil)
        #expect(f.compound("it was kind of good") < f.compound("it was good"))
        #expect(f.compound("it was kind of good") > 0)
    }

    @Test func builtInIdioms() {
        #expect(builtIn.score("no problem, happy to help").compound > 0)
        #expect(builtIn.score("not bad at all").compound > 0)
        #expect(builtIn.score("all bark and no bite").compound < 0)
        #expect(builtIn.score("I can't wait").compound > 0)
        #expect(builtIn.score("what a waste of time").compound < 0)
        // "No!" alone is negative; "no" before a word only negates it.
        #expect(builtIn.score("No!").compound < 0)
        #expect(builtIn.score("no worries").compound > 0)
    }

    @Test func emojiAndEmoticons() {
        #expect(builtIn.score("😡").compound < 0)
        #expect(builtIn.score("👍").compound > 0)
        #expect(builtIn.score("👍🏽").compound == builtIn.score("👍").compound)
        #expect(builtIn.score("thanks :)").compound > builtIn.score("thanks").compound)
        #expect(builtIn.score(":(").compound < 0)
        #expect(builtIn.score(":D").compound > 0)
    }

    @Test func emojiAndEmoticonsAreNotNegated() {
        // "Still no cheque :(" is sad, not happy.
        #expect(builtIn.score("still no cheque :(").compound < 0)
        #expect(builtIn.score("not today 😡").compound < 0)
    }

    @Test func interjectionsAreNotNegated() {
        let lol = builtIn.score("I am not sure lol", explain: true).contributions!.first { $0.term == "lol" }
        #expect(lol != nil && lol!.value > 0 && !lol!.rules.contains("negated"))
        #expect(builtIn.score("ugh, not again").compound < 0)
    }

    @Test func likeIsAVerbOnlyAfterASubject() {
        #expect(builtIn.score("it looks like rain").label == .neutral)
        #expect(builtIn.score("I like it").label == .positive)
        #expect(builtIn.score("I really like this place").compound > builtIn.score("I like this place").compound)
        #expect(builtIn.score("I don't like it").label == .negative)
    }

    @Test func punctuationEmoticonsMustStandApart() {
        // "):" is a frown only when it stands alone, not closing "(pic):".
        #expect(builtIn.score("(pic): here").compound == 0)
    }

    @Test func hashtagsAreScoredByTheirWord() {
        #expect(builtIn.score("#love").compound > 0)
        #expect(builtIn.score("#fail").compound < 0)
    }
}
