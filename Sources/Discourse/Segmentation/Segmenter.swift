import Foundation

/// Finds where the article ends and the reader comments begin.
///
/// A page is one monotone structure: article lines, then (maybe) comment lines. The segmenter scores
/// every possible boundary `b` and the "no comments" alternative, and keeps the best:
///
/// 1. **Line evidence.** Each line gets comment log-odds from its `LineFeatures` (`LineModel`):
///    first and second person, reactions, addressing someone, talk about the post, straight quotes
///    and smileys push towards "comment"; reporting verbs, typographic punctuation, headings, list
///    items, boilerplate and the author's closing lines ("P.S.", "-Jodi", "What say you?") push
///    towards "article". A long line in another language than the article's opening counts for
///    "comment".
/// 2. **Furniture.** Lines of a repeating template (`FurnitureLayout`: "Elena July 26, 2012 at 7:58
///    am", "X says:", "Posted by: X | date") are comment furniture, and a template settles the
///    question: when furniture opens each comment, the section starts at its first instance; when it
///    closes each comment, at one of the few lines before its first instance (the first comment's
///    text), chosen by their evidence. Lone furniture ("Hibu said:", "Permalink") only adds evidence.
/// 3. **Halves as wholes** (`SectionTerms`). The candidate comments are compared with the
///    candidate article: straight quotes after curly ones, and every line feature measured against
///    the article's own mean (a formal news article followed by plain reader lines stands out),
///    summed and also scaled by √(lines after the boundary), so one or two trailing comments count;
///    a section of one, two or three lines has a prior of its own.
/// 4. **The boundary itself.** Features of the last article line ("P.S.", "What say you?", "Source:
///    AP") and of the first comment line have their own weights (`last:`/`first:` rows).
///
/// `score(b) = sum of line evidence from b on + section and boundary terms`; "no comments" scores
/// `no_comments_margin`, so it wins unless the evidence is clear. Everything is one or two passes over
/// the lines: linear in the file.
public struct Segmenter: Sendable {
    /// The word lists the line features read (`Lexicons/segmenter-*.tsv`).
    package var cues: SegmenterCues
    /// The model's weights, margin and calibration (`Lexicons/segmenter-weights.tsv`).
    public var weights: SegmenterWeights { didSet { prepared = Prepared(weights) } }
    /// What every file's segmentation starts from, built once from ``weights``: building the line
    /// model and the section terms' columns costs some 170,000 instructions of dictionary lookups,
    /// a tenth of the segmentation of a news page.
    var prepared: Prepared

    /// The line model of ``weights`` and empty section sums over its columns.
    struct Prepared: Sendable {
        let model: LineModel
        let section: SectionTerms

        init(_ w: SegmenterWeights) {
            model = LineModel(w)
            section = SectionTerms(columns: model.columns, weights: w)
        }
    }

    /// A segmenter with the built-in cues and `weights` (the built-in ones by default).
    public init(weights: SegmenterWeights = .standard) {
        self.init(cues: .embedded, weights: weights)
    }

    package init(cues: SegmenterCues, weights: SegmenterWeights) {
        self.cues = cues
        self.weights = weights
        prepared = Prepared(weights)
    }

    /// Segments a whole text (split into lines and tokenized here); for one document,
    /// ``Analyzer/analyze(_:)`` does this and scores the comments too.
    public func segment(text: String, explain: Bool = false) -> Segmentation {
        segment(LineTokenizer.tokenize(TextLines.split(text), file: "").tokens, explain: explain)
    }

