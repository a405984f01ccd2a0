import Foundation

/// How the server listens and what it tolerates.
public struct ServerConfiguration: Sendable {
    /// An IP address (IPv4 or IPv6) or `localhost`.
    public var host: String
    /// 0 picks a free port (read it back from ``HTTPServer/port``).
    public var port: Int
    public var limits: HTTPLimits
    /// Worker threads, each running its own poll() loop over its share of the connections.
    public var workers: Int
    /// Connections open at once; more are answered 503 and closed.
    public var maxConnections: Int
    /// Seconds from the first byte of a request to its last (and the longest wait for a client to
    /// read an answer) before 408 and close.
    public var requestTimeout: Double
    /// Seconds a keep-alive connection may sit between requests before it is closed.
    public var idleTimeout: Double
    /// Seconds after SIGTERM/SIGINT that in-flight requests get to finish.
    public var drainTimeout: Double

    public init(
        host: String = "127.0.0.1", port: Int = 8080, limits: HTTPLimits = HTTPLimits(),
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, maxConnections: Int = 1024,
        requestTimeout: Double = 10, idleTimeout: Double = 60, drainTimeout: Double = 10
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.workers = max(1, workers)
        self.maxConnections = max(1, maxConnections)
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.drainTimeout = drainTimeout
    }
}

public struct ServerError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
