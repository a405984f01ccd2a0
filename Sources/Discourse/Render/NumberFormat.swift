/// Locale-independent number formatting for every output format ("0.1234", never "0,1234").
package enum NumberFormat {
    /// `value` with exactly `digits` decimals (half away from zero); "-0.0000" prints as "0.0000".
    ///
    /// The digits are written as bytes straight into the string's storage (an export formats about
    /// forty numbers per comment, and building each from `String(Int)`, padding and interpolation
    /// was a twentieth of an export's instructions); the text is the same.
    package static func fixed(_ value: Double, digits: Int = 4) -> String {
        guard let digitsOf = FixedDigits(value, digits: digits) else { return nonFixed(value) }
        return String(unsafeUninitializedCapacity: digitsOf.count) { digitsOf.write(into: $0) }
    }

    /// The text of a value ``FixedDigits`` cannot write: "nan", "inf", "-inf", or Swift's own
    /// spelling of a magnitude of 9e11 and more (at four decimals).
    static func nonFixed(_ value: Double) -> String {
        value.isFinite ? value.description : value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
    }
}

/// The digits of a finite number at a fixed number of decimals, measured before they are written,
/// so a caller can write them into storage of its own (a string, a CSV row's bytes).
struct FixedDigits {
    let units: UInt64
    let divisor: UInt64
    let digits: Int
    let negative: Bool
    let wholeDigits: Int
    /// Bytes of the text: sign, whole part, point and decimals.
    let count: Int

    /// Nil when `value` is not finite or too large for exact integer arithmetic.
    @inline(__always)
    init?(_ value: Double, digits: Int) {
        guard value.isFinite else { return nil }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return nil }
        units = UInt64(scaled)
        divisor = UInt64(scale)
        self.digits = digits
        negative = value < 0 && units != 0
        var wholeDigits = 1
        var rest = units / divisor / 10
        while rest > 0 {
            wholeDigits += 1
            rest /= 10
        }
        self.wholeDigits = wholeDigits
        count = (negative ? 1 : 0) + wholeDigits + (digits == 0 ? 0 : 1 + digits)
    }

    /// Writes the ``count`` bytes at the start of `out`; returns ``count``.
    @inline(__always)
    func write(into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var i = count
        if digits > 0 {
            var f = units % divisor
            for _ in 0..<digits {
                i -= 1
                out[i] = 0x30 + UInt8(truncatingIfNeeded: f % 10)
                f /= 10
            }
            i -= 1
            out[i] = 0x2E
        }
        var w = units / divisor
        repeat {
            i -= 1
            out[i] = 0x30 + UInt8(truncatingIfNeeded: w % 10)
            w /= 10
        } while w > 0
        if negative { out[0] = 0x2D }
        return count
    }
}