    /// Segments `lines` (already tokenized, one ``TokenizedText`` per line).
    package func segment(_ lines: [TokenizedText], explain: Bool = false) -> Segmentation {
        let n = lines.count
        guard n > 0 else { return Segmentation(kinds: [], firstCommentLine: nil, confidence: 1) }
        let features = lines.map { LineFeatures(text: $0, cues: cues) }
        let blank = lines.map(\.isEmpty)
        let w = weights
        let furniture = features.map(FurnitureLine.init)
        let layout = FurnitureLayout.detect(lines: furniture, blank: blank, repeats: Self.repeats(w)) { pairs in
            pairs.map { FurnitureLayout.contains(lines[$0.instance], lines[$0.name]) }
        }
        let model = prepared.model
        let context = LineContext.compute(lines: lines, features: features, blank: blank, cues: cues)
        let window = afterWindow(layout, blank: blank)

        // 1-2. Evidence per line: furniture by its role, text by the line model; the file's sums of
        // the section terms.
        var step = EvidencePass(segmenter: self, layout: layout, window: window, model: model, lines: n)
        var evidence = [Double](repeating: 0, count: n)
        var counted = [Bool](repeating: false, count: n)  // ordinary text lines, scored by the line model
        var explanations: [LineEvidence] = []
        if explain { explanations.reserveCapacity(n) }
        for i in 0..<n where !blank[i] {
            var parts: [(feature: String, weight: Double)]? = explain ? [] : nil
            (evidence[i], counted[i]) = step.evidence(i, features[i], context[i], parts: &parts)
            if explain {
                var p = parts ?? []
                p.sort { abs($0.weight) > abs($1.weight) }
                explanations.append(LineEvidence(line: i, score: evidence[i], contributions: p))
            }
        }
        var values = step.values
        let section = step.section

        // 4. The two lines around the boundary.
        var previousNonBlank = [Int](repeating: -1, count: n)
        var last = -1
        for i in 0..<n {
            previousNonBlank[i] = last
            if !blank[i] { last = i }
        }
        func boundaryTerm(_ b: Int, parts: inout [(feature: String, weight: Double)]?) -> Double {
            let p = previousNonBlank[b]
            let lastLine = p < 0 || layout.isFurniture[p] ? nil : (features[p], context[p])
            let firstLine = layout.isFurniture[b] ? nil : (features[b], context[b])
            return model.boundary(last: lastLine, first: firstLine, parts: &parts)
        }

        // The best single change point b >= 1 (the first line of the comment section). A repeating
        // furniture template fixes the section: when its furniture opens each comment, the section
        // starts at its first run; when furniture closes each comment, at one of the few lines before
        // its first run (the first comment's text), chosen by their evidence.
        let (allowed, forced) = Self.allowedBoundaries(layout, window: window, lines: n)
        // 3. The halves as wholes, at every allowed boundary (a second pass over the lines).
        let line = { (i: Int) in (features[i], context[i]) }
        let sections = Self.sectionTotals(section, &values, allowed: allowed, blank: blank, counted: counted, line)
        var none: [(feature: String, weight: Double)]? = nil
        let (best, runnerUp, bestIndex) = Self.bestBoundary(evidence: evidence, blank: blank, allowed: allowed) {
            i, suffix in suffix + sections[i - allowed.lowerBound] + boundaryTerm(i, parts: &none)
        }
        let (hasComments, confidence) = decision(
            best: best, runnerUp: runnerUp, bestIndex: bestIndex, lines: n, forced: forced)

        if explain, hasComments, let k = explanations.firstIndex(where: { $0.line == bestIndex }) {
            var boundaryParts: [(feature: String, weight: Double)]? = []
            _ = boundaryTerm(bestIndex, parts: &boundaryParts)
            explanations[k].contributions += (boundaryParts ?? []).map { ($0.feature + " (boundary)", $0.weight) }
            let above = Self.articleSums(section, &values, upTo: bestIndex, counted: counted, line)
            explanations[k].contributions += above.parts(SectionTerms.before)
        }

        let kinds = labels(blank: blank, layout: layout, firstComment: hasComments ? bestIndex : nil) { furniture[$0] }
        return Segmentation(
            kinds: kinds, firstCommentLine: hasComments ? bestIndex : nil, confidence: confidence,
            evidence: explanations, furnitureFirst: layout.firstRun == nil ? nil : layout.precedesText,
            furnitureRoles: hasComments ? layout.roles : [])
    }

