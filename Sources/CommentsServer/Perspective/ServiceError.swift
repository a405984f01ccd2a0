import Discourse

/// An error answer in Perspective's shape, used by every endpoint:
/// `{"error": {"code": 400, "message": "…", "status": "INVALID_ARGUMENT", "details": [{"@type": "…",
/// "errorType": "…"}]}}` (`details` only when there is an `errorType`).
package struct ServiceError: Error, Sendable, Equatable {
    package var code: Int
    package var message: String
    /// Perspective's machine-readable reason, e.g. `LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE`.
    package var errorType: String?

    package init(_ code: Int, _ message: String, errorType: String? = nil) {
        self.code = code
        self.message = message
        self.errorType = errorType
    }

    package static func invalid(_ message: String, _ errorType: String? = nil) -> ServiceError {
        ServiceError(400, message, errorType: errorType)
    }

    /// The Google API status name of the code (RFC 7807-like "status" of google.rpc.Status).
    package var status: String {
        switch code {
        case 400: return "INVALID_ARGUMENT"
        case 403: return "PERMISSION_DENIED"
        case 404: return "NOT_FOUND"
        case 405: return "METHOD_NOT_ALLOWED"
        case 408: return "DEADLINE_EXCEEDED"
        case 411: return "LENGTH_REQUIRED"
        case 413: return "PAYLOAD_TOO_LARGE"
        case 414: return "URI_TOO_LONG"
        case 417: return "EXPECTATION_FAILED"
        case 431: return "HEADERS_TOO_LARGE"
        case 501: return "UNIMPLEMENTED"
        case 503: return "UNAVAILABLE"
        case 505: return "HTTP_VERSION_NOT_SUPPORTED"
        default: return code >= 500 ? "INTERNAL" : "FAILED_PRECONDITION"
        }
    }

    package static let detailType = "type.googleapis.com/google.commentanalyzer.v1alpha1.Error"

    package var json: String {
        var w = JSONWriter()
        w.beginObject()
        w.key("error")
        w.beginObject()
        w.field("code", .integer(code))
        w.field("message", .text(message))
        w.field("status", .text(status))
        if let errorType {
            w.key("details")
            w.beginArray()
            w.beginObject()
            w.field("@type", .text(Self.detailType))
            w.field("errorType", .text(errorType))
            w.endObject()
            w.endArray()
        }
        w.endObject()
        w.endObject()
        return w.output
    }

    package var response: HTTPResponse {
        HTTPResponse.json(code, json + "\n", close: code == 408 || code == 413 || code == 414 || code == 431)
    }
}
