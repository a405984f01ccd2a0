import Foundation
import Testing

@testable import Discourse

@Suite("Thread growth")
struct ThreadGrowthTests {
    let scorer = DriftScorer()

    /// Phrases of every kind: one the article has ("nuclear talks"), one whose history only the
    /// article has ("nuclear deal": a new follower), one whose history only the comments have
    /// ("sourdough starter"), one repeated by a later comment, and a comment without content words.
    static let comments = [
        "The nuclear talks in Pyongyang will fail, and a nuclear deal is further away than ever.",
        "My sourdough starter finally rose after I switched to rye flour.",
        "!!!",
        "A sourdough starter and nuclear talks: this thread has everything. Another nuclear deal, then.",
        "Sanctions on Pyongyang again, and Blinken smiling for the cameras in Pyongyang.",
    ]

    /// The thread model of `threadDrift` read through the article lookups must give every term the
    /// evidence a copy of the article model grown by the earlier comments gives it, to the bit.
    @Test func evidenceEqualsAGrownCopyOfTheArticleModel() {
        for article in [DriftScorerTests.article, []] {
            let model = scorer.articleModel(article.map(Tokenizer.tokenize))
            let terms = Self.comments.map { scorer.terms(Tokenizer.tokenize($0)) }
            let counts = TermCounts(terms)
            var lookups: [TopicModel.Lookup] = []
            var firstLookup: [Int] = []
            for t in terms {
                firstLookup.append(lookups.count)
                for j in t.indices { lookups.append(model.lookup(t, j)) }
            }
            var copy = model
            var growth = ThreadGrowth(distinct: counts.distinct, reserving: lookups.count)
            var compared = 0
            for (i, t) in terms.enumerated() {
                for j in t.indices {
                    let expected = copy.evidence(copy.lookup(t, j))
                    let got = growth.evidence(
                        lookups[firstLookup[i] + j], t, j, ids: counts.ids, start: firstLookup[i], article: model)
                    #expect(got.ratio.bitPattern == expected.ratio.bitPattern, "comment \(i) term \(j)")
                    #expect(got.weight == expected.weight)
                    compared += 1
                }
                copy.add(t)
                growth.add(t, ids: counts.ids, lookups: lookups, start: firstLookup[i])
                #expect(growth.total == copy.total - model.total)
            }
            #expect(compared == lookups.count && compared > 30)
        }
    }

    /// The whole-thread scoring's `threadDrift` is the squashed evidence under the grown model.
    @Test func threadDriftIsTheGrownModelsScore() {
        let article = DriftScorerTests.article
        let report = scorer.score(
            article: article.map(Tokenizer.tokenize), comments: Self.comments.map(Tokenizer.tokenize))
        var thread = scorer.articleModel(article.map(Tokenizer.tokenize))
        for (i, text) in Self.comments.enumerated() {
            let t = scorer.terms(Tokenizer.tokenize(text))
            #expect(report.scores[i].threadDrift == scorer.squash(thread.evidence(t)))
            thread.add(t)
        }
    }
}
