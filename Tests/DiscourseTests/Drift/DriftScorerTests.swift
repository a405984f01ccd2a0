import Foundation
import Testing

@testable import Discourse

@Suite("Drift scorer")
struct DriftScorerTests {
    let scorer = DriftScorer()

    static let article = [
        "US and North Korea resume nuclear talks in Pyongyang",
        "Secretary of State Antony Blinken arrived in Pyongyang on Monday for nuclear talks with North Korean officials.",
        "Blinken said the talks would focus on dismantling the nuclear weapons programme and lifting sanctions.",
        "North Korean diplomats demanded that sanctions be eased before any inspection of the Yongbyon reactor.",
    ]

    func score(_ comments: [String], article: [String] = article, explain: Bool = false) -> DriftReport {
        scorer.score(
            article: article.map(Tokenizer.tokenize), comments: comments.map(Tokenizer.tokenize), explain: explain)
    }

    @Test func onTopicCommentDriftsLessThanOffTopic() {
        let r = score([
            "Blinken will get nothing in Pyongyang while the sanctions stay, the reactor is their only card.",
            "My sourdough starter finally rose after I switched to rye flour and a warmer kitchen.",
        ])
        #expect(r.hasArticle)
        #expect(r.scores[0].drift < 0.5)
        #expect(r.scores[1].drift > 0.5)
        #expect(r.scores[0].articleDrift! < r.scores[1].articleDrift!)
    }

    /// Scoring keeps the article's word predictions only for the comments' words; every score must
    /// equal the one under the full translation table (built without knowing the comments).
    @Test func translationsKeptForTheCommentsOnlyScoreTheSame() {
        let comments = [
            "Blinken will get nothing in Pyongyang while the sanctions stay, the reactor is their only card.",
            "Missiles, warheads and the regime: nobody trusts their promises on disarmament.",
            "My sourdough starter finally rose after I switched to rye flour and a warmer kitchen.",
        ].map(Tokenizer.tokenize)
        let article = Self.article.map(Tokenizer.tokenize)
        let full = scorer.articleModel(article)
        #expect(full.translationWeight > 0)
        let restricted = scorer.score(article: article, comments: comments, explain: true).scores
        let unrestricted = scorer.score(articleModel: full, comments: comments, explain: true).scores
        #expect(restricted == unrestricted)
        #expect(restricted.map(\.drift) != [0.5, 0.5, 0.5])
    }

    @Test func sharedRareTermsOutweighSharedStopwords() {
        let r = score([
            "Pyongyang and Yongbyon again.",
            "They said that the and of it was on for the with.",
        ])
        #expect(r.scores[0].articleDrift! < r.scores[1].articleDrift!)
        // Only stopwords: no content words, so no evidence either way.
        #expect(r.scores[1].termCount == 0)
        #expect(r.scores[1].confidence == 0)
        #expect(r.scores[1].drift == 0.5)
    }

    @Test func numbersUrlsMentionsAndMarkdownAreNotContentWords() {
        let text = Tokenizer.tokenize("@kim **1994** https://example.com/pyongyang ~~reactor~~ 42% #Pyongyang talks")
        let terms = DriftTerm.extract(text, background: .embedded)
        let words = terms.map { text.norm(Int($0.token)) }
        #expect(words == ["#pyongyang", "talks"])
        #expect(terms[0].key == TermHash.of(normalized: "pyongyang"))
    }

