/// The terms that compare a candidate comment section with the candidate article as wholes, for
/// every boundary `b` in O(1) from prefix sums.
///
/// - **Typography**: lines with straight quotes after `b`, weighted by how much of the article
///   before `b` was set with curly ones (readers type, publishers typeset).
/// - **Register**: the section's comment-vs-news register above the article's mean register.
/// - **Score**: the section's line scores above the article's mean line score. A news article's
///   lines score far below its readers' lines even when those are plain; an informal blog reads
///   alike throughout.
///
/// - **Formal opening**: how news-like the file's opening is (the median line score of its first
///   paragraphs, far on the article side for news). Under such an opening the score contrast gets
///   more weight (`formal_score_contrast`): reader comments under a news story are plain but still
///   far more informal than the story. Under an informal blog the opening is not news-like and the
///   extra weight stays off, so it cannot turn a chatty post into comments.
///
/// The article's means are shrunk towards the whole file's (three lines' worth), so a file that
/// reads the same throughout gains nothing wherever the boundary falls, and a two-line "article"
/// cannot claim an extreme mean.
struct SectionTerms {
    private let n: Int
    private let curlyBefore: [Double]
    private let straightBefore: [Double]
    private let registerBefore: [Double]
    private let registeredBefore: [Double]
    private let scoreBefore: [Double]
    private let scoredBefore: [Double]
    private let typographyWeight: Double
    private let registerWeight: Double
    private let scoreWeight: Double

    /// Lines that carry no text of their own (blank, furniture) count in none of the sums.
    /// - Parameter scores: the line model's score of each ordinary text line (nil for the others).
    init(features: [LineFeatures], countable: [Bool], scores: [Double?], weights w: SegmenterWeights) {
        n = features.count
        var curly = [Double](repeating: 0, count: n + 1)
        var straight = curly
        var register = curly
        var registered = curly
        var score = curly
        var scored = curly
        for i in 0..<n {
            let x = features[i]
            let counts = countable[i]
            curly[i + 1] = curly[i] + (counts && x.curlyMarks > 0 && x.straightMarks == 0 ? 1 : 0)
            straight[i + 1] = straight[i] + (counts && x.straightMarks > 0 && x.curlyMarks == 0 ? 1 : 0)
            register[i + 1] = register[i] + (counts ? Double(max(-2, min(2, x.register))) : 0)
            registered[i + 1] = registered[i] + (counts ? 1 : 0)
            score[i + 1] = score[i] + (scores[i] ?? 0)
            scored[i + 1] = scored[i] + (scores[i] == nil ? 0 : 1)
        }
        curlyBefore = curly
        straightBefore = straight
        registerBefore = register
        registeredBefore = registered
        scoreBefore = score
        scoredBefore = scored
        typographyWeight = w[.typographyContrast]
        registerWeight = w[.registerContrast]
        // Under a news-like opening the score contrast gets the formal weight on top of its own.
        let words = features.map { Int($0.words) }
        let formality = Self.opening(scores: scores, words: words, weights: w)?.formality ?? 0
        scoreWeight = w[.scoreContrast] + w[.formalScoreContrast] * formality
    }

    /// The opening's reference line score (the median of its first paragraphs, lines of at least
    /// ``paragraphWords`` words: a title, a byline and a dateline are short and sit nearer the
    /// middle, and would make a news story look less formal than its body is) and how news-like it
    /// is: 0 for a reference at or
    /// above `-formal_threshold`, 1 from `-formal_threshold - formal_span` down. Nil for a file of
    /// fewer than four paragraphs: a short post's few lines say too little about its register (its
    /// title and byline would stand in for the story).
    static func opening(
        scores: [Double?], words: [Int], weights w: SegmenterWeights
    ) -> (reference: Double, formality: Double)? {
        var paragraphs: [Double] = []
        for i in scores.indices where words[i] >= paragraphWords { if let s = scores[i] { paragraphs.append(s) } }
        guard paragraphs.count >= 4 else { return nil }
        let count = max(3, Int((0.4 * Double(paragraphs.count)).rounded(.up)))
        let sorted = paragraphs.prefix(count).sorted()
        let reference = sorted[sorted.count / 2]
        return (reference, min(1, max(0, (-reference - w[.formalThreshold]) / w[.formalSpan])))
    }

    /// Sum after `b` minus (count after `b`) x (mean before `b`, shrunk towards the file's mean).
    private func contrast(_ sum: [Double], _ count: [Double], _ b: Int) -> Double {
        let fileMean = sum[n] / max(1, count[n])
        let mean = (sum[b] + 3 * fileMean) / (count[b] + 3)
        return (sum[n] - sum[b]) - (count[n] - count[b]) * mean
    }

    func typography(_ b: Int) -> Double {
        let share = curlyBefore[b] / (curlyBefore[b] + straightBefore[b] + 2)
        return typographyWeight * share * (straightBefore[n] - straightBefore[b])
    }

    func register(_ b: Int) -> Double { registerWeight * contrast(registerBefore, registeredBefore, b) }

    func score(_ b: Int) -> Double { scoreWeight * contrast(scoreBefore, scoredBefore, b) }

    /// Words a line needs to count as a paragraph of the opening (see ``opening(scores:words:weights:)``).
    static let paragraphWords = 12

    func total(_ b: Int) -> Double { typography(b) + register(b) + score(b) }

    /// The non-zero terms at `b`, named for `--explain`.
    func parts(_ b: Int) -> [(feature: String, weight: Double)] {
        [("typography contrast", typography(b)), ("register contrast", register(b)), ("score contrast", score(b))]
            .filter { $0.1 != 0 }
            .map { ($0.0 + " (section)", $0.1) }
    }
}
