/// The slope of drift over comment order: does a thread wander off as it goes on?
public enum DriftTrend {
    /// Weighted least-squares slope of `values` against their position (0, 1, 2 …), in value units
    /// per position. Nil when fewer than three values carry weight or all positions coincide.
    public static func slope(_ values: [Double], weights: [Double]) -> Double? {
        var sw = 0.0
        var sx = 0.0
        var sy = 0.0
        var used = 0
        for (i, (y, w)) in zip(values, weights).enumerated() where w > 0 {
            sw += w
            sx += w * Double(i)
            sy += w * y
            used += 1
        }
        guard used >= 3 else { return nil }
        let mx = sx / sw
        let my = sy / sw
        var sxy = 0.0
        var sxx = 0.0
        for (i, (y, w)) in zip(values, weights).enumerated() where w > 0 {
            let dx = Double(i) - mx
            sxy += w * dx * (y - my)
            sxx += w * dx * dx
        }
        guard sxx > 0 else { return nil }
        return sxy / sxx
    }
}
