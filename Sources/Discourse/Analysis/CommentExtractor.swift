/// Turns the comment section of a segmented document into ``Comment``s.
///
/// Without furniture every non-blank line is one comment (the common "one comment per line" input).
/// With furniture, the segmenter's ``Segmentation/furnitureFirst`` says how lines group: when
/// furniture opens each comment ("Elena July 26, 2012" then text), each furniture run starts a
/// comment; when it closes each comment (text, then "by james on January 31, 2011 at 9:59 am."),
/// each run ends one. Paragraphs between two runs are one comment; the run's name and date become the
/// comment's `author` and `posted`. Furniture is never a comment of its own.
public enum CommentExtractor {
    public static func extract(
        lines: [String], tokens: [TokenizedText], segmentation: Segmentation
    ) -> [Comment] {
        guard let first = segmentation.firstCommentLine else { return [] }
        let kinds = segmentation.kinds
        var comments: [Comment] = []

        func makeComment(_ textLines: [Int], meta: [Int]) {
            guard let firstLine = textLines.first else { return }
            let text = textLines.count == 1 ? lines[firstLine] : textLines.map { lines[$0] }.joined(separator: "\n")
            var author: String?
            var posted: String?
            for m in meta {
                let parsed = MetaLine.parse(tokens[m])
                author = author ?? parsed.author
                posted = posted ?? parsed.posted
            }
            comments.append(
                Comment(
                    index: comments.count + 1, line: firstLine + 1, lineCount: textLines.count, text: text,
                    author: author, posted: posted,
                    tokens: textLines.count == 1 ? tokens[firstLine] : nil))
        }

        let section = first..<kinds.count
        guard section.contains(where: { kinds[$0] == .commentMeta }) else {
            for i in section where !tokens[i].isEmpty { makeComment([i], meta: []) }
            return comments
        }
        let furnitureFirst = segmentation.furnitureFirst ?? true
        var text: [Int] = []
        var pendingMeta: [Int] = []  // the run that opened the comment being collected
        var sawRun = false
        var i = first
        while i < kinds.count {
            if tokens[i].isEmpty {
                i += 1
                continue
            }
            guard kinds[i] == .commentMeta else {
                text.append(i)
                i += 1
                continue
            }
            var run: [Int] = []
            while i < kinds.count, kinds[i] == .commentMeta || tokens[i].isEmpty {
                if !tokens[i].isEmpty { run.append(i) }
                i += 1
            }
            if furnitureFirst {
                if !sawRun {
                    // Text above the first run has no furniture of its own: one comment per line.
                    for t in text { makeComment([t], meta: []) }
                } else {
                    makeComment(text, meta: pendingMeta)
                }
                pendingMeta = run
            } else {
                makeComment(text, meta: run)
            }
            text = []
            sawRun = true
        }
        if furnitureFirst {
            makeComment(text, meta: pendingMeta)
        } else {
            // Text after the last closing run (a scrape cut short) is one more comment.
            makeComment(text, meta: [])
        }
        return comments
    }
}

/// Reads the author and the date off a furniture line such as "by james on January 31, 2011 at
/// 9:59 am.", "11. Jul, 2012 / Rishil says:", "Posted by: Stephen Miracle | November 02, 2012" or
/// "2 Kara November 8, 2012 at 12:26 PM".
public enum MetaLine {
    /// Words that frame a name or a date rather than being part of one.
    static let framing: Set<UInt64> = Set(
        [
            "by", "posted", "says", "said", "wrote", "writes", "on", "at", "reply", "report", "permalink", "responded",
            "to", "in", "written", "submitted", "published", "updated", "pts", "points", "point", "votes", "likes",
            "comment", "comments", "edit", "edited", "share", "flag",
        ]
        .map { TermHash.of(normalized: $0) })

    public static func parse(_ text: TokenizedText) -> (author: String?, posted: String?) {
        let cues = SegmenterCues.embedded
        let n = text.count
        guard n > 0 else { return (nil, nil) }
        @inline(__always) func isDateWord(_ t: Token) -> Bool {
            cues.contains(t.key, in: .month) || cues.contains(t.key, in: .weekday)
                || cues.contains(t.key, in: .meridiem) || cues.contains(t.key, in: .timeUnit) || t.key == agoKey
                || t.flags.contains(.hasDigit)
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
                    if isDateWord(text[j]) && !framing.contains(text[j].key)
                        && (abs(j - i) == 1 || text[(i + j) / 2].kind == .punctuation)
                    {
                        near = true
                    }
                }
                var separators = 0
                for k in Int(t.start)..<Int(t.end) where [0x2E, 0x2F, 0x2D].contains(text.bytes[k]) { separators += 1 }
                let separated = i + 2 < n && text[i + 1].kind == .punctuation && text[i + 1].length == 1
                    && !text[i + 1].flags.contains(.spaceBefore) && text[i + 2].kind == .number
                let afterSeparator = i >= 2 && text[i - 1].kind == .punctuation && text[i - 1].length == 1
                    && !t.flags.contains(.spaceBefore) && text[i - 2].kind == .number
                isDate[i] = near || separators >= 2 || separated || afterSeparator
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
                && !framing.contains(text[i].key)
            let joins =
                runStart >= 0 && i < n && !isDate[i] && text[i].length == 1
                && (text[i].kind == .punctuation || text[i].kind == .symbol)
                && [0x2E, 0x27, 0x40, 0x26].contains(text.bytes[Int(text[i].start)])  // . ' @ &
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
            let end = Int(text[bestStart + bestLength - 1].end)
            author = String(decoding: text.bytes[start..<end], as: UTF8.self)
        }
        return (author, posted)
    }
}