    @Test func emptyAndOneWordCommentsGetLowConfidence() {
        let r = score([
            "", "!!!", "Pyongyang", "Blinken is right that the sanctions must stay until the reactor is inspected.",
        ])
        #expect(r.scores.count == 4)
        #expect(r.scores[0].confidence == 0 && r.scores[0].drift == 0.5)
        #expect(r.scores[1].confidence == 0)
        #expect(r.scores[2].confidence > 0 && r.scores[2].confidence < 0.2)
        #expect(abs(r.scores[2].drift - 0.5) < abs(r.scores[3].drift - 0.5))
        #expect(r.scores[3].confidence > r.scores[2].confidence)
        for s in r.scores { #expect((0...1).contains(s.drift) && (0...1).contains(s.confidence)) }
    }

    @Test func noCommentsAndNoArticleDoNotCrash() {
        #expect(score([]).scores.isEmpty)
        let r = score(["Only comment here about gardening tools."], article: [])
        #expect(!r.hasArticle)
        #expect(r.scores[0].articleDrift == nil)
        #expect(r.scores[0].threadDrift == nil)
        #expect(r.scores[0].drift == 0.5)
    }

    @Test func withoutArticleDriftIsAgainstTheRestOfTheDiscussion() {
        let r = score(
            [
                "The new stadium parking prices are outrageous for families.",
                "Parking at the stadium cost me forty dollars, outrageous prices.",
                "Families cannot afford stadium parking any more.",
                "Best way to grow tomatoes on a balcony is deep pots.",
            ], article: [])
        #expect(r.scores.allSatisfy { $0.articleDrift == nil })
        #expect(r.scores[3].drift > r.scores[1].drift)
        #expect(r.scores.allSatisfy { $0.confidence <= 0.5 })
        #expect(r.scores[1].threadDrift != nil)
    }

    /// A comment that follows the thread's own tangent is close to the conversation even when it is
    /// far from the article; one that changes the subject is far from both.
    @Test func threadDriftTellsATangentFromADiversion() {
        let article = [
            "City beat United 3-1 in the derby on Saturday.",
            "Haaland scored twice and the midfield controlled possession after the break.",
        ]
        let r = score(
            [
                "Parking around the stadium cost forty pounds, the council's parking prices are a scandal.",
                "Agreed, the council parking prices near the stadium are a scandal for families.",
                "Anyone know a good recipe for sourdough with rye flour?",
            ], article: article)
        let tangent = r.scores[1]
        let diversion = r.scores[2]
        #expect(tangent.threadDrift! < tangent.articleDrift!)
        #expect(tangent.threadDrift! < diversion.threadDrift!)
        #expect(diversion.threadDrift! > 0.5)
    }

    @Test func phrasesOfTheArticleEarnMoreThanTheirWordsApart() {
        let model = scorer.articleModel(Self.article.map(Tokenizer.tokenize))
        func total(_ text: String) -> Double {
            let terms = DriftTerm.extract(Tokenizer.tokenize(text), background: .embedded)
            return terms.indices.reduce(0) { $0 + model.logRatio(terms, $1) }
        }
        #expect(total("nuclear talks") > total("talks nuclear"))
        #expect(total("nuclear talks") > total("nuclear. talks"))
    }

    @Test func explainNamesOnTopicAndOffTopicWords() {
        let r = score(["Blinken in Pyongyang again, meanwhile my sourdough burned."], explain: true)
        let s = r.scores[0]
        #expect(s.onTopicTerms.contains("pyongyang"))
        #expect(s.onTopicTerms.contains("blinken"))
        #expect(s.offTopicTerms.contains("sourdough"))
        #expect(score(["Blinken in Pyongyang"]).scores[0].onTopicTerms.isEmpty)
    }

    @Test func trendFollowsTheDirectionOfDrift() {
        #expect(DriftTrend.slope([0.1, 0.2, 0.3, 0.4], weights: [1, 1, 1, 1])! > 0)
        #expect(DriftTrend.slope([0.9, 0.5, 0.4, 0.1], weights: [1, 1, 1, 1])! < 0)
        #expect(DriftTrend.slope([0.1, 0.9], weights: [1, 1]) == nil)
        #expect(DriftTrend.slope([0.1, 0.9, 0.5, 0.3], weights: [1, 0, 0, 1]) == nil)
        let wandering = score([
            "Blinken should press Pyongyang on the Yongbyon reactor before easing sanctions.",
            "Sanctions relief for Pyongyang without inspections would be a mistake.",
            "Nuclear talks always stall over sanctions.",
            "Diplomats everywhere love long lunches.",
            "Anyway, the weather here has been lovely for gardening.",
            "My tomatoes and courgettes are finally ripening in the greenhouse.",
        ])
        #expect(wandering.trend! > 0)
    }

    /// The streamed passes (``DriftStream``) against the whole-thread scoring, for one thread.
    func streamed(_ comments: [String], article: [String], scorer: DriftScorer) -> [DriftScore] {
        let texts = comments.map(Tokenizer.tokenize)
        var stream = DriftStream(scorer: scorer, article: article.map(Tokenizer.tokenize))
        let terms = texts.map(scorer.terms)
        for t in terms { stream.observe(t) }
        while let step = stream.nextStep() {
            for (i, t) in terms.enumerated() { stream.run(step, i, t) }
        }
        return terms.indices.map { stream.score($0, terms[$0], text: texts[$0], explain: true) }
    }

    static let unknownWordThread = [
        "Blinken in Pyongyang again, Zarquonel says the reactor stays.",
        "Zarquonel is right, the sanctions on the Yongbyon reactor must stay.",
        "Vrelkinstad told me the sourdough starter needs rye flour, Vrelkinstad knows bread.",
        "Sanctions until the inspection, qwxzvarn or not.",
    ]

    /// A word general English does not know counts only when the topic knows it: added to a lone
    /// comment unshared, it changes nothing (drift, confidence, article drift); shared with another
    /// comment it is evidence. With `unknownWordWeight` 1 the unshared one counts like any other word.
    @Test func unknownWordsAreEvidenceOnlyWhenTheTopicKnowsThem() {
        let terms = scorer.terms(Tokenizer.tokenize("Qwxzvarn sanctions"))
        #expect(terms.map(\.isKnown) == [false, true])
        let plain = "Sanctions must stay until the reactor is inspected."
        let withName = "Sanctions must stay until the reactor is inspected, Qwxzvarn."
        let a = score([plain]).scores[0]
        let b = score([withName]).scores[0]
        #expect(a.drift == b.drift && a.confidence == b.confidence && a.articleDrift == b.articleDrift)
        #expect(b.termCount == a.termCount + 1)
        // Shared with another comment, the name is evidence for the topic.
        let shared = score(["Qwxzvarn again.", withName]).scores[1]
        let unshared = score(["Nuclear again.", withName]).scores[1]
        #expect(shared.confidence > unshared.confidence)
        #expect(unshared.confidence == b.confidence)
        var counted = DriftParameters()
        counted.unknownWordWeight = 1
        let old = DriftScorer(parameters: counted)
        let oa = old.score(
            article: Self.article.map(Tokenizer.tokenize), comments: [plain, withName].map(Tokenizer.tokenize))
        #expect(oa.scores[1].confidence > oa.scores[0].confidence)
    }

    /// With an on-topic comment taken as part topic, part plain English (`topicShare` < 1), a word
    /// the article does not use costs at most log(1 - s) nats and less than under the plain ratio,
    /// a shared word still earns, and the order of the words' evidence is the plain ratio's.
    @Test func topicShareBoundsTheCostOfUnsharedWords() {
        var plainParameters = DriftParameters()
        plainParameters.topicShare = 1
        let shipped = scorer.articleModel(Self.article.map(Tokenizer.tokenize))
        let plain = DriftScorer(parameters: plainParameters).articleModel(Self.article.map(Tokenizer.tokenize))
        let s = scorer.parameters.topicShare
        #expect(s > 0 && s < 1 && shipped.topicShare == s && plain.topicShare == 1)
        let terms = DriftTerm.extract(
            Tokenizer.tokenize("Sourdough gardening Pyongyang sanctions nuclear holiday"), background: .embedded)
        let mixed = terms.indices.map { shipped.logRatio(terms, $0) }
        let ratios = terms.indices.map { plain.logRatio(terms, $0) }
        for (m, r) in zip(mixed, ratios) {
            #expect(m >= Foundation.log(1 - s))
            #expect((m > 0) == (r > 0))
            if r < 0 { #expect(m > r) }
        }
        #expect(mixed[2] > 1 && mixed[0] < 0)
        let order = { (v: [Double]) in v.indices.sorted { v[$0] < v[$1] } }
        #expect(order(mixed) == order(ratios))
    }

    /// A short comment about something else ("referee", "derby") has untied words: its off-topic
    /// share raises its drift by `offTopicWeight` times the share, unshrunk by its low confidence,
    /// while a word the article uses, or that another comment uses, is tied and does not count.
    @Test func untiedWordsAreEvidenceOfAnotherTopic() {
        let comments = [
            "Blinken went to Pyongyang for the nuclear talks.",
            "The referee robbed us in the derby.",
            "The referee was a disgrace.",
        ]
        let model = scorer.articleModel(Self.article.map(Tokenizer.tokenize))
        let terms = comments.map { scorer.terms(Tokenizer.tokenize($0)) }
        let untied = { (t: [DriftTerm]) in scorer.offTopicShare(t, articleModel: model) { _ in false } }
        let words = Double(terms[1].count)
        #expect(words >= 3 && untied(terms[1]) == words / (words + scorer.parameters.offTopicWords))
        // The rule the scorer uses: the article's words, or a word another comment uses, are tied.
        let share = { (i: Int) in
            scorer.offTopicShare(terms[i], articleModel: model) { j in
                let l = model.lookup(terms[i], j)
                let key = terms[i][j].key
                return l.count > 0 || l.translated > 0
                    || terms.indices.contains { $0 != i && terms[$0].contains { $0.key == key } }
            }
        }
        #expect(share(1) > 0 && share(1) < untied(terms[1]))  // "referee" is the third comment's too
        #expect(share(0) < share(1))

        var off = DriftParameters()
        off.offTopicWeight = 0
        off.threadCentring = 0
        var on = off
        on.offTopicWeight = DriftParameters.standard.offTopicWeight
        #expect(on.offTopicWeight > 0)
        let article = Self.article.map(Tokenizer.tokenize)
        let texts = comments.map(Tokenizer.tokenize)
        let before = DriftScorer(parameters: off).score(article: article, comments: texts).scores
        let after = DriftScorer(parameters: on).score(article: article, comments: texts).scores
        for i in comments.indices {
            #expect(after[i].drift == min(1, before[i].drift + on.offTopicWeight * share(i)))
            #expect(after[i].confidence == before[i].confidence)
        }
        #expect(after[1].drift > before[1].drift)
    }

    /// The streamed passes give the whole-thread scores exactly, unknown words included, with an
    /// article and without one (the streamed path calls the same evidence functions).
    @Test func streamedScoringEqualsTheWholeThread() {
        for article in [Self.article, []] {
            let whole = scorer.score(
                article: article.map(Tokenizer.tokenize), comments: Self.unknownWordThread.map(Tokenizer.tokenize),
                explain: true
            ).scores
            #expect(streamed(Self.unknownWordThread, article: article, scorer: scorer) == whole)
            #expect(Set(whole.map(\.drift)).count > 1)
        }
    }
}
