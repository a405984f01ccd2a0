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
    ///
    /// Lines of ASCII (nearly all of them) are split on their bytes; any other line is split as
    /// `Character`s, where a tab or space followed by a combining mark is one grapheme and so no
    /// separator. Both give the same fields for ASCII, where a byte is a grapheme. Why bytes: the
    /// character-by-character split was most of the start-up time (the lexicons hold 75,000 lines).
    /// - Complexity: O(n) in the text's bytes.
    package init(path: String, text: String, expectedHeader: [String]? = nil) throws(LexiconError) {
        self.path = path
        var header: [String]? = nil
        var rows: [Row] = []
        var text = text
        let lines = text.withUTF8 { TextLines.ranges(bytes: $0) }
        rows.reserveCapacity(lines.count)
        for (index, range) in lines.enumerated() {
            let split: [String]? = text.withUTF8 { bytes in
                Self.asciiFields(UnsafeBufferPointer(rebasing: bytes[range]))
            }
            let fields: [String]
            if let split {
                fields = split
            } else {
                let rawLine = text.withUTF8 {
                    String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
                }
                guard let slow = Self.characterFields(rawLine, first: index == 0) else { continue }
                fields = slow
            }
            if fields.isEmpty { continue }
            if header == nil {
                header = fields
                if let expected = expectedHeader, Array(fields.prefix(expected.count)) != expected {
                    throw .badHeader(path: path, expected: expected, found: fields)
                }
                continue
            }
            if let header, fields.count > header.count {
                try Self.checkWidth(fields, header: header, path: path, line: index + 1)
            }
            rows.append(Row(line: index + 1, fields: fields))
        }
        guard let header else {
            throw .badLine(path: path, line: 1, reason: "empty lexicon: expected a header row")
        }
        self.header = header
        self.rows = rows
    }

    /// Refuses a row with more (non-empty) fields than the header names columns: a stray tab in a
    /// term, or a column the loader would ignore without a word. Trailing empty fields (a tab at the
    /// end of the line) are allowed.
    private static func checkWidth(
        _ fields: [String], header: [String], path: String, line: Int
    ) throws(LexiconError) {
        guard let last = fields.lastIndex(where: { !$0.isEmpty }), last >= header.count else { return }
        throw .badLine(
            path: path, line: line,
            reason:
                "\(last + 1) fields, but the header names \(header.count) columns (\(header.joined(separator: ", "))): "
                + "a tab inside a term, or a column too many?")
    }

    /// The fields of an ASCII line, each trimmed of spaces; `[]` for a blank or `#` line; nil when
    /// the line holds a non-ASCII byte (then ``characterFields(_:first:)`` decides).
    private static func asciiFields(_ line: UnsafeBufferPointer<UInt8>) -> [String]? {
        var blank = true
        var tabs = 0
        for b in line {
            if b >= 0x80 { return nil }
            if b == 0x09 { tabs += 1 } else if b != 0x20 { blank = false }
        }
        if blank || line.first == 0x23 { return [] }
        // Sized once: growing the array field by field was a tenth of the start-up's instructions.
        var fields: [String] = []
        fields.reserveCapacity(tabs + 1)
        var start = 0
        let n = line.count
        for i in 0...n where i == n || line[i] == 0x09 {
            var a = start
            var b = i
            while a < b && line[a] == 0x20 { a += 1 }
            while b > a && line[b - 1] == 0x20 { b -= 1 }
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: line[a..<b]), as: UTF8.self))
            start = i + 1
        }
        return fields
    }

    /// The fields of any line, split and trimmed as `Character`s; nil for a blank or `#` line.
    private static func characterFields(_ rawLine: String, first: Bool) -> [String]? {
        var line = Substring(rawLine)
        if first, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
        if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { return nil }
        return line.split(separator: "\t", omittingEmptySubsequences: false).map {
            String($0).trimmingASCIISpaces()
        }
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
