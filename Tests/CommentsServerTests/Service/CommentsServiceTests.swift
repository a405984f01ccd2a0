import Discourse
import Foundation
import Testing

@testable import CommentsServer

@Suite("Routing, API key and metrics")
struct CommentsServiceTests {
    static let analyzer = Analyzer()

    func request(_ method: String, _ target: String, _ body: String = "") -> HTTPRequest {
        HTTPRequest(method: method, target: target, body: Array(body.utf8))
    }

    @Test func routesAndMethods() throws {
        let service = CommentsService(analyzer: Self.analyzer, configuration: .init(quiet: true))
        #expect(service.respond(to: request("GET", "/healthz"), peer: "t").body == Array("ok".utf8))
        #expect(service.respond(to: request("GET", "http://127.0.0.1:8080/healthz"), peer: "t").status == 200)
        #expect(service.respond(to: request("POST", "/healthz"), peer: "t").status == 405)
        #expect(service.respond(to: request("POST", "/v1alpha1/comments:analyze"), peer: "t").status == 400)
        #expect(service.respond(to: request("GET", "/nope"), peer: "t").status == 404)
        let wrong = service.respond(to: request("GET", "/v1alpha1/comments:analyze"), peer: "t")
        #expect(wrong.status == 405)
        #expect(wrong.header("allow") == "POST")
        #expect(wrong.header("content-type")?.hasPrefix("application/json") == true)
        let ok = service.respond(
            to: request(
                "POST", "/v1alpha1/comments:analyze",
                #"{"comment":{"text":"hi"},"requestedAttributes":{"TOXICITY":{}}}"#),
            peer: "t")
        #expect(ok.status == 200)
        let metrics = String(decoding: service.respond(to: request("GET", "/metrics"), peer: "t").body, as: UTF8.self)
        #expect(metrics.contains(#"comments_http_requests_total{endpoint="analyze",status="200"} 1"#))
        #expect(metrics.contains(#"comments_http_errors_total{endpoint="unknown",status="404"} 1"#))
        #expect(metrics.contains(#"comments_http_errors_total{endpoint="analyze",status="405"} 1"#))
        #expect(metrics.contains("comments_comments_scored_total 1"))
        #expect(metrics.contains(#"comments_http_request_duration_seconds_count{endpoint="analyze"} 3"#))
    }

    @Test func apiKey() {
        let service = CommentsService(analyzer: Self.analyzer, configuration: .init(apiKey: "s3cret", quiet: true))
        let body = #"{"comment":{"text":"hi"},"requestedAttributes":{"TOXICITY":{}}}"#
        #expect(service.respond(to: request("POST", "/v1alpha1/comments:analyze", body), peer: "t").status == 403)
        #expect(
            service.respond(to: request("POST", "/v1alpha1/comments:analyze?key=wrong", body), peer: "t").status == 403)
        #expect(
            service.respond(to: request("POST", "/v1alpha1/comments:analyze?key=s3cret", body), peer: "t").status == 200
        )
        var header = request("POST", "/v1alpha1/comments:analyze", body)
        header.headers = [("x-goog-api-key", "s3cret")]
        #expect(service.respond(to: header, peer: "t").status == 200)
        #expect(service.respond(to: request("GET", "/metrics"), peer: "t").status == 403)
        #expect(service.respond(to: request("GET", "/healthz"), peer: "t").status == 200)
    }

    @Test func feedbackIsAppendedOnlyWithAFile() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "feedback-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let service = CommentsService(
            analyzer: Self.analyzer, configuration: .init(feedback: try FeedbackLog(path: path), quiet: true))
        let body =
            #"{"comment":{"text":"hi"},"attributeScores":{"TOXICITY":{"summaryScore":{"value":0}}},"clientToken":"a"}"#
        for _ in 0..<2 {
            #expect(
                service.respond(to: request("POST", "/v1alpha1/comments:suggestscore", body), peer: "t").status == 200)
        }
        #expect(service.respond(to: request("POST", "/v1alpha1/comments:suggestscore", "{}"), peer: "t").status == 400)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains(#""clientToken":"a""#) })
    }
}

extension CommentsServiceTests {
    /// Moderation feedback keyed by names that are not our attributes (a moderation status, a
    /// custom model configured in Coral Talk) is accepted and stored with the names as sent.
    @Test func feedbackUnderAnyAttributeName() throws {
        let path = FileManager.default.temporaryDirectory.appending(path: "feedback-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let service = CommentsService(
            analyzer: Self.analyzer, configuration: .init(feedback: try FeedbackLog(path: path), quiet: true))
        let bodies = [
            #"{"comment":{"text":"You idiots."},"attributeScores":{"DELETED":{"summaryScore":{"value":1}}},"languages":["EN"],"communityId":"Coral:https://news.example/","clientToken":"comment:c1"}"#,
            #"{"comment":{"text":"Fine."},"context":{"entries":[{"text":"{\"Coral_comment_id\":\"c2\"}"}]},"attributeScores":{"my_custom_model":{"summaryScore":{"value":0}}},"languages":["en"],"clientToken":"comment:c2"}"#,
        ]
        for body in bodies {
            let response = service.respond(
                to: request("POST", "/v1alpha1/comments:suggestscore?key=x", body), peer: "t")
            #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        }
        let empty = #"{"comment":{"text":"x"},"attributeScores":{"":{"summaryScore":{"value":1}}}}"#
        #expect(service.respond(to: request("POST", "/v1alpha1/comments:suggestscore", empty), peer: "t").status == 400)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let records = try lines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect((records[0]["attributeScores"] as? [String: Any])?.keys.sorted() == ["DELETED"])
        #expect((records[1]["attributeScores"] as? [String: Any])?.keys.sorted() == ["my_custom_model"])
        #expect(records[0]["clientToken"] as? String == "comment:c1")
    }
}
