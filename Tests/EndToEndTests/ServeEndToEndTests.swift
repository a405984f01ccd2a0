import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `comments serve` as a process, talked to with curl and with raw sockets.
@Suite("comments serve")
struct ServeEndToEndTests {
    static let coral =
        #"{"comment":{"text":"You are a complete moron and a liar."},"doNotStore":true,"requestedAttributes":{"TOXICITY":{}},"languages":["en"]}"#

    static func analyze(_ text: String, token: String? = nil) -> String {
        let t = token.map { #","clientToken":"\#($0)""# } ?? ""
        return #"{"comment":{"text":"\#(text)"},"requestedAttributes":{"TOXICITY":{},"INSULT":{}}\#(t)}"#
    }

    func toxicity(_ json: [String: Any]?) -> Double? {
        (((json?["attributeScores"] as? [String: Any])?["TOXICITY"] as? [String: Any])?["summaryScore"]
            as? [String: Any])?[
                "value"] as? Double
    }

    @Test func coralTalkRequestWithCurl() throws {
        let server = try ServerProcess(["--api-key", "k3y"])
        defer { server.stop() }
        let r = try server.curl([
            "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", Self.coral,
            server.url("/v1alpha1/comments:analyze?key=k3y"),
        ])
        #expect(r.status == 200, "\(r.body)")
        let json = try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any]
        let value = try #require(toxicity(json))
        #expect(value > 0.5 && value <= 1)
        #expect(json?["languages"] as? [String] == ["en"])
        let denied = try server.curl(["--data-binary", Self.coral, server.url("/v1alpha1/comments:analyze?key=nope")])
        #expect(denied.status == 403)
        #expect(denied.body.contains("PERMISSION_DENIED"))
        let missing = try server.curl(["--data-binary", Self.coral, server.url("/v1alpha1/comments:analyze")])
        #expect(missing.status == 403)
        #expect(try server.curl([server.url("/healthz")]).body == "ok")
    }

    @Test func expectContinueWithCurl() throws {
        let server = try ServerProcess(["--max-body", "4096"])
        defer { server.stop() }
        let long = String(repeating: "This is a fair comment about the budget. ", count: 50)  // ~2 KiB
        let body = Self.analyze(long)
        let r = try server.curl([
            "-v", "-H", "Expect: 100-continue", "--data-binary", body, server.url("/v1alpha1/comments:analyze"),
        ])
        #expect(r.status == 200)
        #expect(r.stderr.contains("HTTP/1.1 100 Continue"))
        #expect(toxicity(try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any]) != nil)
        // Too big: 413 at once, no 100 Continue.
        let big = Self.analyze(String(repeating: "x", count: 5000))
        let refused = try server.curl([
            "-v", "-H", "Expect: 100-continue", "--data-binary", big, server.url("/v1alpha1/comments:analyze"),
        ])
        #expect(refused.status == 413)
        #expect(!refused.stderr.contains("100 Continue"))
        #expect(refused.body.contains("PAYLOAD_TOO_LARGE"))
    }

    @Test func everyEndpoint() throws {
        let feedback = FileManager.default.temporaryDirectory.appending(path: "feedback-\(UUID().uuidString).jsonl")
            .path
        defer { try? FileManager.default.removeItem(atPath: feedback) }
        let server = try ServerProcess(["--feedback", feedback])
        defer { server.stop() }
        let c = try server.client()
        try c.send(RawClient.get("/healthz"))
        let health = try #require(c.response())
        #expect(health.status == 200 && health.text == "ok")

        try c.send(RawClient.post("/v1alpha1/comments:analyze", Self.analyze("Thanks, a clear article.", token: "t1")))
        let analyze = try #require(c.response())
        #expect(analyze.status == 200)
        #expect(analyze.json?["clientToken"] as? String == "t1")
        #expect(toxicity(analyze.json)! < 0.2)

        let suggestion =
            #"{"comment":{"text":"Thanks"},"attributeScores":{"TOXICITY":{"summaryScore":{"value":0.0}}},"clientToken":"s1","communityId":"news"}"#
        try c.send(RawClient.post("/v1alpha1/comments:suggestscore", suggestion))
        let suggest = try #require(c.response())
        #expect(suggest.status == 200)
        #expect(suggest.json?["clientToken"] as? String == "s1")
        let lines = try String(contentsOfFile: feedback, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let record = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(record?["communityId"] as? String == "news")

        // /v1/analyze answers exactly what `comments score --format json` writes for the same page.
        let page = try String(contentsOfFile: CommandRunner.sample("council-budget.txt"), encoding: .utf8)
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["text": page]), as: UTF8.self)
        try c.send(RawClient.post("/v1/analyze", body))
        let native = try #require(c.response())
        #expect(native.status == 200)
        let cli = try CommandRunner.run(["score", "--format", "json", "-"], stdin: Data(page.utf8))
        #expect(cli.status == 0)
        #expect(native.text == cli.stdout)
        let found = try #require((native.json?["comments"] as? [Any])?.count)
        #expect(found >= 1)

