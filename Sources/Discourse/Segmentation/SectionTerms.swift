/// The terms that compare a candidate comment section with the candidate article as wholes, for
/// every boundary `b` in O(features) from running sums.
///
/// - **Typography**: lines with straight quotes after `b`, weighted by how much of the article
///   before `b` was set with curly ones (readers type, publishers typeset).
/// - **Relative features** (`relative:<feature>` rows): for each line feature, its sum over the
///   lines after `b` minus (lines after `b`) x (its mean over the lines before `b`). A line's first
///   person, quotes or register then count against the file's own article, not against a global
///   zero: under a formal story a plain reader comment stands out; under a chatty blog the same
///   line does not, and the same weights serve both.
///
/// - **Scaled features** (`scaled:<feature>` rows): the same contrast divided by the square root of
///   the lines after `b`. A sum of `m` lines' deviations grows like `m` when the section really
///   differs and like √m by chance; the scaled contrast weighs a short trailing section (one to three
///   comments) by how unusual its lines are, not by how many there are.
/// - **Z-scores** (`zscore:<feature>` rows): the scaled contrast divided by the feature's standard
///   deviation over the article's lines, so it is measured in the article's own units: under a
///   formal story that never says "I", one first-person line is far out; under a blog written in
///   the first person the same line is ordinary, and its chatty closing paragraphs are too. The
///   article's variance is shrunk towards the file's (three lines' worth, as the mean) and a
///   quarter (the variance of an even 0/1 flag) is added, so a feature the article never uses
///   cannot make one line infinitely surprising.
///
/// - **Section length** (`section_one_line`, `section_two_lines`, `section_three_lines`): a prior on
///   a section of exactly one, two or three ordinary lines, so a short trailing section need not
///   outweigh the margin that guards against a false section of any length.
///
/// The article's means are shrunk towards the whole file's (three lines' worth), so a file that
/// reads the same throughout gains nothing wherever the boundary falls, and a two-line "article"
/// cannot claim an extreme mean. Only ordinary text lines count (not blank lines, furniture or text
/// inside a furniture template): `scripts/fit-segmenter` computes the same sums from the values
/// `segment --explain` reports.
///
/// The sums are kept in two rows, not one per line (#12: a million-line page held 600 bytes a
/// line here): row 0 (``before``) sums the lines above the boundary being scored, row 1 the whole
/// file. The segmenter adds every counted line to the file's row in one pass
/// (``addToFile(_:_:line:)``), then walks the lines again, reading ``total(_:)`` at `before` for a
/// boundary before adding that line to row 0 (``addToArticle(_:_:line:)``): the same additions in
/// the same order as prefix sums, so every figure is the same to the last bit.
struct SectionTerms {
    /// The row of the file's totals; row 0 holds the lines before the boundary.
    private let n = 1
    private var curlyBefore: [Double]
    private var straightBefore: [Double]
    private var countedBefore: [Double]
    /// Sums of each weighted relative feature, `n + 1` (two rows) per feature, feature-major.
    private var featureBefore: [Double]
    /// Sums of the squares of the same values, for the article's variance (z-scores).
    private var squaresBefore: [Double]
    /// The column of each `relative` feature in the segmenter's ``LineValues``.
    private let relativeColumns: [Int]
    /// (feature, `relative:` weight, `scaled:` weight, `zscore:` weight) for every feature with any.
    private let relative: [(SegmenterParameter, Double, scaled: Double, zscore: Double)]
    private let typographyWeight: Double
    /// The length prior of a section of one, two and three ordinary lines (index 0, 1, 2).
    private let lengthPrior: (Double, Double, Double)
    /// Added to the article's variance of a feature before its z-score divides by the root: the
    /// variance of an even 0/1 flag, a fixed value (not fitted), so that a feature the article never
    /// uses cannot make one line infinitely surprising.
    static let varianceFloor = 0.25

    /// The row to pass as `b` to ``total(_:)`` and ``parts(_:)``: the boundary now being scored.
    static let before = 0

    /// Empty sums for the features of `columns` (a file's ``LineValues`` columns: every `relative:`
    /// feature with a weight is among them).
    init(columns: [SegmenterParameter], weights w: SegmenterWeights) {
        let index = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        relative = SegmenterParameter.lineFeatures.compactMap { p in
            let r = w.relative[p] ?? 0
            let s = w.scaled[p] ?? 0
            let z = w.zscore[p] ?? 0
            return r == 0 && s == 0 && z == 0 ? nil : (p, r, s, z)
        }
        relativeColumns = relative.map { index[$0.0]! }
        curlyBefore = [0, 0]
        straightBefore = [0, 0]
        countedBefore = [0, 0]
        featureBefore = [Double](repeating: 0, count: 2 * relative.count)
        squaresBefore = featureBefore
        typographyWeight = w[.typographyContrast]
        lengthPrior = (w[.sectionOneLine], w[.sectionTwoLines], w[.sectionThreeLines])
    }

