/// Locale-independent number formatting for every output format ("0.1234", never "0,1234").
package enum NumberFormat {
    /// `value` with exactly `digits` decimals (half away from zero); "-0.0000" prints as "0.0000".
    ///
    /// The digits are written as bytes straight into the string's storage (an export formats about
    /// forty numbers per comment, and building each from `String(Int)`, padding and interpolation
    /// was a twentieth of an export's instructions); the text is the same.
    package static func fixed(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return value.description }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = units / divisor
        let fraction = units % divisor
        let negative = value < 0 && units != 0
        var wholeDigits = 1
        var rest = whole / 10
        while rest > 0 {
            wholeDigits += 1
            rest /= 10
        }
        let count = (negative ? 1 : 0) + wholeDigits + (digits == 0 ? 0 : 1 + digits)
        return String(unsafeUninitializedCapacity: count) { out in
            var i = count
            if digits > 0 {
                var f = fraction
                for _ in 0..<digits {
                    i -= 1
                    out[i] = 0x30 + UInt8(truncatingIfNeeded: f % 10)
                    f /= 10
                }
                i -= 1
                out[i] = 0x2E
            }
            var w = whole
            repeat {
                i -= 1
                out[i] = 0x30 + UInt8(truncatingIfNeeded: w % 10)
                w /= 10
            } while w > 0
            if negative { out[0] = 0x2D }
            return count
        }
    }
}
