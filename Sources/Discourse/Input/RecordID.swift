import Foundation

/// Reads the `"id"` off a record that is not valid JSON (a truncated line, a stray byte), so that
/// the error names the document when it can, and the spelling of a valid record's number id
/// (`1.50` stays `1.50`): the record's own `"id"` key, at the top level of its object (an `"id"`
/// inside a nested object or list, or inside a string, is someone else's), followed by a string or a
/// number.
package enum RecordID {
    /// - Complexity: O(n) in the line's length.
    package static func scan(_ line: ArraySlice<UInt8>) -> String? {
        let bytes = Array(line)
        var depth = 0
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x7B, 0x5B:  // { [
                depth += 1
                i += 1
            case 0x7D, 0x5D:  // } ]
                depth -= 1
                i += 1
            case 0x22:
                let end = stringEnd(bytes, from: i)
                guard end < bytes.count else { return nil }
                if depth == 1, end - i == 3, bytes[i + 1] == 0x69, bytes[i + 2] == 0x64 {  // "id"
                    var j = end + 1
                    while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                    if j < bytes.count, bytes[j] == 0x3A { return value(bytes, after: j + 1) }
                }
                i = end + 1
            default:
                i += 1
            }
        }
        return nil
    }

    /// The index of the quote that closes the string opening at `start` (`bytes.count` if none).
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var k = start + 1
        while k < bytes.count, bytes[k] != 0x22 { k += bytes[k] == 0x5C ? 2 : 1 }
        return min(k, bytes.count)
    }

    /// The string or number after a key's colon at `start`.
    private static func value(_ bytes: [UInt8], after start: Int) -> String? {
        var j = start
        while j < bytes.count, isSpace(bytes[j]) { j += 1 }
        guard j < bytes.count else { return nil }
        if bytes[j] == 0x22 {
            // A string: up to the next unescaped quote, decoded as JSON.
            let k = stringEnd(bytes, from: j)
            guard k < bytes.count,
                let value = try? JSONSerialization.jsonObject(
                    with: Data(bytes[j...k]), options: .fragmentsAllowed) as? String
            else { return nil }
            return value
        }
        var k = j
        while k < bytes.count, ASCII.isDigit(bytes[k]) || [0x2D, 0x2B, 0x2E, 0x65, 0x45].contains(bytes[k]) {
            k += 1
        }
        return k > j ? String(decoding: bytes[j..<k], as: UTF8.self) : nil
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
}
