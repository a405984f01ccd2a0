/// A small line chart drawn as inline SVG by the project's own code: one panel per series, a shared
/// x axis (comment order), optional trend line, and markers for flagged points.
///
/// Accessible by construction: the SVG has a `<title>` and `<desc>`, each series is named in a text
/// legend, and flagged points use a different shape (a triangle) as well as a colour.
package struct SVGChart: Sendable {
    package struct Series: Sendable {
        package var name: String
        package var values: [Double?]
        package var range: ClosedRange<Double>
        /// CSS colour of the line.
        package var color: String
        /// Draw a horizontal reference line at this value (e.g. 0 for sentiment).
        package var baseline: Double?
        /// Least-squares trend line over the points.
        package var trend: Bool
        /// Weight of each value in the trend's fit (nil: all 1). Drift passes its confidence, so the
        /// line drawn is the `drift_trend` the page's summary states (``DriftTrend``), not another fit.
        package var weights: [Double]?

        package init(
            name: String, values: [Double?], range: ClosedRange<Double>, color: String, baseline: Double? = nil,
            trend: Bool = false, weights: [Double]? = nil
        ) {
            self.name = name
            self.values = values
            self.range = range
            self.color = color
            self.baseline = baseline
            self.trend = trend
            self.weights = weights
        }
    }

    package var title: String
    package var description: String
    package var series: [Series]
    /// Indices (0-based) of points to mark as flagged.
    package var flagged: Set<Int>
    package var width = 720.0
    package var panelHeight = 120.0

    package init(title: String, description: String, series: [Series], flagged: Set<Int> = []) {
        self.title = title
        self.description = description
        self.series = series
        self.flagged = flagged
    }

    /// The chart as an `<svg>` element (well-formed XML).
    package func render() -> String {
        let left = 56.0
        let right = 16.0
        let top = 24.0
        let gap = 34.0
        let count = series.map(\.values.count).max() ?? 0
        let height = top + Double(series.count) * (panelHeight + gap)
        let plotWidth = width - left - right
        func x(_ i: Int) -> Double {
            count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(i) / Double(count - 1)
        }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(f(width)) \(f(height))" role="img" aria-labelledby="chart-title chart-desc">
            <title id="chart-title">\(HTMLText.escape(title))</title>
            <desc id="chart-desc">\(HTMLText.escape(description))</desc>

            """
        for (p, s) in series.enumerated() {
            let y0 = top + Double(p) * (panelHeight + gap)
            func y(_ v: Double) -> Double {
                let span = s.range.upperBound - s.range.lowerBound
                let clamped = min(s.range.upperBound, max(s.range.lowerBound, v))
                return y0 + panelHeight * (1 - (clamped - s.range.lowerBound) / (span == 0 ? 1 : span))
            }
            svg += "<g class=\"panel\">\n"
            svg += "<text x=\"\(f(left))\" y=\"\(f(y0 - 8))\" class=\"legend\">\(HTMLText.escape(s.name))</text>\n"
            svg +=
                "<rect x=\"\(f(left))\" y=\"\(f(y0))\" width=\"\(f(plotWidth))\" height=\"\(f(panelHeight))\" class=\"frame\"/>\n"
            for tick in [s.range.lowerBound, (s.range.lowerBound + s.range.upperBound) / 2, s.range.upperBound] {
                svg +=
                    "<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" class=\"tick\" text-anchor=\"end\">\(NumberFormat.fixed(tick, digits: 1))</text>\n"
            }
            if let baseline = s.baseline {
                svg +=
                    "<line x1=\"\(f(left))\" x2=\"\(f(left + plotWidth))\" y1=\"\(f(y(baseline)))\" y2=\"\(f(y(baseline)))\" class=\"baseline\"/>\n"
            }
            let points = s.values.enumerated().compactMap { i, v in v.map { (i, $0) } }
            if points.count > 1 {
                let path = points.map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " ")
                svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"1.5\"/>\n"
            }
            for (i, v) in points {
                if flagged.contains(i) {
                    let cx = x(i)
                    let cy = y(v)
                    svg +=
                        "<path d=\"M\(f(cx)) \(f(cy - 6)) L\(f(cx + 6)) \(f(cy + 5)) L\(f(cx - 6)) \(f(cy + 5)) Z\" class=\"flag\"><title>comment \(i + 1): flagged, \(HTMLText.escape(s.name)) \(NumberFormat.fixed(v, digits: 2))</title></path>\n"
                } else {
                    svg +=
                        "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"3\" fill=\"\(s.color)\"><title>comment \(i + 1): \(HTMLText.escape(s.name)) \(NumberFormat.fixed(v, digits: 2))</title></circle>\n"
                }
            }
            let weighted = points.map { (i, v) in (i, v, s.weights.map { i < $0.count ? $0[i] : 0 } ?? 1) }
            if s.trend, let line = Self.trend(weighted, minimum: s.weights == nil ? 2 : 3) {
                let first = points.first!.0
                let last = points.last!.0
                svg +=
                    "<line x1=\"\(f(x(first)))\" x2=\"\(f(x(last)))\" y1=\"\(f(y(line.intercept + line.slope * Double(first))))\" y2=\"\(f(y(line.intercept + line.slope * Double(last))))\" class=\"trend\"><title>trend: \(line.slope >= 0 ? "+" : "")\(NumberFormat.fixed(line.slope, digits: 3)) per comment</title></line>\n"
            }
            svg += "</g>\n"
        }
        let axisY = top + Double(series.count) * (panelHeight + gap) - gap + 16
        if count > 0 {
            svg += "<text x=\"\(f(left))\" y=\"\(f(axisY))\" class=\"tick\">comment 1</text>\n"
            svg +=
                "<text x=\"\(f(left + plotWidth))\" y=\"\(f(axisY))\" class=\"tick\" text-anchor=\"end\">comment \(count)</text>\n"
        }
        svg += "</svg>"
        return svg
    }

    /// Least-squares line through (index, value), or nil with fewer than two points.
    package static func trend(_ points: [(Int, Double)]) -> (slope: Double, intercept: Double)? {
        trend(points.map { ($0.0, $0.1, 1.0) }, minimum: 2)
    }

    /// Weighted least-squares line through (index, value, weight), over the points of positive
    /// weight; nil with fewer than `minimum` of them (3, as ``DriftTrend/slope(_:weights:)``, whose
    /// slope this is) or when their positions coincide.
    package static func trend(_ points: [(Int, Double, Double)], minimum: Int = 3) -> (
        slope: Double, intercept: Double
    )? {
        let used = points.filter { $0.2 > 0 }
        guard used.count >= minimum else { return nil }
        let sw = used.reduce(0.0) { $0 + $1.2 }
        let mx = used.reduce(0.0) { $0 + $1.2 * Double($1.0) } / sw
        let my = used.reduce(0.0) { $0 + $1.2 * $1.1 } / sw
        var sxy = 0.0
        var sxx = 0.0
        for (i, v, w) in used {
            sxy += w * (Double(i) - mx) * (v - my)
            sxx += w * (Double(i) - mx) * (Double(i) - mx)
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return (slope, my - slope * mx)
    }

    private func f(_ v: Double) -> String { NumberFormat.fixed(v, digits: 1) }
}