    /// Adds counted line `i` (an ordinary text line; `values` holds its row) to the file's sums.
    mutating func addToFile(_ x: LineFeatures, _ values: LineValues, line i: Int) { add(x, values, line: i, row: n) }

    /// Adds counted line `i` to the sums of the lines before the boundary, once ``total(_:)`` at
    /// ``before`` has been read for a boundary at `i`.
    mutating func addToArticle(_ x: LineFeatures, _ values: LineValues, line i: Int) {
        add(x, values, line: i, row: Self.before)
    }

    /// - Complexity: O(relative features).
    private mutating func add(_ x: LineFeatures, _ values: LineValues, line i: Int, row: Int) {
        curlyBefore[row] = curlyBefore[row] + (x.curlyMarks > 0 && x.straightMarks == 0 ? 1 : 0)
        straightBefore[row] = straightBefore[row] + (x.straightMarks > 0 && x.curlyMarks == 0 ? 1 : 0)
        countedBefore[row] = countedBefore[row] + 1
        for (k, column) in relativeColumns.enumerated() {
            let base = k * (n + 1)
            let v = values[line: i, column: column]
            featureBefore[base + row] = featureBefore[base + row] + v
            squaresBefore[base + row] = squaresBefore[base + row] + v * v
        }
    }

    /// Sum after `b` minus (count after `b`) x (mean before `b`, shrunk towards the file's mean).
    private func contrast(feature k: Int, _ b: Int) -> Double {
        let base = k * (n + 1)
        let total = featureBefore[base + n]
        let before = featureBefore[base + b]
        let fileMean = total / max(1, countedBefore[n])
        let mean = (before + 3 * fileMean) / (countedBefore[b] + 3)
        return (total - before) - (countedBefore[n] - countedBefore[b]) * mean
    }

    /// The feature's standard deviation over the lines before `b`, its variance shrunk towards the
    /// file's by three lines' worth, plus a quarter (see the type's notes).
    private func spread(feature k: Int, _ b: Int) -> Double {
        let base = k * (n + 1)
        func variance(_ sum: Double, _ squares: Double, _ count: Double) -> Double {
            let mean = sum / max(1, count)
            return max(0, squares / max(1, count) - mean * mean)
        }
        let file = variance(featureBefore[base + n], squaresBefore[base + n], countedBefore[n])
        let before = variance(featureBefore[base + b], squaresBefore[base + b], countedBefore[b])
        let shrunk = (countedBefore[b] * before + 3 * file) / (countedBefore[b] + 3)
        return (shrunk + Self.varianceFloor).squareRoot()
    }

    func typography(_ b: Int) -> Double {
        let share = curlyBefore[b] / (curlyBefore[b] + straightBefore[b] + 2)
        return typographyWeight * share * (straightBefore[n] - straightBefore[b])
    }

    /// √(ordinary lines after `b`), at least 1.
    private func scale(_ b: Int) -> Double { max(1, countedBefore[n] - countedBefore[b]).squareRoot() }

    func relative(_ b: Int) -> Double {
        var sum = 0.0
        let s = scale(b)
        for k in relative.indices {
            let c = contrast(feature: k, b)
            sum += relative[k].1 * c + relative[k].scaled * (c / s)
            if relative[k].zscore != 0 { sum += relative[k].zscore * (c / s / spread(feature: k, b)) }
        }
        return sum
    }

    /// The prior of a section of the length the one after `b` has (ordinary lines only).
    func length(_ b: Int) -> Double {
        switch countedBefore[n] - countedBefore[b] {
        case 1: return lengthPrior.0
        case 2: return lengthPrior.1
        case 3: return lengthPrior.2
        default: return 0
        }
    }

    func total(_ b: Int) -> Double { typography(b) + length(b) + relative(b) }

    /// The non-zero terms at `b`, named for `--explain`.
    func parts(_ b: Int) -> [(feature: String, weight: Double)] {
        var out = [("typography contrast (section)", typography(b)), ("section length (section)", length(b))]
        for (k, (p, weight, scaled, zscore)) in relative.enumerated() {
            let c = contrast(feature: k, b)
            out.append((p.label + " (relative to the article)", weight * c))
            out.append((p.label + " (scaled, relative to the article)", scaled * (c / scale(b))))
            out.append((p.label + " (z-score against the article)", zscore * (c / scale(b) / spread(feature: k, b))))
        }
        return out.filter { $0.1 != 0 }
    }
}
