/// What the socket loop asks of the application: an answer per request, per unreadable request,
/// and for connections turned away at the cap. Called on the worker threads, concurrently.
package protocol HTTPHandler: Sendable {
    func respond(to request: HTTPRequest, peer: String) -> HTTPResponse
    func respond(to error: HTTPError, peer: String) -> HTTPResponse
    func refusal() -> HTTPResponse
    /// A connection was accepted (not one refused at the cap). No default: a handler that kept
    /// connection counts and forgot these would report 0 forever.
    func connectionOpened()
    /// A connection accepted earlier was closed.
    func connectionClosed()
}
