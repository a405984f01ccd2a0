/// Turns the bytes of an input file into text without ever failing on odd bytes.
///
/// - UTF-8 BOM: dropped. UTF-16 (LE or BE) with a BOM: decoded. UTF-32 is refused with a message.
/// - NUL bytes in the first 8 KiB of a file without a UTF-16 BOM: the file is binary (the same rule
///   git and grep use); refused with the offset, so a batch reports it and goes on.
/// - Later NUL bytes and invalid UTF-8 (in UTF-16: NULs and unpaired surrogates): replaced by
///   U+FFFD, with one warning naming the first line.
package enum TextDecoder {
    /// Bytes inspected for NULs before a file is called binary.
    package static let binarySniffLength = 8192

    package static func decode(_ bytes: [UInt8], path: String) -> Result<DecodedText, InputError> {
        bytes.withUnsafeBufferPointer { decode($0, path: path) }
    }

    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<DecodedText, InputError> {
        let count = bytes.count
        if count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 {
            return .failure(.unsupportedEncoding(path: path, encoding: "UTF-32"))
        }
        if count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            return .failure(.unsupportedEncoding(path: path, encoding: "UTF-32"))
        }
        if count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return .success(decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE, path: path))
        }
        var start = 0
        var warnings: [InputWarning] = []
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            start = 3
        }
        let sniffEnd = min(count, start + binarySniffLength)
        var i = start
        while i < sniffEnd {
            if bytes[i] == 0 { return .failure(.binary(path: path, offset: i)) }
            i += 1
        }
        let body = UnsafeBufferPointer(rebasing: bytes[start...])
        if let bad = firstInvalidOffset(body) {
            let (line, lines) = repairedLines(body, from: bad)
            warnings.append(.repaired(path: path, firstLine: line, lines: lines))
            return .success(DecodedText(text: repaired(body), warnings: warnings))
        }
        return .success(DecodedText(text: String(decoding: body, as: UTF8.self), warnings: warnings))
    }

    /// Offset of the first byte that is not part of valid UTF-8 (or is NUL), or nil.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b >= 0x01 && b < 0x80 {
                i += 1
                continue
            }
            if b == 0 { return i }
            let length = UTF8Scalar.sequenceLength(bytes, at: i)
            if length == 0 { return i }
            i += length
        }
        return nil
    }

    /// Valid UTF-8 with NULs and bad sequences replaced by U+FFFD.
    static func repaired(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        repair(bytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``repaired(_:)`` into a reused buffer (emptied first). A line break is never part of a
    /// sequence, so repairing line by line (``ChunkedLines``) gives the bytes repairing the whole
    /// text gives.
    static func repair(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b >= 0x01 && b < 0x80 {
                out.append(b)
                i += 1
                continue
            }
            let length = b == 0 ? 0 : UTF8Scalar.sequenceLength(bytes, at: i)
            if length == 0 {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += b == 0 ? 1 : UTF8Scalar.maximalSubpart(bytes, at: i)
            } else {
                out.append(contentsOf: bytes[i..<(i + length)])
                i += length
            }
        }
    }

    /// The line of the bad byte at `first` and how many lines hold one (it is the first of them),
    /// lines counted as ``lineNumber(of:in:)`` counts them.
    static func repairedLines(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int) -> (line: Int, lines: Int) {
        let line = lineNumber(of: first, in: bytes)
        var lines = 1
        var i = first
        let n = bytes.count
        // Skip to the end of the first bad line, then look for a bad byte in each line after it.
        var lineHasBad = true
        while i < n {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                if b == 0x0D, i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                lineHasBad = false
                i += 1
                continue
            }
            if b >= 0x01 && b < 0x80 {
                i += 1
                continue
            }
            let length = b == 0 ? 0 : UTF8Scalar.sequenceLength(bytes, at: i)
            if length == 0 {
                if !lineHasBad { lines += 1 }
                lineHasBad = true
                i += 1
            } else {
                i += length
            }
        }
        return (line, lines)
    }

    static func lineNumber(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var i = 0
        while i < offset {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
            }
            i += 1
        }
        return line
    }

    static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool, path: String) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i])
            let b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var warnings: [InputWarning] = []
        if bytes.count % 2 == 1 {
            warnings.append(
                InputWarning(path: path, message: "UTF-16 file has an odd number of bytes; last byte ignored"))
        }
        if let (line, lines) = repairUTF16(&units) {
            warnings.append(
                .repaired(path: path, firstLine: line, lines: lines, what: "unpaired UTF-16 surrogates or NULs"))
        }
        return DecodedText(text: String(decoding: units, as: UTF16.self), warnings: warnings)
    }

    /// Replaces each NUL and each surrogate without its other half in `units` by U+FFFD, as a UTF-8
    /// file's bad bytes are, and returns the line of the first and how many lines hold one (nil
    /// when there was none), so the warning is the one a UTF-8 file gets.
    ///
    /// - Complexity: O(n) in the number of units.
    static func repairUTF16(_ units: inout [UInt16]) -> (line: Int, lines: Int)? {
        var line = 1
        var first: Int?
        var lines = 0
        var lastBadLine = 0
        var i = 0
        let n = units.count
        while i < n {
            let u = units[i]
            if u == 0x0A || (u == 0x0D && (i + 1 >= n || units[i + 1] != 0x0A)) { line += 1 }
            var bad = u == 0
            if (0xD800...0xDBFF).contains(u) {
                if i + 1 < n, (0xDC00...0xDFFF).contains(units[i + 1]) {
                    i += 2  // a pair
                    continue
                }
                bad = true
            } else if (0xDC00...0xDFFF).contains(u) {
                bad = true
            }
            if bad {
                units[i] = 0xFFFD
                if first == nil { first = line }
                if lastBadLine != line { lines += 1 }
                lastBadLine = line
            }
            i += 1
        }
        return first.map { ($0, lines) }
    }
}