        try c.send(RawClient.get("/metrics"))
        let metrics = try #require(c.response())
        #expect(metrics.status == 200)
        #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
        #expect(metrics.text.contains(#"comments_http_requests_total{endpoint="analyze",status="200"} 1"#))
        // One comment from AnalyzeComment above, then the page's comments.
        #expect(metrics.text.contains("comments_comments_scored_total \(1 + found)\n"))
        #expect(metrics.text.contains("comments_http_request_duration_seconds_bucket"))
    }

    @Test func everyErrorWithItsStatus() throws {
        let server = try ServerProcess(["--max-body", "2048", "--api-key", "k"])
        defer { server.stop() }
        func exchange(_ request: String, close: Bool = false) throws -> RawClient.Response? {
            let c = try server.client()
            try c.send(request)
            let r = c.response()
            if close { #expect(c.closedByServer(), "\(request.prefix(40))") }
            return r
        }
        let key = "?key=k"
        // 400: bad JSON, missing comment.text, unknown attribute, other language.
        let badJSON = try #require(try exchange(RawClient.post("/v1alpha1/comments:analyze" + key, "{\"comment\":")))
        #expect(badJSON.status == 400 && badJSON.errorStatus == "INVALID_ARGUMENT")
        let noText = try #require(
            try exchange(
                RawClient.post("/v1alpha1/comments:analyze" + key, #"{"requestedAttributes":{"TOXICITY":{}}}"#)))
        #expect(noText.status == 400)
        let unknown = try #require(
            try exchange(
                RawClient.post(
                    "/v1alpha1/comments:analyze" + key, #"{"comment":{"text":"x"},"requestedAttributes":{"NICE":{}}}"#))
        )
        #expect(unknown.status == 400 && unknown.text.contains("UNKNOWN_ATTRIBUTE"))
        let german = try #require(
            try exchange(
                RawClient.post(
                    "/v1alpha1/comments:analyze" + key,
                    #"{"comment":{"text":"x"},"requestedAttributes":{"TOXICITY":{}},"languages":["de"]}"#)))
        #expect(german.status == 400 && german.text.contains("LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"))
        // 400: malformed HTTP, answered in JSON, then closed.
        let garbage = try #require(try exchange("BLAH\u{1}\u{2} nonsense\r\n\r\n", close: true))
        #expect(garbage.status == 400 && garbage.errorStatus == "INVALID_ARGUMENT")
        // 403, 404, 405.
        #expect(try exchange(RawClient.post("/v1alpha1/comments:analyze", Self.coral))?.status == 403)
        let notFound = try #require(try exchange(RawClient.get("/v2/nothing")))
        #expect(notFound.status == 404 && notFound.errorStatus == "NOT_FOUND")
        let wrongMethod = try #require(try exchange(RawClient.get("/v1alpha1/comments:analyze" + key)))
        #expect(wrongMethod.status == 405 && wrongMethod.headers["allow"] == "POST")
        // A POST without a length has no body (RFC 9112 §6.3): 400 at the endpoint, 405 elsewhere.
        let empty = try #require(try exchange("POST /v1alpha1/comments:analyze\(key) HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(empty.status == 400 && empty.text.contains("empty"))
        #expect(try exchange("POST /healthz HTTP/1.1\r\nHost: x\r\n\r\n")?.status == 405)
        // Chunked bodies are decoded.
        let chunks = Self.coral.utf8.count
        let chunked =
            "POST /v1alpha1/comments:analyze\(key) HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "10\r\n\(Self.coral.prefix(16))\r\n\(String(chunks - 16, radix: 16))\r\n\(Self.coral.dropFirst(16))\r\n0\r\n\r\n"
        let decoded = try #require(try exchange(chunked))
        #expect(decoded.status == 200 && toxicity(decoded.json) != nil)
        // 413: Content-Length over --max-body, answered before the body is sent.
        let tooBig = try #require(
            try exchange("POST /v1/analyze\(key) HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n", close: true))
        #expect(tooBig.status == 413 && tooBig.errorStatus == "PAYLOAD_TOO_LARGE")
        // 431: a header section over 16 KiB.
        let huge = "GET /healthz HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 20000) + "\r\n\r\n"
        #expect(try exchange(huge, close: true)?.status == 431)
        // 414: a request-target over 16 KiB (a client that put a comment in the query string).
        let longTarget = "GET /healthz?" + String(repeating: "a", count: 20000) + " HTTP/1.1\r\nHost: x\r\n\r\n"
        let uriTooLong = try #require(try exchange(longTarget, close: true))
        #expect(uriTooLong.status == 414 && uriTooLong.errorStatus == "URI_TOO_LONG")
    }

    @Test func clientThatStopsSendingGets408AndOthersAreServed() throws {
        let server = try ServerProcess(["--request-timeout", "1"])
        defer { server.stop() }
        let slow = try server.client()
        try slow.send("POST /v1alpha1/comments:analyze HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"comm")
        let head = try server.client()
        try head.send("GET /healthz HTTP/1.1\r\nHo")
        // While it stalls, other clients are answered.
        for _ in 0..<3 {
            let other = try server.client()
            try other.send(RawClient.post("/v1alpha1/comments:analyze", Self.coral))
            #expect(other.response()?.status == 200)
        }
        let timedOut = try #require(slow.response(timeout: 20))
        #expect(timedOut.status == 408)
        #expect(timedOut.errorStatus == "DEADLINE_EXCEEDED")
        #expect(slow.closedByServer())
        // A half-sent head times out too.
        #expect(head.response(timeout: 20)?.status == 408)
    }

    @Test func keepAlivePipeliningAndSplitBodies() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let c = try server.client()
        // Keep-alive: several requests on one connection.
        for i in 0..<3 {
            try c.send(
                RawClient.post("/v1alpha1/comments:analyze", Self.analyze("Comment number \(i).", token: "k\(i)")))
            let r = try #require(c.response())
            #expect(r.status == 200 && r.headers["connection"] == "keep-alive")
            #expect(r.json?["clientToken"] as? String == "k\(i)")
        }
        // Pipelining: forty requests in one write (more than a worker answers per turn), in order.
        let batch = (0..<40).map {
            RawClient.post("/v1alpha1/comments:analyze", Self.analyze("Pipelined \($0)", token: "p\($0)"))
        }
        try c.send(batch.joined() + RawClient.get("/healthz"))
        for i in 0..<40 {
            #expect(c.response()?.json?["clientToken"] as? String == "p\(i)")
        }
        #expect(c.response()?.text == "ok")
        // One request dribbled a few bytes per write.
        let bytes = Array(
            RawClient.post("/v1alpha1/comments:analyze", Self.analyze("Split into many writes", token: "s")).utf8)
        var i = 0
        while i < bytes.count {
            try c.send(Array(bytes[i..<min(bytes.count, i + 3)]))
            i += 3
            if i % 30 == 0 { usleep(1000) }
        }
        #expect(c.response()?.json?["clientToken"] as? String == "s")
        // Connection: close is honoured; HTTP/1.0 closes by default.
        try c.send("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n")
        #expect(c.response()?.headers["connection"] == "close")
        #expect(c.closedByServer())
        let old = try server.client()
        try old.send("GET /healthz HTTP/1.0\r\n\r\n")
        #expect(old.response()?.status == 200)
        #expect(old.closedByServer())
    }

    @Test func garbageAndInvalidUTF8NeverBreakTheServer() throws {
        let server = try ServerProcess(["--request-timeout", "2"])
        defer { server.stop() }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let c = try server.client()
            var bytes = (0..<Int.random(in: 60...2000, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            if round % 2 == 0 { bytes = Array("POST /v1/analyze HTTP/1.1\r\nContent-Length: 50\r\n\r\n".utf8) + bytes }
            try? c.send(bytes)
            // Done sending: a server holding an incomplete request closes instead of waiting.
            c.finishSending()
            // Bytes that happen to look like the start of a request wait for the rest: 408.
            if let r = c.response(timeout: 20) { #expect([400, 408, 413, 414, 431, 501, 505].contains(r.status)) }
        }
        // Invalid UTF-8 inside a JSON string is repaired (U+FFFD) as the CLI does, not refused.
        var body = Array(#"{"comment":{"text":"you idiot "#.utf8) + [0xC3, 0x28, 0xFF]
        body += Array(#""},"requestedAttributes":{"INSULT":{}}}"#.utf8)
        let c = try server.client()
        try c.send(
            Array("POST /v1alpha1/comments:analyze HTTP/1.1\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
        let r = try #require(c.response())
        #expect(r.status == 200)
        let healthy = try server.client()
        try healthy.send(RawClient.get("/healthz"))
        #expect(healthy.response()?.status == 200)
    }

    @Test func connectionCapAndIdleTimeout() throws {
        let server = try ServerProcess(["--max-connections", "2", "--idle-timeout", "0.5"])
        defer { server.stop() }
        let a = try server.client()
        let b = try server.client()
        for c in [a, b] {
            try c.send(RawClient.get("/healthz"))
            #expect(c.response()?.status == 200)
        }
        let third = try server.client()
        let refused = try #require(third.response())
        #expect(refused.status == 503 && refused.errorStatus == "UNAVAILABLE")
        #expect(third.closedByServer())
        // Idle keep-alive connections are closed after --idle-timeout, which frees the slots.
        #expect(a.closedByServer(timeout: 20))
        #expect(b.closedByServer(timeout: 20))
        var answered = false
        for _ in 0..<100 where !answered {
            let again = try server.client()
            try? again.send(RawClient.get("/healthz"))
            answered = again.response()?.status == 200
            if !answered { usleep(20_000) }
        }
        #expect(answered)
    }

    @Test func concurrentClients() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let port = server.port
        let failures = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            guard let c = try? RawClient(port: port) else {
                failures.add(1)
                return
            }
            for i in 0..<20 {
                let token = "w\(worker)-\(i)"
                guard
                    (try? c.send(
                        RawClient.post("/v1alpha1/comments:analyze", Self.analyze("Comment \(i)", token: token))))
                        != nil,
                    let r = c.response(), r.status == 200, r.json?["clientToken"] as? String == token
                else {
                    failures.add(1)
                    return
                }
            }
        }
        #expect(failures.value == 0)
    }

    @Test func sigtermFinishesInFlightRequestsAndExitsZero() throws {
        let server = try ServerProcess()
        let idle = try server.client()
        try idle.send(RawClient.get("/healthz"))
        #expect(idle.response()?.status == 200)
        let inFlight = try server.client()
        try inFlight.send(RawClient.get("/healthz"))
        #expect(inFlight.response()?.status == 200)  // accepted and served: a known connection
        let request = RawClient.post("/v1alpha1/comments:analyze", Self.analyze("Almost sent", token: "last"))
        try inFlight.send(String(request.dropLast(10)))
        kill(server.process.processIdentifier, SIGTERM)
        // Idle connections are closed at once; the one with half a request is kept and answered.
        #expect(idle.closedByServer())
        try inFlight.send(String(request.suffix(10)))
        let r = try #require(inFlight.response())
        #expect(r.json?["clientToken"] as? String == "last")
        #expect(r.headers["connection"] == "close")
        #expect(inFlight.closedByServer())
        #expect(server.stop() == 0)
    }
}

extension ServeEndToEndTests {
    /// `--analysis-threads 1 --analysis-queue 1`: many scoring requests at once are each answered,
    /// either scored (200) or refused for now (503 with `Retry-After: 1`), never dropped or left waiting.
    @Test func aFullAnalysisQueueAnswers503WithRetryAfter() throws {
        let server = try ServerProcess(["--analysis-threads", "1", "--analysis-queue", "1"])
        defer { server.stop() }
        let text = String(repeating: "You idiot, the council wasted our money again. ", count: 300)
        let request = RawClient.post("/v1alpha1/comments:analyze", Self.analyze(text))
        let clients = try (0..<8).map { _ in try server.client() }
        for c in clients { try c.send(request) }
        var statuses: [Int] = []
        for c in clients {
            let r = try #require(c.response())
            statuses.append(r.status)
            if r.status == 503 { #expect(r.headers["retry-after"] == "1") }
        }
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 503 }, "\(statuses)")
        #expect(statuses.contains(200))
        // One thread and one queue slot cannot take eight long comments sent at once.
        #expect(statuses.contains(503), "\(statuses)")
        // The refused connections stay open and are scored once the queue has room.
        for c in clients {
            try c.send(request)
            var status = try #require(c.response()).status
            var tries = 0
            while status == 503, tries < 200 {
                usleep(20_000)
                try c.send(request)
                status = try #require(c.response()).status
                tries += 1
            }
            #expect(status == 200)
        }
    }

    /// Request logging wrote to stderr on the serving threads: with stderr a pipe nobody reads,
    /// the server stopped answering after ~1,500 requests and SIGTERM no longer stopped it (it
    /// needed SIGKILL). Now every request is answered, and SIGTERM ends it with status 0.
    @Test func aStderrPipeNobodyReadsStopsNothing() throws {
        let stderr = Pipe()  // never read
        let server = try ServerProcess([], stderr: stderr)
        defer { server.stop() }
        let client = try server.client()
        var answered = 0
        for _ in 0..<4000 {
            try client.send(RawClient.get("/healthz"))
            guard client.response()?.status == 200 else { break }
            answered += 1
        }
        #expect(answered == 4000)
        let other = try server.client()
        try other.send(RawClient.get("/metrics"))
        let page = try #require(other.response()).text
        let dropped = page.split(separator: "\n").first { $0.hasPrefix("comments_log_lines_dropped_total ") }
        #expect(dropped != nil)
        #expect(server.stop() == 0)
    }
}

/// A counter shared by test threads.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    init(_ value: Int) { count = value }
    func add(_ n: Int) {
        lock.lock()
        count += n
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
