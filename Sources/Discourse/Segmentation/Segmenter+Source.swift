/// What segmenting a source in passes found besides the segmentation: the lines, what the source
/// saw, and the lines too long to analyse whole.
package struct SourceSegmentation: Sendable {
    package var segmentation: Segmentation
    /// Number of lines.
    package var lineCount: Int
    /// What the source saw (its first repaired line, its bytes of text).
    package var scan: LineScan
    /// Lines longer than ``LineTokenizer/maximumAnalysedBytes``, in line order (as the tokenizer
    /// warns of them).
    package var warnings: [InputWarning]
}

extension Segmenter {
    /// Segments the lines of `source` as ``segment(_:explain:)`` segments them, byte for byte, but
    /// in passes over the source that keep some 30 bytes a line instead of every line's tokens and
    /// features (#12: a million-line page took 3.7 GB):
    ///
    /// 0. count the lines (so every per-line array is allocated once, at its size);
    /// 1. each line's ``FurnitureLine``, whether it is blank, and the article's language; then the
    ///    furniture layout (asking the source again for the few lines whose names it compares);
    /// 2. each line's context, evidence and boundary terms, and the file's section sums;
    /// 3. the section terms at every allowed boundary, from the sums of the lines above it;
    ///
    /// then the best boundary from the end, as in memory. Passes 1-3 tokenize every line again.
    /// Without explanations (`--explain` keeps every line's evidence anyway: use the other form).
    /// `name` names the source in warnings. Throws ``InputError`` when the source cannot be read.
    /// - Complexity: O(n) in the source's bytes.
    package func segment(_ source: any LineSource, name: String) throws -> SourceSegmentation {
        var n = 0
        _ = try source.forEachLine { _ in
            n += 1
            return true
        }
        var pass1 = try firstPass(source, name: name, lines: n)
        guard n > 0 else {
            return SourceSegmentation(
                segmentation: Segmentation(kinds: [], firstCommentLine: nil, confidence: 1), lineCount: 0,
                scan: pass1.scan, warnings: pass1.warnings)
        }
        let w = weights
        let blank = pass1.blank
        let layout = try FurnitureLayout.detect(lines: pass1.furniture, blank: blank, repeats: Self.repeats(w)) {
            try Self.nameMatches($0, source, name: name)
        }
        // What the labels read: the header lines' furniture view, and two flags of every other line.
        let head = Array(pass1.furniture.prefix(Self.headerLines))
        let flags = pass1.furniture.map { UInt8($0.boilerplate ? 1 : 0) | UInt8($0.isLocalFurniture ? 2 : 0) }
        pass1.furniture = []
        FreeMemory.release()
        let window = afterWindow(layout, blank: blank)
        let (allowed, forced) = Self.allowedBoundaries(layout, window: window, lines: n)
        let pass2 = try secondPass(
            source, name: name, blank: blank, layout: layout, window: window, allowed: allowed,
            context: LineContext.Builder(english: pass1.english, cues: cues, words: pass1.words))
        FreeMemory.release()
        let sections = try sectionTotals(source, name: name, pass2, blank: blank, allowed: allowed)
        let lo = allowed.lowerBound
        let boundary = pass2.boundary
        let (best, runnerUp, bestIndex) = Self.bestBoundary(evidence: pass2.evidence, blank: blank, allowed: allowed) {
            i, suffix in suffix + sections[i - lo] + boundary[i - lo]
        }
        let (hasComments, confidence) = decision(
            best: best, runnerUp: runnerUp, bestIndex: bestIndex, lines: n, forced: forced)
        let kinds = labels(blank: blank, layout: layout, firstComment: hasComments ? bestIndex : nil) { i in
            i < head.count
                ? head[i] : FurnitureLine(boilerplate: flags[i] & 1 != 0, isLocalFurniture: flags[i] & 2 != 0)
        }
        let segmentation = Segmentation(
            kinds: kinds, firstCommentLine: hasComments ? bestIndex : nil, confidence: confidence,
            furnitureFirst: layout.firstRun == nil ? nil : layout.precedesText,
            furnitureRoles: hasComments ? layout.roles : [])
        return SourceSegmentation(segmentation: segmentation, lineCount: n, scan: pass1.scan, warnings: pass1.warnings)
    }

