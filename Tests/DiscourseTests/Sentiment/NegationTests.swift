import Testing

@testable import Discourse

@Suite("Sentiment: negation")
struct NegationTests {
    let f = SentimentFixture.self

    @Test func negationFlipsAPositiveWord() {
        #expect(f.compound("the film is good") > 0)
        #expect(f.compound("the film is not good") < 0)
        #expect(f.contribution("good", in: "the film is not good")?.rules.contains("negated") == true)
    }

    @Test func negatedNegativeIsMildlyPositive() {
        let notBad = f.compound("the film is not bad")
        #expect(notBad > 0)
        #expect(notBad < f.compound("the film is good"))
    }

    @Test func scopeReachesFurtherThanThreeWords() {
        // VADER looks three tokens back; "not" is four words before "good" here.
        #expect(f.contribution("good", in: "it is not one of the good ones")?.rules.contains("negated") == true)
        #expect(f.compound("it is not one of the good ones") < 0)
    }

    @Test func scopeHasALimit() {
        let far = "it is not the case that any of those were good"
        #expect(f.contribution("good", in: far)?.rules.contains("negated") == false)
        let scorer = f.scorer { $0.negationScope = 12 }
        #expect(f.contribution("good", in: far, scorer)?.rules.contains("negated") == true)
    }

    @Test func scopeEndsAtClausePunctuationAndClauseWords() {
        #expect(f.compound("not now, this is good") > 0)
        #expect(f.compound("not now; good") > 0)
        #expect(f.compound("I did not stay because it was good") > 0)
    }

    @Test func scopeEndsAtTheFirstFlippedWord() {
        let text = "it is not good and great"
        #expect(f.contribution("good", in: text)?.rules.contains("negated") == true)
        #expect(f.contribution("great", in: text)?.rules.contains("negated") == false)
        let wide = f.scorer { $0.negateFirstOnly = false }
        #expect(f.contribution("great", in: text, wide)?.rules.contains("negated") == true)
    }

    @Test func adjacentNegatorsCancel() {
        #expect(f.compound("it is not without good reason") > 0)
        #expect(f.compound("it is without good reason") < 0)
    }

    @Test func boosterInsideNegationSoftensIt() {
        // "not very good" is milder than "not good".
        #expect(f.compound("not very good") < 0)
        #expect(f.compound("not very good") > f.compound("not good"))
    }

    @Test func contractionsNegateWithTheBuiltInLexicon() {
        let scorer = SentimentScorer()
        #expect(scorer.score("I don't like it").compound < 0)
        #expect(scorer.score("I don’t like it").compound < 0)
        #expect(scorer.score("this isn't good").compound < 0)
    }
}
