/// A tab-separated lexicon file: a header row naming the columns, then one entry per line.
///
/// Blank lines and lines starting with `#` are skipped, so files can carry comments. Every row keeps
/// its 1-based line number so a loader can name the line it rejects.
package struct TSVTable: Sendable {
    package struct Row: Sendable {
        package var line: Int
        package var fields: [String]

        /// Field `i`, or "" when the row is shorter.
        package subscript(i: Int) -> String { i < fields.count ? fields[i] : "" }
    }

    /// File name or path, for messages.
    package var path: String
    package var header: [String]
    package var rows: [Row]

    /// Parses `text`. When `expectedHeader` is given, the first row must start with those columns.
    package init(path: String, text: String, expectedHeader: [String]? = nil) throws(LexiconError) {
        self.path = path
        var header: [String]? = nil
        var rows: [Row] = []
        for (index, rawLine) in TextLines.split(text).enumerated() {
            guard let fields = Self.fields(rawLine, first: index == 0) else { continue }
            if header == nil {
                header = fields
                if let expected = expectedHeader, Array(fields.prefix(expected.count)) != expected {
                    throw .badHeader(path: path, expected: expected, found: fields)
                }
                continue
            }
            rows.append(Row(line: index + 1, fields: fields))
        }
        guard let header else {
            throw .badLine(path: path, line: 1, reason: "empty lexicon: expected a header row")
        }
        self.header = header
        self.rows = rows
    }

    /// The trimmed tab-separated fields of one line; nil for a blank or `#` comment line.
    ///
    /// An ASCII line is split on its bytes (every byte is one character there, and the line holds no
    /// line break): the embedded lexicons are mostly ASCII, and loading them character by character
    /// cost a large share of a short run. Other lines go by characters, so a combining mark after a
    /// leading `#` or space ("#️⃣") keeps its character as before.
    static func fields(_ rawLine: String, first: Bool) -> [String]? {
        var copy = rawLine
        let ascii: [String]?? = copy.withUTF8 { b -> [String]?? in
            guard !b.contains(where: { $0 >= 0x80 }) else { return .none }
            if b.allSatisfy({ $0 == Self.space || $0 == Self.tab }) || b.first == UInt8(ascii: "#") {
                return .some(nil)
            }
            var fields: [String] = []
            var start = 0
            while true {
                var end = start
                while end < b.count, b[end] != Self.tab { end += 1 }
                var lo = start
                var hi = end
                while lo < hi, b[lo] == Self.space || b[lo] == Self.tab { lo += 1 }
                while hi > lo, b[hi - 1] == Self.space || b[hi - 1] == Self.tab { hi -= 1 }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self))
                if end == b.count { break }
                start = end + 1
            }
            return .some(fields)
        }
        if let ascii { return ascii }
        var line = Substring(rawLine)
        if first, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { return nil }
        return line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingASCIISpaces() }
    }

    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// Parses a double the way lexicon files write them ("1.5", "-0.3", "+2"), independent of locale.
    package static func number(_ text: String) -> Double? {
        guard !text.isEmpty, let value = Double(text.hasPrefix("+") ? String(text.dropFirst()) : text),
            value.isFinite
        else { return nil }
        return value
    }
}

extension String {
    /// The string without leading and trailing spaces (ASCII space and tab only).
    func trimmingASCIISpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
