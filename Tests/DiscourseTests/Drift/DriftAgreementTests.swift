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

    static let stop = BackgroundModel.embedded.stopwordLogProbability

    func vector(_ text: String) -> DriftAgreement.Vector {
        DriftAgreement.Vector(scorer.terms(Tokenizer.tokenize(text)), stop: Self.stop)
    }

    /// Parameters under which the shift is the cosine with the thread alone, or with the article alone.
    static func only(thread: Bool) -> DriftParameters {
        var p = DriftParameters()
        p.threadAgreementWeight = thread ? 1 : 0
        p.articleAgreementWeight = thread ? 0 : 1
        return p
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
        var thread = DriftAgreement.Thread()
        for v in vectors { thread.add(v) }
        let none = TopicModel()
        let p = Self.only(thread: true)
        let cosines = vectors.map { thread.shift($0, model: none, norm: 0, stop: Self.stop, parameters: p) }
        #expect(cosines[0] > 0.2 && cosines[1] > 0.2)
        #expect(cosines[0] <= 1 && cosines[1] <= 1)
        #expect(cosines[2] == 0)
        var alone = DriftAgreement.Thread()
        alone.add(vectors[0])
        #expect(alone.shift(vectors[0], model: none, norm: 0, stop: Self.stop, parameters: p) == 0)
    }

    /// The rarer a shared word, the more it weighs: sharing "promenade" agrees more with the
    /// article than sharing "said", a word near the stopword threshold.
    @Test func rareSharedWordsWeighMoreThanCommonOnes() {
        let model = scorer.articleModel(Self.article.map(Tokenizer.tokenize))
        let norm = DriftAgreement.articleNorm(model, background: .embedded, meta: .embedded)
        let p = Self.only(thread: false)
        let thread = DriftAgreement.Thread()
        let rare = thread.shift(
            vector("The promenade again."), model: model, norm: norm, stop: Self.stop, parameters: p)
        let common = thread.shift(
            vector("Nobody said again."), model: model, norm: norm, stop: Self.stop, parameters: p)
        #expect(rare > common)
        #expect(common >= 0 && rare <= 1)
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

    /// The streamed passes sum the thread's vectors by key, the whole-thread scoring by term id: the
    /// scores must be the same doubles, here with a long comment (its distinct words found through a
    /// table), repeated words, a comment of meta words only and one without content words.
    @Test func streamedAgreementEqualsTheWholeThread() {
        let comments = [
            "Scooters on the promenade again, scooters on the pavement, scooters everywhere you look.",
            "Thanks for the article.",
            "!!!",
            "I walk along the seafront promenade every morning with the dog and most days there are two or three "
                + "rental scooters lying across the pavement outside the cafe, one of them usually half in the "
                + "flowerbed, and the operator never seems to collect them before lunchtime or answer complaints.",
            "The operator's app still shows the parking bays on the seafront.",
        ]
        let whole = scorer.score(
            article: Self.article.map(Tokenizer.tokenize), comments: comments.map(Tokenizer.tokenize), explain: true
        ).scores
        #expect(DriftScorerTests().streamed(comments, article: Self.article, scorer: scorer) == whole)
        #expect(scorer.terms(Tokenizer.tokenize(comments[3])).count > 24)
    }
}
