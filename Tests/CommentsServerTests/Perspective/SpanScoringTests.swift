import Discourse
import Foundation
import Testing

@testable import CommentsServer

@Suite("Sentence spans against one article")
struct SpanScoringTests {
    static let analyzer = Analyzer()
    static let article = """
        Council approves flood defence budget for Weir Street
        The council approved a flood defence budget of two million pounds on Tuesday.
        Residents of Weir Street said the river had flooded their homes three times since 2019.
        """
    static let sentences = [
        "The council approved a flood defence budget of two million pounds, finally.",
        "You idiots wasted our money!!!",
        "Anyway, who watched the football last night?",
        "Buy cheap watches at http://example.com now.",
        "Weir Street residents deserve better.",
        "ok",
    ]

    /// Analysing the texts together against one article gives, for every text, the report that
    /// analysing it alone as a one-comment document with that article gives (every column).
    @Test func sharedArticleReportsAreTheSingleReports() {
        // A text with its own lines is one comment too, a quoted first line someone else's words.
        let texts = Self.sentences + ["> You said it was fine.\nYou are an idiot."]
        for article in [Self.article, nil] {
            let shared = Self.analyzer.analyze(texts, name: "comment", sharingArticle: article)
            #expect(shared.count == texts.count)
            #expect(shared.last?.comments.count == 1 && shared.last!.comments[0].triage.insult > 0.5)
            for (text, report) in zip(texts, shared) {
                let alone = Self.analyzer.analyze(Document(name: "comment", comments: [text], article: article))
                #expect(
                    ScoreRenderer.json(report, columns: CommentColumns.all)
                        == ScoreRenderer.json(alone, columns: CommentColumns.all), "\(text)")
            }
        }
    }

    /// Span scores are those of each sentence scored alone (as `score` scores a comment).
    @Test func spanScoresAreTheSentenceScores() {
        let text = Self.sentences.joined(separator: " ")
        let spans = SentenceSpans.split(text)
        #expect(spans.count == Self.sentences.count)
        let rows = PerspectiveAnalysis.scoreSpans(spans.map(\.text), article: Self.article, analyzer: Self.analyzer)
        for (span, row) in zip(spans, rows) {
            let alone = PerspectiveAnalysis.score(span.text, article: Self.article, analyzer: Self.analyzer)
            for attribute in PerspectiveAttribute.allCases {
                #expect(row.map(attribute.score) == alone.map(attribute.score), "\(attribute) of \(span.text)")
            }
        }
    }

    /// Longer than Perspective's 20 KB: 400 `COMMENT_TOO_LONG`, as from Perspective (the cost of a
    /// request grows with its sentences). Exactly the limit is scored.
    @Test func commentTextOverPerspectivesLimitIsRefused() throws {
        func body(_ text: String) -> [UInt8] {
            Array(#"{"comment":{"text":"\#(text)"},"requestedAttributes":{"TOXICITY":{}},"spanAnnotations":true}"#.utf8)
        }
        let atLimit = String(repeating: "Fine. ", count: 20480 / 6) + String(repeating: "a", count: 20480 % 6)
        #expect(atLimit.utf8.count == 20480)
        #expect(try AnalyzeCommentRequest.decode(body(atLimit)).text == atLimit)
        do {
            _ = try AnalyzeCommentRequest.decode(body(atLimit + "é"))
            Issue.record("a text over 20480 bytes was accepted")
        } catch {
            #expect(error.code == 400)
            #expect(error.errorType == "COMMENT_TOO_LONG")
            #expect(error.message.hasPrefix("Comment text too long"))
        }
        let service = CommentsService(analyzer: Self.analyzer, configuration: .init(quiet: true))
        let response = service.respond(
            to: HTTPRequest(method: "POST", target: "/v1alpha1/comments:analyze", body: body(atLimit + "x")), peer: "t")
        #expect(response.status == 400)
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""errorType":"COMMENT_TOO_LONG""#))
    }
}
