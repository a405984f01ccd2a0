import Foundation

/// The name of a stream document that has no `"id"`: `-#` and 16 hex digits of a 64-bit FNV-1a hash
/// of its content, so that the name is the same in every run, process and partition (a per-stream
/// counter restarted in each partition of a cluster job, and (file, comment) keys collided).
///
/// Two identical documents get the same name, as they get the same rows. With a million documents
/// the chance that two different ones share a name is about 3e-8.
package enum ContentName {
    /// The name of a plain-text document (its bytes as read, before decoding).
    package static func of(_ bytes: [UInt8], stream: String) -> String {
        var h = TermHash.seed
        for b in bytes { h = TermHash.add(h, b) }
        return format(h, stream: stream)
    }

    /// The name of a `{"text": …}` record.
    package static func of(_ text: String, stream: String) -> String {
        format(hash(text, TermHash.seed), stream: stream)
    }

    /// The name of an `{"article": …, "comments": […]}` record: the article, a NUL, then the comments
    /// one per line, so that moving text between the article and the comments changes the name.
    /// A `{"comments": […]}` record (no article) starts from another state than an empty article's,
    /// as its rows differ (every line is scored against the thread alone).
    package static func of(article: String?, comments: String, stream: String) -> String {
        let start = article.map { TermHash.add(hash($0, TermHash.seed), 0) } ?? TermHash.add(TermHash.seed, 1)
        return format(hash(comments, start), stream: stream)
    }

    /// True for a name this type makes (`-#` and 16 lowercase hex digits).
    package static func isContentName(_ s: String) -> Bool {
        let bytes = Array(s.utf8)
        guard bytes.count == 18, bytes[0] == 0x2D, bytes[1] == 0x23 else { return false }
        return bytes[2...].allSatisfy { ASCII.isDigit($0) || (0x61...0x66).contains($0) }
    }

    private static func hash(_ text: String, _ start: UInt64) -> UInt64 {
        var h = start
        for b in text.utf8 { h = TermHash.add(h, b) }
        return h
    }

    private static func format(_ hash: UInt64, stream: String) -> String {
        let hex = String(hash, radix: 16)
        return stream + "#" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
