import Discourse
import Foundation

/// SuggestCommentScore: moderators' feedback on a score. Checked, then (when the server has a
/// feedback file) kept as one JSON line; the answer echoes `clientToken`. The attribute names
/// need not be ours (any non-empty name is kept as sent).
package enum SuggestScore {
    /// The JSON line to store (the request's fields with a `receivedAt` time, keys sorted) and
    /// the response body.
    package static func handle(_ body: [UInt8], receivedAt: Date = Date()) throws(ServiceError) -> (
        record: String, response: String
    ) {
        var object = try JSONBody.object(body)
        guard let comment = try JSONBody.dictionary(object, "comment", field: "comment"),
            try JSONBody.string(comment, "text", field: "comment.text") != nil
        else {
            throw .invalid("comment.text is required", "COMMENT_EMPTY")
        }
        guard let scores = try JSONBody.dictionary(object, "attributeScores", field: "attributeScores"), !scores.isEmpty
        else {
            throw .invalid("attributeScores must name at least one attribute", "NO_REQUESTED_ATTRIBUTES")
        }
        // Any name is feedback worth keeping, not only ours: Coral Talk keys its feedback by the
        // model its admin configured (any Perspective model name, custom ones too), and other
        // clients by moderation status. The names are stored as sent.
        for name in scores.keys where name.isEmpty {
            throw .invalid("attributeScores has an attribute with an empty name", "UNKNOWN_ATTRIBUTE")
        }
        _ = try JSONBody.string(object, "communityId", field: "communityId")
        let token = try JSONBody.string(object, "clientToken", field: "clientToken")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        object["receivedAt"] = .string(formatter.string(from: receivedAt))
        var response = JSONWriter()
        response.beginObject()
        if let token { response.field("clientToken", .text(token)) }
        response.endObject()
        return (JSONValue.object(object).json, response.output + "\n")
    }
}

/// Appends feedback records to a file, one JSON object per line, whole lines only.
package final class FeedbackLog: Sendable {
    package let path: String
    private let fd: Int32
    private let lock = NSLock()

    package init(path: String) throws {
        self.path = path
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FeedbackLogError(path: path, reason: String(cString: strerror(errno))) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Writes `record` and a line feed in one `write` (O_APPEND keeps lines whole); false on failure.
    package func append(_ record: String) -> Bool {
        let bytes = Array((record + "\n").utf8)
        lock.lock()
        defer { lock.unlock() }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            written += n
        }
        return true
    }
}

package struct FeedbackLogError: Error, CustomStringConvertible {
    package var path: String
    package var reason: String
    package var description: String { "cannot open feedback file \(path): \(reason)" }
}
