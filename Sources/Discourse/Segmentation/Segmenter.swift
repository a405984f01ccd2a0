import Foundation

/// Finds where the article ends and the reader comments begin.
///
/// A page is one monotone structure: article lines, then (maybe) comment lines. The segmenter scores
/// every possible boundary `b` and the "no comments" alternative, and keeps the best:
///
/// 1. **Line evidence.** Each line gets comment log-odds from its ``LineFeatures`` (``LineModel``):
///    first and second person, reactions, addressing someone, talk about the post, straight quotes
///    and smileys push towards "comment"; reporting verbs, typographic punctuation, headings, list
///    items, boilerplate and the author's closing lines ("P.S.", "-Jodi", "What say you?") push
///    towards "article". A long line in another language than the article's opening counts for
///    "comment".
/// 2. **Furniture.** Lines of a repeating template (``FurnitureLayout``: "Elena July 26, 2012 at 7:58
///    am", "X says:", "Posted by: X | date") are comment furniture, and a template settles the
///    question: when furniture opens each comment, the section starts at its first instance; when it
///    closes each comment, at one of the few lines before its first instance (the first comment's
///    text), chosen by their evidence. Lone furniture ("Hibu said:", "Permalink") only adds evidence.
/// 3. **Halves as wholes.** Straight quotes in the candidate comment section count more when the
///    candidate article was typeset with curly ones (readers type, publishers typeset).
/// 4. **The boundary itself.** A boundary right after a closing line or boilerplate, or right before
///    a line that reacts or addresses someone, scores a bonus.
///
/// `score(b) = sum of line evidence from b on + section and boundary terms`; "no comments" scores
/// `no_comments_margin`, so it wins unless the evidence is clear. Everything is one or two passes over
/// the lines: linear in the file.
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
        let w = weights
        let layout = FurnitureLayout.detect(
            features: features, tokens: lines, blank: blank, repeats: max(2, Int(w[.templateRepeats])))
        let model = LineModel(w)
        let context = LineContext.compute(lines: lines, features: features, blank: blank, cues: cues)
        let clip = w[.clip]

        // 1-2. Evidence per line.
        var evidence = [Double](repeating: 0, count: n)
        var explanations: [LineEvidence] = []
        if explain { explanations.reserveCapacity(n) }
        var afterWindowStart = n
        if let first = layout.firstRun, !layout.precedesText {
            afterWindowStart = first
            var text = 0
            var j = first - 1
            while j >= 0, text < min(8, max(3, 2 * layout.typicalGap)) {
                if !blank[j] { text += 1 }
                afterWindowStart = j
                j -= 1
            }
        }
        // Between the first and the last run of a repeating template, text lines are comment text by
        // structure: their register may not count against the section.
        var spanEnd = -1
        if layout.hasTemplate {
            for i in stride(from: n - 1, through: 0, by: -1) where layout.isFurniture[i] {
                spanEnd = i
                break
            }
        }
        var plain = [Double?](repeating: nil, count: n)  // line-model scores of ordinary text lines
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
                var s = model.score(features[i], context: context[i], parts: &parts)
                plain[i] = s
                if i >= afterWindowStart && i < (layout.firstRun ?? n) {
                    s += w[.afterWindow]
                    parts?.append((SegmenterParameter.afterWindow.label, w[.afterWindow]))
                }
                evidence[i] = max(-clip, min(clip, s))
            }
            if explain {
                var p = parts ?? []
                p.sort { abs($0.weight) > abs($1.weight) }
                explanations.append(LineEvidence(line: i, score: evidence[i], contributions: p))
            }
        }

        // 3. Typography of the candidate article (prefix) against the candidate comments (suffix).
        var curlyBefore = [Int](repeating: 0, count: n + 1)
        var straightBefore = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            let x = features[i]
            let curly = !layout.isFurniture[i] && x.curlyMarks > 0 && x.straightMarks == 0
            let straight = !layout.isFurniture[i] && x.straightMarks > 0 && x.curlyMarks == 0
            curlyBefore[i + 1] = curlyBefore[i] + (curly ? 1 : 0)
            straightBefore[i + 1] = straightBefore[i] + (straight ? 1 : 0)
        }
        // 3b. Register of the candidate comments against the candidate article's mean: a formal news
        // article followed by informal lines stands out even when each line alone is unremarkable.
        var registerBefore = [Double](repeating: 0, count: n + 1)
        var linesBefore = [Double](repeating: 0, count: n + 1)
        for i in 0..<n {
            let counts = !blank[i] && !layout.isFurniture[i]
            registerBefore[i + 1] = registerBefore[i] + (counts ? Double(max(-2, min(2, features[i].register))) : 0)
            linesBefore[i + 1] = linesBefore[i] + (counts ? 1 : 0)
        }
        // The candidate article's mean is shrunk towards the whole file's, so a file that reads the same
        // throughout (an informal blog) gains nothing from it wherever the boundary falls.
        let fileMean = registerBefore[n] / max(1, linesBefore[n])
        func registerTerm(_ b: Int) -> Double {
            let mean = (registerBefore[b] + 3 * fileMean) / (linesBefore[b] + 3)
            let after = registerBefore[n] - registerBefore[b]
            let count = linesBefore[n] - linesBefore[b]
            return w[.registerContrast] * (after - count * mean)
        }
        // 3c. The candidate comments' line scores against the candidate article's mean score: a news
        // article's lines score far below its readers' lines even when those are plain, while an
        // informal blog reads alike throughout (its mean is shrunk towards the whole file's).
        var scoreBefore = [Double](repeating: 0, count: n + 1)
        var scoredBefore = [Double](repeating: 0, count: n + 1)
        for i in 0..<n {
            scoreBefore[i + 1] = scoreBefore[i] + (plain[i] ?? 0)
            scoredBefore[i + 1] = scoredBefore[i] + (plain[i] == nil ? 0 : 1)
        }
        let meanScore = scoreBefore[n] / max(1, scoredBefore[n])
        func scoreTerm(_ b: Int) -> Double {
            let mean = (scoreBefore[b] + 3 * meanScore) / (scoredBefore[b] + 3)
            return w[.scoreContrast] * ((scoreBefore[n] - scoreBefore[b]) - (scoredBefore[n] - scoredBefore[b]) * mean)
        }
        func typographyTerm(_ b: Int) -> Double {
            let cp = Double(curlyBefore[b])
            let sp = Double(straightBefore[b])
            let share = cp / (cp + sp + 2)
            let straightAfter = Double(straightBefore[n] - straightBefore[b])
            let curlyAfter = Double(curlyBefore[n] - curlyBefore[b])
            _ = curlyAfter
            return w[.typographyContrast] * share * straightAfter
        }

        // 4. Boundary terms: the last article line and the first comment line, as the model weighs them.
        func boundaryTerm(_ b: Int, previous: Int?, parts: inout [(feature: String, weight: Double)]?) -> Double {
            let last = previous.flatMap { p in layout.isFurniture[p] ? nil : (features[p], context[p]) }
            let first = layout.isFurniture[b] ? nil : (features[b], context[b])
            return model.boundary(last: last, first: first, parts: &parts)
        }

        // Best single change point b (the first line of the comment section), b >= 1. A repeating
        // furniture template fixes the section: when its furniture opens each comment, the section
        // starts at its first run; when furniture closes each comment, at one of the few lines before
        // its first run (the first comment's text), chosen by their evidence.
        var previousNonBlank = [Int](repeating: -1, count: n)
        var last = -1
        for i in 0..<n {
            previousNonBlank[i] = last
            if !blank[i] { last = i }
        }
        var allowed = 1..<n
        var forced = false
        if layout.hasTemplate, let first = layout.firstRun {
            forced = true
            if layout.precedesText || afterWindowStart >= first {
                allowed = first..<(first + 1)
            } else {
                allowed = afterWindowStart..<first
            }
        }
        var best = -Double.infinity
        var bestIndex = n
        var suffix = 0.0
        var i = n - 1
        while i >= allowed.lowerBound {
            suffix += evidence[i]
            if !blank[i], allowed.contains(i) {
                let p = previousNonBlank[i]
                var none: [(feature: String, weight: Double)]? = nil
                let total = suffix + typographyTerm(i) + registerTerm(i) + scoreTerm(i) + boundaryTerm(i, previous: p >= 0 ? p : nil, parts: &none)
                if total > best {
                    best = total
                    bestIndex = i
                }
            }
            i -= 1
        }
        let margin = best - w[.noCommentsMargin]
        let hasComments = bestIndex < n && (forced || margin > 0)
        let confidence =
            forced ? 1 - 1 / Double(2 + layout.instances) : 1 / (1 + exp(-abs(margin.isFinite ? margin : 10) / w[.confidenceScale]))

        if explain, hasComments, let k = explanations.firstIndex(where: { $0.line == bestIndex }) {
            let p = previousNonBlank[bestIndex]
            var boundaryParts: [(feature: String, weight: Double)]? = []
            _ = boundaryTerm(bestIndex, previous: p >= 0 ? p : nil, parts: &boundaryParts)
            var extra = (boundaryParts ?? []).map { ($0.feature + " (boundary)", $0.weight) }
            let t = typographyTerm(bestIndex)
            if t != 0 { extra.append(("typography contrast (section)", t)) }
            let r = registerTerm(bestIndex)
            if r != 0 { extra.append(("register contrast (section)", r)) }
            let c = scoreTerm(bestIndex)
            if c != 0 { extra.append(("score contrast (section)", c)) }
            explanations[k].contributions.append(contentsOf: extra)
        }

        var kinds = [LineKind](repeating: .body, count: n)
        let end = hasComments ? bestIndex : n
        labelArticle(&kinds, features: features, blank: blank, end: end)
        if hasComments {
            var current = LineKind.comment
            for j in bestIndex..<n {
                if blank[j] {
                    kinds[j] = current
                    continue
                }
                let x = features[j]
                current = layout.isFurniture[j] || (x.isLocalFurniture) ? .commentMeta : .comment
                kinds[j] = current
            }
        }
        return Segmentation(
            kinds: kinds, firstCommentLine: hasComments ? bestIndex : nil, confidence: confidence,
            evidence: explanations, furnitureFirst: layout.firstRun == nil ? nil : layout.precedesText)
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
