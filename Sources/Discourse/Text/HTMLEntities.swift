#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes the HTML character references that scraped comments carry (`&amp;`, `&quot;`, `&#39;`,
/// `&rsquo;`, `&#x2019;` …) so that "don&#39;t" is the word "don't" and "&gt;" starts a quote.
package enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "rsquo": "\u{2019}", "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "hearts": "\u{2665}",
        "eacute": "é", "egrave": "è", "agrave": "à", "aacute": "á", "ccedil": "ç", "uuml": "ü",
        "ouml": "ö", "auml": "ä", "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£",
    ]

    /// The decoded bytes, or nil when the text holds no character reference (the common case,
    /// found by one scan for `&`).
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let base = bytes.baseAddress, memchr(base, 0x26, bytes.count) != nil else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var changed = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x26, let (replacement, length) = reference(bytes, at: i) {
                out.append(contentsOf: replacement)
                i += length
                changed = true
            } else {
                out.append(b)
                i += 1
            }
        }
        return changed ? out : nil
    }

    /// The reference at `i` (which holds `&`): its UTF-8 replacement and its length in bytes.
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> ([UInt8], Int)? {
        let n = bytes.count
        var j = i + 1
        let limit = min(n, i + 12)
        while j < limit, bytes[j] != 0x3B {
            let c = bytes[j]
            let ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x23
            if !ok { return nil }
            j += 1
        }
        guard j < limit, j > i + 1 else { return nil }
        let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits)
            }
            guard let v = value, v != 0, let scalar = Unicode.Scalar(v) else { return nil }
            return (Array(String(Character(scalar)).utf8), j - i + 1)
        }
        guard let replacement = named[body] ?? named[body.lowercased()] else { return nil }
        return (Array(replacement.utf8), j - i + 1)
    }
}
