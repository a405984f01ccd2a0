import Foundation

/// How the server listens and what it tolerates.
package struct ServerConfiguration: Sendable {
    /// An IP address (IPv4 or IPv6) or `localhost`.
    package var host: String
    /// 0 picks a free port (read it back from ``HTTPServer/port``).
    package var port: Int
    package var limits: HTTPLimits
    /// Worker threads, each running its own poll() loop over its share of the connections.
    package var workers: Int
    /// Connections open at once; more are answered 503 and closed.
    package var maxConnections: Int
    /// Seconds from the first byte of a request to its last (and the longest wait for a client to
    /// read an answer) before 408 and close.
    package var requestTimeout: Double
    /// Seconds a keep-alive connection may sit between requests before it is closed.
    package var idleTimeout: Double
    /// Seconds after SIGTERM/SIGINT that in-flight requests get to finish.
    package var drainTimeout: Double
    /// Threads that score comments, off the poll threads (one per core by default).
    package var analysisThreads: Int
    /// Requests waiting for an analysis thread before more are answered 503 with `Retry-After`.
    /// Each connection has at most one request in the pool at a time.
    package var analysisQueue: Int

    package init(
        host: String = "127.0.0.1", port: Int = 8080, limits: HTTPLimits = HTTPLimits(),
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, maxConnections: Int = 1024,
        requestTimeout: Double = 10, idleTimeout: Double = 60, drainTimeout: Double = 10,
        analysisThreads: Int = ProcessInfo.processInfo.activeProcessorCount, analysisQueue: Int = 256
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.workers = max(1, workers)
        self.maxConnections = max(1, maxConnections)
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.drainTimeout = drainTimeout
        self.analysisThreads = max(1, analysisThreads)
        self.analysisQueue = max(1, analysisQueue)
    }
}

package struct ServerError: Error, CustomStringConvertible, Sendable {
    package var description: String
    package init(_ description: String) { self.description = description }
}
