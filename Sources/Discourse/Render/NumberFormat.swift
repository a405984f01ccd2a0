/// Locale-independent number formatting for every output format ("0.1234", never "0,1234").
package enum NumberFormat {
    /// `value` with exactly `digits` decimals (half away from zero); "-0.0000" prints as "0.0000".
    package static func fixed(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return value.description }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = units / divisor
        var fraction = String(units % divisor)
        if fraction.count < digits {
            fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        }
        let sign = value < 0 && units != 0 ? "-" : ""
        return digits == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
