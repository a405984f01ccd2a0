import Testing

@testable import Discourse

/// What Reddit markdown and HTML do to the writer's own sentiment.
@Suite("Sentiment: markdown and HTML")
struct MarkdownTests {
    let f = SentimentFixture.self

    @Test func struckWordsWereWithdrawn() {
        #expect(f.compound("this is ~~great~~ awful") == f.compound("this is awful"))
        #expect(f.contribution("great", in: "this is ~~great~~ awful") == nil)
    }

    @Test func quotedLineIsSomeoneElsesWords() {
        #expect(f.compound("> this is great") == 0)
        #expect(f.scorer().score("> this is great").label == .neutral)
        #expect(f.compound("&gt; this is great") == 0)
    }

    @Test func replyAfterAQuoteCountsOnItsOwn() {
        let reply = "> this is great\nno, it is awful"
        #expect(f.compound(reply) < 0)
        #expect(f.contribution("great", in: reply) == nil)
    }

    @Test func doubleQuotedWordsWeighLess() {
        let quoted = f.contribution("great", in: "they call it \"great\"")!
        let plain = f.contribution("great", in: "they call it great")!
        #expect(quoted.value < plain.value)
        #expect(quoted.rules.contains("in quotes"))
    }

    @Test func htmlEntitiesAreDecoded() {
        #expect(f.compound("good &amp; great") == f.compound("good & great"))
        #expect(
            SentimentScorer().score("I don&#39;t like it").compound
                == SentimentScorer().score("I don't like it").compound)
    }
}
