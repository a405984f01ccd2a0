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
    public var weights: SegmenterWeights

    /// A segmenter with the built-in cues and `weights` (the built-in ones by default).
    public init(weights: SegmenterWeights = .standard) {
        self.init(cues: .embedded, weights: weights)
    }

    package init(cues: SegmenterCues, weights: SegmenterWeights) {
        self.cues = cues
        self.weights = weights
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
        let layout = FurnitureLayout.detect(
            features: features, tokens: lines, blank: blank, repeats: max(2, Int(w[.templateRepeats])))
        let model = LineModel(w)
        let context = LineContext.compute(lines: lines, features: features, blank: blank, cues: cues)
        let window = afterWindow(layout, blank: blank)

        // 1-2. Evidence per line: furniture by its role, text by the line model.
        var values = LineValues(columns: model.columns, lines: n)  // each value computed once, read twice
        var evidence = [Double](repeating: 0, count: n)
        var scores = [Double?](repeating: nil, count: n)  // line-model scores of ordinary text lines
        var explanations: [LineEvidence] = []
        if explain { explanations.reserveCapacity(n) }
        let spanEnd = layout.hasTemplate ? (layout.isFurniture.lastIndex(of: true) ?? -1) : -1
        for i in 0..<n where !blank[i] {
            var parts: [(feature: String, weight: Double)]? = explain ? [] : nil
            if layout.isFurniture[i] {
                let p: SegmenterParameter = layout.hasTemplate ? .furniture : .loneFurniture
                evidence[i] = w[p]
                parts?.append((p.label, w[p]))
            } else if let first = layout.firstRun, i > first, i < spanEnd {
                // Between two furniture runs of a repeating template: comment text by structure,
                // whatever its register.
                evidence[i] = w[.insideTemplate]
                parts?.append((SegmenterParameter.insideTemplate.label, w[.insideTemplate]))
            } else {
                values.fill(i, features[i], context[i])
                let s = model.score(values, line: i, parts: &parts)
                scores[i] = s
                evidence[i] = s
                if window.contains(i) {
                    evidence[i] += w[.afterWindow]
                    parts?.append((SegmenterParameter.afterWindow.label, w[.afterWindow]))
                }
            }
            if explain {
                var p = parts ?? []
                p.sort { abs($0.weight) > abs($1.weight) }
                explanations.append(LineEvidence(line: i, score: evidence[i], contributions: p))
            }
        }

        // 3. The halves as wholes; 4. the two lines around the boundary.
        let section = SectionTerms(features: features, values: values, counted: scores.map { $0 != nil }, weights: w)
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
        var allowed = 1..<n
        var forced = false
        if layout.hasTemplate, let first = layout.firstRun {
            forced = true
            allowed = layout.startsAtFirstRun || window.isEmpty ? first..<(first + 1) : window
        }
        var best = -Double.infinity
        var runnerUp = -Double.infinity
        var bestIndex = n
        var suffix = 0.0
        var none: [(feature: String, weight: Double)]? = nil
        var i = n - 1
        while i >= allowed.lowerBound {
            suffix += evidence[i]
            if !blank[i], allowed.contains(i) {
                let total = suffix + section.total(i) + boundaryTerm(i, parts: &none)
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
        let margin = best - w[.noCommentsMargin]
        let hasComments = bestIndex < n && (forced || margin > 0)
        let confidence = Self.confidence(
            forced: forced, hasComments: hasComments, margin: margin, gap: best - runnerUp, weights: w)

        if explain, hasComments, let k = explanations.firstIndex(where: { $0.line == bestIndex }) {
            var boundaryParts: [(feature: String, weight: Double)]? = []
            _ = boundaryTerm(bestIndex, parts: &boundaryParts)
            explanations[k].contributions += (boundaryParts ?? []).map { ($0.feature + " (boundary)", $0.weight) }
            explanations[k].contributions += section.parts(bestIndex)
        }

        let kinds = labels(
            features: features, blank: blank, layout: layout, firstComment: hasComments ? bestIndex : nil)
        return Segmentation(
            kinds: kinds, firstCommentLine: hasComments ? bestIndex : nil, confidence: confidence,
            evidence: explanations, furnitureFirst: layout.firstRun == nil ? nil : layout.precedesText,
            furnitureRoles: hasComments ? layout.roles : [])
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

    /// Every line's kind: the article part by ``labelArticle(_:features:blank:end:)``, then from
    /// `firstComment` on comment text and comment furniture (blank lines take the kind before them).
    func labels(features: [LineFeatures], blank: [Bool], layout: FurnitureLayout, firstComment: Int?) -> [LineKind] {
        let n = features.count
        var kinds = [LineKind](repeating: .body, count: n)
        labelArticle(&kinds, features: features, blank: blank, end: firstComment ?? n)
        if let start = firstComment {
            var current = LineKind.comment
            for j in start..<n {
                if !blank[j] {
                    current = layout.isFurniture[j] || features[j].isLocalFurniture ? .commentMeta : .comment
                }
                kinds[j] = current
            }
        }
        return kinds
    }

    /// Labels the article part: leading short lines are the header, cue lines are boilerplate.
    func labelArticle(_ kinds: inout [LineKind], features: [LineFeatures], blank: [Bool], end: Int) {
        var inHeader = true
        var previous = LineKind.header
        for i in 0..<end {
            let f = features[i]
            if blank[i] {
                kinds[i] = previous
                continue
            }
            if inHeader && i < 6 && (f.postedBy || f.dateOnly) {
                kinds[i] = .header  // "Posted by Anna on October 28, 2012", "July 5, 2023"
            } else if f.boilerplate {
                kinds[i] = .boilerplate
            } else if inHeader && i < 6 && f.words <= 14 && f.questions == 0 && !f.endsWithColon {
                kinds[i] = .header
            } else {
                inHeader = false
                kinds[i] = .body
            }
            previous = kinds[i]
        }
    }
}
