/// JSON string literals, written byte by byte: the one escaping every JSON output and every message
/// that quotes user text (a stream record's id) shares.
package enum JSONString {
    /// Appends `value` as a JSON string literal, scanning its UTF-8 bytes and copying safe runs whole.
    package static func append(_ value: String, to out: inout String) {
        out += "\""
        var copy = value
        copy.withUTF8 { p in
            let n = p.count
            var runStart = 0
            var i = 0
            func flush(_ end: Int) {
                if end > runStart {
                    out += String(decoding: UnsafeBufferPointer(rebasing: p[runStart..<end]), as: UTF8.self)
                }
            }
            while i < n {
                let b = p[i]
                var escape: String?
                var length = 1
                switch b {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00..<0x20, 0x7F:
                    let hex = String(b, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9):
                    // U+2028/U+2029 are valid JSON but end lines in JavaScript and some readers.
                    escape = p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                default:
                    break
                }
                if let escape {
                    flush(i)
                    out += escape
                    i += length
                    runStart = i
                } else {
                    i += 1
                }
            }
            flush(n)
        }
        out += "\""
    }

    /// `value` as a JSON string literal, quotes included.
    package static func quoted(_ value: String) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }
}
