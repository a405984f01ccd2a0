/// Why a request could not be read, with the status it is answered with. After any of these the
/// connection is closed: the byte stream can no longer be trusted to be in step.
package struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    package var status: Int
    package var message: String

    package init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }

    package var description: String { "\(status) \(message)" }

    static func bad(_ message: String) -> HTTPError { HTTPError(400, message) }
}

/// What the server accepts before it refuses a request.
package struct HTTPLimits: Sendable, Equatable {
    /// Largest body (decoded, for chunked bodies); larger → 413.
    package var maxBody: Int
    /// Largest request line plus header fields (and chunked trailers); larger → 431.
    package var maxHeaderBytes: Int
    /// Most header fields; more → 431.
    package var maxHeaderCount: Int

    package init(maxBody: Int = 64 * 1024, maxHeaderBytes: Int = 16 * 1024, maxHeaderCount: Int = 100) {
        self.maxBody = maxBody
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
    }
}
