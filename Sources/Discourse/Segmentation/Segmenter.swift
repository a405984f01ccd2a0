import Foundation

/// Finds where the article ends and the reader comments begin.
///
/// The model has three layers:
/// 1. **Line evidence.** Each line gets comment log-odds from its ``LineFeatures`` (first and second
///    person, reactions, punctuation habits vs reporting verbs and typographic punctuation).
/// 2. **Furniture templates.** Short lines whose shape repeats (author/date lines, "X says:") are
///    comment furniture; a repeating template is the strongest evidence that comments exist.
/// 3. **One change point.** The file is article then comments, so the boundary `b` maximises the
///    summed evidence of lines `b...`; "no comments" scores zero and wins unless the best boundary
///    clears a margin. That margin is what keeps article-only files at zero comments.
public struct Segmenter: Sendable {
    public var cues: SegmenterCues
    public var weights: SegmenterWeights

    public init(cues: SegmenterCues = .embedded, weights: SegmenterWeights = .standard) {
        self.cues = cues
        self.weights = weights
    }

    /// Segments `lines` (already tokenized, one ``TokenizedText`` per line).
    public func segment(_ lines: [TokenizedText], explain: Bool = false) -> Segmentation {
        let n = lines.count
        guard n > 0 else { return Segmentation(kinds: [], firstCommentLine: nil, confidence: 1) }
        let features = lines.map { LineFeatures(text: $0, cues: cues) }
        let blank = lines.map(\.isEmpty)
        let meta = furnitureLines(features, blank: blank)

        // Evidence per line: text lines by register, furniture lines by template.
        var evidence = [Double](repeating: 0, count: n)
        var explanations: [LineEvidence] = []
        for i in 0..<n where !blank[i] {
            if meta[i] {
                evidence[i] = weights.furniture
                if explain {
                    explanations.append(
                        LineEvidence(line: i, score: weights.furniture, contributions: [("furniture template", weights.furniture)]))
                }
                continue
            }
            let (score, parts) = weights.score(features[i], explain: explain)
            evidence[i] = max(-weights.clip, min(weights.clip, score))
            if explain {
                explanations.append(LineEvidence(line: i, score: evidence[i], contributions: parts))
            }
        }

        // Best single change point b in 1...n-1 (b = n means no comments, scoring 0).
        var best = 0.0
        var bestIndex = n
        var suffix = 0.0
        var i = n - 1
        while i >= 1 {
            suffix += evidence[i]
            if !blank[i], suffix > best {
                best = suffix
                bestIndex = i
            }
            i -= 1
        }
        let margin = best - weights.noCommentsMargin
        let hasComments = bestIndex < n && margin > 0
        let confidence = 1 / (1 + exp(-abs(margin) / weights.confidenceScale))

        var kinds = [LineKind](repeating: .body, count: n)
        let end = hasComments ? bestIndex : n
        labelArticle(&kinds, features: features, blank: blank, end: end)
        if hasComments {
            for j in bestIndex..<n {
                kinds[j] = meta[j] || (features[j].looksLikeFurniture && !blank[j]) ? .commentMeta : .comment
            }
        }
        return Segmentation(
            kinds: kinds, firstCommentLine: hasComments ? bestIndex : nil, confidence: confidence,
            evidence: explanations)
    }

    /// Lines that are comment furniture: locally obvious ones ("Reply", "3 hours ago", "X says:"),
    /// and short lines whose shape repeats at least `templateRepeats` times with a date or time in it,
    /// or names standing next to such lines.
    func furnitureLines(_ features: [LineFeatures], blank: [Bool]) -> [Bool] {
        let n = features.count
        var counts: [UInt64: Int] = [:]
        for i in 0..<n where !blank[i] && features[i].tokens <= 16 {
            counts[features[i].shape, default: 0] += 1
        }
        var meta = [Bool](repeating: false, count: n)
        for i in 0..<n where !blank[i] {
            let f = features[i]
            let repeats = f.tokens <= 16 ? counts[f.shape, default: 0] : 0
            if f.words <= 12 && (f.furnitureOnly || f.saysColon || f.hasAgo) {
                meta[i] = true
            } else if repeats >= weights.templateRepeats && (f.hasDate || f.hasTime) {
                meta[i] = true
            }
        }
        // A name alone on a line next to a dated furniture line is the author name of that comment.
        for i in 0..<n where !blank[i] && !meta[i] && features[i].nameLike {
            let before = i > 0 && meta[i - 1] && (features[i - 1].hasDate || features[i - 1].hasTime)
            let after = i + 1 < n && meta[i + 1] && (features[i + 1].hasDate || features[i + 1].hasTime)
            if (before || after) && counts[features[i].shape, default: 0] >= weights.templateRepeats {
                meta[i] = true
            }
        }
        return meta
    }

