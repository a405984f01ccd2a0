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

    /// Spans nest at most this deep ("**bold _and em_**" is two); deeper delimiters stay as typed.
    /// Real comments nest one or two deep; the cap keeps a line of thousands of delimiters linear.
    static let maximumNesting = 4

    /// Emphasis within one already-escaped line.
    ///
    /// An opener's span ends at the first closer of the same delimiter after it (a closer depends
    /// only on its own position, so every closer of the line is found once, up front, and an
    /// opener finds its own by binary search).
    ///
    /// - Complexity: O(n log n · d) for a line of n characters and nesting depth d ≤ ``maximumNesting``.
    static func inline(_ line: String) -> String {
        inline(Array(line)[...], depth: 0)
    }

    private static func inline(_ chars: ArraySlice<Character>, depth: Int) -> String {
        guard depth < maximumNesting else { return String(chars) }
        let start = chars.startIndex
        let end = chars.endIndex
        let marks = delimiters.map { Array($0.0) }
        // Positions where each delimiter may close a span, ascending.
        let closers = marks.map { d -> [Int] in
            var found: [Int] = []
            for k in start..<end where isCloser(chars, at: k, d) { found.append(k) }
            return found
        }
        var out = ""
        var i = start
        scan: while i < end {
            for (m, d) in marks.enumerated() {
                guard starts(chars, at: i, with: d) else { continue }
                let open = i + d.count
                guard open < end, !chars[open].isWhitespace, !starts(chars, at: open, with: [d[0]]) else {
                    continue
                }
                // "snake_case_names" and "2*3*4" are no emphasis.
                if i > start, chars[i - 1].isLetter || chars[i - 1].isNumber, d[0] == "_" { continue }
                guard let k = first(closers[m], after: open) else { continue }
                out += "<\(delimiters[m].1)>" + inline(chars[open..<k], depth: depth + 1) + "</\(delimiters[m].1)>"
                i = k + d.count
                continue scan
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// Whether delimiter `d` at `k` can close a span: not after a space, not doubled, and an `_`
    /// not inside a word.
    private static func isCloser(_ chars: ArraySlice<Character>, at k: Int, _ d: [Character]) -> Bool {
        let end = chars.endIndex
        guard k > chars.startIndex, starts(chars, at: k, with: d), !chars[k - 1].isWhitespace else { return false }
        if k + d.count < end && chars[k + d.count] == d[0] { return false }
        if d[0] == "_" && k + d.count < end && (chars[k + d.count].isLetter || chars[k + d.count].isNumber) {
            return false
        }
        return true
    }

    /// The first position in `sorted` greater than `open` (a span holds at least one character).
    private static func first(_ sorted: [Int], after open: Int) -> Int? {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] > open { high = mid } else { low = mid + 1 }
        }
        return low < sorted.count ? sorted[low] : nil
    }

    private static func starts(_ chars: ArraySlice<Character>, at i: Int, with d: [Character]) -> Bool {
        guard i + d.count <= chars.endIndex else { return false }
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