    /// The section terms at every non-blank boundary of `allowed` (0 elsewhere), indexed from
    /// `allowed.lowerBound`: the second pass over the lines, adding each counted line to the sums of
    /// the article after reading the terms of a boundary there. `line(i)` gives line `i`'s features
    /// and context (to fill its values again when ``LineValues`` keeps no rows).
    /// - Complexity: O(lines x relative features).
    static func sectionTotals(
        _ file: SectionTerms, _ values: inout LineValues, allowed: Range<Int>, blank: [Bool], counted: [Bool],
        _ line: (Int) -> (LineFeatures, LineContext)
    ) -> [Double] {
        var sums = file
        var totals = [Double](repeating: 0, count: allowed.count)
        for i in 0..<allowed.upperBound {
            if i >= allowed.lowerBound, !blank[i] { totals[i - allowed.lowerBound] = sums.total(SectionTerms.before) }
            guard counted[i] else { continue }
            let (x, c) = line(i)
            values.refill(i, x, c)
            sums.addToArticle(x, values, line: i)
        }
        return totals
    }

    /// The sums of `file` with the counted lines before `b` added as the article: the section terms
    /// at boundary `b` (for `--explain`).
    static func articleSums(
        _ file: SectionTerms, _ values: inout LineValues, upTo b: Int, counted: [Bool],
        _ line: (Int) -> (LineFeatures, LineContext)
    ) -> SectionTerms {
        var sums = file
        for i in 0..<b where counted[i] {
            let (x, c) = line(i)
            values.refill(i, x, c)
            sums.addToArticle(x, values, line: i)
        }
        return sums
    }

    /// The best boundary of `allowed` and the two best scores: lines are scanned from the end, so
    /// that `score(i, suffix)` gets the evidence of lines `i...` summed from the last line up.
    /// `bestIndex` is `evidence.count` when no line is allowed.
    static func bestBoundary(
        evidence: [Double], blank: [Bool], allowed: Range<Int>, _ score: (Int, Double) -> Double
    ) -> (best: Double, runnerUp: Double, bestIndex: Int) {
        var best = -Double.infinity
        var runnerUp = -Double.infinity
        var bestIndex = evidence.count
        var suffix = 0.0
        var i = evidence.count - 1
        while i >= allowed.lowerBound {
            suffix += evidence[i]
            if !blank[i], allowed.contains(i) {
                let total = score(i, suffix)
                if total > best {
                    runnerUp = best
                    best = total
                    bestIndex = i
                } else if total > runnerUp {
                    runnerUp = total
                }
            }
            i -= 1
        }
        return (best, runnerUp, bestIndex)
    }

    /// The lines where the comment section may start, and whether a repeating furniture template
    /// fixes it (`forced`): when its furniture opens each comment, the section starts at its first
    /// run; when furniture closes each comment, at one of the lines of `window` before it.
    static func allowedBoundaries(_ layout: FurnitureLayout, window: Range<Int>, lines n: Int)
        -> (allowed: Range<Int>, forced: Bool)
    {
        guard layout.hasTemplate, let first = layout.firstRun else { return (1..<n, false) }
        return (layout.startsAtFirstRun || window.isEmpty ? first..<(first + 1) : window, true)
    }

    /// Whether the best boundary starts a comment section (a forced one always does, another only
    /// past the "no comments" margin), and the decision's confidence (``confidence(forced:hasComments:margin:gap:weights:)``).
    func decision(best: Double, runnerUp: Double, bestIndex: Int, lines n: Int, forced: Bool)
        -> (hasComments: Bool, confidence: Double)
    {
        let margin = best - weights[.noCommentsMargin]
        let hasComments = bestIndex < n && (forced || margin > 0)
        let confidence = Self.confidence(
            forced: forced, hasComments: hasComments, margin: margin, gap: best - runnerUp, weights: weights)
        return (hasComments, confidence)
    }

