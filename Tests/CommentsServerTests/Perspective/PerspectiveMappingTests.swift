import Discourse
import Foundation
import Testing

@testable import CommentsServer

@Suite("Perspective mapping")
struct PerspectiveMappingTests {
    static let analyzer = Analyzer()

    func decode(_ json: String) throws(ServiceError) -> AnalyzeCommentRequest {
        try AnalyzeCommentRequest.decode(Array(json.utf8))
    }

    func error(_ json: String) -> ServiceError? {
        do {
            _ = try decode(json)
            return nil
        } catch {
            return error
        }
    }

    func respond(_ json: String) throws -> [String: Any] {
        let request = try decode(json)
        let body = PerspectiveAnalysis.respond(request, analyzer: Self.analyzer).json
        return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    func summary(_ response: [String: Any], _ attribute: String) -> Double? {
        let scores = response["attributeScores"] as? [String: Any]
        let a = scores?[attribute] as? [String: Any]
        let s = a?["summaryScore"] as? [String: Any]
        #expect(s == nil || s?["type"] as? String == "PROBABILITY")
        return s?["value"] as? Double
    }

    @Test func coralTalkRequest() throws {
        let r = try respond(
            #"{"comment":{"text":"You are a complete moron."},"doNotStore":true,"requestedAttributes":{"TOXICITY":{}},"languages":["en"]}"#
        )
        let toxic = try #require(summary(r, "TOXICITY"))
        #expect(toxic > 0.5)
        #expect(r["languages"] as? [String] == ["en"])
        let calm = try respond(
            #"{"comment":{"text":"Thanks for the clear explanation."},"requestedAttributes":{"TOXICITY":{}}}"#)
        #expect(try #require(summary(calm, "TOXICITY")) < 0.1)
        #expect(calm["languages"] as? [String] == ["en"])
    }

    @Test func scoresAreTheCLIScores() throws {
        let text = "I know where you live and I will find you, you idiot."
        let row = try #require(
            Self.analyzer.analyze(Document(name: "x", text: text, mode: .allComments)).comments.first)
        let all = PerspectiveAttribute.allCases.filter { !$0.needsArticle }.map { "\"\($0.rawValue)\":{}" }.joined(
            separator: ",")
        let r = try respond(#"{"comment":{"text":"\#(text)"},"requestedAttributes":{\#(all)}}"#)
        let near = { (a: Double, b: Double) in abs(a - b) < 1e-5 }
        #expect(near(summary(r, "TOXICITY")!, row.triage.toxicity))
        #expect(near(summary(r, "INSULT")!, row.triage.insult))
        #expect(near(summary(r, "THREAT")!, row.triage.threat))
        #expect(near(summary(r, "PROFANITY")!, row.triage.profanity))
        #expect(near(summary(r, "IDENTITY_ATTACK")!, row.triage.identityAttack))
        #expect(near(summary(r, "SPAM")!, row.triage.spam))
        #expect(
            near(
                summary(r, "SEVERE_TOXICITY")!,
                max(row.triage.threat, row.triage.identityAttack, row.triage.toxicity * row.triage.toxicity)))
        #expect(near(summary(r, "SENTIMENT")!, (row.sentiment.compound + 1) / 2))
        #expect(row.triage.threat > 0.3)
    }

    @Test func offTopicNeedsTheArticle() throws {
        #expect(
            error(#"{"comment":{"text":"x"},"requestedAttributes":{"OFF_TOPIC":{}}}"#)?.errorType == "CONTEXT_REQUIRED")
        let article = "The council approved a new flood defence budget for the river embankment on Weir Street."
        let on = try respond(
            #"{"comment":{"text":"The flood defence budget for the embankment is overdue."},"requestedAttributes":{"OFF_TOPIC":{}},"context":{"entries":[{"text":"\#(article)"}]}}"#
        )
        let off = try respond(
            #"{"comment":{"text":"My favourite football team signed a striker from Brazil yesterday."},"requestedAttributes":{"OFF_TOPIC":{}},"context":{"entries":[{"text":"\#(article)"}]}}"#
        )
        #expect(summary(on, "OFF_TOPIC")! < summary(off, "OFF_TOPIC")!)
    }

    @Test func thresholdLeavesOutLowScores() throws {
        let r = try respond(
            #"{"comment":{"text":"What a lovely park."},"requestedAttributes":{"TOXICITY":{"scoreThreshold":0.5},"SENTIMENT":{"scoreThreshold":0.5}}}"#
        )
        let scores = try #require(r["attributeScores"] as? [String: Any])
        #expect(scores["TOXICITY"] == nil)
        #expect(scores["SENTIMENT"] != nil)
    }

    /// A line break inside a sentence is how text wraps in a comment box: it split the sentence
    /// and lowered its scores (TOXICITY 0.765 against 0.85 on one line). It now reads as a space,
    /// while blank lines and the edges of a `> quote` keep their breaks (so a quote on the first
    /// line still does not hide the insult below it).
    @Test func aLineBreakInsideASentenceScoresAsASpace() throws {
        #expect(LineJoin.joined("You are a\ncomplete moron.") == "You are a complete moron.")
        #expect(LineJoin.joined("You are a\r\ncomplete\u{2028}moron.") == "You are a complete moron.")
        #expect(LineJoin.joined("First part.\n\nSecond part.") == "First part.\n\nSecond part.")
        #expect(LineJoin.joined("> you said\nit was fine") == "> you said\nit was fine")
        #expect(LineJoin.joined("I say\n  > you said\nfine") == "I say\n  > you said\nfine")
        #expect(LineJoin.joined("Look >:(\nno") == "Look >:( no")
        func toxicity(_ text: String) throws -> Double {
            let json = JSONValue.string(text).json
            return summary(
                try respond(#"{"comment":{"text":"# + json + #"},"requestedAttributes":{"TOXICITY":{}}}"#), "TOXICITY")!
        }
        let oneLine = try toxicity("You are a complete moron.")
        #expect(oneLine > 0.5)
        #expect(try toxicity("You are a\ncomplete moron.") == oneLine)
        #expect(try toxicity("You are a\r\ncomplete moron.") == oneLine)
        #expect(try toxicity("> You said it was fine.\nYou are a complete moron.") > 0.5)
        #expect(try toxicity("> You are a complete moron.\nI disagree with that.") < 0.5)
        // The spans follow: one sentence across the break, one span.
        let spans = SentenceSpans.split("You are a\ncomplete moron. Fine.")
        #expect(spans.map(\.begin) == [0, 26])
        #expect(spans.map(\.end) == [25, 31])
        #expect(SentenceSpans.split("> quoted\nmine").map(\.text) == ["> quoted", "mine"])
    }

    /// Neighbouring sentences with the same score are one span: a comment of one sentence said
    /// 2,900 times answered 2,900 spans per attribute (~2 MB for 9 attributes from 20 KB).
    @Test func equalNeighbourSpansAreMerged() throws {
        func spans(_ text: String) throws -> [[Int]] {
            let r = try respond(
                #"{"comment":{"text":""# + text
                    + #""},"requestedAttributes":{"INSULT":{}},"spanAnnotations":true}"#)
            let insult = try #require((r["attributeScores"] as? [String: Any])?["INSULT"] as? [String: Any])
            let list = try #require(insult["spanScores"] as? [[String: Any]])
            return list.map { [$0["begin"] as? Int ?? -1, $0["end"] as? Int ?? -1] }
        }
        let repeated = String(repeating: "Idiot. ", count: 300)
        #expect(try spans(repeated) == [[0, repeated.utf16.count - 1]])
        #expect(try spans("Nice day. Lovely park. You idiot! Nice day.") == [[0, 22], [23, 33], [34, 43]])
    }

    @Test func spansUseUTF16OffsetsPerSentence() throws {
        let text = "Héllo 👋 there. You idiot!\nFine."
        let spans = SentenceSpans.split(text)
        let utf16 = Array(text.utf16)
        let pieces = spans.map { String(decoding: utf16[$0.begin..<$0.end], as: UTF16.self) }
        #expect(pieces == ["Héllo 👋 there.", "You idiot!", "Fine."])
        #expect(spans.map(\.text) == pieces)
        let r = try respond(
            #"{"comment":{"text":"Nice day. You idiot!"},"requestedAttributes":{"INSULT":{}},"spanAnnotations":true,"clientToken":"t-1"}"#
        )
        #expect(r["clientToken"] as? String == "t-1")
        let insult = try #require((r["attributeScores"] as? [String: Any])?["INSULT"] as? [String: Any])
        let spanScores = try #require(insult["spanScores"] as? [[String: Any]])
        #expect(spanScores.map { $0["begin"] as? Int } == [0, 10])
        #expect(spanScores.map { $0["end"] as? Int } == [9, 20])
        let values = spanScores.map { ($0["score"] as? [String: Any])?["value"] as? Double ?? -1 }
        #expect(values[0] < 0.1 && values[1] > 0.3)
    }

    /// `dropUnsupportedAttributes`: what is not scored here is left out of the answer instead of
    /// failing the request (a client listing all of Perspective's attributes gets the ones there are).
    @Test func unsupportedAttributesAreDroppedWhenAsked() throws {
        let both = #"{"comment":{"text":"you idiot"},"requestedAttributes":{"TOXICITY":{},"SEXUALLY_EXPLICIT":{}}"#
        #expect(error(both + "}")?.errorType == "UNKNOWN_ATTRIBUTE")
        let r = try respond(both + #","dropUnsupportedAttributes":true}"#)
        #expect((r["attributeScores"] as? [String: Any])?.keys.sorted() == ["TOXICITY"])
        #expect((summary(r, "TOXICITY") ?? 0) > 0.5)
        let german = #"{"comment":{"text":"x"},"requestedAttributes":{"TOXICITY":{}},"languages":["de"]"#
        #expect(error(german + "}")?.errorType == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE")
        let none = try respond(german + #","dropUnsupportedAttributes":true}"#)
        #expect((none["attributeScores"] as? [String: Any])?.isEmpty == true)
        #expect(none["languages"] as? [String] == ["de"])
        #expect(error(both + #","dropUnsupportedAttributes":"yes"}"#)?.code == 400)
    }

    /// A `> quote` span beside the writer's own words is not blamed, as the summary does not blame
    /// it (it was scored alone, read whole, and marked toxic on a comment scored 0).
    @Test func quotedSpansAgreeWithTheSummary() throws {
        let r = try respond(
            #"{"comment":{"text":"> you idiot\nI disagree with that."},"requestedAttributes":{"TOXICITY":{}},"spanAnnotations":true}"#
        )
        #expect((summary(r, "TOXICITY") ?? 1) < 0.1)
        let attribute = (r["attributeScores"] as? [String: Any])?["TOXICITY"] as? [String: Any]
        let spans = try #require(attribute?["spanScores"] as? [[String: Any]])
        let values = spans.map { ($0["score"] as? [String: Any])?["value"] as? Double ?? -1 }
        #expect(!values.isEmpty && values.allSatisfy { $0 < 0.1 }, "\(spans)")
        // All quote: read whole, span and summary alike.
        let all = try respond(
            #"{"comment":{"text":"> you idiot"},"requestedAttributes":{"TOXICITY":{}},"spanAnnotations":true}"#)
        #expect((summary(all, "TOXICITY") ?? 0) > 0.5)
    }

    @Test func errorsHaveTheirTypes() {
        #expect(error(#"{"requestedAttributes":{"TOXICITY":{}}}"#)?.errorType == "COMMENT_EMPTY")
        #expect(error(#"{"comment":{},"requestedAttributes":{"TOXICITY":{}}}"#)?.errorType == "COMMENT_EMPTY")
        #expect(error(#"{"comment":{"text":5},"requestedAttributes":{"TOXICITY":{}}}"#)?.code == 400)
        // White space alone is empty too (it was scored and answered 200 with 0).
        for blank in [#"   "#, #"\n\t \r\n"#, #"\u00a0\u2003"#] {
            let found = error(#"{"comment":{"text":""# + blank + #""},"requestedAttributes":{"TOXICITY":{}}}"#)
            #expect(found?.errorType == "COMMENT_EMPTY", "\(blank)")
            #expect(found?.code == 400)
        }
        #expect(error(#"{"comment":{"text":" . "},"requestedAttributes":{"TOXICITY":{}}}"#) == nil)
        #expect(error(#"{"comment":{"text":"x"}}"#)?.errorType == "NO_REQUESTED_ATTRIBUTES")
        #expect(
            error(#"{"comment":{"text":"x"},"requestedAttributes":{"FLIRTATION":{}}}"#)?.errorType
                == "UNKNOWN_ATTRIBUTE")
        let language = error(#"{"comment":{"text":"x"},"requestedAttributes":{"TOXICITY":{}},"languages":["en","fr"]}"#)
        #expect(language?.errorType == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE")
        #expect(language?.message.contains("TOXICITY") == true)
        #expect(error(#"{"comment":{"text":"x"},"requestedAttributes":{"TOXICITY":{}},"languages":["en-GB"]}"#) == nil)
        #expect(
            error(#"{"comment":{"text":"x"},"requestedAttributes":{"TOXICITY":{"scoreThreshold":2}}}"#)?.code == 400)
        #expect(
            error(#"{"comment":{"text":"x"},"requestedAttributes":{"TOXICITY":{"scoreType":"STD_DEV_SCORE"}}}"#)?.code
                == 400)
        #expect(error(#"{"comment":{"text":"x"#)?.message.hasPrefix("the request body is not valid JSON") == true)
        #expect(error(#"{"comment":{"text":"x"}} extra"#)?.code == 400)
        #expect(error(#"{"comment":{"text":"x\u0001"},"requestedAttributes":{"TOXICITY":{}}}"#) == nil)
        #expect(
            error("{\"comment\":{\"text\":\"raw\u{1}control\"}}")?.message.hasPrefix(
                "the request body is not valid JSON") == true)
        #expect(error("[1]")?.message == "the request body must be a JSON object")
        #expect(error(String(repeating: "[", count: 5000))?.message.contains("nested") == true)
    }

    @Test func errorShape() throws {
        let e = ServiceError.invalid("bad", "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(e.json.utf8)) as? [String: Any])
        let body = try #require(object["error"] as? [String: Any])
        #expect(body["code"] as? Int == 400)
        #expect(body["status"] as? String == "INVALID_ARGUMENT")
        #expect(body["message"] as? String == "bad")
        let details = try #require(body["details"] as? [[String: Any]])
        #expect(details.first?["errorType"] as? String == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE")
        #expect(details.first?["@type"] as? String == ServiceError.detailType)
    }

    @Test func invalidUTF8IsRepairedNotRefused() throws {
        var body = Array(#"{"comment":{"text":"you idiot "#.utf8)
        body += [0xFF, 0xFE, 0xC3]
        body += Array(#""},"requestedAttributes":{"INSULT":{}}}"#.utf8)
        let request = try AnalyzeCommentRequest.decode(body)
        #expect(request.text.hasSuffix("\u{FFFD}\u{FFFD}\u{FFFD}"))
    }

    @Test func suggestScoreRecordsTheFeedback() throws {
        let (record, response) = try SuggestScore.handle(
            Array(
                #"{"comment":{"text":"hi"},"attributeScores":{"TOXICITY":{"summaryScore":{"value":1}}},"clientToken":"c9","communityId":"site"}"#
                    .utf8))
        #expect(response == "{\"clientToken\":\"c9\"}\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any])
        #expect(object["communityId"] as? String == "site")
        #expect(object["receivedAt"] is String)
        #expect(!record.contains("\n"))
        #expect(throws: ServiceError.self) { try SuggestScore.handle(Array(#"{"comment":{"text":"hi"}}"#.utf8)) }
    }

    @Test func nativeAnalyzeIsScoreJSON() throws {
        let page =
            "Council approves flood budget\nThe council approved the budget on Tuesday.\nGreat news!\nYou idiots wasted our money.\n"
        let body = try JSONSerialization.data(withJSONObject: ["text": page, "id": "page.txt"])
        let (json, scored) = try NativeAnalyze.respond(Array(body), analyzer: Self.analyzer)
        let report = Self.analyzer.analyze(Document(name: "page.txt", text: page))
        #expect(json == ScoreRenderer.json(report, columns: CommentColumns.all))
        #expect(scored == report.comments.count)
        let separate = try JSONSerialization.data(withJSONObject: [
            "article": "The council met.", "comments": ["Good.", "Bad\nidea."],
        ])
        let (json2, scored2) = try NativeAnalyze.respond(Array(separate), analyzer: Self.analyzer)
        #expect(scored2 == 2)
        #expect(json2.contains("\"text\":\"Bad\\nidea.\""), "a comment's line breaks are kept")
        #expect(throws: ServiceError.self) {
            try NativeAnalyze.respond(Array(#"{"nothing":1}"#.utf8), analyzer: Self.analyzer)
        }
        // Text beside the parts: which the caller meant would be a guess (it took the text).
        #expect(throws: ServiceError.self) {
            try NativeAnalyze.respond(Array(#"{"text":"A page.","comments":["Good."]}"#.utf8), analyzer: Self.analyzer)
        }
        let nullPart = #"{"text":"A page.","article":null}"#
        #expect(try NativeAnalyze.respond(Array(nullPart.utf8), analyzer: Self.analyzer).scored == 0)
    }

    @Test func constantTimeCompare() {
        #expect(CommentsService.constantTimeEqual(Array("secret".utf8), Array("secret".utf8)))
        #expect(!CommentsService.constantTimeEqual(Array("secret".utf8), Array("secreT".utf8)))
        #expect(!CommentsService.constantTimeEqual(Array("secret".utf8), Array("secret2".utf8)))
        #expect(!CommentsService.constantTimeEqual([], Array("x".utf8)))
    }
}
