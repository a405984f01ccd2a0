/// One comment-per-line document (`--all-comments`, `--article FILE`) analysed in passes over its
/// lines, in memory bounded by the vocabulary rather than by the number of comments: the streamed
/// form of ``Analyzer/analyze(_:)`` for inputs of any size.
///
/// ``Analyzer/stream(_:name:mode:)`` runs the passes that gather the thread-level figures (the
/// drift feedback tables and fits, ``DriftStream``; the counts of repeated texts,
/// ``RepeatCounter``); ``rows(trend:flagThreshold:_:)`` then reads the lines once more, scores each
/// comment and hands its row over, in file order, without keeping it. Every pass tokenizes each line
/// again (tokens are never kept), so the cost is a few analyses' worth of tokenizing; what is kept is
/// a chunk of the file, one line, the tables, and with an article one number per comment.
///
/// The rows and the report's figures are byte for byte those of ``Analyzer/analyze(_:)`` on the same
/// text (the streaming tests compare them), except that the report keeps no rows: its
/// ``FileReport/tally`` has the summary's figures instead.
package struct CommentStream {
    let analyzer: Analyzer
    let source: any LineSource
    /// The document's name, as rows and messages give it.
    package let name: String
    let article: [TokenizedText]
    var drift: DriftStream
    var repeats = RepeatCounts()
    /// What was odd about the input (repaired bytes, capped lines), known before any row is written.
    package private(set) var warnings: [InputWarning] = []
    /// Number of lines of the input.
    package private(set) var lineCount = 0
    /// Whether the input holds no text at all (an empty file).
    package private(set) var isEmpty = true
    private var firstCommentLine: Int?
    /// A page segmented in passes (``Segmenter/segment(_:name:)``): its comments are grouped by the
    /// segmentation (``CommentAssembler``). Nil for a comment-per-line document.
    private let segmented: SourceSegmentation?

    /// Whether documents of `mode` can be streamed: one comment per line (segmentation needs the
    /// whole page).
    package static func supports(_ mode: SegmentationMode) -> Bool {
        if case .detect = mode { return false }
        return true
    }

    init(analyzer: Analyzer, source: any LineSource, name: String, mode: SegmentationMode) throws {
        precondition(Self.supports(mode), "CommentStream: segmentation needs the whole page")
        self.analyzer = analyzer
        self.source = source
        self.name = name
        if case .separateArticle(let text) = mode {
            article = LineTokenizer.tokenize(TextLines.split(text), file: "article").tokens
        } else {
            article = []
        }
        segmented = nil
        drift = DriftStream(scorer: analyzer.drift, article: article)
        try gather()
    }

    /// A page whose segmentation was found in passes over `source`: its article is read (the header
    /// and body lines above the comments, as ``Analyzer/articleLines(_:_:mode:)`` takes them), then the
    /// figures of its comments are gathered.
    init(analyzer: Analyzer, source: any LineSource, name: String, segmented: SourceSegmentation) throws {
        self.analyzer = analyzer
        self.source = source
        self.name = name
        self.segmented = segmented
        var article: [TokenizedText] = []
        let s = segmented.segmentation
        if let end = s.firstCommentLine {
            var line = 0
            var ignored: [InputWarning] = []
            _ = try source.forEachLine { bytes in
                defer { line += 1 }
                guard line < end else { return false }
                if s.kinds[line] == .body || s.kinds[line] == .header {
                    article.append(LineTokenizer.tokenize(line: bytes, index: line, file: name, warnings: &ignored))
                }
                return true
            }
        }
        self.article = article
        drift = DriftStream(scorer: analyzer.drift, article: article)
        try gather()
    }

    /// Every pass but the last: line count and warnings, repeated texts, the drift rounds.
    private mutating func gather() throws {
        var counter = RepeatCounter()
        var tokenWarnings: [InputWarning] = []
        var counterError: Error?
        var first: Int?
        var drift = self.drift
        let scorer = analyzer.drift
        let (scan, lines) = try eachComment(warnings: &tokenWarnings) { _, line, tokens, _ in
            if first == nil { first = line }
            drift.observe(scorer.terms(tokens))
            if let key = TriageContext.textKey(tokens) {
                do { try counter.add(key) } catch {
                    counterError = error
                    return false
                }
            }
            return true
        }
        if let counterError { throw counterError }
        repeats = try counter.repeated()
        firstCommentLine = segmented.map { $0.segmentation.firstCommentLine } ?? first
        lineCount = segmented?.lineCount ?? lines
        let seen = segmented?.scan ?? scan
        isEmpty = seen.textBytes == 0
        // A page's line warnings are of every line, not only of its comments.
        warnings = Self.warnings(name: name, scan: seen, lines: segmented?.warnings ?? tokenWarnings)
        while let step = drift.nextStep() {
            var ignored: [InputWarning] = []
            _ = try eachComment(warnings: &ignored) { k, _, tokens, _ in
                drift.run(step, k, scorer.terms(tokens))
                return true
            }
        }
        self.drift = drift
    }

    /// What the whole-file path warns of, in its order: the first repaired line (as ``TextDecoder``
    /// says it), then the lines too long to analyse whole.
    package static func warnings(name: String, scan: LineScan, lines: [InputWarning]) -> [InputWarning] {
        var warnings: [InputWarning] = []
        if let bad = scan.firstRepairedLine {
            warnings.append(.repaired(path: name, firstLine: bad, lines: scan.repairedLines))
        }
        return warnings + lines
    }

    /// The last pass: every comment's row, in file order, handed to `each` (which returns false to
    /// stop early). `trend` asks for the drift trend too (one more pass over the lines);
    /// `flagThreshold` is the priority the tally counts as flagged. Returns the file's report, with
    /// no rows but their ``FileReport/tally``.
    package func rows(
        trend: Bool = false, flagThreshold: Double = 0.5, _ each: (ScoredComment) -> Bool
    ) throws -> FileReport {
        let analyzer = self.analyzer
        let explain = analyzer.options.explain
        let context = TriageContext(article: article, repeats: repeats)
        var drift = self.drift
        var slope = DriftTrend.Accumulator()
        var tally = CommentTally(flagThreshold: flagThreshold)
        var ignored: [InputWarning] = []
        var stopped = false
        _ = try eachComment(warnings: &ignored) { k, _, tokens, makeComment in
            let comment = makeComment()
            var row = ScoredComment(comment: comment, sentiment: analyzer.sentiment.score(tokens, explain: explain))
            row.drift = drift.score(k, analyzer.drift.terms(tokens), text: tokens, explain: explain)
            let signals = TriageSignals(
                negativity: row.sentiment.negative, drift: TriageSignals.offTopic(row.drift))
            row.triage = analyzer.triage.score(tokens, context: context, signals: signals, explain: explain)
            slope.add(row.drift.drift, weight: row.drift.confidence)
            tally.add(row)
            if !each(row) { stopped = true }
            return !stopped
        }
        if trend && !stopped && !slope.isUndefined {
            slope.startSecondPass()
            _ = try eachComment(warnings: &ignored) { k, _, tokens, _ in
                let score = drift.score(
                    k, analyzer.drift.terms(tokens), text: tokens, explain: false, thread: false)
                slope.add(score.drift, weight: score.confidence)
                return true
            }
        }
        let segmentation =
            segmented?.segmentation
            ?? Segmentation(
                kinds: [LineKind](repeating: .comment, count: lineCount), firstCommentLine: firstCommentLine,
                confidence: 1)
        var report = FileReport(
            file: name, lineCount: lineCount, segmentation: segmentation, comments: [], warnings: warnings)
        report.driftTrend = trend ? slope.slope : nil
        report.tally = tally
        return report
    }

    /// One pass over the comments: `body(k, line, tokens, comment)` for each (`k` its 0-based
    /// number, `line` the 0-based line of its first text line, `comment()` the ``Comment`` itself),
    /// until it returns false: each line with tokens of a comment-per-line document, or the comments
    /// the ``CommentAssembler`` groups on a segmented page. Line-length warnings go to `warnings`.
    private func eachComment(
        warnings: inout [InputWarning], _ body: (Int, Int, TokenizedText, () -> Comment) -> Bool
    ) throws -> (scan: LineScan, lines: Int) {
        guard let segmentation = segmented?.segmentation else {
            return try Self.forEachComment(source, name: name, warnings: &warnings) { k, line, bytes, tokens in
                body(k, line, tokens) {
                    Comment(index: k + 1, line: line + 1, text: String(decoding: bytes, as: UTF8.self), tokens: tokens)
                }
            }
        }
        guard let first = segmentation.firstCommentLine else { return (segmented?.scan ?? LineScan(), 0) }
        var assembler = CommentAssembler(segmentation: segmentation, cues: analyzer.segmenter.cues)
        var k = 0
        var going = true
        func hand(_ comment: Comment) {
            guard going else { return }
            going = body(k, comment.line - 1, comment.tokens) { comment }
            k += 1
        }
        var line = 0
        let name = self.name
        let scan = try source.forEachLine { bytes in
            defer { line += 1 }
            guard line >= first else { return true }
            let tokens = LineTokenizer.tokenize(line: bytes, index: line, file: name, warnings: &warnings)
            guard !tokens.isEmpty else { return true }
            assembler.add(line: line, text: String(decoding: bytes, as: UTF8.self), tokens: tokens, emit: hand)
            return going
        }
        if going { assembler.finish(emit: hand) }
        return (scan, line)
    }

    /// One pass: `body(k, line, bytes, tokens)` for every line with tokens (a comment: `k` its
    /// 0-based number, `line` its 0-based line), until it returns false. Line-length warnings are
    /// added to `warnings`. Returns what the source saw and the number of lines read.
    static func forEachComment(
        _ source: any LineSource, name: String, warnings: inout [InputWarning],
        _ body: (Int, Int, UnsafeBufferPointer<UInt8>, TokenizedText) -> Bool
    ) throws -> (scan: LineScan, lines: Int) {
        var line = 0
        var k = 0
        let scan = try source.forEachLine { bytes in
            defer { line += 1 }
            let tokens = LineTokenizer.tokenize(line: bytes, index: line, file: name, warnings: &warnings)
            guard !tokens.isEmpty else { return true }
            defer { k += 1 }
            return body(k, line, bytes, tokens)
        }
        return (scan, line)
    }
}

extension Analyzer {
    /// Starts a streamed analysis of a comment-per-line document read from `source` (see
    /// ``CommentStream``): runs the passes that gather the file's figures, so that its warnings are
    /// known before the first row. `mode` overrides the analyzer's; it must not be
    /// ``SegmentationMode/detect`` (check ``CommentStream/supports(_:)``). Throws ``InputError``
    /// when the source cannot be read, ``RepeatCounterError`` when the temporary folder is unusable.
    package func stream(_ source: any LineSource, name: String, mode: SegmentationMode? = nil) throws -> CommentStream {
        try CommentStream(analyzer: self, source: source, name: name, mode: mode ?? options.mode)
    }

    /// Starts a streamed analysis of a page read from `source`, segmented in passes over it
    /// (``Segmenter/segment(_:name:)``, which gives `segmented`): its rows are those of
    /// ``analyze(_:)``, but only the comment being scored is kept, not the page.
    package func stream(_ source: any LineSource, name: String, segmented: SourceSegmentation) throws -> CommentStream {
        try CommentStream(analyzer: self, source: source, name: name, segmented: segmented)
    }
}
