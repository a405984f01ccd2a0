/// A histogram drawn as inline SVG: how many items fall in each bin, with both axes labelled. It
/// reads the same for 2 items and for 100,000 (one bar per bin, never one mark per item).
///
/// Accessible as ``SVGChart`` is: a `<title>` and `<desc>` that state the distribution in words, and a
/// `<title>` per bar ("10–19 comments per file: 312 files").
struct SVGHistogram {
    var title: String
    var xLabel: String
    var yLabel: String
    var values: [Double]
    /// Bins cover this range (values outside go to the end bins); by default 0 … the largest value.
    var range: ClosedRange<Double>?
    /// Whole-number values (counts): bins hold whole numbers and are labelled "10–19".
    var integral = false
    var color: String
    /// Most bins drawn.
    var maximumBins = 20
    var width = 720.0
    var height = 220.0

    struct Bin {
        var lower: Double
        var upper: Double
        var count: Int
    }

    /// The bins: for counts, one per value when few values occur, else equal whole-number widths.
    func bins() -> [Bin] {
        guard !values.isEmpty else { return [] }
        let low = range?.lowerBound ?? min(0, values.min()!)
        let high = range?.upperBound ?? values.max()!
        var step: Double
        if integral {
            let span = high - low + 1
            step = max(1, (span / Double(maximumBins)).rounded(.up))
        } else {
            step = max((high - low) / Double(maximumBins), 1e-9)
        }
        let count = max(1, Int(((high - low) / step).rounded(.down)) + (integral ? 1 : 0))
        var bins = (0..<count).map { Bin(lower: low + Double($0) * step, upper: low + Double($0 + 1) * step, count: 0) }
        for v in values {
            let i = min(count - 1, max(0, Int(((v - low) / step).rounded(.down))))
            bins[i].count += 1
        }
        return bins
    }

    func label(_ bin: Bin) -> String {
        if integral {
            let a = Int(bin.lower)
            let b = Int(bin.upper) - 1
            return a == b ? "\(a)" : "\(a)–\(b)"
        }
        return "\(NumberFormat.fixed(bin.lower, digits: 1)) … \(NumberFormat.fixed(bin.upper, digits: 1))"
    }

    func render() -> String {
        let bins = bins()
        let left = 56.0
        let right = 12.0
        let top = 28.0
        let bottom = 48.0
        let plotW = width - left - right
        let plotH = height - top - bottom
        let most = max(1, bins.map(\.count).max() ?? 1)
        let fx = { (x: Double) in NumberFormat.fixed(x, digits: 1) }
        let busiest = bins.max { $0.count < $1.count }
        let description =
            "\(values.count) \(yLabel) in \(bins.count) bins of \(xLabel)"
            + (busiest.map { "; the most, \($0.count), at \(label($0))" } ?? "") + "."
        var svg =
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(fx(width)) \(fx(height))\" role=\"img\">"
        svg += "<title>\(HTMLText.escape(title))</title><desc>\(HTMLText.escape(description))</desc>"
        svg +=
            "<rect class=\"frame\" x=\"\(fx(left))\" y=\"\(fx(top))\" width=\"\(fx(plotW))\" height=\"\(fx(plotH))\"/>"
        svg += "<text class=\"legend\" x=\"\(fx(left))\" y=\"16\">\(HTMLText.escape(title))</text>"
        // y axis: 0, half, most.
        for tick in [0, most / 2, most] where tick > 0 || most > 0 {
            let y = top + plotH - Double(tick) / Double(most) * plotH
            svg += "<text class=\"tick\" x=\"\(fx(left - 6))\" y=\"\(fx(y + 4))\" text-anchor=\"end\">\(tick)</text>"
        }
        let barW = plotW / Double(max(1, bins.count))
        for (i, bin) in bins.enumerated() {
            let h = Double(bin.count) / Double(most) * plotH
            let x = left + Double(i) * barW
            svg +=
                "<rect x=\"\(fx(x + 1))\" y=\"\(fx(top + plotH - h))\" width=\"\(fx(max(1, barW - 2)))\" height=\"\(fx(h))\" fill=\"\(color)\">"
            svg += "<title>\(HTMLText.escape("\(label(bin)) \(xLabel): \(bin.count) \(yLabel)"))</title></rect>"
        }
        // x axis: the first, middle and last bins' labels.
        let labelled = Array(Set([0, bins.count / 2, bins.count - 1])).sorted()
        for i in labelled where i >= 0 && i < bins.count {
            let x = left + (Double(i) + 0.5) * barW
            svg +=
                "<text class=\"tick\" x=\"\(fx(x))\" y=\"\(fx(top + plotH + 14))\" text-anchor=\"middle\">\(HTMLText.escape(label(bins[i])))</text>"
        }
        svg +=
            "<text class=\"tick\" x=\"\(fx(left + plotW / 2))\" y=\"\(fx(height - 8))\" text-anchor=\"middle\">\(HTMLText.escape(xLabel))</text>"
        svg +=
            "<text class=\"tick\" transform=\"translate(14 \(fx(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(HTMLText.escape(yLabel))</text>"
        svg += "</svg>"
        return svg
    }
}
