import Foundation

/// Reads several documents from one byte stream (standard input), one at a time, so `comments` can be
/// the map step of a cluster job (Hadoop Streaming, Spark's `RDD.pipe`) with memory bounded by one
/// document.
///
/// Two framings, chosen by the first non-blank byte of the stream:
/// - **Plain text** (anything but `{`): documents are separated by a line holding only a form feed
///   (`\f`, U+000C). A stream without one is a single document, named `-`; otherwise each document
///   is named by its content (``ContentName``).
/// - **JSON Lines** (`{`): one object per line, either `{"text": "<page>"}` (article then comments, as
///   in a file), `{"article": "<article>", "comments": ["<comment>", …]}` (comments given apart;
///   a newline inside one comment becomes a space) or `{"comments": […]}` alone (every line a
///   comment, as `--all-comments`), as the server's `/v1/analyze` takes them; `"text"` beside the
///   parts is refused, as it is there. An `"id"` (string or number) names the document;
///   otherwise its content does (`ContentName`; an empty id counts as none). Invalid UTF-8 and
///   unpaired surrogate escapes become U+FFFD with a warning (``JSONRecordRepair``), as in a file.
///   A bad record is reported with its record number, its line and its id (when one can be read
///   off it) and the stream goes on.
///
/// Names never depend on a record's position, so the same document gets the same name in every
/// partition of a cluster job and in a direct run.
package final class DocumentStream {
    private let read: (inout [UInt8]) -> Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEOF = false
    /// Why the last read failed (the system's reason), until ``next()`` has reported it.
    private var readError: String?
    private var lineNumber = 0
    private var documentNumber = 0
    private var json: Bool?
    package let name: String

    /// A stream over a file descriptor (0 for stdin).
    package convenience init(fileDescriptor: Int32, name: String = "-") {
        self.init(name: name) { chunk in
            chunk.withUnsafeMutableBytes { Foundation.read(fileDescriptor, $0.baseAddress, $0.count) }
        }
    }

    /// A stream over bytes in memory (for tests).
    package convenience init(bytes: [UInt8], name: String = "-") {
        var offset = 0
        self.init(name: name) { chunk in
            let n = min(chunk.count, bytes.count - offset)
            for i in 0..<n { chunk[i] = bytes[offset + i] }
            offset += n
            return n
        }
    }

    init(name: String, read: @escaping (inout [UInt8]) -> Int) {
        self.name = name
        self.read = read
    }

    /// The next document, a failure for a bad record, or nil at the end of the stream.
    ///
    /// A read that fails (stdin a directory, a closed descriptor, an I/O error) ends the stream
    /// with one `.unreadable` failure after the documents read before it: the input was cut short,
    /// which an empty or ended stream must not be mistaken for.
    package func next() -> Result<Document, InputError>? {
        if json == nil { json = detectJSON() }
        if let document = json == true ? nextJSON() : nextText() { return document }
        guard let reason = readError else { return nil }
        readError = nil
        return .failure(.unreadable(path: name, reason: reason))
    }

    // MARK: Plain text separated by form feeds

    private func nextText() -> Result<Document, InputError>? {
        var bytes: [UInt8] = []
        var firstLine = lineNumber + 1
        var sawAnyLine = false
        while let line = readLine() {
            sawAnyLine = true
            if isFormFeedLine(line) {
                // Nothing but blank lines before a separator (a leading one, two in a row) is no
                // document: skipped, not reported as an empty file.
                if bytes.allSatisfy({ $0 == 0x0A || $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    bytes.removeAll()
                    firstLine = lineNumber + 1
                    continue
                }
                documentNumber += 1
                return decode(bytes, name: ContentName.of(bytes, stream: name), firstLine: firstLine)
            }
            bytes.append(contentsOf: line)
            bytes.append(0x0A)
        }
        guard sawAnyLine else { return nil }
        documentNumber += 1
        // A stream without any separator is one document, named like a file argument "-".
        let documentName = documentNumber == 1 ? name : ContentName.of(bytes, stream: name)
        return decode(bytes, name: documentName, firstLine: firstLine)
    }

    private func isFormFeedLine(_ line: ArraySlice<UInt8>) -> Bool {
        var sawFormFeed = false
        for b in line {
            if b == 0x0C { sawFormFeed = true } else if b != 0x20 && b != 0x09 && b != 0x0D { return false }
        }
        return sawFormFeed
    }

    /// The document's text; its decoding warnings name the stream's own line (and the document),
    /// not a line within a document named by a hash the user cannot find in the stream.
    private func decode(_ bytes: [UInt8], name: String, firstLine: Int) -> Result<Document, InputError> {
        let number = documentNumber
        let stream = self.name
        return TextDecoder.decode(bytes, path: name).map { decoded in
            let warnings = decoded.warnings.map { warning -> InputWarning in
                guard name != stream, let line = warning.line else { return warning }
                let message = "\(warning.message) (document \(number), \(name))"
                return InputWarning(path: stream, line: firstLine + line - 1, message: message)
            }
            return Document(name: name, text: decoded.text, warnings: warnings)
        }
    }

    // MARK: JSON Lines

    private func nextJSON() -> Result<Document, InputError>? {
        while let line = readLine() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            documentNumber += 1
            return parseRecord(line, line: lineNumber)
        }
        return nil
    }

    private func parseRecord(_ line: ArraySlice<UInt8>, line lineNumber: Int) -> Result<Document, InputError> {
        var id: String?
        func bad(_ reason: String) -> Result<Document, InputError> {
            .failure(
                .badRecord(
                    path: name, record: documentNumber, line: lineNumber, id: id ?? RecordID.scan(line), reason: reason)
            )
        }
        let repaired = JSONRecordRepair.repaired(line)
        var repairs = repaired.repairs
        let data = repaired.bytes.map { Data($0) } ?? Data(line)
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return bad(
                "not valid JSON (an unclosed string or brace, a number out of range, or nesting too deep?); "
                    + "expected {\"text\": …} or {\"article\": …, \"comments\": […]} on one line")
        }
        guard let object = value as? [String: Any] else {
            return bad("not a JSON object; expected {\"text\": …} or {\"article\": …, \"comments\": […]}")
        }
        if let value = object["id"] {
            if let s = value as? String {
                id = s
            } else if let n = value as? NSNumber, String(cString: n.objCType) != "c" {
                // JSON's true and false come out as NSNumbers of type char: refused, as the server does.
                id = Self.sourceText(of: n, in: line) ?? n.stringValue
            } else if !(value is NSNull) {
                return bad("\"id\" must be a string or a number")
            }
        }
        if id?.isEmpty == true { id = nil }  // an empty id names nothing: the content names it
        func repairWarnings(_ name: String) -> [InputWarning] {
            guard repairs.any else { return [] }
            return [
                InputWarning(
                    path: name,
                    message:
                        "record \(documentNumber) (line \(lineNumber)): \(repairs.description) replaced with U+FFFD"
                )
            ]
        }
        // A NUL (`\u0000`) would reach the outputs raw: U+FFFD, as a NUL byte in a file becomes.
        func clean(_ text: String) -> String {
            guard text.utf8.contains(0) else { return text }
            repairs.nulCharacters = true
            return text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        }
        if let raw = object["text"] as? String {
            if ["article", "comments"].contains(where: { object[$0].map { !($0 is NSNull) } ?? false }) {
                return bad(
                    "record has \"text\" and \"article\" or \"comments\"; give the page as \"text\" or its parts apart")
            }
            let text = clean(raw)
            let documentName = id ?? ContentName.of(text, stream: name)
            return .success(Document(name: documentName, text: text, warnings: repairWarnings(documentName)))
        }
        let article = (object["article"] as? String).map(clean)
        if article == nil && object["article"] != nil && !(object["article"] is NSNull) {
            return bad("\"article\" must be a string")
        }
        let comments: [String]
        if let list = object["comments"] as? [Any] {
            var strings: [String] = []
            for item in list {
                guard let s = item as? String else { return bad("\"comments\" must hold strings") }
                strings.append(clean(s))
            }
            comments = strings
        } else if let single = object["comments"] as? String {
            comments = TextLines.split(clean(single))
        } else if article != nil {
            return bad("record has \"article\" but no \"comments\" list")
        } else {
            return bad("record has neither a \"text\" string nor a \"comments\" list")
        }
        var document = Document(name: "", comments: comments, article: article)
        document.name = id ?? ContentName.of(article: article, comments: document.text, stream: name)
        document.warnings = repairWarnings(document.name)
        return .success(document)
    }

    /// The number as the record spells it ("1.50", "-0", "1e3"), so the document keeps the id it was
    /// given; nil when the spelling read off the line is not that number.
    private static func sourceText(of number: NSNumber, in line: ArraySlice<UInt8>) -> String? {
        guard let text = RecordID.scan(line), let value = Double(text), value == number.doubleValue else { return nil }
        return text
    }

    // MARK: Buffered reading

    /// Whether the stream holds JSON records: its first character (after blank space and a BOM) is
    /// `{` and the next one `"` or `}`, as a JSON object's are. Text that merely starts with a
    /// brace (wiki markup's `{{Infobox …`, a `{curly}` aside) is read as a page, from its first byte
    /// (blank lines included, so its line numbers are the file's). JSON starts at its `{`.
    private func detectJSON() -> Bool {
        var k = position
        var brace: Int?
        while true {
            while k < buffer.count {
                let b = buffer[k]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                    k += 1
                    continue
                }
                if brace == nil, b == 0xEF, k + 2 < buffer.count, buffer[k + 1] == 0xBB, buffer[k + 2] == 0xBF {
                    k += 3
                    continue
                }
                guard let open = brace else {
                    guard b == 0x7B else { return false }
                    brace = k
                    k += 1
                    continue
                }
                guard b == 0x22 || b == 0x7D else { return false }
                position = open
                return true
            }
            // `fill` drops the bytes before `position`, which is still where detection began.
            let (kOffset, braceOffset) = (k - position, brace.map { $0 - position })
            if !fill() { return false }
            k = position + kOffset
            brace = braceOffset.map { position + $0 }
        }
    }

    /// The next line without its terminator ("\n" or "\r\n"), or nil at the end.
    private func readLine() -> ArraySlice<UInt8>? {
        var searchFrom = position
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[position..<end]
                position = newline + 1
                lineNumber += 1
                return line
            }
            searchFrom = buffer.count
            let consumedBefore = position
            if !fill() {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                position = buffer.count
                lineNumber += 1
                return line
            }
            searchFrom -= consumedBefore - position
        }
    }

    /// Reads more bytes, dropping what was consumed; false at the end of the stream.
    private func fill() -> Bool {
        guard !atEOF else { return false }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var n = read(&chunk)
        while n < 0 && errno == EINTR { n = read(&chunk) }
        if n <= 0 {
            if n < 0 { readError = String(cString: strerror(errno)) }
            atEOF = true
            return false
        }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }
}
