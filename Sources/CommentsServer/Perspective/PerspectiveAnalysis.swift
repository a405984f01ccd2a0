import Discourse

/// AnalyzeComment: a decoded request → the CLI's analysis of that one comment → Perspective's
/// response JSON. Pure; the analyzer is the one the server loaded at start.
package enum PerspectiveAnalysis {
    /// The comment as one document with one comment, its line breaks kept (as for comments sent in
    /// JSON to `comments export`), the article (if any) analysed beside it.
    package static func score(_ text: String, article: String?, analyzer: Analyzer) -> ScoredComment? {
        analyzer.analyze(Document(name: "comment", comments: [text], article: article)).comments.first
    }

    /// Each sentence of a comment scored as ``score(_:article:analyzer:)`` scores it (a sentence
    /// holds no line break), as a one-comment thread against the article, with the article read
    /// once for all of them: scoring them one by one analysed the article again for every sentence.
    ///
    /// - Complexity: O(article + sentences) in bytes.
    static func scoreSpans(_ sentences: [String], article: String?, analyzer: Analyzer) -> [ScoredComment?] {
        analyzer.analyze(sentences, name: "comment", sharingArticle: article).map { $0.comments.first }
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
                let rows = scoreSpans(found.map(\.text), article: request.article, analyzer: analyzer)
                spans = Array(zip(found, rows))
                scored += found.count
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
                for (span, row) in spans {
                    let spanValue = row.map(requested.attribute.score) ?? 0
                    if let threshold = requested.threshold, spanValue < threshold { continue }
                    w.beginObject()
                    w.field("begin", .integer(span.begin))
                    w.field("end", .integer(span.end))
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
/// A sentence ends after a run of `.`, `!` or `?` followed by white space, or at a line break;
/// white space around a sentence is left out of its span.
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
            let isBreak = scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
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
