/// The terms that compare a candidate comment section with the candidate article as wholes, for
/// every boundary `b` in O(features) from prefix sums.
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
struct SectionTerms {
    private let n: Int
    private let curlyBefore: [Double]
    private let straightBefore: [Double]
    private let countedBefore: [Double]
    /// Prefix sums of each weighted relative feature, `n + 1` per feature, feature-major.
    private let featureBefore: [Double]
    /// Prefix sums of the squares of the same values, for the article's variance (z-scores).
    private let squaresBefore: [Double]
    /// (feature, `relative:` weight, `scaled:` weight, `zscore:` weight) for every feature with any.
    private let relative: [(SegmenterParameter, Double, scaled: Double, zscore: Double)]
    private let typographyWeight: Double
    /// The length prior of a section of one, two and three ordinary lines (index 0, 1, 2).
    private let lengthPrior: (Double, Double, Double)
    /// Added to the article's variance of a feature before its z-score divides by the root: the
    /// variance of an even 0/1 flag, a fixed value (not fitted), so that a feature the article never
    /// uses cannot make one line infinitely surprising.
    static let varianceFloor = 0.25

    /// - Parameters:
    ///   - counted: the lines that count (ordinary text lines).
    ///   - values: the lines' feature values, as the line model read them (every `relative:`
    ///     feature with a weight is among their columns).
    /// - Complexity: O(n x relative features).
    init(features: [LineFeatures], values: LineValues, counted: [Bool], weights w: SegmenterWeights) {
        n = features.count
        let columns = Dictionary(uniqueKeysWithValues: values.columns.enumerated().map { ($1, $0) })
        relative = SegmenterParameter.lineFeatures.compactMap { p in
            let r = w.relative[p] ?? 0
            let s = w.scaled[p] ?? 0
            let z = w.zscore[p] ?? 0
            return r == 0 && s == 0 && z == 0 ? nil : (p, r, s, z)
        }
        let relativeColumns = relative.map { columns[$0.0]! }
        var curly = [Double](repeating: 0, count: n + 1)
        var straight = curly
        var count = curly
        var sums = [Double](repeating: 0, count: (n + 1) * relative.count)
        var squares = sums
        for i in 0..<n {
            let x = features[i]
            let counts = counted[i]
            curly[i + 1] = curly[i] + (counts && x.curlyMarks > 0 && x.straightMarks == 0 ? 1 : 0)
            straight[i + 1] = straight[i] + (counts && x.straightMarks > 0 && x.curlyMarks == 0 ? 1 : 0)
            count[i + 1] = count[i] + (counts ? 1 : 0)
            for (k, column) in relativeColumns.enumerated() {
                let base = k * (n + 1)
                let v = counts ? values[line: i, column: column] : 0
                sums[base + i + 1] = sums[base + i] + v
                squares[base + i + 1] = squares[base + i] + v * v
            }
        }
        curlyBefore = curly
        straightBefore = straight
        countedBefore = count
        featureBefore = sums
        squaresBefore = squares
        typographyWeight = w[.typographyContrast]
        lengthPrior = (w[.sectionOneLine], w[.sectionTwoLines], w[.sectionThreeLines])
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