    /// Pass 1's figures.
    struct FirstPass {
        var furniture: [FurnitureLine] = []
        var blank: [Bool] = []
        /// Words and numbers of the file (sizes the set of five-word sequences).
        var words = 0
        var english = false
        var scan = LineScan()
        var warnings: [InputWarning] = []
    }

    /// Pass 1: every line's furniture view and blankness, the article's language
    /// (``LineContext/articleIsEnglish(_:blank:)``: most of the first five long lines mostly function
    /// words) and the line-length warnings.
    func firstPass(_ source: any LineSource, name: String, lines n: Int) throws -> FirstPass {
        var pass = FirstPass()
        pass.furniture.reserveCapacity(n)
        pass.blank.reserveCapacity(n)
        var seen = 0
        var english = 0
        let cues = self.cues
        var warnings: [InputWarning] = []
        pass.scan = try source.forEachLine { bytes in
            let tokens = LineTokenizer.tokenize(line: bytes, index: pass.blank.count, file: name, warnings: &warnings)
            let x = LineFeatures(text: tokens, cues: cues)
            pass.furniture.append(FurnitureLine(x))
            pass.blank.append(tokens.isEmpty)
            pass.words += Int(x.words) + Int(x.numbers)
            if !tokens.isEmpty, x.words >= 8, seen < 5 {
                seen += 1
                if x.stopwordRatio >= 0.2 { english += 1 }
            }
            return true
        }
        pass.english = seen > 0 && english * 2 > seen
        pass.warnings = warnings
        return pass
    }

    /// For (name line, instance) pairs in line order, each name before its instance and after the
    /// previous instance: whether the instance's tokens hold the name's. One pass, one name kept.
    static func nameMatches(_ pairs: [(name: Int, instance: Int)], _ source: any LineSource, name: String) throws
        -> [Bool]
    {
        var result = [Bool](repeating: false, count: pairs.count)
        var k = 0
        var line = 0
        var needle: TokenizedText?
        var ignored: [InputWarning] = []
        _ = try source.forEachLine { bytes in
            defer { line += 1 }
            guard k < pairs.count else { return false }
            if line == pairs[k].name {
                needle = LineTokenizer.tokenize(line: bytes, index: line, file: name, warnings: &ignored)
            } else if line == pairs[k].instance {
                let haystack = LineTokenizer.tokenize(line: bytes, index: line, file: name, warnings: &ignored)
                result[k] = needle.map { FurnitureLayout.contains(haystack, $0) } ?? false
                needle = nil
                k += 1
            }
            return true
        }
        return result
    }

    /// Pass 2's figures: per line, the evidence, whether the line model scored it, its context; per
    /// allowed boundary, the boundary terms; the file's section sums.
    struct SecondPass {
        var evidence: [Double]
        var counted: [Bool]
        var context: [LineContext]
        var boundary: [Double]
        var section: SectionTerms
        var values: LineValues
    }

    /// Pass 2: the evidence of every line (``EvidencePass``), its context, and the boundary terms at
    /// every allowed boundary (the last article line is the previous non-blank one).
    func secondPass(
        _ source: any LineSource, name: String, blank: [Bool], layout: FurnitureLayout, window: Range<Int>,
        allowed: Range<Int>, context builder: LineContext.Builder
    ) throws -> SecondPass {
        let n = blank.count
        var builder = builder
        let model = prepared.model
        var step = EvidencePass(
            segmenter: self, layout: layout, window: window, model: model, lines: n, keepRows: false)
        var evidence = [Double](repeating: 0, count: n)
        var counted = [Bool](repeating: false, count: n)
        var context = [LineContext](repeating: LineContext(), count: n)
        var boundary = [Double](repeating: 0, count: allowed.count)
        var previous: (line: Int, features: LineFeatures, context: LineContext)?
        var none: [(feature: String, weight: Double)]? = nil
        var i = 0
        var ignored: [InputWarning] = []
        let cues = self.cues
        _ = try source.forEachLine { bytes in
            defer { i += 1 }
            guard !blank[i] else { return true }
            let tokens = LineTokenizer.tokenize(line: bytes, index: i, file: name, warnings: &ignored)
            let x = LineFeatures(text: tokens, cues: cues)
            let c = builder.next(tokens, x)
            context[i] = c
            (evidence[i], counted[i]) = step.evidence(i, x, c, parts: &none)
            if allowed.contains(i) {
                let last = previous.flatMap { layout.isFurniture[$0.line] ? nil : ($0.features, $0.context) }
                let first = layout.isFurniture[i] ? nil : (x, c)
                boundary[i - allowed.lowerBound] = model.boundary(last: last, first: first, parts: &none)
            }
            previous = (i, x, c)
            return true
        }
        return SecondPass(
            evidence: evidence, counted: counted, context: context, boundary: boundary, section: step.section,
            values: step.values)
    }

