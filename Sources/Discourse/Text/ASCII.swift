/// ASCII classification used by the scanner and by other byte-level code in the library.
package enum ASCII {
    @inlinable package static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inlinable package static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inlinable package static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inlinable package static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inlinable package static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    @inlinable package static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inlinable package static func isSentenceEnd(_ b: UInt8) -> Bool { b == 0x2E || b == 0x21 || b == 0x3F }
}
