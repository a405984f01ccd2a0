/// Makes a JSON Lines record readable the way a file is: odd bytes become U+FFFD instead of costing
/// the whole document.
///
/// A strict JSON parser refuses a record with one invalid UTF-8 byte or one unpaired surrogate
/// escape (`"\ud800"`, which Python's `json.dumps` writes for lone surrogates), and the document
/// was lost with a message ("not a JSON object") that pointed nowhere near the cause. Files are
/// repaired instead (``TextDecoder``), and so is the server's request body; records are now too,
/// with a warning saying what was replaced.
package enum JSONRecordRepair {
    /// What was replaced in one record.
    package struct Repairs: Equatable, Sendable {
        /// Bytes that are not UTF-8 (or raw NULs).
        package var invalidBytes = false
        /// `\uD800`-`\uDFFF` escapes without their other half.
        package var loneSurrogates = false
        /// NUL characters in the record's strings (`\u0000`).
        package var nulCharacters = false

        package var any: Bool { invalidBytes || loneSurrogates || nulCharacters }

        /// "invalid UTF-8 and unpaired surrogate escapes", for a warning.
        package var description: String {
            [
                invalidBytes ? "invalid UTF-8" : nil, loneSurrogates ? "unpaired surrogate escapes" : nil,
                nulCharacters ? "NUL characters" : nil,
            ]
            .compactMap { $0 }.joined(separator: ", ")
        }
    }

    /// The record's bytes with invalid UTF-8 replaced by U+FFFD and every unpaired surrogate escape
    /// by `\ufffd`, and what was replaced; nil bytes when nothing needed it (the record is read as it
    /// is, without a copy: nearly every record is clean).
    ///
    /// - Complexity: O(n) in the record's length.
    package static func repaired(_ line: ArraySlice<UInt8>) -> (bytes: [UInt8]?, repairs: Repairs) {
        var repairs = Repairs()
        var repairedBytes: [UInt8]?
        if line.withUnsafeBufferPointer({ TextDecoder.firstInvalidOffset($0) }) != nil {
            var out: [UInt8] = []
            line.withUnsafeBufferPointer { TextDecoder.repair($0, into: &out) }
            repairedBytes = out
            repairs.invalidBytes = true
        }
        let fixed =
            repairedBytes.map { b in b.withUnsafeBufferPointer { replacingLoneSurrogates($0) } }
            ?? line.withUnsafeBufferPointer { replacingLoneSurrogates($0) }
        if let fixed {
            repairedBytes = fixed
            repairs.loneSurrogates = true
        }
        return (repairedBytes, repairs)
    }

    /// `bytes` with each `\uXXXX` escape of a surrogate that is not half of a pair replaced by
    /// `\ufffd`, or nil when there is none. An escaped backslash (`\\u…`) is not an escape.
    static func replacingLoneSurrogates(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var copied = 0  // bytes[..<copied] are in `out`
        var i = 0
        let n = bytes.count
        while i + 1 < n {
            guard bytes[i] == 0x5C else {
                i += 1
                continue
            }
            guard bytes[i + 1] == 0x75, let unit = hexUnit(bytes, at: i + 2) else {
                i += 2  // another escape (\\, \", \n …): its second byte never starts one
                continue
            }
            if (0xD800...0xDBFF).contains(unit), i + 12 <= n, bytes[i + 6] == 0x5C, bytes[i + 7] == 0x75,
                let next = hexUnit(bytes, at: i + 8), (0xDC00...0xDFFF).contains(next)
            {
                i += 12  // a pair
                continue
            }
            if (0xD800...0xDFFF).contains(unit) {
                out.append(contentsOf: bytes[copied..<i])
                out.append(contentsOf: Self.replacementEscape)
                copied = i + 6
            }
            i += 6
        }
        guard copied > 0 else { return nil }
        out.append(contentsOf: bytes[copied...])
        return out
    }

    private static let replacementEscape = Array("\\ufffd".utf8)

    /// The value of the four hex digits at `k`, or nil.
    private static func hexUnit(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> UInt16? {
        guard k + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for b in bytes[k..<(k + 4)] {
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x41...0x46: digit = b - 0x41 + 10
            case 0x61...0x66: digit = b - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
