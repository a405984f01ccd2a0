// A strict RFC 8259 syntax check for the fuzz target's JSON invariants. Foundation's
// JSONSerialization builds every object, string and NSNumber only to have them thrown away and
// took a sixth of each input's time; this reads the bytes once, in place, and builds nothing.

/// Whether bytes hold exactly one JSON value (RFC 8259: the six kinds, strict numbers, escapes and
/// surrogate pairs checked, no control character in a string, whitespace only around tokens).
struct JSONSyntax {
    /// What the whole text holds, if it is one valid JSON value.
    enum Kind: Equatable { case object, array, scalar }

    /// Nesting deeper than this is refused, as JSONSerialization refuses it (512 levels).
    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The kind of the one JSON value `text` holds, or nil when it is not valid JSON.
    static func kind(of text: String) -> Kind? {
        var text = text
        return text.withUTF8 { kind(of: $0) }
    }

    /// The kind of the one JSON value the UTF-8 `bytes` hold, or nil when they are not valid JSON.
    static func kind(of bytes: UnsafeBufferPointer<UInt8>) -> Kind? {
        var reader = JSONSyntax(bytes)
        reader.skipSpace()
        guard let first = reader.peek(), reader.value(depth: 0) else { return nil }
        reader.skipSpace()
        guard reader.at == reader.bytes.count else { return nil }
        return first == 0x7B ? .object : first == 0x5B ? .array : .scalar
    }

    private func peek() -> UInt8? { at < bytes.count ? bytes[at] : nil }

    private mutating func skipSpace() {
        while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { at += 1 }
    }

    private mutating func eat(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        at += 1
        return true
    }

    /// Reads one value at `at`; true when it is well formed (`at` is then just after it).
    private mutating func value(depth: Int) -> Bool {
        guard depth < Self.maximumDepth, let b = peek() else { return false }
        switch b {
        case 0x7B: return object(depth: depth + 1)
        case 0x5B: return array(depth: depth + 1)
        case 0x22: return string()
        case 0x74: return literal("true")
        case 0x66: return literal("false")
        case 0x6E: return literal("null")
        default: return number()
        }
    }

    private mutating func object(depth: Int) -> Bool {
        at += 1
        skipSpace()
        if eat(0x7D) { return true }
        while true {
            skipSpace()
            guard string() else { return false }
            skipSpace()
            guard eat(0x3A) else { return false }
            skipSpace()
            guard value(depth: depth) else { return false }
            skipSpace()
            if eat(0x7D) { return true }
            guard eat(0x2C) else { return false }
        }
    }

    private mutating func array(depth: Int) -> Bool {
        at += 1
        skipSpace()
        if eat(0x5D) { return true }
        while true {
            skipSpace()
            guard value(depth: depth) else { return false }
            skipSpace()
            if eat(0x5D) { return true }
            guard eat(0x2C) else { return false }
        }
    }

    private mutating func literal(_ word: String) -> Bool {
        let expected = Array(word.utf8)
        guard at + expected.count <= bytes.count, bytes[at..<at + expected.count].elementsEqual(expected) else {
            return false
        }
        at += expected.count
        return true
    }

    private mutating func digits() -> Int {
        var n = 0
        while let b = peek(), b >= 0x30 && b <= 0x39 {
            at += 1
            n += 1
        }
        return n
    }

    private mutating func number() -> Bool {
        _ = eat(0x2D)
        if eat(0x30) {
            if let b = peek(), b >= 0x30 && b <= 0x39 { return false }
        } else if digits() == 0 {
            return false
        }
        if eat(0x2E), digits() == 0 { return false }
        if eat(0x65) || eat(0x45) {
            if !eat(0x2B) { _ = eat(0x2D) }
            if digits() == 0 { return false }
        }
        return true
    }

    private mutating func hex4() -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[at]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
            at += 1
        }
        return v
    }

    private mutating func string() -> Bool {
        guard eat(0x22) else { return false }
        while let b = peek() {
            at += 1
            switch b {
            case 0x22: return true
            case 0..<0x20: return false
            case 0x5C:
                guard let e = peek() else { return false }
                at += 1
                switch e {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: continue
                case 0x75:
                    guard let unit = hex4() else { return false }
                    if unit >= 0xDC00 && unit <= 0xDFFF { return false }
                    if unit >= 0xD800 && unit <= 0xDBFF {
                        guard eat(0x5C), eat(0x75), let low = hex4(), low >= 0xDC00 && low <= 0xDFFF else {
                            return false
                        }
                    }
                default: return false
                }
            default: continue
            }
        }
        return false
    }
}
