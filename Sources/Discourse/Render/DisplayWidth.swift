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

    /// `text` on one line (line breaks and tabs become spaces), cut to `width` columns with "…".
    package static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var out = String.UnicodeScalarView()
        var used = 0
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            var s = scalar
            if s == "\n" || s == "\r" || s == "\t" { s = " " }
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
