import Discourse

/// AnalyzeComment: a decoded request → the CLI's analysis of that one comment → Perspective's
/// response JSON. Pure; the analyzer is the one the server loaded at start.
package enum PerspectiveAnalysis {
    /// The comment as one document with one comment, the article (if any) analysed beside it.
    /// Its lines are read as ``LineJoin/joined(_:)`` leaves them: a sentence wrapped onto the next
    /// line scores as on one line, while a `> quote` keeps its own lines.
    package static func score(_ text: String, article: String?, analyzer: Analyzer) -> ScoredComment? {
        analyzer.analyze(Document(name: "comment", comments: [LineJoin.joined(text)], article: article)).comments.first
    }

    /// Each sentence of a comment scored as ``score(_:article:analyzer:)`` scores it (a sentence
    /// holds no line break), as a one-comment thread against the article, with the article read
    /// once for all of them: scoring them one by one analysed the article again for every sentence.
    ///
    /// - Complexity: O(article + sentences) in bytes.
    static func scoreSpans(_ sentences: [String], article: String?, analyzer: Analyzer) -> [ScoredComment?] {
        analyzer.analyze(sentences.map(LineJoin.joined), name: "comment", sharingArticle: article).map {
            $0.comments.first
        }
    }

    /// The response body, and the number of comment texts scored (1, plus one per sentence span).
    package static func respond(_ request: AnalyzeCommentRequest, analyzer: Analyzer) -> (json: String, scored: Int) {
        let whole = score(request.text, article: request.article, analyzer: analyzer)
        var spans: [(span: SentenceSpans.Span, row: ScoredComment?)] = []
        var scored = 1
        if request.spanAnnotations {
            let found = SentenceSpans.split(request.text)
            if found.count == 1 {
                spans = [(found[0], whole)]
            } else {
                // A `> quote` span beside the writer's own words is someone else's: the summary
                // leaves its words out, so its span does too (score 0) instead of scoring it alone,
                // where a quote-only text is read whole and blamed. A comment that is all quote
                // is read whole, span by span, as its summary is.
                let quoted = found.map { QuoteMarker.scan(Array($0.text.utf8), from: 0).isQuote }
                let skip = quoted.contains(false) ? quoted : quoted.map { _ in false }
                let own = found.indices.filter { !skip[$0] }
                let rows = scoreSpans(own.map { found[$0].text }, article: request.article, analyzer: analyzer)
                var byIndex = [ScoredComment?](repeating: nil, count: found.count)
                for (i, row) in zip(own, rows) { byIndex[i] = row }
                spans = Array(zip(found, byIndex))
                scored += own.count
            }
        }
        var w = JSONWriter()
        w.beginObject()
        w.key("attributeScores")
        w.beginObject()
        for requested in request.attributes {
            let value = whole.map(requested.attribute.score) ?? 0
            if let threshold = requested.threshold, value < threshold { continue }
            w.key(requested.attribute.rawValue)
            w.beginObject()
            if request.spanAnnotations {
                w.key("spanScores")
                w.beginArray()
                for (begin, end, spanValue) in merged(spans, requested.attribute) {
                    if let threshold = requested.threshold, spanValue < threshold { continue }
                    w.beginObject()
                    w.field("begin", .integer(begin))
                    w.field("end", .integer(end))
                    w.key("score")
                    writeScore(&w, spanValue)
                    w.endObject()
                }
                w.endArray()
            }
            w.key("summaryScore")
            writeScore(&w, value)
            w.endObject()
        }
        w.endObject()
        w.key("languages")
        w.beginArray()
        for language in request.languages { w.string(language) }
        w.endArray()
        if let token = request.clientToken { w.field("clientToken", .text(token)) }
        w.endObject()
        return (w.output + "\n", scored)
    }

    /// The spans of one attribute, neighbours with the same score (as written, to 6 digits) merged
    /// into one span from the first's begin to the last's end. Perspective promises "a single
    /// score for a given span of text", not one span per sentence; a 20 KB comment of one
    /// sentence repeated 2,900 times answered 2,900 equal spans per attribute (~2 MB for 9
    /// attributes). A highlighter shows the same text with the same score either way.
    static func merged(
        _ spans: [(span: SentenceSpans.Span, row: ScoredComment?)], _ attribute: PerspectiveAttribute
    ) -> [(begin: Int, end: Int, value: Double)] {
        var out: [(begin: Int, end: Int, value: Double)] = []
        var lastWritten = ""
        for (span, row) in spans {
            let value = row.map(attribute.score) ?? 0
            let written = NumberFormat.fixed(value, digits: 6)
            if !out.isEmpty && written == lastWritten {
                out[out.count - 1].end = span.end
            } else {
                out.append((span.begin, span.end, value))
                lastWritten = written
            }
        }
        return out
    }

    static func writeScore(_ w: inout JSONWriter, _ value: Double) {
        w.beginObject()
        w.key("value")
        w.number(value, digits: 6)
        w.field("type", .text("PROBABILITY"))
        w.endObject()
    }
}

