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
            var line = Substring(rawLine)
            if index == 0, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).trimmingASCIISpaces()
            }
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
