/// Options that change what the analyzer does (not how results are shown).
public struct AnalysisOptions: Sendable {
    /// Find the comments (``SegmentationMode/detect``), or take every line as one.
    public var mode: SegmentationMode
    /// Keep per-line evidence and per-term contributions for `--explain`.
    public var explain: Bool
    /// Sentiment lexicon files (`--lexicon FILE`) layered over the built-in lexicon, later files winning.
    public var sentimentLexicons: [SentimentTerms]
    /// Community triage lexicons (`--triage-lexicon FILE`) layered over the built-in lists, later files winning.
    public var triageLexicons: [CommunityTerms]

    /// Options with every default: detect the comments, no explanations, built-in lexicons only.
    public init(
        mode: SegmentationMode = .detect, explain: Bool = false, sentimentLexicons: [SentimentTerms] = [],
        triageLexicons: [CommunityTerms] = []
    ) {
        self.mode = mode
        self.explain = explain
        self.sentimentLexicons = sentimentLexicons
        self.triageLexicons = triageLexicons
    }
}

/// The pipeline: text → lines → tokens → segmentation → comments → scores → ``FileReport``.
///
/// Pure: the same document and options always give the same report, and nothing here does I/O, so
/// files can be analysed in parallel. Every stage's tuned numbers can be passed in (the defaults are
/// the ones compiled in from `Lexicons/`); reading replacement files is the caller's business.
///
/// ```swift
/// let report = Analyzer().analyze(Document(name: "page.txt", text: text))
/// for row in report.comments { print(row.comment.line, row.triage.priority, row.comment.text) }
/// ```
public struct Analyzer: Sendable {
    /// What to analyse (fixed for the analyzer's life).
    public var options: AnalysisOptions
    /// Finds where the comments begin.
    public var segmenter: Segmenter
    /// Built once per analyzer: the lexicon is parsed and merged here, not per file.
    package var sentiment: SentimentScorer
    package var drift: DriftScorer
    /// Built once per analyzer, with the community triage lexicons merged in.
    package var triage: TriageScorer

    /// - Parameters:
    ///   - options: what to analyse (segmentation mode, explanations, extra lexicons).
    ///   - segmenter: the segmenter's cues and weights (``SegmenterWeights/standard`` by default).
    ///   - sentimentRules: VADER-style rule constants (``SentimentRules/standard``).
    ///   - drift: the drift model's parameters (``DriftParameters/standard``).
    ///   - triageWeights: how triage combines its parts (``TriageWeights``).
    public init(
        options: AnalysisOptions = AnalysisOptions(), segmenter: Segmenter = Segmenter(),
        sentimentRules: SentimentRules = .standard, drift: DriftParameters = .standard,
        triageWeights: TriageWeights = TriageWeights()
    ) {
        self.options = options
        self.segmenter = segmenter
        self.sentiment = SentimentScorer(
            lexicon: SentimentLexicon.embedded.adding(options.sentimentLexicons), rules: sentimentRules)
        self.drift = DriftScorer(parameters: drift)
        self.triage = TriageScorer(
            lexicon: TriageLexicon.embedded.adding(options.triageLexicons), weights: triageWeights)
    }

    /// Analyses one document: splits its article from its comments (or takes every line as a
    /// comment, by ``AnalysisOptions/mode`` or the document's own ``Document/mode``), then scores
    /// every comment for sentiment, drift and triage.
    ///
    /// - Complexity: O(n) in the document's bytes: every stage is one or two passes over the lines.
    public func analyze(_ document: Document) -> FileReport {
        // A list of comments is taken whole, one element a comment with its own line breaks.
        let lines = document.comments ?? TextLines.split(document.text)
        let (tokens, tokenWarnings) = LineTokenizer.tokenize(lines, file: document.name)
        let segmentation: Segmentation
        switch document.mode ?? options.mode {
        case .detect:
            segmentation = segmenter.segment(tokens, explain: options.explain)
        case .allComments, .separateArticle:
            segmentation = Self.allComments(tokens)
        }
        let comments = CommentExtractor.extract(
            lines: lines, tokens: tokens, segmentation: segmentation, cues: segmenter.cues)
        var scored = comments.map {
            ScoredComment(comment: $0, sentiment: sentiment.score($0.tokens, explain: options.explain))
        }
        let article = articleLines(tokens, segmentation, mode: document.mode ?? options.mode)
        let drift = self.drift.score(article: article, comments: comments.map(\.tokens), explain: options.explain)
        for i in scored.indices { scored[i].drift = drift.scores[i] }
        Self.triage(&scored, article: article, scorer: triage, explain: options.explain)
        var report = FileReport(
            file: document.name, lineCount: lines.count, segmentation: segmentation, comments: scored,
            warnings: document.warnings + tokenWarnings)
        report.driftTrend = drift.trend
        return report
    }

    /// The article's text lines: header and body before the comment section (boilerplate left out),
    /// or the separate article; none with `--all-comments`.
    func articleLines(
        _ tokens: [TokenizedText], _ segmentation: Segmentation, mode: SegmentationMode
    ) -> [TokenizedText] {
        switch mode {
        case .detect:
            let end = segmentation.firstCommentLine ?? tokens.count
            return (0..<end).filter { segmentation.kinds[$0] == .body || segmentation.kinds[$0] == .header }.map {
                tokens[$0]
            }
        case .separateArticle(let text):
            return LineTokenizer.tokenize(TextLines.split(text), file: "article").tokens
        case .allComments:
            return []
        }
    }

    /// Moderation triage for every comment, with the file's article and repeated texts as context
    /// and the sentiment and drift scores as inputs (see ``TriageSignals`` for how they map).
    static func triage(
        _ rows: inout [ScoredComment], article: [TokenizedText], scorer: TriageScorer, explain: Bool
    ) {
        triage(
            &rows, context: TriageContext(article: article, comments: rows.map(\.comment.tokens)), scorer: scorer,
            explain: explain)
    }

    /// As ``triage(_:article:scorer:explain:)`` with the context built beforehand.
    static func triage(_ rows: inout [ScoredComment], context: TriageContext, scorer: TriageScorer, explain: Bool) {
        for i in rows.indices {
            let signals = TriageSignals(
                negativity: rows[i].sentiment.negative, drift: TriageSignals.offTopic(rows[i].drift))
            rows[i].triage = scorer.score(rows[i].comment.tokens, context: context, signals: signals, explain: explain)
        }
    }

    /// Every non-blank line is a comment: the segmentation of comment-only input.
    static func allComments(_ tokens: [TokenizedText]) -> Segmentation {
        let first = tokens.firstIndex { !$0.isEmpty }
        return Segmentation(
            kinds: [LineKind](repeating: .comment, count: tokens.count), firstCommentLine: first, confidence: 1)
    }
}