/// Sentences of a comment with Perspective's offsets: UTF-16 code units, `end` exclusive.
///
/// A sentence ends after a run of `.`, `!` or `?` followed by white space, or at a line break that
/// ``LineJoin`` keeps (a blank line, a `> quote` line's edge); white space around a sentence is left
/// out of its span.
package enum SentenceSpans {
    package struct Span: Sendable, Equatable {
        package var begin: Int
        package var end: Int
        package var text: String
    }

    package static func split(_ text: String) -> [Span] {
        var spans: [Span] = []
        var current = String.UnicodeScalarView()
        var begin = 0
        var offset = 0
        var afterTerminator = false
        let joinable = LineJoin.joinableBreaks(text)
        var index = 0
        func close() {
            var scalars = Array(current)
            var end = offset
            while let last = scalars.last, last.properties.isWhitespace {
                scalars.removeLast()
                end -= last.utf16.count
            }
            var start = begin
            var lead = 0
            while lead < scalars.count, scalars[lead].properties.isWhitespace {
                start += scalars[lead].utf16.count
                lead += 1
            }
            if lead < scalars.count {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[lead...])
                spans.append(Span(begin: start, end: end, text: String(view)))
            }
            current = String.UnicodeScalarView()
            begin = offset
        }
        for scalar in text.unicodeScalars {
            let isBreak = LineJoin.isBreak(scalar) && !joinable.contains(index)
            index += 1
            if afterTerminator && scalar.properties.isWhitespace || isBreak {
                close()
            }
            afterTerminator =
                scalar == "." || scalar == "!" || scalar == "?"
                || (afterTerminator && (scalar == "\"" || scalar == ")" || scalar == "'"))
            current.append(scalar)
            offset += scalar.utf16.count
        }
        close()
        return spans
    }
}

/// Which line breaks of a comment are read as spaces: a single break between two lines that both
/// hold the writer's own words. A line break inside a sentence ("You are a\ncomplete moron.") is
/// how text wraps in a comment box, not a boundary: kept, it split the sentence in two and lowered
/// its toxicity (0.765 against 0.85 on one line). Blank lines (paragraphs) are kept, and so is
/// every break at the edge of a `> quote` line (after leading spaces, `>` not followed by `:` or
/// `=`: ``QuoteMarker``, the scanner's own rule): joined, the writer's words below a quote would become part
/// of the quote and be left out of the scores.
package enum LineJoin {
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// `text` with its joinable line breaks (``joinableBreaks(_:)``) each replaced by a space
    /// (`\r\n` by one space).
    package static func joined(_ text: String) -> String {
        let joinable = joinableBreaks(text)
        guard !joinable.isEmpty else { return text }
        var out = String.UnicodeScalarView()
        var previousJoined = false
        for (i, scalar) in text.unicodeScalars.enumerated() {
            if joinable.contains(i) {
                if !(previousJoined && scalar == "\n") { out.append(" ") }
                previousJoined = scalar == "\r"
                continue
            }
            previousJoined = false
            out.append(scalar)
        }
        return String(out)
    }

    /// Indexes (in Unicode scalars) of the line-break scalars read as spaces: those of a single
    /// break (`\n`, `\r`, `\r\n`, U+2028, U+2029) between two non-blank lines neither of which is
    /// a quote line.
    package static func joinableBreaks(_ text: String) -> Set<Int> {
        let scalars = Array(text.unicodeScalars)
        // Lines as (first scalar, end, break scalars after it).
        var lines: [(start: Int, end: Int, breakEnd: Int)] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            guard isBreak(scalars[i]) else {
                i += 1
                continue
            }
            let end = i
            i += scalars[i] == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" ? 2 : 1
            lines.append((start, end, i))
            start = i
        }
        lines.append((start, scalars.count, scalars.count))
        func blank(_ line: (start: Int, end: Int, breakEnd: Int)) -> Bool {
            !scalars[line.start..<line.end].contains { !$0.properties.isWhitespace }
        }
        func quote(_ line: (start: Int, end: Int, breakEnd: Int)) -> Bool {
            // The scanner's own rule, on the line's first bytes (blank space, `>`, one more).
            var head: [UInt8] = []
            var firstWritten: Int?
            for scalar in scalars[line.start..<line.end] {
                let byte = scalar.isASCII ? UInt8(scalar.value) : 0x80
                head.append(byte)
                if let first = firstWritten, head.count > first + 1 { break }
                if firstWritten == nil, !ASCII.isSpace(byte) { firstWritten = head.count - 1 }
            }
            return QuoteMarker.scan(head, from: 0).isQuote
        }
        var joinable = Set<Int>()
        for k in 0..<max(0, lines.count - 1) {
            let a = lines[k]
            let b = lines[k + 1]
            guard !blank(a), !blank(b), !quote(a), !quote(b) else { continue }
            for index in a.end..<a.breakEnd { joinable.insert(index) }
        }
        return joinable
    }
}
