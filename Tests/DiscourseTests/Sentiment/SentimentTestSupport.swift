@testable import Discourse

/// A small lexicon whose values the rule tests control, so each test isolates one rule.
enum SentimentFixture {
    static let valences = """
        term\tvalence
        good\t2
        great\t3
        bad\t-2
        awful\t-3
        problem\t-1.5
        no problem\t1.5
        kind\t2
        fine\t1
        """

    static let modifiers = """
        term\trole\tvalue
        not\tnegator\t1
        never\tnegator\t1
        no\tnegator\t1
        without\tnegator\t1
        very\tbooster\t0.3
        kind of\tbooster\t-0.3
        but\tcontrast\t
        however\tcontrast\t
        although\tconcession\t
        though\tconcession\t
        because\tclause\t
        """

    static let lexicon: SentimentLexicon = {
        var lexicon = SentimentLexicon()
        lexicon.add(try! SentimentTerms(path: "fixture.tsv", text: valences))
        lexicon.add(try! SentimentModifiers(path: "modifiers.tsv", text: modifiers))
        return lexicon
    }()

    /// A scorer over the fixture lexicon with the standard rules, or with `rules` changed.
    static func scorer(_ change: (inout SentimentRules) -> Void = { _ in }) -> SentimentScorer {
        var rules = SentimentRules.standard
        change(&rules)
        return SentimentScorer(lexicon: lexicon, rules: rules)
    }

    static func compound(_ text: String, _ scorer: SentimentScorer = SentimentFixture.scorer()) -> Double {
        scorer.score(text).compound
    }

    /// Contribution of `term` in the explanation of `text`.
    static func contribution(_ term: String, in text: String, _ scorer: SentimentScorer = SentimentFixture.scorer())
        -> SentimentContribution?
    {
        scorer.score(text, explain: true).contributions?.first { $0.term == term }
    }
}
