/// Terminal column widths, so tables line up with emoji and CJK text and truncation never splits a
/// character.
package enum DisplayWidth {
    /// Columns a scalar takes on a terminal: 0 for combining marks and joiners, 2 for wide ones.
    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || v == 0x7F ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200D || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
        if (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0xA4CF) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F) || (v >= 0xFF00 && v <= 0xFF60)
            || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F) || (v >= 0x1F900 && v <= 0x1F9FF)
            || (v >= 0x1F680 && v <= 0x1F6FF) || (v >= 0x20000 && v <= 0x3FFFD)
        {
            return 2
        }
        return 1
    }

    package static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Whether `scalar` is a C0 or C1 control character or DEL: what a terminal obeys (ESC starts
    /// a sequence that moves the cursor, recolours, clears the screen or sets the window title; BEL
    /// rings) instead of showing.
    @inline(__always)
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || isBidiControl(v)
    }

    /// The bidirectional formatting characters (embeddings, overrides, isolates, marks): shown, they
    /// reorder the rest of a terminal line, so a comment could make its text or a file name read as
    /// something else ("Trojan Source").
    static func isBidiControl(_ v: UInt32) -> Bool {
        (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// `text` safe to show on a terminal: every control character but the line breaks and tabs
    /// `keeping` allows becomes U+FFFD, so text from a comment or a file name can never send the
    /// terminal a command. Text without one comes back as it is.
    package static func printable(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // 0xC2 leads the C1 controls, 0xE2 and 0xD8 the bidirectional ones.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xD8 }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let kept = keepingLineBreaks && (s == "\n" || s == "\r" || s == "\t")
            out.append(isControl(s) && !kept ? "\u{FFFD}" : s)
        }
        return String(out)
    }

    /// `text` on one line (line breaks and tabs become spaces, other control characters U+FFFD, as
    /// ``printable(_:keepingLineBreaks:)``), cut to `width` columns with "…".
    package static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var out = String.UnicodeScalarView()
        var used = 0
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            var s = scalar
            if s == "\n" || s == "\r" || s == "\t" { s = " " } else if isControl(s) { s = "\u{FFFD}" }
            if s == " " && lastWasSpace { continue }
            lastWasSpace = s == " "
            let w = of(s)
            if used + w > width {
                while used + 1 > width, let last = out.popLast() { used -= of(last) }
                out.append("…")
                return String(out)
            }
            out.append(s)
            used += w
        }
        return String(out)
    }

    /// `text` padded with spaces to `width` columns (left-aligned), or right-aligned when asked.
    package static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let w = of(text)
        guard w < width else { return text }
        let padding = String(repeating: " ", count: width - w)
        return right ? padding + text : text + padding
    }
}

extension DisplayWidth {
    /// `text` word-wrapped to `width` terminal columns, every line starting with `indent` spaces
    /// (the caller may overwrite the first line's indent with a label, as help text does). A word
    /// longer than a line is cut, so no line is ever wider than `width` (but for a character wider
    /// than the whole room, which gets a line of its own).
    /// - Complexity: O(n) in the text's scalars (a long word is cut in one pass).
    /// With `hanging`, the first line is not indented and has the whole width (`Error: …` with its
    /// continuation under it).
    package static func wrap(_ text: String, width: Int, indent: Int = 0, hanging: Bool = false) -> String {
        let text = printable(text, keepingLineBreaks: true)
        var room = max(1, hanging ? width : width - indent)
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        var used = 0
        func flush() {
            lines.append((hanging && lines.isEmpty ? "" : margin) + line)
            line = ""
            used = 0
            room = max(1, width - indent)
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var rest = word.unicodeScalars[...]
            var w = of(String(word))
            if used > 0 && used + 1 + w > room { flush() }
            // A word wider than a line is cut at indices into its scalars: removing them one by one
            // copied the rest each time, quadratic in the word's length (a 16,000-character record
            // id as a summary's file name took 11 s).
            while w > room {
                let limit = room - used - (used > 0 ? 1 : 0)
                var cut = rest.startIndex
                var headWidth = 0
                while cut < rest.endIndex, headWidth + of(rest[cut]) <= limit {
                    headWidth += of(rest[cut])
                    rest.formIndex(after: &cut)
                }
                if cut == rest.startIndex {
                    if used > 0 {
                        flush()
                        continue
                    }
                    // A character wider than the whole line (2 columns in 1) goes on a line of its own:
                    // waiting for room that never comes looped for ever.
                    headWidth = of(rest[cut])
                    rest.formIndex(after: &cut)
                }
                line += (used > 0 ? " " : "") + String(rest[..<cut])
                flush()
                rest = rest[cut...]
                w -= headWidth
            }
            if w == 0 { continue }
            line += (used > 0 ? " " : "") + String(rest)
            used += (used > 0 ? 1 : 0) + w
        }
        if used > 0 || lines.isEmpty { flush() }
        return lines.joined(separator: "\n")
    }
}

extension DisplayWidth {
    /// A summary line ("file: 14 lines, 7 article lines, …") wrapped between its clauses rather
    /// than inside one, continuation lines indented by two, so "drift trend -0.03/comment" stays
    /// together. A clause wider than a continuation line is wrapped at its own spaces instead.
    package static func wrapClauses(_ text: String, width: Int) -> String {
        let glue: Character = "\u{E000}"  // private use, one column wide: never in our summaries
        let glued = text.split(separator: ", ", omittingEmptySubsequences: false)
            .map { clause in
                // ", " ends every clause but the last: its comma must fit on the line too.
                of(String(clause)) + 1 > width - 2 ? String(clause) : String(clause.map { $0 == " " ? glue : $0 })
            }
            .joined(separator: ", ")
        let wrapped = wrap(glued, width: width, indent: 2, hanging: true)
        return String(wrapped.map { $0 == glue ? " " : $0 })
    }
}
