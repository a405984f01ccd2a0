/// A small JSON writer that keeps keys in the order given (the output contract names an order) and
/// escapes every control character, so each line of JSON Lines output is valid UTF-8 JSON.
package struct JSONWriter {
    package private(set) var output = ""
    private var needsComma: [Bool] = []

    package init() {}

    package mutating func beginObject() {
        separate()
        output += "{"
        needsComma.append(false)
    }

    package mutating func endObject() {
        output += "}"
        needsComma.removeLast()
    }

    package mutating func beginArray() {
        separate()
        output += "["
        needsComma.append(false)
    }

    package mutating func endArray() {
        output += "]"
        needsComma.removeLast()
    }

    /// Writes `"key":`; the next value written is its value.
    package mutating func key(_ name: String) {
        separate()
        Self.appendString(name, to: &output)
        output += ":"
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    package mutating func string(_ value: String) {
        separate()
        Self.appendString(value, to: &output)
    }

    package mutating func integer(_ value: Int) {
        separate()
        output += String(value)
    }

    package mutating func number(_ value: Double, digits: Int = 4) {
        separate()
        output += value.isFinite ? NumberFormat.fixed(value, digits: digits) : "null"
    }

    package mutating func bool(_ value: Bool) {
        separate()
        output += value ? "true" : "false"
    }

    package mutating func null() {
        separate()
        output += "null"
    }

    package mutating func cell(_ value: CellValue) {
        switch value {
        case .text(let s): string(s)
        case .integer(let i): integer(i)
        case .number(let d): number(d)
        case .null: null()
        case .objects(let records, _):
            beginArray()
            for record in records {
                beginObject()
                for (k, v) in zip(record.keys, record.values) { field(k, v) }
                endObject()
            }
            endArray()
        }
    }

    /// Writes `"key": value` for a cell.
    package mutating func field(_ name: String, _ value: CellValue) {
        key(name)
        cell(value)
    }

    private mutating func separate() {
        guard !needsComma.isEmpty else { return }
        if needsComma[needsComma.count - 1] {
            output += ","
        } else {
            needsComma[needsComma.count - 1] = true
        }
    }

    /// Appends `value` as a JSON string literal (see ``JSONString``).
    package static func appendString(_ value: String, to out: inout String) {
        JSONString.append(value, to: &out)
    }
}
