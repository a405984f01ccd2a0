import Testing

@testable import CommentsServer

@Suite("HTTP request parser")
struct HTTPRequestParserTests {
    func events(_ text: String, limits: HTTPLimits = HTTPLimits(), chunk: Int = Int.max) -> [HTTPRequestParser.Event] {
        events(Array(text.utf8), limits: limits, chunk: chunk)
    }

    /// Feeds `bytes` `chunk` bytes at a time and collects every event but `.needMore`.
    func events(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits(), chunk: Int = Int.max) -> [HTTPRequestParser.Event]
    {
        var parser = HTTPRequestParser(limits: limits)
        var out: [HTTPRequestParser.Event] = []
        var i = 0
        repeat {
            let end = min(bytes.count, i + max(1, min(chunk, bytes.count)))
            parser.feed(bytes[i..<end])
            i = end
            loop: while true {
                let e = parser.next()
                switch e {
                case .needMore: break loop
                case .failure:
                    out.append(e)
                    return out
                default: out.append(e)
                }
            }
        } while i < bytes.count
        return out
    }

    func requests(_ events: [HTTPRequestParser.Event]) -> [HTTPRequest] {
        events.compactMap { if case .request(let r) = $0 { return r } else { return nil } }
    }

    func status(_ events: [HTTPRequestParser.Event]) -> Int? {
        for e in events { if case .failure(let error) = e { return error.status } }
        return nil
    }

    @Test func contentLengthBodyHeadersAndQuery() throws {
        let text =
            "POST /v1alpha1/comments%3Aanalyze?key=a%20b&x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nX-Thing:  v  \r\n\r\nhello"
        let r = try #require(requests(events(text)).first)
        #expect(r.method == "POST")
        #expect(r.path == "/v1alpha1/comments:analyze")
        #expect(r.queryValue("key") == "a b")
        #expect(r.header("x-thing") == "v")
        #expect(r.body == Array("hello".utf8))
        #expect(r.keepAlive)
    }

    @Test func sameRequestsWhateverTheSplit() {
        let text =
            "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\n\r\nPOST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nwiki\r\n5;ext=1\r\npedia\r\n0\r\nTrailer: x\r\n\r\n"
        let whole = requests(events(text))
        #expect(whole.map(\.target) == ["/a", "/b", "/c"])
        #expect(whole[2].body == Array("wikipedia".utf8))
        for chunk in [1, 2, 3, 7, 16] {
            #expect(requests(events(text, chunk: chunk)) == whole, "chunk \(chunk)")
        }
    }

    @Test func bareLineFeedsAndLeadingBlankLines() throws {
        let r = try #require(requests(events("\r\n\nGET /healthz HTTP/1.0\nConnection: keep-alive\n\n")).first)
        #expect(r.path == "/healthz")
        #expect(r.version == .http10)
        #expect(r.keepAlive)
    }

    @Test func noLengthMeansNoBody() throws {
        let r = try #require(requests(events("POST /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n\r\n")).first)
        #expect(r.body.isEmpty)
        #expect(requests(events("POST /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n")).map(\.target) == ["/a", "/b"])
    }

    @Test func keepAliveRules() throws {
        let close = try #require(requests(events("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")).first)
        #expect(!close.keepAlive)
        let old = try #require(requests(events("GET / HTTP/1.0\r\n\r\n")).first)
        #expect(!old.keepAlive)
    }

    @Test func expectContinueComesBeforeTheBody() {
        let head = "POST /a HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n"
        var parser = HTTPRequestParser()
        parser.feed(Array(head.utf8))
        #expect(parser.next() == .sendContinue)
        #expect(parser.next() == .needMore)
        parser.feed(Array("body".utf8))
        guard case .request(let r) = parser.next() else {
            Issue.record("no request")
            return
        }
        #expect(r.body == Array("body".utf8))
        // The body already there: no 100 needed.
        #expect(requests(events(head + "body")).count == 1)
        #expect(!events(head + "body").contains(.sendContinue))
    }

