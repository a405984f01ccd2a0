/// Turns the comment section of a segmented document into ``Comment``s.
///
/// Without furniture every non-blank line is one comment (the common "one comment per line" input).
/// With furniture, the template decides how lines group: when furniture comes first ("Elena July 26,
/// 2012" then text), each furniture run opens a comment; when it comes last ("… text" then "by james
/// on January 31"), each run closes one. Paragraphs between two furniture runs are one comment, and
/// the furniture's name and date become the comment's `author` and `posted`.
public enum CommentExtractor {
    public static func extract(
        lines: [String], tokens: [TokenizedText], segmentation: Segmentation
    ) -> [Comment] {
        guard let first = segmentation.firstCommentLine else { return [] }
        let kinds = segmentation.kinds
        let section = first..<kinds.count
        let hasMeta = section.contains { kinds[$0] == .commentMeta }
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

        guard hasMeta else {
            for i in section where !tokens[i].isEmpty {
                makeComment([i], meta: [])
            }
            return comments
        }

        let firstNonBlank = section.first { !tokens[$0].isEmpty } ?? first
        let metaFirst = kinds[firstNonBlank] == .commentMeta
        var text: [Int] = []
        var meta: [Int] = []
        var i = first
        while i < kinds.count {
            if tokens[i].isEmpty {
                i += 1
                continue
            }
            if kinds[i] == .commentMeta {
                // Collect the whole run of furniture lines.
                var run: [Int] = []
                while i < kinds.count, kinds[i] == .commentMeta || tokens[i].isEmpty {
                    if !tokens[i].isEmpty { run.append(i) }
                    i += 1
                }
                if metaFirst {
                    makeComment(text, meta: meta)
                    text = []
                    meta = run
                } else {
                    makeComment(text, meta: run)
                    text = []
                    meta = []
                }
                continue
            }
            text.append(i)
            i += 1
        }
        makeComment(text, meta: meta)
        return comments
    }
}

/// Reads the author and the date off a furniture line such as "by james on January 31, 2011 at
/// 9:59 am.", "11. Jul, 2012 / Rishil says:" or "Posted by: Stephen Miracle | November 02, 2012".
public enum MetaLine {
    static let framing: Set<UInt64> = Set(
        ["by", "posted", "says", "said", "wrote", "on", "at", "reply", "report", "permalink", "responded", "to", "in"]
            .map { TermHash.of(normalized: $0) })

    public static func parse(_ text: TokenizedText) -> (author: String?, posted: String?) {
        let cues = SegmenterCues.embedded
        let n = text.count
        guard n > 0 else { return (nil, nil) }
        var isDate = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let t = text[i]
            switch t.kind {
            case .number: isDate[i] = true
            case .word:
                isDate[i] =
                    cues.contains(t.key, in: .month) || cues.contains(t.key, in: .weekday)
                    || cues.contains(t.key, in: .meridiem) || cues.contains(t.key, in: .timeUnit)
                    || t.key == agoKey || t.flags.contains(.hasDigit)
            default: break
            }
        }
        // Date span: first to last date token, widened over the punctuation between them.
        var posted: String?
        if let lo = isDate.firstIndex(of: true), let hi = isDate.lastIndex(of: true),
            isDate[lo...hi].filter({ $0 }).count >= 2 || text[lo].kind == .word
        {
            let start = Int(text[lo].start)
            let end = Int(text[hi].end)
            posted = String(decoding: text.bytes[start..<end], as: UTF8.self)
            for k in lo...hi { isDate[k] = true }
        }
        // Author: the longest run of name words that are neither date nor framing words.
        var bestStart = -1
        var bestLength = 0
        var runStart = -1
        for i in 0...n {
            let isName =
                i < n && !isDate[i] && (text[i].kind == .word || text[i].kind == .mention)
                && !framing.contains(text[i].key)
                && !(text[i].kind == .word && text[i].flags.contains(.hasDigit))
            let continuesRun =
                isName
                || (runStart >= 0 && i < n && text[i].kind == .punctuation && text[i].length == 1
                    && (text.bytes[Int(text[i].start)] == 0x2E || text.bytes[Int(text[i].start)] == 0x27))
            if continuesRun {
                if runStart < 0 { runStart = i }
            } else if runStart >= 0 {
                var end = i - 1
                while end > runStart, text[end].kind == .punctuation { end -= 1 }
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
