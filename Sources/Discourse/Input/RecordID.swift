import Foundation

/// Reads the `"id"` off a record that is not valid JSON (a truncated line, a stray byte), so that
/// the error names the document when it can: the first `"id"` key followed by a string or a number.
package enum RecordID {
    package static func scan(_ line: ArraySlice<UInt8>) -> String? {
        let key: [UInt8] = Array("\"id\"".utf8)
        let bytes = Array(line)
        var i = 0
        while i + key.count <= bytes.count {
            guard bytes[i] == 0x22, Array(bytes[i..<(i + key.count)]) == key else {
                i += 1
                continue
            }
            var j = i + key.count
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            guard j < bytes.count, bytes[j] == 0x3A else {
                i += 1
                continue
            }
            j += 1
            while j < bytes.count, isSpace(bytes[j]) { j += 1 }
            guard j < bytes.count else { return nil }
            if bytes[j] == 0x22 {
                // A string: up to the next unescaped quote, decoded as JSON.
                var k = j + 1
                while k < bytes.count, bytes[k] != 0x22 { k += bytes[k] == 0x5C ? 2 : 1 }
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
        return nil
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
}
