/// The little markdown readers type in comments, shown as it was meant: `**strong**`, `*em*` /
/// `_em_`, `~~struck~~` and `> quoted` lines. Text is escaped first (``HTMLText/escape(_:)``) and
/// tags are only ever emitted in pairs around a span found inside one line, so the output stays
/// well-formed and no input can inject markup.
enum MarkdownText {
    /// The comment as HTML: lines joined by `<br/>`, quote lines as `<blockquote>`.
    static func html(_ text: String) -> String {
        var out = ""
        var previousWasBlock = false
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix(">") {
                let quoted = trimmed.dropFirst().drop { $0 == " " }
                out += "<blockquote>\(inline(HTMLText.escape(String(quoted))))</blockquote>"
                previousWasBlock = true
                continue
            }
            if n > 0 && !previousWasBlock { out += "<br/>" }
            out += inline(HTMLText.escape(String(line)))
            previousWasBlock = false
        }
        return out
    }

    static let delimiters: [(String, String)] = [
        ("**", "strong"), ("__", "strong"), ("~~", "del"), ("*", "em"), ("_", "em"),
    ]

    /// Emphasis within one already-escaped line.
    /// - Complexity: O(n²) in the worst case for a line of n characters with many unmatched delimiters.
    static func inline(_ line: String) -> String {
        let chars = Array(line)
        var out = ""
        var i = 0
        scan: while i < chars.count {
            for (delimiter, tag) in delimiters {
                let d = Array(delimiter)
                guard starts(chars, at: i, with: d) else { continue }
                let open = i + d.count
                guard open < chars.count, !chars[open].isWhitespace, !starts(chars, at: open, with: [d[0]]) else {
                    continue
                }
                // "snake_case_names" and "2*3*4" are no emphasis.
                if i > 0, chars[i - 1].isLetter || chars[i - 1].isNumber, d[0] == "_" { continue }
                var k = open + 1
                while k < chars.count {
                    if starts(chars, at: k, with: d), !chars[k - 1].isWhitespace,
                        !(k + d.count < chars.count && chars[k + d.count] == d[0]),
                        !(d[0] == "_" && k + d.count < chars.count
                            && (chars[k + d.count].isLetter || chars[k + d.count].isNumber))
                    {
                        out += "<\(tag)>" + inline(String(chars[open..<k])) + "</\(tag)>"
                        i = k + d.count
                        continue scan
                    }
                    k += 1
                }
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    private static func starts(_ chars: [Character], at i: Int, with d: [Character]) -> Bool {
        guard i + d.count <= chars.count else { return false }
        for (j, c) in d.enumerated() where chars[i + j] != c { return false }
        return true
    }
}

/// Natural order of file names: runs of digits compare as numbers, so page2 comes before page10.
package enum NaturalOrder {
    package static func precedes(_ a: String, _ b: String) -> Bool {
        var x = Array(a.unicodeScalars)[...]
        var y = Array(b.unicodeScalars)[...]
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        while let p = x.first, let q = y.first {
            if isDigit(p) && isDigit(q) {
                let m = x.prefix(while: isDigit)
                let n = y.prefix(while: isDigit)
                let mv = m.drop { $0 == "0" }
                let nv = n.drop { $0 == "0" }
                if mv.count != nv.count { return mv.count < nv.count }
                if !mv.elementsEqual(nv) {
                    return String(String.UnicodeScalarView(mv)) < String(String.UnicodeScalarView(nv))
                }
                if m.count != n.count { return m.count < n.count }
                x = x.dropFirst(m.count)
                y = y.dropFirst(n.count)
                continue
            }
            if p != q { return p.value < q.value }
            x = x.dropFirst()
            y = y.dropFirst()
        }
        return x.isEmpty && !y.isEmpty
    }
}
