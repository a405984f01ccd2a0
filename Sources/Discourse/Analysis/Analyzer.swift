/// Options that change what the analyzer does (not how results are shown).
public struct AnalysisOptions: Sendable {
    public var mode: SegmentationMode
    /// Keep per-line evidence and per-term contributions for `--explain`.
    public var explain: Bool
    /// Sentiment lexicon files (`--lexicon FILE`) layered over the built-in lexicon, later files winning.
    public var sentimentLexicons: [SentimentTerms]

    public init(mode: SegmentationMode = .detect, explain: Bool = false, sentimentLexicons: [SentimentTerms] = []) {
        self.mode = mode
        self.explain = explain
        self.sentimentLexicons = sentimentLexicons
    }
}

/// The pipeline: text → lines → tokens → segmentation → comments → scores → ``FileReport``.
///
/// Pure: the same document and options always give the same report, and nothing here does I/O, so
/// files can be analysed in parallel.
public struct Analyzer: Sendable {
    public var options: AnalysisOptions
    public var segmenter: Segmenter
    /// Built once per analyzer: the lexicon is parsed and merged here, not per file.
    public var sentiment: SentimentScorer

    public init(options: AnalysisOptions = AnalysisOptions(), segmenter: Segmenter = Segmenter()) {
        self.options = options
        self.segmenter = segmenter
        self.sentiment = SentimentScorer(lexicon: SentimentLexicon.embedded.adding(options.sentimentLexicons))
    }

    public func analyze(_ document: Document) -> FileReport {
        let lines = TextLines.split(document.text)
        let tokens = lines.map(Tokenizer.tokenize)
        let segmentation: Segmentation
        switch options.mode {
        case .detect:
            segmentation = segmenter.segment(tokens, explain: options.explain)
        case .allComments, .separateArticle:
            segmentation = Self.allComments(tokens)
        }
        let comments = CommentExtractor.extract(lines: lines, tokens: tokens, segmentation: segmentation)
        let scored = comments.map {
            ScoredComment(comment: $0, sentiment: sentiment.score($0.tokens, explain: options.explain))
        }
        return FileReport(
            file: document.name, lineCount: lines.count, segmentation: segmentation, comments: scored,
            warnings: document.warnings)
    }

    /// Every non-blank line is a comment: the segmentation of comment-only input.
    static func allComments(_ tokens: [TokenizedText]) -> Segmentation {
        let first = tokens.firstIndex { !$0.isEmpty }
        return Segmentation(
            kinds: [LineKind](repeating: .comment, count: tokens.count), firstCommentLine: first, confidence: 1)
    }
}