    /// Pass 3: the section terms at every non-blank allowed boundary, as
    /// ``sectionTotals(_:_:allowed:blank:counted:_:)`` computes them, each counted line filled again
    /// from its tokens.
    func sectionTotals(
        _ source: any LineSource, name: String, _ pass: SecondPass, blank: [Bool], allowed: Range<Int>
    ) throws -> [Double] {
        var sums = pass.section
        var values = pass.values
        var totals = [Double](repeating: 0, count: allowed.count)
        var i = 0
        var ignored: [InputWarning] = []
        let cues = self.cues
        _ = try source.forEachLine { bytes in
            defer { i += 1 }
            guard i < allowed.upperBound else { return false }
            if i >= allowed.lowerBound, !blank[i] { totals[i - allowed.lowerBound] = sums.total(SectionTerms.before) }
            guard pass.counted[i] else { return true }
            let tokens = LineTokenizer.tokenize(line: bytes, index: i, file: name, warnings: &ignored)
            let x = LineFeatures(text: tokens, cues: cues)
            values.fill(i, x, pass.context[i])
            sums.addToArticle(x, values, line: i)
            return true
        }
        return totals
    }
}

/// The evidence of one line, shared by both forms of the segmenter: furniture by its role (a
/// template's furniture, lone furniture, text between two runs of a template), other text by the
/// line model, whose values are added to the file's section sums.
struct EvidencePass {
    let weights: SegmenterWeights
    let layout: FurnitureLayout
    let window: Range<Int>
    let model: LineModel
    /// The last furniture line of a template (-1 without one).
    let spanEnd: Int
    var values: LineValues
    var section: SectionTerms

    init(
        segmenter: Segmenter, layout: FurnitureLayout, window: Range<Int>, model: LineModel, lines: Int,
        keepRows: Bool? = nil
    ) {
        weights = segmenter.weights
        self.layout = layout
        self.window = window
        self.model = model
        spanEnd = layout.hasTemplate ? (layout.isFurniture.lastIndex(of: true) ?? -1) : -1
        values = LineValues(columns: model.columns, lines: lines, keepRows: keepRows)
        section = segmenter.prepared.section
    }

    /// Non-blank line `i`'s evidence, and whether the line model scored it (an ordinary text line);
    /// with `parts`, the named contributions.
    mutating func evidence(
        _ i: Int, _ x: LineFeatures, _ c: LineContext, parts: inout [(feature: String, weight: Double)]?
    ) -> (Double, counted: Bool) {
        let w = weights
        if layout.isFurniture[i] {
            let p: SegmenterParameter = layout.hasTemplate ? .furniture : .loneFurniture
            parts?.append((p.label, w[p]))
            return (w[p], false)
        }
        if let first = layout.firstRun, i > first, i < spanEnd {
            // Between two furniture runs of a repeating template: comment text by structure,
            // whatever its register.
            parts?.append((SegmenterParameter.insideTemplate.label, w[.insideTemplate]))
            return (w[.insideTemplate], false)
        }
        values.fill(i, x, c)
        var evidence = model.score(values, line: i, parts: &parts)
        section.addToFile(x, values, line: i)
        if window.contains(i) {
            evidence += w[.afterWindow]
            parts?.append((SegmenterParameter.afterWindow.label, w[.afterWindow]))
        }
        return (evidence, true)
    }
}
