/// Splits text into lines at "\n", "\r\n" and a lone "\r" (old Mac files and some scrapers), in one
/// pass over the UTF-8 bytes. A final line break does not start an empty last line.
package enum TextLines {
    package static func split(_ text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { split(bytes: $0) }
    }

    package static func split(bytes p: UnsafeBufferPointer<UInt8>) -> [String] {
        ranges(bytes: p).map { String(decoding: UnsafeBufferPointer(rebasing: p[$0]), as: UTF8.self) }
    }

    /// The byte ranges of the lines of `p`, without their line breaks, split as ``split(bytes:)`` splits.
    /// - Complexity: O(n) for n bytes.
    package static func ranges(bytes p: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        let n = p.count
        var start = 0
        var i = 0
        while i < n {
            let b = p[i]
            if b == 0x0A || b == 0x0D {
                lines.append(start..<i)
                if b == 0x0D, i + 1 < n, p[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < n { lines.append(start..<n) }
        return lines
    }

    /// True when the line holds nothing but whitespace (ASCII or Unicode spaces).
    package static func isBlank(_ line: String) -> Bool {
        for scalar in line.unicodeScalars where !scalar.properties.isWhitespace && scalar.value != 0xFEFF {
            return false
        }
        return true
    }
}
