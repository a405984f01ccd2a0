/// CSV as RFC 4180 writes it: comma-separated, CRLF line ends, fields holding a comma, quote, CR or
/// LF quoted, inner quotes doubled.
///
/// Free-text cells (``Column/Kind/text``) that begin with `=`, `+`, `-`, `@`, tab or CR get a leading
/// `'` so a spreadsheet shows them instead of running them as formulas (OWASP's CSV-injection
/// advice). Numeric and label columns are never altered: "-0.5" stays a number.
package struct CSVWriter: Sendable {
    package var formulaGuard: Bool

    package init(formulaGuard: Bool = true) {
        self.formulaGuard = formulaGuard
    }

    /// The header row, CRLF-terminated.
    package func header(_ columns: [Column]) -> String {
        record(columns.map(\.name))
    }

    /// One data row, CRLF-terminated.
    package func row(_ comment: ScoredComment, in report: FileReport, columns: [Column]) -> String {
        record(columns.map { cell($0.value(comment, in: report), kind: $0.kind) })
    }

    /// A record of already-formatted fields.
    ///
    /// Measured, then written: each field's bytes are scanned once to size the record, then copied
    /// (quoted where ``quoted(_:)`` would quote them) straight into one string's storage, instead of
    /// appending a quoted copy of every field to a growing string (an export writes forty fields per
    /// comment). The bytes are the same as joining ``quoted(_:)`` of every field with commas.
    package func record(_ fields: [String]) -> String {
        var total = 2 + max(0, fields.count - 1)
        for field in fields {
            guard let size = field.utf8.withContiguousStorageIfAvailable({ Self.quotedSize($0) }) else {
                return slowRecord(fields)
            }
            total += size
        }
        return String(unsafeUninitializedCapacity: total) { out in
            var k = 0
            for (i, field) in fields.enumerated() {
                if i > 0 {
                    out[k] = 0x2C
                    k += 1
                }
                field.utf8.withContiguousStorageIfAvailable { p in
                    k += Self.write(p, size: Self.quotedSize(p), guardPrefix: false, to: out.baseAddress! + k)
                }
            }
            out[k] = 0x0D
            out[k + 1] = 0x0A
            return k + 2
        }
    }

    /// Writes `field` at `out` as one CSV field, as it is when `size` (its ``quotedSize(_:)``) is its
    /// own size, else in quotes with its quotes doubled, with a `'` before its first byte when
    /// `guardPrefix`; returns the bytes written. `out` has room for `size` bytes, one more with the
    /// guard. One copy of the quoting for ``record(_:)`` and ``CSVBytes``, which must write the same
    /// bytes.
    @inline(__always)
    static func write(
        _ field: UnsafeBufferPointer<UInt8>, size: Int, guardPrefix: Bool, to out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        let quote = size != field.count
        var k = 0
        if quote {
            out[k] = 0x22
            k += 1
        }
        if guardPrefix {
            out[k] = 0x27
            k += 1
        }
        guard quote else {
            if let from = field.baseAddress { (out + k).initialize(from: from, count: field.count) }
            return k + field.count
        }
        for b in field {
            out[k] = b
            k += 1
            if b == 0x22 {
                out[k] = 0x22
                k += 1
            }
        }
        out[k] = 0x22
        return k + 1
    }

    /// Bytes of `field` once quoted as ``quoted(_:)`` quotes it: its own size when it needs no quotes.
    ///
    /// Eight bytes at a time while none of them is a quote, comma, CR or LF (a comment's text is a
    /// few hundred bytes, nearly always without them), then byte by byte.
    @inline(__always)
    static func quotedSize(_ field: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = field.baseAddress else { return 0 }
        var start = 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        while start + 8 <= field.count {
            let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
            // A byte of `word ^ (ones * b)` is zero where `word` holds `b`.
            func holds(_ b: UInt64) -> Bool {
                let x = word ^ (ones &* b)
                return (x &- ones) & ~x & 0x8080_8080_8080_8080 != 0
            }
            if holds(0x22) || holds(0x2C) || holds(0x0D) || holds(0x0A) { break }
            start += 8
        }
        var needs = false
        var quotes = 0
        for b in UnsafeBufferPointer(rebasing: field[start...]) {
            if b == 0x22 { quotes += 1 }
            if b == 0x22 || b == 0x2C || b == 0x0D || b == 0x0A { needs = true }
        }
        return needs ? field.count + 2 + quotes : field.count
    }

    /// ``record(_:)`` for fields whose bytes are not contiguous (bridged strings).
    private func slowRecord(_ fields: [String]) -> String {
        var out = ""
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            out += Self.quoted(field)
        }
        out += "\r\n"
        return out
    }

    /// The text of one cell before quoting.
    package func cell(_ value: CellValue, kind: Column.Kind) -> String {
        switch value {
        case .null: return ""
        case .integer(let i): return String(i)
        case .number(let d): return NumberFormat.fixed(d)
        case .objects(_, let text): return cell(.text(text), kind: kind)
        case .text(let s): return needsGuard(s, kind: kind) ? "'" + s : s
        }
    }

    /// "-" and "-#" + a content hash (``ContentName``), the names of documents read from stdin: our
    /// own text, never a formula.
    static func isStdinName(_ s: String) -> Bool {
        s == "-" || ContentName.isContentName(s)
    }

    /// `field` quoted when it must be (comma, quote, CR, LF), with quotes doubled.
    package static func quoted(_ field: String) -> String {
        var needs = false
        var hasQuote = false
        var copy = field  // withUTF8 needs a variable; a native string is not copied
        copy.withUTF8 { bytes in
            for b in bytes {
                if b == 0x22 {
                    hasQuote = true
                    needs = true
                    return
                }
                if b == 0x2C || b == 0x0D || b == 0x0A { needs = true }
            }
        }
        guard needs else { return field }
        guard hasQuote else { return "\"" + field + "\"" }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(field.utf8.count + 8)
        for b in field.utf8 {
            bytes.append(b)
            if b == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}
