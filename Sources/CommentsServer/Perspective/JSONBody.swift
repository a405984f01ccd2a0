import Discourse

/// Request bodies to JSON objects: bytes decoded as the CLI decodes files (BOM dropped, UTF-16
/// with a BOM decoded, invalid UTF-8 replaced by U+FFFD), then parsed by ``JSONParser``.
enum JSONBody {
    typealias Object = [String: JSONValue]

    static func object(_ body: [UInt8]) throws(ServiceError) -> Object {
        guard !body.isEmpty else { throw .invalid("the request body is empty; expected a JSON object") }
        var text: String
        switch TextDecoder.decode(body, path: "request body") {
        case .success(let decoded): text = decoded.text
        case .failure(let error): throw .invalid("\(error)")
        }
        let parsed = text.withUTF8 { bytes -> Result<JSONValue, JSONParser.Failure> in
            do throws(JSONParser.Failure) { return .success(try JSONParser.parse(bytes)) } catch {
                return .failure(error)
            }
        }
        switch parsed {
        case .failure(let failure):
            throw .invalid("the request body is not valid JSON (\(failure.message))")
        case .success(.object(let object)):
            return object
        case .success:
            throw .invalid("the request body must be a JSON object")
        }
    }

    /// `object[key]` as a string, nil when absent or null, an error naming the field otherwise.
    static func string(_ object: Object, _ key: String, field: String) throws(ServiceError) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw .invalid("\(field) must be a string")
        }
    }

    static func dictionary(_ object: Object, _ key: String, field: String) throws(ServiceError) -> Object? {
        switch object[key] {
        case nil, .null?: return nil
        case .object(let o)?: return o
        default: throw .invalid("\(field) must be an object")
        }
    }

    static func array(_ object: Object, _ key: String, field: String) throws(ServiceError) -> [JSONValue]? {
        switch object[key] {
        case nil, .null?: return nil
        case .array(let a)?: return a
        default: throw .invalid("\(field) must be a list")
        }
    }

    static func bool(_ object: Object, _ key: String, field: String) throws(ServiceError) -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        default: throw .invalid("\(field) must be true or false")
        }
    }

    static func number(_ object: Object, _ key: String, field: String) throws(ServiceError) -> Double? {
        switch object[key] {
        case nil, .null?: return nil
        case .number(let d)?: return d
        default: throw .invalid("\(field) must be a number")
        }
    }
}