    /// The probability that the decision is exactly right: a logistic of its evidence, fitted on
    /// cross-validated decisions (see ``SegmenterParameter/calibrationCommentsBias``). The margin is
    /// clipped to ±20 and the gap to the runner-up boundary capped at 10 (10 when there is none), as
    /// in `scripts/fit-segmenter`.
    static func confidence(forced: Bool, hasComments: Bool, margin: Double, gap: Double, weights w: SegmenterWeights)
        -> Double
    {
        let m = margin.isNaN ? 0 : min(20, max(-20, margin))
        let z: Double
        if forced {
            z = w[.calibrationTemplateBias]
        } else if hasComments {
            let g = gap.isFinite ? min(gap, 10) : 10
            z = w[.calibrationCommentsBias] + w[.calibrationCommentsMargin] * m + w[.calibrationCommentsGap] * g
        } else {
            z = w[.calibrationNoneBias] + w[.calibrationNoneMargin] * -m
        }
        return 1 / (1 + exp(-z))
    }

    /// When furniture closes each comment, the lines just before its first run where the first
    /// comment's text may start: up to twice the usual comment length (3 to 8 text lines).
    func afterWindow(_ layout: FurnitureLayout, blank: [Bool]) -> Range<Int> {
        guard let first = layout.firstRun, !layout.startsAtFirstRun else { return 0..<0 }
        var start = first
        var text = 0
        var j = first - 1
        while j >= 1, text < min(8, max(3, 2 * layout.typicalGap)) {
            if !blank[j] { text += 1 }
            start = j
            j -= 1
        }
        return start..<first
    }

    /// How often a date shape must repeat to make a template (`template_repeats`, at least 2).
    static func repeats(_ w: SegmenterWeights) -> Int { max(2, Int(w[.templateRepeats])) }

    /// Every line's kind: the article part by ``labelArticle(_:blank:end:_:)``, then from
    /// `firstComment` on comment text and comment furniture (blank lines take the kind before them).
    /// `line(i)` is line `i`'s furniture view; after the first six lines only its boilerplate and
    /// local-furniture flags are read.
    func labels(
        blank: [Bool], layout: FurnitureLayout, firstComment: Int?, _ line: (Int) -> FurnitureLine
    ) -> [LineKind] {
        let n = blank.count
        var kinds = [LineKind](repeating: .body, count: n)
        labelArticle(&kinds, blank: blank, end: firstComment ?? n, line)
        if let start = firstComment {
            var current = LineKind.comment
            for j in start..<n {
                if !blank[j] {
                    current = layout.isFurniture[j] || line(j).isLocalFurniture ? .commentMeta : .comment
                }
                kinds[j] = current
            }
        }
        return kinds
    }

    /// Lines of the header: only the first six can be.
    static let headerLines = 6

    /// Labels the article part: leading short lines are the header, cue lines are boilerplate.
    func labelArticle(_ kinds: inout [LineKind], blank: [Bool], end: Int, _ line: (Int) -> FurnitureLine) {
        var inHeader = true
        var previous = LineKind.header
        for i in 0..<end {
            if blank[i] {
                kinds[i] = previous
                continue
            }
            let f = line(i)
            let header = inHeader && i < Self.headerLines
            if header && (f.postedBy || f.dateOnly) {
                kinds[i] = .header  // "Posted by Anna on October 28, 2012", "July 5, 2023"
            } else if f.boilerplate {
                kinds[i] = .boilerplate
            } else if header && f.words <= 14 && f.questions == 0 && !f.endsWithColon {
                kinds[i] = .header
            } else {
                inHeader = false
                kinds[i] = .body
            }
            previous = kinds[i]
        }
    }
}
