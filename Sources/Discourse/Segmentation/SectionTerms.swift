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
    /// (feature, `relative:` weight, `scaled:` weight) for every feature with either.
    private let relative: [(SegmenterParameter, Double, scaled: Double)]
    private let typographyWeight: Double

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
            return r == 0 && s == 0 ? nil : (p, r, s)
        }
        let relativeColumns = relative.map { columns[$0.0]! }
        var curly = [Double](repeating: 0, count: n + 1)
        var straight = curly
        var count = curly
        var sums = [Double](repeating: 0, count: (n + 1) * relative.count)
        for i in 0..<n {
            let x = features[i]
            let counts = counted[i]
            curly[i + 1] = curly[i] + (counts && x.curlyMarks > 0 && x.straightMarks == 0 ? 1 : 0)
            straight[i + 1] = straight[i] + (counts && x.straightMarks > 0 && x.curlyMarks == 0 ? 1 : 0)
            count[i + 1] = count[i] + (counts ? 1 : 0)
            for (k, column) in relativeColumns.enumerated() {
                let base = k * (n + 1)
                sums[base + i + 1] = sums[base + i] + (counts ? values[line: i, column: column] : 0)
            }
        }
        curlyBefore = curly
        straightBefore = straight
        countedBefore = count
        featureBefore = sums
        typographyWeight = w[.typographyContrast]
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
        }
        return sum
    }

    func total(_ b: Int) -> Double { typography(b) + relative(b) }

    /// The non-zero terms at `b`, named for `--explain`.
    func parts(_ b: Int) -> [(feature: String, weight: Double)] {
        var out = [("typography contrast (section)", typography(b))]
        for (k, (p, weight, scaled)) in relative.enumerated() {
            let c = contrast(feature: k, b)
            out.append((p.label + " (relative to the article)", weight * c))
            out.append((p.label + " (scaled, relative to the article)", scaled * (c / scale(b))))
        }
        return out.filter { $0.1 != 0 }
    }
}
