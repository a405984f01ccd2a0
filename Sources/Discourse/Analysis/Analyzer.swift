/// Options that change what the analyzer does (not how results are shown).
public struct AnalysisOptions: Sendable {
    public var mode: SegmentationMode
    /// Keep per-line evidence and per-term contributions for `--explain`.
    public var explain: Bool

    public init(mode: SegmentationMode = .detect, explain: Bool = false) {
        self.mode = mode
        self.explain = explain
    }
}

/// The pipeline: text → lines → tokens → segmentation → comments → scores → ``FileReport``.
///
/// Pure: the same document and options always give the same report, and nothing here does I/O, so
/// files can be analysed in parallel.
public struct Analyzer: Sendable {
    public var options: AnalysisOptions
    public var segmenter: Segmenter

    public init(options: AnalysisOptions = AnalysisOptions(), segmenter: Segmenter = Segmenter()) {
        self.options = options
        self.segmenter = segmenter
    }

    public func analyze(_ document: Document) -> FileReport {
        let lines = TextLines.split(document.text)
        let (tokens, tokenWarnings) = LineTokenizer.tokenize(lines, file: document.name)
        let segmentation: Segmentation
        switch document.mode ?? options.mode {
        case .detect:
            segmentation = segmenter.segment(tokens, explain: options.explain)
        case .allComments, .separateArticle:
            segmentation = Self.allComments(tokens)
        }
        let comments = CommentExtractor.extract(lines: lines, tokens: tokens, segmentation: segmentation)
        var scored = comments.map { ScoredComment(comment: $0) }
        Self.triage(&scored, article: articleTokens(tokens, segmentation, mode: document.mode ?? options.mode), explain: options.explain)
        return FileReport(
            file: document.name, lineCount: lines.count, segmentation: segmentation, comments: scored,
            warnings: document.warnings + tokenWarnings)
    }

    /// The article's token lines: body lines before the comments, or the separate article text.
    func articleTokens(_ tokens: [TokenizedText], _ segmentation: Segmentation, mode: SegmentationMode) -> [TokenizedText] {
        switch mode {
        case .detect:
            let end = segmentation.firstCommentLine ?? segmentation.kinds.count
            return (0..<end).filter { segmentation.kinds[$0] == .body }.map { tokens[$0] }
        case .allComments:
            return []
        case .separateArticle(let text):
            return LineTokenizer.tokenize(TextLines.split(text), file: "article").tokens
        }
    }

    /// Moderation triage for every comment, with the file's article and repeated texts as context.
    static func triage(_ rows: inout [ScoredComment], article: [TokenizedText], explain: Bool) {
        let context = TriageContext(article: article, comments: rows.map(\.comment.tokens))
        let scorer = TriageScorer()
        for i in rows.indices {
            rows[i].triage = scorer.score(rows[i].comment.tokens, context: context, explain: explain)
        }
    }

    /// Every non-blank line is a comment: the segmentation of comment-only input.
    static func allComments(_ tokens: [TokenizedText]) -> Segmentation {
        let first = tokens.firstIndex { !$0.isEmpty }
        return Segmentation(
            kinds: [LineKind](repeating: .comment, count: tokens.count), firstCommentLine: first, confidence: 1)
    }
}