    /// Labels the article part: leading short lines are the header, cue lines are boilerplate.
    func labelArticle(_ kinds: inout [LineKind], features: [LineFeatures], blank: [Bool], end: Int) {
        var inHeader = true
        for i in 0..<end {
            let f = features[i]
            if blank[i] { continue }
            if f.boilerplate {
                kinds[i] = .boilerplate
                continue
            }
            if inHeader && i < 6 && f.words <= 12 && f.questions == 0 {
                kinds[i] = .header
                continue
            }
            inHeader = false
            kinds[i] = .body
        }
    }
}

/// The weights of the segmenter's line model, in log-odds of "this line is a reader comment".
///
/// Hand-set from what distinguishes reader prose from article prose (see the DocC of each field)
/// and checked on the segmentation dev set (`scripts/eval-segmentation`); not fitted per file.
public struct SegmenterWeights: Sendable {
    /// Prior: a line is article text unless something says otherwise.
    public var bias = -1.0
    public var firstPerson = 0.5
    public var secondPerson = 0.8
    public var reactionOpener = 1.2
    public var addressOpener = 1.0
    public var metaReference = 1.5
    public var question = 0.3
    public var exclamation = 0.4
    public var smiley = 1.0
    public var straightQuote = 0.2
    public var typographic = -0.4
    public var reporting = -0.7
    public var lowercaseStart = 0.6
    public var boilerplate = -2.5
    public var furniture = 2.0
    /// Evidence per line is clipped to +-clip so one odd line cannot decide a file.
    public var clip = 4.0
    /// The best boundary must beat "no comments" by this much summed evidence.
    public var noCommentsMargin = 3.0
    public var confidenceScale = 2.0
    /// A short-line shape must occur this often to count as a furniture template.
    public var templateRepeats = 3

    public static let standard = SegmenterWeights()

    public init() {}

    /// The line's comment log-odds and, when asked, the named contributions.
    func score(_ f: LineFeatures, explain: Bool) -> (Double, [(feature: String, weight: Double)]) {
        var total = bias
        var parts: [(feature: String, weight: Double)] = []
        @inline(__always) func add(_ name: String, _ value: Double) {
            guard value != 0 else { return }
            total += value
            if explain { parts.append((name, value)) }
        }
        if explain { parts.append(("prior", bias)) }
        add("first person", firstPerson * Double(min(f.firstPerson, 3)))
        add("second person", secondPerson * Double(min(f.secondPerson, 2)))
        add("reaction opener", f.reactionOpener ? reactionOpener : 0)
        add("addresses someone", f.addressOpener ? addressOpener : 0)
        add("talks about the post", metaReference * Double(min(f.metaReferences, 2)))
        add("question", question * Double(min(f.questions, 2)))
        add("exclamation", exclamation * Double(min(f.exclamations, 3)))
        add("emoticon/emoji", smiley * Double(min(f.smileys, 2)))
        add("straight quotes", straightQuote * Double(min(f.straightQuotes, 3)))
        add("typographic punctuation", typographic * Double(min(f.typographic, 3)))
        add("reporting verbs", reporting * Double(min(f.reporting, 3)))
        add("starts lowercase", f.startsLowercase ? lowercaseStart : 0)
        add("boilerplate cue", f.boilerplate ? boilerplate : 0)
        if explain { parts.sort { abs($0.weight) > abs($1.weight) } }
        return (total, parts)
    }
}
