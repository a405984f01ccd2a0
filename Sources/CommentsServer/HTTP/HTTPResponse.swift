/// An answer to one request; ``serialized(keepAlive:includeBody:)`` gives its bytes on the wire.
package struct HTTPResponse: Sendable {
    package var status: Int
    /// Extra header fields (Content-Length and Connection are written by the serializer).
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]
    /// Close the connection after this answer whatever the request asked.
    package var close: Bool

    package init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], close: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.close = close
    }

    /// A JSON body (`Content-Type: application/json; charset=utf-8`).
    package static func json(_ status: Int, _ text: String, close: Bool = false) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: Array(text.utf8),
            close: close)
    }

    /// A plain-text body.
    package static func text(_ status: Int, _ text: String, contentType: String = "text/plain; charset=utf-8")
        -> HTTPResponse
    {
        HTTPResponse(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
    }

    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Status line, headers, blank line and (unless `includeBody` is false, for HEAD) the body.
    package func serialized(keepAlive: Bool, includeBody: Bool = true) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        head += keepAlive && !close ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        var out = Array(head.utf8)
        if includeBody { out.append(contentsOf: body) }
        return out
    }

    /// The interim answer to `Expect: 100-continue`.
    package static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    package static func reason(_ status: Int) -> String {
        switch status {
        case 100: return "Continue"
        case 200: return "OK"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 411: return "Length Required"
        case 413: return "Content Too Large"
        case 414: return "URI Too Long"
        case 415: return "Unsupported Media Type"
        case 417: return "Expectation Failed"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 503: return "Service Unavailable"
        case 505: return "HTTP Version Not Supported"
        default: return "Status \(status)"
        }
    }
}
