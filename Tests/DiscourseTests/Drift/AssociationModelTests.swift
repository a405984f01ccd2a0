import Testing

@testable import Discourse

@Suite("Drift associations and topicality")
struct AssociationModelTests {
    static let article = [
        "Council scraps e-scooter hire trial",
        "The council voted to end the scooter hire trial after riders were seen on pavements across the centre.",
        "Scooter riders will have to return the machines by Friday, the transport committee said.",
    ]
    /// Shares no content word with the article, but its words are what scooter stories predict.
    static let onTopic = "Good riddance. A pensioner on our road got knocked flat by one, no helmet either."
    /// Off topic, with words that clearly belong to another topic.
    static let offTopic = "Did you see that penalty on Saturday? The referee gifted them the match."

    static let table = """
        word\ttopicality\tneighbours
        scooter\t0.4\tknocked:400 pedestrians:300 helmet:300
        riders\t0.3\tknocked:500 helmet:500
        match\t0.5\treferee:600 goal:400
        referee\t0.6\tmatch:700 penalty:300
        """

    static func model() throws -> AssociationModel {
        try AssociationModel(table: TSVTable(path: "test.tsv", text: table, expectedHeader: AssociationModel.header))
    }

    func scorer(associations: AssociationModel, associationWeight: Double, topicalityWeight: Double) -> DriftScorer {
        var p = DriftParameters()
        p.associationWeight = associationWeight
        p.topicalityWeight = topicalityWeight
        return DriftScorer(associations: associations, meta: .none, parameters: p)
    }

    func articleDrift(_ scorer: DriftScorer, _ comments: [String]) -> [Double] {
        scorer.score(article: Self.article.map(Tokenizer.tokenize), comments: comments.map(Tokenizer.tokenize))
            .scores.map { $0.articleDrift! }
    }

    @Test func parsesNeighboursAndTopicality() throws {
        let m = try Self.model()
        #expect(m.count == 4)
        #expect(abs(m.topicality(TermHash.of(normalized: "referee")) - 0.6) < 1e-6)
        #expect(m.topicality(TermHash.of(normalized: "husband")) == 0)
        var seen: [UInt64: Double] = [:]
        m.forEachNeighbour(of: TermHash.of(normalized: "scooter")) { seen[$0] = $1 }
        #expect(seen.count == 3)
        #expect(abs(seen[TermHash.of(normalized: "knocked")]! - 0.4) < 1e-6)
    }

    /// The byte scan reads what a number parser would: plain thousandths, other number forms, runs
    /// of spaces; a word with a colon of its own keeps it (the weight follows the last colon).
    @Test func neighbourFieldsReadLikeNumbers() throws {
        let text = "word\ttopicality\tneighbours\nscooter\t0.4\tknocked:400  helmet:0.3e3 a:b:300 \n"
        let m = try AssociationModel(table: TSVTable(path: "x.tsv", text: text))
        var seen: [UInt64: Double] = [:]
        m.forEachNeighbour(of: TermHash.of(normalized: "scooter")) { seen[$0] = $1 }
        #expect(seen.count == 3)
        #expect(abs(seen[TermHash.of(normalized: "knocked")]! - 0.4) < 1e-6)
        #expect(abs(seen[TermHash.of(normalized: "helmet")]! - 0.3) < 1e-6)
        #expect(abs(seen[TermHash.of(normalized: "a:b")]! - 0.3) < 1e-6)
        for bad in [":400", "knocked:", "knocked:-1", "knocked:x"] {
            let row = "word\ttopicality\tneighbours\nscooter\t0.4\thelmet:300 \(bad)\n"
            do {
                _ = try AssociationModel(table: TSVTable(path: "x.tsv", text: row))
                Issue.record("\(bad) was accepted")
            } catch {
                #expect(error.description.contains("'\(bad)'"), "\(error.description)")
            }
        }
    }

    @Test func badRowsNameTheLine() {
        let text = "word\ttopicality\tneighbours\nscooter\t0.4\tknocked=400\n"
        #expect(throws: LexiconError.self) {
            try AssociationModel(table: TSVTable(path: "x.tsv", text: text, expectedHeader: AssociationModel.header))
        }
        do {
            _ = try AssociationModel(table: TSVTable(path: "x.tsv", text: text))
        } catch {
            #expect(error.description.hasPrefix("x.tsv:2:"))
        }
    }

    /// The translation model: words the article's words predict explain a comment that shares
    /// no word with the article, so it drifts less than without associations.
    @Test func associationsLetANoSharedWordCommentLookOnTopic() throws {
        let m = try Self.model()
        let plain = articleDrift(scorer(associations: .none, associationWeight: 0, topicalityWeight: 0), [Self.onTopic])
        let smoothed = articleDrift(
            scorer(associations: m, associationWeight: 0.1, topicalityWeight: 0), [Self.onTopic])
        #expect(smoothed[0] < plain[0] - 0.02)
        // The off-topic comment's words are not predicted by the article: no help for it.
        let offPlain = articleDrift(
            scorer(associations: .none, associationWeight: 0, topicalityWeight: 0), [Self.offTopic])
        let offSmoothed = articleDrift(
            scorer(associations: m, associationWeight: 0.1, topicalityWeight: 0), [Self.offTopic])
        #expect(offSmoothed[0] >= offPlain[0] - 0.005)
    }

    /// Topicality: unpredicted words of another topic are evidence against this one, so the
    /// off-topic comment scores above the on-topic one even though neither shares a word.
    @Test func topicalOffTopicWordsSeparateFromAnOnTopicCommentWithoutSharedWords() throws {
        let m = try Self.model()
        let both = scorer(associations: m, associationWeight: 0.1, topicalityWeight: 4)
        let r = both.score(
            article: Self.article.map(Tokenizer.tokenize),
            comments: [Self.onTopic, Self.offTopic].map(Tokenizer.tokenize))
        #expect(r.scores[1].articleDrift! > r.scores[0].articleDrift! + 0.05)
        #expect(r.scores[1].drift > r.scores[0].drift)
        // Shrinkage towards 0.5 keeps the order for comments of similar length.
        #expect(r.scores[1].drift > 0.5)
        // Without topicality the off-topic comment's words are only "unseen".
        let noTopicality = scorer(associations: m, associationWeight: 0.1, topicalityWeight: 0)
        #expect(articleDrift(noTopicality, [Self.offTopic])[0] < r.scores[1].articleDrift!)
    }

    /// The embedded table is learned from the corpora: it knows common topic words and their
    /// neighbours are words too.
    @Test func embeddedTableIsUsable() {
        let m = AssociationModel.embedded
        #expect(m.count > 1000)
        var n = 0
        m.forEachNeighbour(of: TermHash.of(normalized: "police")) { _, w in
            #expect(w > 0 && w <= 1)
            n += 1
        }
        #expect(n > 0)
        #expect(m.topicality(TermHash.of(normalized: "police")) > m.topicality(TermHash.of(normalized: "think")))
    }
}
