import Discourse
import Foundation

/// Request bodies to JSON objects: bytes decoded as the CLI decodes files (BOM dropped, UTF-16
/// with a BOM decoded, invalid UTF-8 replaced by U+FFFD), nesting bounded, then parsed.
enum JSONBody {
    /// Deeper nesting is refused before parsing (the parser recurses).
    static let maxDepth = 64

    static func object(_ body: [UInt8]) throws(ServiceError) -> [String: Any] {
        guard !body.isEmpty else { throw .invalid("the request body is empty; expected a JSON object") }
        let text: String
        switch TextDecoder.decode(body, path: "request body") {
        case .success(let decoded): text = decoded.text
        case .failure(let error): throw .invalid("\(error)")
        }
        var utf8 = Array(text.utf8)
        if let error = checkDepth(utf8) { throw error }
        let parsed = utf8.withUnsafeMutableBytes { raw -> Any? in
            let data = Data(bytesNoCopy: raw.baseAddress!, count: raw.count, deallocator: .none)
            return try? JSONSerialization.jsonObject(with: data, options: [])
        }
        guard let parsed else { throw .invalid("the request body is not valid JSON") }
        guard let object = parsed as? [String: Any] else { throw .invalid("the request body must be a JSON object") }
        return object
    }

    /// Nesting deeper than ``maxDepth`` (brackets outside strings), as an error.
    static func checkDepth(_ bytes: [UInt8]) -> ServiceError? {
        var depth = 0
        var inString = false
        var escaped = false
        for b in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if b == UInt8(ascii: "\\") {
                    escaped = true
                } else if b == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth { return .invalid("JSON nested deeper than \(maxDepth) levels") }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return nil
    }

    /// `object[key]` as a string, nil when absent or null, an error naming the field otherwise.
    static func string(_ object: [String: Any], _ key: String, field: String) throws(ServiceError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let s = value as? String else { throw .invalid("\(field) must be a string") }
        return s
    }

    static func dictionary(_ object: [String: Any], _ key: String, field: String) throws(ServiceError) -> [String: Any]? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let d = value as? [String: Any] else { throw .invalid("\(field) must be an object") }
        return d
    }

    static func bool(_ object: [String: Any], _ key: String, field: String) throws(ServiceError) -> Bool? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let b = value as? Bool else { throw .invalid("\(field) must be true or false") }
        return b
    }

    static func number(_ object: [String: Any], _ key: String, field: String) throws(ServiceError) -> Double? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let n = value as? NSNumber, !(value is String) else { throw .invalid("\(field) must be a number") }
        return n.doubleValue
    }
}