/// Text ready for analysis, with what the decoder had to repair.
package struct DecodedText: Sendable {
    package var text: String
    package var warnings: [InputWarning]

    package init(text: String, warnings: [InputWarning] = []) {
        self.text = text
        self.warnings = warnings
    }
}

/// Minimal UTF-8 validation used by the decoder (strict: no overlongs, no surrogates, max U+10FFFF).
enum UTF8Scalar {
    /// Bytes from `i` that begin a well-formed sequence but do not finish one (a lead byte and the
    /// continuation bytes it allows), at least 1: one U+FFFD replaces all of them, as Unicode's
    /// "maximal subpart" practice (and WHATWG's decoder, and Swift's `String(decoding:as:)`) has it,
    /// so a character cut short ("\u{E2}\u{82}") is one replacement, not one per byte. Called where
    /// ``sequenceLength(_:at:)`` is 0.
    static func maximalSubpart(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = bytes.count
        let expected: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch bytes[i] {
        case 0xC2...0xDF: expected = 2
        case 0xE0: (expected, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: expected = 3
        case 0xED: (expected, high) = (3, 0x9F)
        case 0xF0: (expected, low) = (4, 0x90)
        case 0xF1...0xF3: expected = 4
        case 0xF4: (expected, high) = (4, 0x8F)
        default: return 1
        }
        var k = 1
        while k < expected, i + k < n {
            let b = bytes[i + k]
            guard b >= low && b <= high else { break }
            (low, high) = (0x80, 0xBF)
            k += 1
        }
        return k
    }

    /// Length of the valid sequence starting at `i`, or 0 when the bytes there are not valid UTF-8.
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = bytes.count
        let b0 = bytes[i]
        @inline(__always) func cont(_ k: Int) -> Bool { i + k < n && bytes[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0:
            return cont(1) && bytes[i + 1] >= 0xA0 && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(1) && cont(2) ? 3 : 0
        case 0xED:
            return cont(1) && bytes[i + 1] < 0xA0 && cont(2) ? 3 : 0
        case 0xF0:
            return cont(1) && bytes[i + 1] >= 0x90 && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return cont(1) && bytes[i + 1] < 0x90 && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }
}
