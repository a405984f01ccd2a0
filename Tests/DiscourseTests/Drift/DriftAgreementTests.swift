import Foundation
import Testing

@testable import Discourse

@Suite("Drift agreement")
struct DriftAgreementTests {
    static let article = [
        "Council scraps the e-scooter hire trial",
        "The council ended the e-scooter hire trial on the seafront after complaints about pavement parking.",
        "Councillors said the operator had failed to keep scooters off the promenade.",
    ]

    let scorer = DriftScorer()

    func vector(_ text: String) -> DriftAgreement.Vector {
        DriftAgreement.Vector(scorer.terms(Tokenizer.tokenize(text)), background: .embedded)
    }

    /// The cosine with the rest of the thread counts what is shared: a comment that takes up a rare
    /// word of another comment agrees with the thread, one that shares nothing does not, and a lone
    /// comment has nobody to agree with (leave one out).
    @Test func cosineWithOthersCountsOnlyWhatTheOthersShare() {
        let texts = [
            "The promenade was full of abandoned scooters every weekend.",
            "Abandoned scooters on the promenade, every single morning.",
            "My tomatoes finally ripened after the heatwave.",
        ]
        let vectors = texts.map(vector)
        let thread = DriftAgreement.Thread(vectors)
        let a = thread.cosineWithOthers(vectors[0], unknownWordWeight: 0)
        let b = thread.cosineWithOthers(vectors[1], unknownWordWeight: 0)
        let c = thread.cosineWithOthers(vectors[2], unknownWordWeight: 0)
        #expect(a > 0.2 && b > 0.2)
        #expect(c == 0)
        #expect(a <= 1 && b <= 1)
        let alone = DriftAgreement.Thread([vectors[0]])
        #expect(alone.cosineWithOthers(vectors[0], unknownWordWeight: 0) == 0)
    }

    /// The rarer a shared word, the more it weighs: sharing "promenade" agrees more with the
    /// article than sharing "said", a word near the stopword threshold.
    @Test func rareSharedWordsWeighMoreThanCommonOnes() {
        let model = scorer.articleModel(Self.article.map(Tokenizer.tokenize))
        let norm = DriftAgreement.articleNorm(model, background: .embedded, meta: .embedded)
        let rare = DriftAgreement.cosineWithArticle(
            vector("The promenade again."), model: model, norm: norm, unknownWordWeight: 0)
        let common = DriftAgreement.cosineWithArticle(
            vector("Nobody said again."), model: model, norm: norm, unknownWordWeight: 0)
        #expect(rare > common)
        #expect(common >= 0)
    }

    /// Meta words have their own evidence: a comment made only of them has no agreement vector.
    @Test func metaWordsAreLeftOut() {
        let v = vector("Great article, thanks to the reporter.")
        #expect(v.keys.count == 1)  // "great" only
        #expect(vector("Thanks for the article.").keys.isEmpty)
    }

    /// The agreement raises the evidence of a comment that takes up the thread's words (here words
    /// the article never uses), and leaves a comment that shares nothing exactly as it was.
    @Test func agreementLowersTheDriftOfCommentsThatTakeUpTheThread() {
        let comments = [
            "Those rental bikes were dumped in the hedge by the bandstand again.",
            "The bandstand hedge had three rental bikes in it on Sunday.",
            "Anyone watch the match last night? Absolute disgrace from the referee.",
        ].map(Tokenizer.tokenize)
        var off = DriftParameters()
        off.threadAgreementWeight = 0
        off.articleAgreementWeight = 0
        off.threadCentring = 0
        var on = off
        on.threadAgreementWeight = DriftParameters().threadAgreementWeight
        on.articleAgreementWeight = DriftParameters().articleAgreementWeight
        #expect(on.threadAgreementWeight > 0 && on.articleAgreementWeight > 0)
        let article = Self.article.map(Tokenizer.tokenize)
        let without = DriftScorer(parameters: off).score(article: article, comments: comments).scores
        let with = DriftScorer(parameters: on).score(article: article, comments: comments).scores
        #expect(with[0].drift < without[0].drift)
        #expect(with[1].drift < without[1].drift)
        #expect(with[2].drift == without[2].drift)
        #expect(with[2].drift > with[0].drift && with[2].drift > with[1].drift)
        // The confidence rests on the same words either way.
        #expect(zip(with, without).allSatisfy { $0.confidence == $1.confidence })
    }
}
