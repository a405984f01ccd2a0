import Foundation

/// The bytes of CSV records being written, gathered in one growing buffer of its own and turned
/// into text once.
///
/// Why: building each cell as a string, each record as a string from an array of them, and the
/// file's rows by appending records was a fourteenth of an export's instructions (some 26,000 per
/// row of 24 cells). Here a number's digits are written straight into the buffer, a text cell is
/// copied with one scan for the bytes that need quoting, and nothing is allocated per cell; the
/// buffer is raw memory (not an array), so a write costs no uniqueness or capacity bookkeeping
/// beyond one check. Not copyable: one owner, freed when it ends.
package struct CSVBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    package private(set) var count = 0

    package init(capacity: Int = 4096) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The records written so far.
    package var string: String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    /// The records written so far, as bytes.
    package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.initialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// A CR LF record end.
    @inline(__always)
    mutating func endRecord() {
        reserve(2)
        base[count] = 0x0D
        base[count + 1] = 0x0A
        count += 2
    }

    /// `field` as one CSV field: as it is, or quoted (a comma, quote, CR or LF inside) with its
    /// quotes doubled; `guardPrefix` writes a `'` before its first byte (inside the quotes).
    mutating func appendField(_ field: String, guardPrefix: Bool = false) {
        var field = field  // withUTF8 needs a variable; a native string is not copied
        field.withUTF8 { appendField($0, guardPrefix: guardPrefix) }
    }

    mutating func appendField(_ field: UnsafeBufferPointer<UInt8>, guardPrefix: Bool) {
        let size = CSVWriter.quotedSize(field)
        reserve(size + 1)
        count += CSVWriter.write(field, size: size, guardPrefix: guardPrefix, to: base + count)
    }

    /// A number at four decimals (``NumberFormat/fixed(_:digits:)``'s text): never quoted.
    mutating func appendNumber(_ value: Double) {
        guard let digits = FixedDigits(value, digits: 4) else {
            appendField(NumberFormat.nonFixed(value))
            return
        }
        reserve(digits.count)
        count += digits.write(into: UnsafeMutableBufferPointer(start: base + count, count: digits.count))
    }

    /// An integer in decimal: never quoted.
    mutating func appendInteger(_ value: Int) {
        if value >= 0 && value < 10 {
            append(0x30 + UInt8(value))
            return
        }
        appendField(String(value))
    }
}

extension CSVWriter {
    /// Appends one data row (CRLF-terminated) of `comment` of `file`: the bytes of
    /// ``row(_:in:columns:)``.
    package func append(_ comment: ScoredComment, file: String, columns: [Column], to out: inout CSVBytes) {
        var first = true
        for column in columns {
            if !first { out.append(0x2C) }
            first = false
            append(column.value(comment, file: file), kind: column.kind, to: &out)
        }
        out.endRecord()
    }

    /// Appends one cell: the bytes of ``cell(_:kind:)`` quoted as ``quoted(_:)`` quotes it.
    func append(_ value: CellValue, kind: Column.Kind, to out: inout CSVBytes) {
        switch value {
        case .null: return
        case .integer(let i): out.appendInteger(i)
        case .number(let d): out.appendNumber(d)
        case .objects(_, let text): append(.text(text), kind: kind, to: &out)
        case .text(let s): out.appendField(s, guardPrefix: needsGuard(s, kind: kind))
        }
    }

    /// Whether ``cell(_:kind:)`` puts a `'` before the text `s` of a column of `kind`.
    @inline(__always)
    func needsGuard(_ s: String, kind: Column.Kind) -> Bool {
        guard formulaGuard, kind == .text, let first = s.utf8.first else { return false }
        switch first {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: return !Self.isStdinName(s)  // = + - @ tab CR
        default: return false
        }
    }
}
