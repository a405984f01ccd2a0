import Foundation
import Testing

@testable import CommentsServer

#if canImport(Glibc)
    import Glibc
#endif

@Suite("HTTP server on loopback")
struct HTTPServerTests {
    /// `/metrics` counts the connections the server accepted and holds open (they read 0 while
    /// the service did not forward the server's open/close calls to its metrics).
    @Test func connectionMetricsCountOpenAndAccepted() throws {
        let loopback = try LoopbackServer()
        defer { loopback.stop() }
        var first: LoopbackClient? = try loopback.client()
        let second = try loopback.client()
        #expect(try first!.get("/healthz")?.status == 200)
        let page = try #require(try second.get("/metrics")).body
        #expect(metric(page, "comments_connections_open") == 2)
        #expect(metric(page, "comments_connections_accepted_total") == 2)
        first = nil  // closes it
        // The worker notices the close on its next poll; ask again a bounded number of times.
        var open: Int?
        for _ in 0..<200 {
            open = metric(try #require(try second.get("/metrics")).body, "comments_connections_open")
            if open == 1 { break }
            usleep(10_000)
        }
        #expect(open == 1)
        #expect(metric(try #require(try second.get("/metrics")).body, "comments_connections_accepted_total") == 2)
    }
}
