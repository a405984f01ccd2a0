/// What the socket loop asks of the application: an answer per request, per unreadable request,
/// and for connections turned away at the cap. Called on the worker threads, concurrently.
package protocol HTTPHandler: Sendable {
    func respond(to request: HTTPRequest, peer: String) -> HTTPResponse
    func respond(to error: HTTPError, peer: String) -> HTTPResponse
    func refusal() -> HTTPResponse
    func connectionOpened()
    func connectionClosed()
}