    @Test func limitsAnswerWithTheirStatus() {
        let small = HTTPLimits(maxBody: 10, maxHeaderBytes: 200, maxHeaderCount: 5)
        #expect(status(events("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", limits: small)) == 413)
        // 413 at once with Expect, never a 100.
        let expect = events("POST / HTTP/1.1\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n", limits: small)
        #expect(status(expect) == 413)
        #expect(!expect.contains(.sendContinue))
        #expect(
            status(
                events(
                    "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nabcdef\r\n0\r\n\r\n",
                    limits: small)) == 413)
        #expect(
            status(events("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 300) + "\r\n\r\n", limits: small))
                == 431)
        // Too long without a blank line yet: 431 before the end of the head arrives.
        #expect(status(events("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 300), limits: small)) == 431)
        // A request-target longer than the whole head may be: 414, whole or still arriving, while a
        // long target within the limit is parsed.
        let target = "/" + String(repeating: "q", count: 300)
        #expect(status(events("GET \(target) HTTP/1.1\r\n\r\n", limits: small)) == 414)
        #expect(status(events("GET \(target)", limits: small)) == 414)
        let shorter = "/" + String(repeating: "q", count: 150)
        #expect(requests(events("GET \(shorter) HTTP/1.1\r\n\r\n", limits: small)).count == 1)
        let many = (0..<6).map { "H\($0): v\r\n" }.joined()
        #expect(status(events("GET / HTTP/1.1\r\n" + many + "\r\n", limits: small)) == 431)
        #expect(status(events("GET / HTTP/2.0\r\n\r\n")) == 505)
        #expect(status(events("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")) == 501)
        #expect(status(events("POST / HTTP/1.1\r\nContent-Length: 1\r\nExpect: magic\r\n\r\nx")) == 417)
    }

    @Test func malformedIs400() {
        let bad = [
            "GET /\r\n\r\n",
            "GET  / HTTP/1.1\r\n\r\n",
            "G(T / HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nNo colon\r\n\r\n",
            "GET / HTTP/1.1\r\nBad Name: v\r\n\r\n",
            "GET / HTTP/1.1\r\nX: v\r\n folded\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            "POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n",
            "HTTP/1.1 200 OK\r\n\r\n",
        ]
        for text in bad {
            #expect(status(events(text)) == 400, "\(text.debugDescription)")
        }
    }

    @Test func garbageFailsEarlyAndStaysFailed() {
        var parser = HTTPRequestParser()
        parser.feed([0x16, 0x03, 0x01, 0x02, 0x00])  // a TLS hello
        #expect(parser.next() == .failure(HTTPError(400, "malformed request line")))
        parser.feed(Array("GET / HTTP/1.1\r\n\r\n".utf8))
        #expect(parser.next() == .failure(HTTPError(400, "malformed request line")))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 1...300, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            _ = events(bytes, chunk: Int.random(in: 1...40, using: &generator))  // must not crash
        }
    }

    @Test func partialRequestTracking() {
        var parser = HTTPRequestParser()
        #expect(!parser.hasPartialRequest)
        parser.feed(Array("\r\n".utf8))
        #expect(!parser.hasPartialRequest)
        parser.feed(Array("GET / HT".utf8))
        #expect(parser.next() == .needMore)
        #expect(parser.hasPartialRequest)
        parser.feed(Array("TP/1.1\r\n\r\n".utf8))
        if case .request = parser.next() {} else { Issue.record("no request") }
        #expect(!parser.hasPartialRequest)
    }
}

extension HTTPRequestParserTests {
    /// A raised `--max-body` must not let a header alone allocate the declared length: with a
    /// terabyte allowed, `Content-Length: 999999999999` crashed the server (failed allocation).
    @Test func declaredLengthIsNotReservedUpFront() {
        var parser = HTTPRequestParser(limits: HTTPLimits(maxBody: 1_000_000_000_000))
        parser.feed(Array("POST /v1/analyze HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\n{}".utf8))
        #expect(parser.next() == .needMore)
        #expect(parser.pendingBodyCapacity <= 1 << 20)
        // The body still grows to what arrives.
        var small = HTTPRequestParser(limits: HTTPLimits(maxBody: 1 << 30))
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
        small.feed(Array("POST / HTTP/1.1\r\nContent-Length: 200000\r\n\r\n".utf8))
        #expect(small.next() == .needMore)
        #expect(small.pendingBodyCapacity <= 1 << 20)
        small.feed(body)
        guard case .request(let r) = small.next() else {
            Issue.record("no request")
            return
        }
        #expect(r.body == body)
    }
}
