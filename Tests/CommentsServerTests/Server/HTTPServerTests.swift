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

extension HTTPServerTests {
    /// A connection cap above the file limit cannot hold: past the limit accept fails and clients
    /// hang in the backlog instead of getting 503. The server raises its soft limit to the hard
    /// one and admits only what fits.
    @Test func connectionCapFitsTheFileLimit() throws {
        let server = try HTTPServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, workers: 1, maxConnections: Int.max / 2),
            handler: CommentsService(analyzer: .init(), configuration: .init(quiet: true)))
        server.start()
        defer {
            server.stop()
            server.wait()
        }
        var limit = rlimit()
        #expect(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0)
        #expect(limit.rlim_cur == limit.rlim_max)
        if limit.rlim_cur < rlim_t(Int.max) {
            #expect(server.maxConnections < Int(limit.rlim_cur))
            #expect(server.maxConnections >= Int(limit.rlim_cur) - HTTPServer.reservedDescriptors(workers: 1))
        }
        #expect(HTTPServer.connectionCap(configured: 1024, fileLimit: 256, workers: 2) == 256 - 36)
        #expect(HTTPServer.connectionCap(configured: 100, fileLimit: 256, workers: 2) == 100)
        #expect(HTTPServer.connectionCap(configured: 100, fileLimit: 8, workers: 2) == 1)
    }
}
