import Testing

@testable import Discourse

@Suite("Drift meta words and short threads")
struct MetaWordsTests {
    static let article = [
        "Council approves flood defences for the riverside",
        "The council approved a new flood barrier along the riverside after two winters of flooding on Weir Street.",
        "Engineers said the barrier would protect three hundred homes from the river.",
    ]

    func score(_ comments: [String], meta: MetaWords = .embedded, parameters: DriftParameters = .init())
        -> DriftReport
    {
        DriftScorer(meta: meta, parameters: parameters).score(
            article: Self.article.map(Tokenizer.tokenize), comments: comments.map(Tokenizer.tokenize))
    }

    @Test func embeddedClassIsAProbabilityDistributionWithoutStopwords() {
        let m = MetaWords.embedded
        #expect(m.count > 20)
        var sum = 0.0
        m.probabilities.forEach { key, p in
            #expect(!BackgroundModel.embedded.isStopword(key))
            sum += p
        }
        #expect(abs(sum - 1) < 1e-9)
        #expect(m.probability(TermHash.of(normalized: "article")) > 0)
        #expect(m.probability(TermHash.of(normalized: "barrier")) == 0)
    }

    @Test func badKindNamesTheLine() {
        let text = "word\tkind\narticle\ttext\nstory\tgossip\n"
        do {
            _ = try MetaWords(table: TSVTable(path: "m.tsv", text: text), background: .embedded)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("m.tsv:3:"))
        }
    }

    /// A comment about the piece itself is about the article: below 0.5, and below where it
    /// would be without the meta class.
    @Test func commentsAboutTheArticleAreNotDrift() {
        let comments = [
            "Really informative story, kudos to the reporter.",
            "Well written piece, thank you to the journalist.",
            "Did you see that penalty on Saturday? The referee gifted them the match.",
        ]
        let with = score(comments)
        let without = score(comments, meta: .none)
        for i in 0..<2 {
            #expect(with.scores[i].drift < 0.5)
            #expect(with.scores[i].drift < without.scores[i].drift)
            #expect(with.scores[i].drift < with.scores[2].drift)
        }
        // The class does not touch comments without meta words.
        #expect(abs(with.scores[2].articleDrift! - without.scores[2].articleDrift!) < 0.01)
    }

    /// Relevance feedback in a short thread: the off-topic comment fits the article worst, so its
    /// feedback weight is near 0 (sharp weights, re-estimated over two rounds), and adding it to
    /// the thread barely moves the on-topic comment that shares a word with it; with soft weights,
    /// one round and no cap on the scale-up, its words count as the thread's topic and move that
    /// comment several times more.
    @Test func shortThreadFeedbackDoesNotFollowTheOffTopicComment() {
        let own = [
            "The barrier should have been built after the first flood.",
            "Three hundred homes protected is good news for Weir Street.",
            "Engineers always say that, I hope the riverside barrier holds.",
            "Flooding ruined my neighbour's kitchen two winters running.",
        ]
        // Shares "kitchen" with the last on-topic comment: its words would make that one look on topic.
        let offTopic = "Sourdough hates a cold kitchen, so keep the sourdough starter in a warm kitchen with rye flour."
        var shipped = DriftParameters()
        shipped.threadCentring = 0  // the feedback alone
        shipped.offTopicWeight = 0  // (a word another comment uses is tied, which moves both alike)
        var soft = shipped
        soft.feedbackTemperature = 1
        soft.feedbackRounds = 1
        soft.maximumFeedbackScale = 1e9
        func shift(_ p: DriftParameters) -> (shift: Double, highest: Int) {
            let alone = score(own, parameters: p).scores.map(\.drift)
            let mixed = score(Array(own[..<2]) + [offTopic] + Array(own[2...]), parameters: p).scores.map(\.drift)
            let after = Array(mixed[..<2]) + Array(mixed[3...])
            return (zip(alone, after).map { abs($0.1 - $0.0) }.max()!, mixed.firstIndex(of: mixed.max()!)!)
        }
        let sharp = shift(shipped)
        let loose = shift(soft)
        #expect(sharp.highest == 2)
        #expect(sharp.shift < 0.02)
        #expect(loose.shift > 2 * sharp.shift)
    }

    @Test func parameterOverridesNameUnknownParameters() throws {
        let ok = try DriftParameters(
            overrides: TSVTable(path: "p.tsv", text: "parameter\tvalue\nmu\t500\nmetaWeight\t0\n"))
        #expect(ok.mu == 500 && ok.metaWeight == 0 && ok.bigramWeight == DriftParameters().bigramWeight)
        do {
            _ = try DriftParameters(overrides: TSVTable(path: "p.tsv", text: "parameter\tvalue\nmuu\t5\n"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("p.tsv:2: unknown drift parameter 'muu'"))
        }
    }
}
