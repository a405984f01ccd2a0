extension DriftTrend {
    /// ``slope(_:weights:)`` over values handed over one at a time, in two passes (the slope
    /// needs the weighted means first): ``add(_:weight:)`` for every value, ``startSecondPass()``,
    /// then ``add(_:weight:)`` again for every value in the same order, then ``slope``. Same
    /// arithmetic in the same order as the array version, so the same bits.
    package struct Accumulator: Sendable {
        private var sw = 0.0
        private var sx = 0.0
        private var sy = 0.0
        private var used = 0
        private var index = 0
        private var means: (x: Double, y: Double)?
        private var sxy = 0.0
        private var sxx = 0.0

        package init() {}

        /// Whether the first pass found too few weighted values for a slope (no second pass needed).
        package var isUndefined: Bool { used < 3 }

        package mutating func add(_ y: Double, weight w: Double) {
            defer { index += 1 }
            guard w > 0 else { return }
            if let means {
                let dx = Double(index) - means.x
                sxy += w * dx * (y - means.y)
                sxx += w * dx * dx
            } else {
                sw += w
                sx += w * Double(index)
                sy += w * y
                used += 1
            }
        }

        package mutating func startSecondPass() {
            means = (sx / sw, sy / sw)
            index = 0
        }

        /// The slope, after both passes; nil as ``DriftTrend/slope(_:weights:)`` gives nil.
        package var slope: Double? {
            guard used >= 3, means != nil, sxx > 0 else { return nil }
            return sxy / sxx
        }
    }
}
