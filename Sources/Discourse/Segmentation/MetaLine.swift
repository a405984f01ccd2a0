/// Reads the author and the date off a furniture line such as "by james on January 31, 2011 at
/// 9:59 am.", "11. Jul, 2012 / Rishil says:", "Posted by: Stephen Miracle | November 02, 2012" or
/// "2 Kara November 8, 2012 at 12:26 PM".
package enum MetaLine {
    /// Words that frame a name or a date rather than being part of one.
    static let framing: Set<UInt64> = Set(
        [
            "by", "posted", "says", "said", "wrote", "writes", "on", "at", "reply", "report", "permalink", "responded",
            "to", "in", "written", "submitted", "published", "updated", "pts", "points", "point", "votes", "likes",
            "comment", "comments", "edit", "edited", "share", "flag",
        ]
        .map { TermHash.of(normalized: $0) })

    package static func parse(_ text: TokenizedText, cues: SegmenterCues) -> (author: String?, posted: String?) {
        let n = text.count
        guard n > 0 else { return (nil, nil) }
        // A word with digits is a date part only when it starts with one ("10th", "4h", "11:25AM");
        // "Geoff1957" and "CryptoKing88" are names.
        @inline(__always) func isDateWord(_ t: Token) -> Bool {
            cues.contains(t.key, in: .month) || cues.contains(t.key, in: .weekday)
                || cues.contains(t.key, in: .meridiem) || cues.contains(t.key, in: .timeUnit) || t.key == agoKey
                || (t.flags.contains(.hasDigit) && ASCII.isDigit(text.bytes[Int(t.start)]))
        }
        // Furniture words ("like", "reply", "votes") and section words frame, they never name.
        @inline(__always) func isFraming(_ key: UInt64) -> Bool {
            framing.contains(key) || cues.contains(key, in: .furniture) || cues.contains(key, in: .section)
        }
        var isDate = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let t = text[i]
            switch t.kind {
            case .word:
                isDate[i] = isDateWord(t)
            case .number:
                // A number is part of a date near a date word ("11. Jul, 2012", "July 10th") or a
                // separator ("10/31/2012", "9:59", "07.08.12"); "2 Kara November 8" starts with a
                // comment number, and "44 pts" is a score.
                var near = false
                for j in [i - 2, i - 1, i + 1, i + 2] where j >= 0 && j < n && text[j].kind == .word {
                    if isDateWord(text[j]) && !isFraming(text[j].key)
                        && (abs(j - i) == 1 || text[(i + j) / 2].kind == .punctuation)
                    {
                        near = true
                    }
                }
                var separators = 0
                for k in Int(t.start)..<Int(t.end) where [0x2E, 0x2F, 0x2D].contains(text.bytes[k]) { separators += 1 }
                let separated =
                    i + 2 < n && text[i + 1].kind == .punctuation && text[i + 1].length == 1
                    && !text[i + 1].flags.contains(.spaceBefore) && text[i + 2].kind == .number
                let afterSeparator =
                    i >= 2 && text[i - 1].kind == .punctuation && text[i - 1].length == 1
                    && !t.flags.contains(.spaceBefore) && text[i - 2].kind == .number
                // "Jun 17, 2020": a year after a date number and a comma.
                let year =
                    t.length == 4 && i >= 2 && isDate[i - 2] && text[i - 2].kind == .number
                    && text[i - 1].kind == .punctuation && text[i - 1].length == 1
                isDate[i] = near || separators >= 2 || separated || afterSeparator || year
            default:
                break
            }
        }
        // Date span: first to last date token, widened over what lies between them ("July 10th, 2012,
        // 1:26 am"); a single bare number is no date.
        var posted: String?
        if let lo = isDate.firstIndex(of: true), let hi = isDate.lastIndex(of: true),
            isDate[lo...hi].filter({ $0 }).count >= 2 || text[lo].kind == .word
        {
            var end = hi
            // "3 hours ago": the number belongs to it.
            var start = lo
            if start > 0, text[start - 1].kind == .number, cues.contains(text[start].key, in: .timeUnit) { start -= 1 }
            while end > start, text[end].kind == .punctuation { end -= 1 }
            posted = String(decoding: text.bytes[Int(text[start].start)..<Int(text[end].end)], as: UTF8.self)
            for k in start...hi { isDate[k] = true }
        }
        // Author: the longest run of name words that are neither date nor framing words.
        var bestStart = -1
        var bestLength = 0
        var runStart = -1
        for i in 0...n {
            let isName =
                i < n && !isDate[i] && (text[i].kind == .word || text[i].kind == .mention)
                && !isFraming(text[i].key)
            let joins =
                runStart >= 0 && i < n && !isDate[i] && text[i].length == 1
                && (text[i].kind == .punctuation || text[i].kind == .symbol)
                && [0x2E, 0x27, 0x40, 0x26, 0x5F].contains(text.bytes[Int(text[i].start)])  // . ' @ & _
            if isName || joins {
                if runStart < 0 { runStart = i }
            } else if runStart >= 0 {
                var end = i - 1
                while end > runStart, text[end].kind != .word && text[end].kind != .mention { end -= 1 }
                if end - runStart + 1 > bestLength {
                    bestLength = end - runStart + 1
                    bestStart = runStart
                }
                runStart = -1
            }
        }
        var author: String?
        if bestStart >= 0 {
            let start = Int(text[bestStart].start)
            var last = bestStart + bestLength - 1
            // "Rosa C.": an initial keeps its stop.
            if last + 1 < n, text[last].kind == .word, text[last].length == 1, text[last].flags.contains(.capitalized),
                text[last + 1].kind == .punctuation, text[last + 1].length == 1,
                text.bytes[Int(text[last + 1].start)] == 0x2E,
                !text[last + 1].flags.contains(.spaceBefore)
            {
                last += 1
            }
            let end = Int(text[last].end)
            author = String(decoding: text.bytes[start..<end], as: UTF8.self)
        }
        return (author, posted)
    }
}
