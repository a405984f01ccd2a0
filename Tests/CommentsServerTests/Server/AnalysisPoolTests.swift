import Dispatch
import Foundation
import Testing

@testable import CommentsServer

#if canImport(Glibc)
    import Glibc
#endif

/// A handler whose `POST /slow` blocks (on an analysis thread) until the test releases it; every
/// other path answers at once. `GET /healthz` is answered on the poll thread.
final class BlockingHandler: HTTPHandler {
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)

    func respond(to request: HTTPRequest, peer: String) -> HTTPResponse {
        if request.path == "/slow" {
            started.signal()
            // Bounded, so a broken server fails the test instead of hanging it (longer than the
            // probe waits for its answer, so a probe stuck behind this fails).
            _ = release.wait(timeout: .now() + 60)
            return .text(200, "slow " + String(decoding: request.body, as: UTF8.self))
        }
        return .text(200, "ok")
    }

    func respond(to error: HTTPError, peer: String) -> HTTPResponse {
        var response = HTTPResponse.text(error.status, error.message)
        response.close = true
        return response
    }

    func refusal() -> HTTPResponse { .text(503, "full") }
    func answersInline(_ request: HTTPRequest) -> Bool { request.path == "/healthz" }
    func busy(_ request: HTTPRequest, peer: String) -> HTTPResponse {
        var response = HTTPResponse.text(503, "busy")
        response.headers.append(("Retry-After", "1"))
        return response
    }
    func connectionOpened() {}
    func connectionClosed() {}
    func stopped() {}
}

@Suite("Analysis off the poll threads")
struct AnalysisPoolTests {
    static func start(_ handler: BlockingHandler, threads: Int = 1, queue: Int = 8) throws -> HTTPServer {
        let server = try HTTPServer(
            configuration: ServerConfiguration(
                host: "127.0.0.1", port: 0, workers: 1, analysisThreads: threads, analysisQueue: queue),
            handler: handler)
        server.start()
        return server
    }

    static func post(_ path: String, _ body: String) -> String {
        "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    /// A long analysis ran on the worker's poll thread, so no other connection of that worker
    /// (not even a health check) was answered until it was done. Now the probe is answered while
    /// the analysis is still blocked; a pipelined probe behind it keeps its place.
    @Test func healthProbeIsAnsweredWhileAnAnalysisRuns() throws {
        let handler = BlockingHandler()
        let server = try Self.start(handler)
        defer {
            handler.release.signal()
            server.stop()
            server.wait()
        }
        let heavy = try LoopbackClient(port: server.port)
        try heavy.send(Self.post("/slow", "a") + "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(handler.started.wait(timeout: .now() + 30) == .success)
        let probe = try LoopbackClient(port: server.port)
        // The analysis is still blocked (only the test releases it): this answer came meanwhile.
        for _ in 0..<2 {
            try probe.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(probe.response(timeout: 20)?.body == "ok")
        }
        handler.release.signal()
        // In order on the heavy connection: the analysis first, then the probe sent after it.
        #expect(heavy.response()?.body == "slow a")
        #expect(heavy.response()?.body == "ok")
    }

    /// Requests beyond the queue are answered 503 with Retry-After at once (and the connection
    /// stays usable), rather than queued without bound.
    @Test func fullQueueAnswers503WithRetryAfter() throws {
        let handler = BlockingHandler()
        let server = try Self.start(handler, threads: 1, queue: 1)
        defer {
            for _ in 0..<3 { handler.release.signal() }
            server.stop()
            server.wait()
        }
        let running = try LoopbackClient(port: server.port)
        try running.send(Self.post("/slow", "1"))
        #expect(handler.started.wait(timeout: .now() + 30) == .success)
        let queued = try LoopbackClient(port: server.port)
        try queued.send(Self.post("/slow", "2"))
        // The queued one holds the only place: wait until the pool has it.
        for _ in 0..<3000 where server.pool.queued < 1 { usleep(1000) }
        #expect(server.pool.queued == 1)
        let refused = try LoopbackClient(port: server.port)
        try refused.send(Self.post("/slow", "3"))
        let answer = refused.response()
        #expect(answer?.status == 503)
        #expect(refused.lastHead.contains("Retry-After: 1"))
        #expect(try refused.get("/healthz")?.status == 200)
        handler.release.signal()
        handler.release.signal()
        #expect(running.response()?.body == "slow 1")
        #expect(queued.response()?.body == "slow 2")
    }

    /// SIGTERM while an analysis runs: it finishes, its answer is sent with Connection: close, and
    /// the server then ends.
    @Test func drainAnswersTheAnalysisInFlight() throws {
        let handler = BlockingHandler()
        let server = try Self.start(handler)
        let client = try LoopbackClient(port: server.port)
        try client.send(Self.post("/slow", "last"))
        #expect(handler.started.wait(timeout: .now() + 30) == .success)
        server.stop()
        handler.release.signal()
        #expect(client.response()?.body == "slow last")
        #expect(client.lastHead.lowercased().contains("connection: close"))
        server.wait()
    }
}

/// What a job captured is released as soon as the job has run, even while later jobs wait (the
/// queue kept taken jobs, and their requests and connections, until it next emptied).
@Suite("Analysis pool releases what it ran")
struct AnalysisPoolReleaseTests {
    final class Box: Sendable {
        let bytes = [UInt8](repeating: 1, count: 64 * 1024)
    }

    final class Weak: @unchecked Sendable {
        weak var box: Box?
    }

    @Test func aJobThatRanIsReleasedWhileOthersWait() {
        let pool = AnalysisPool(threads: 1, capacity: 8)
        let group = DispatchGroup()
        pool.start(group: group)
        let gate = DispatchSemaphore(value: 0)
        let holdB = DispatchSemaphore(value: 0)
        let bStarted = DispatchSemaphore(value: 0)
        let weak = Weak()
        #expect(pool.submit { _ = gate.wait(timeout: .now() + 60) })
        do {
            let box = Box()
            weak.box = box
            #expect(pool.submit { _ = box.bytes.count })
        }
        #expect(
            pool.submit {
                bStarted.signal()
                _ = holdB.wait(timeout: .now() + 60)
            })
        #expect(pool.submit {})
        #expect(weak.box != nil)
        gate.signal()
        #expect(bStarted.wait(timeout: .now() + 60) == .success)
        // A has run and B is running; C still waits, so the queue has not emptied.
        #expect(pool.queued == 1)
        #expect(weak.box == nil)
        holdB.signal()
        pool.shutdown()
        #expect(group.wait(timeout: .now() + 60) == .success)
    }
}
