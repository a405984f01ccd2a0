/// Why a request could not be read, with the status it is answered with. After any of these the
/// connection is closed: the byte stream can no longer be trusted to be in step.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: Int
    public var message: String

    public init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { "\(status) \(message)" }

    static func bad(_ message: String) -> HTTPError { HTTPError(400, message) }
}

/// What the server accepts before it refuses a request.
public struct HTTPLimits: Sendable, Equatable {
    /// Largest body (decoded, for chunked bodies); larger → 413.
    public var maxBody: Int
    /// Largest request line plus header fields (and chunked trailers); larger → 431.
    public var maxHeaderBytes: Int
    /// Most header fields; more → 431.
    public var maxHeaderCount: Int

    public init(maxBody: Int = 64 * 1024, maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100) {
        self.maxBody = maxBody
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
    }
}
