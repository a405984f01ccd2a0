/// What the socket loop asks of the application: an answer per request, per unreadable request,
/// and for connections turned away at the cap. Called on the worker and analysis threads,
/// concurrently.
package protocol HTTPHandler: Sendable {
    func respond(to request: HTTPRequest, peer: String) -> HTTPResponse
    func respond(to error: HTTPError, peer: String) -> HTTPResponse
    func refusal() -> HTTPResponse
    /// Whether `request` is answered at once on the poll thread (health checks, metrics, errors
    /// found from the request line alone). Every other request goes to the analysis pool, so a
    /// long one never holds up the other connections of its worker.
    func answersInline(_ request: HTTPRequest) -> Bool
    /// The answer when the analysis queue is full (a 503 that says when to retry); the
    /// connection stays open.
    func busy(_ request: HTTPRequest, peer: String) -> HTTPResponse
    /// A connection was accepted (not one refused at the cap). No default: a handler that kept
    /// connection counts and forgot these would report 0 forever.
    func connectionOpened()
    /// A connection accepted earlier was closed.
    func connectionClosed()
    /// Every thread of the server has ended (called once by ``HTTPServer/wait()``).
    func stopped()
}
