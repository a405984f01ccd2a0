// libFuzzer target: arbitrary bytes through input decoding, the document stream, the analyzer in
// every segmentation mode and every renderer. Not part of the package (SwiftPM never sees this
// folder); `scripts/fuzz` compiles it with the library's sources and `-sanitize=fuzzer,address`.
//
// A finding is a crash, a hang, a sanitizer report, or a broken output invariant, which traps:
// every JSON Lines line and JSON document must parse, every CSV record must have the header's
// number of fields, the segmentation must describe every line, and the page streamed from a file
// in chunks must give the whole-file analysis's rows and figures (StreamCheck.swift).

import Discourse
import Foundation

/// Options that vary the run, read off the first byte so the fuzzer explores them too.
struct FuzzPlan {
    var mode: SegmentationMode
    var explain: Bool
    var formulaGuard: Bool
    var width: Int

    init(_ first: UInt8, article: String) {
        switch first & 3 {
        case 1: mode = .allComments
        case 2: mode = .separateArticle(article)
        default: mode = .detect
        }
        explain = first & 4 != 0
        formulaGuard = first & 8 == 0
        width = 20 + Int(first >> 4) * 10
    }
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        FileHandle.standardError.write(Data("fuzz invariant broken: \(message())\n".utf8))
        abort()
    }
}

/// Traps unless `bytes` (UTF-8) are one JSON object by RFC 8259. The target's own strict reader
/// (``JSONSyntax``) decides; on one text in sixteen (by length, so a rerun decides the same)
/// Foundation's parser, which is more lenient (it takes a trailing comma), must accept it too.
func checkObject(_ bytes: UnsafeBufferPointer<UInt8>, _ what: @autoclosure () -> String) {
    let head = { String(decoding: bytes.prefix(200), as: UTF8.self) }
    check(JSONSyntax.kind(of: bytes) == .object, "\(what()): not one JSON object: \(head())")
    if bytes.count % 16 == 0 {
        let parsed = (try? JSONSerialization.jsonObject(with: Data(bytes))) is [String: Any]
        check(parsed, "\(what()): JSONSyntax took what Foundation refuses: \(head())")
    }
}

func checkJSON(_ text: String, _ what: String) {
    var text = text
    text.withUTF8 { checkObject($0, what) }
}

/// Traps unless every line of `text` (cut at each LF byte, as a JSON Lines reader cuts it) is one
/// JSON object and the text is empty or ends with a line feed. Read in place, byte by byte: cutting
/// the String at its Characters took a tenth of each input's time.
func checkJSONLines(_ text: String, _ what: String) {
    var text = text
    text.withUTF8 { all in
        var start = 0
        var line = 0
        for i in 0..<all.count where all[i] == 0x0A {
            line += 1
            checkObject(UnsafeBufferPointer(rebasing: all[start..<i]), "\(what): line \(line)")
            start = i + 1
        }
        check(start == all.count, "\(what): the last line has no line feed")
    }
}

/// Counts the fields of each RFC 4180 record (CRLF record ends, quoted fields).
func csvFieldCounts(_ text: String) -> [Int] {
    var counts: [Int] = []
    var fields = 1
    var quoted = false
    var bytes = Array(text.utf8)[...]
    while let b = bytes.popFirst() {
        if quoted {
            if b == 0x22 {
                if bytes.first == 0x22 { bytes.removeFirst() } else { quoted = false }
            }
        } else if b == 0x22 {
            quoted = true
        } else if b == 0x2C {
            fields += 1
        } else if b == 0x0D, bytes.first == 0x0A {
            bytes.removeFirst()
            counts.append(fields)
            fields = 1
        }
    }
    check(!quoted, "CSV ends inside a quoted field")
    return counts
}

/// The row `comments export --summary` writes for one input (analysed or failed), which must be one
/// CSV record of the summary's columns.
func summaryRecord(_ outcome: BatchOutcome, csv: CSVWriter) -> String {
    let record = csv.record(
        SummaryColumns.all.map { csv.cell($0.value(outcome, options: SummaryOptions()), kind: $0.kind) })
    let counts = csvFieldCounts(record)
    check(counts == [SummaryColumns.all.count], "summary record of \(counts) fields: \(record.prefix(200))")
    return record
}

/// Built once: building the scorers merges the lexicons, which costs more than a small input.
/// The segmentation mode is set per document, which the analyzer honours over its options.
let plain = Analyzer(options: AnalysisOptions())
let explaining = Analyzer(options: AnalysisOptions(explain: true))

func run(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let body = Array(bytes.dropFirst())

    // The stream reader on the raw bytes (both framings, bad records, long lines), and an error
    // record for every bad one.
    let stream = DocumentStream(bytes: body)
    var documents: [Document] = []
    var records = 0
    while let next = stream.next() {
        records += 1
        check(records <= body.count + 1, "the stream yields more records than it has bytes")
        switch next {
        case .success(let document):
            // A plain stream without a form feed is one document named like the stream: the page
            // below, decoded as a file. Analysing it twice would double the time for no new path.
            let wholePage = records == 1 && document.name == stream.name && body.first(where: { $0 > 0x20 }) != 0x7B
            if documents.count < 4 && !wholePage { documents.append(document) }
        case .failure(let error):
            if let record = ErrorRecord.jsonl(error) { checkJSONLines(record, "error record") }
            _ = error.description
            _ = summaryRecord(.failed(name: stream.name, error: error), csv: CSVWriter(formulaGuard: true))
        }
    }

    // The decoder, as for a file.
    guard case .success(let decoded) = TextDecoder.decode(body, path: "fuzz.txt") else { return }
    // The article of --article is what comes before the first blank line (a NUL, the old
    // separator, fails decoding within the 8 KiB the decoder sniffs, so no input could reach it).
    let article = decoded.text.range(of: "\n\n").map { String(decoded.text[..<$0.lowerBound]) } ?? ""
    let plan = FuzzPlan(first, article: article)
    documents.insert(
        Document(name: "fuzz.txt", text: decoded.text, warnings: decoded.warnings, mode: plan.mode), at: 0)

    let analyzer = plan.explain ? explaining : plain
    let csv = CSVWriter(formulaGuard: plan.formulaGuard)
    let columns = CommentColumns.all(explain: plan.explain)
    var queue = TriageQueue(limit: 5)
    for (k, document) in documents.enumerated() {
        let report = analyzer.analyze(document)
        let lines = TextLines.split(document.text)
        check(report.segmentation.kinds.count == report.lineCount, "segmentation does not cover every line")
        let jsonl = ScoreRenderer.jsonl(report, columns: columns)
        checkJSONLines(jsonl, "score jsonl")
        checkJSON(ScoreRenderer.json(report, columns: columns), "score json")
        checkJSON(SegmentRenderer.json(report), "segment json")
        let header = csv.header(columns)
        let csvRows = ScoreRenderer.csvRows(report, writer: csv, columns: columns)
        let counts = csvFieldCounts(header + csvRows)
        check(counts.allSatisfy { $0 == columns.count }, "CSV rows of \(counts) fields, header \(columns.count)")
        let summary = summaryRecord(.analysed(report, document), csv: csv)
        if k == 0 {
            // The page as a large file: streamed in passes, in chunks that cross lines or not, must
            // give these rows (rendered once for both checks).
            var streaming = analyzer
            streaming.options.mode = plan.mode
            let chunk = [1 << 16, 7, 61][body.count % 3]
            let whole = WholeFile(report: report, jsonl: jsonl, csvRows: csvRows, summary: summary)
            checkStreamed(body, whole: whole, analyzer: streaming, columns: columns, csv: csv, chunk: chunk)
        }
        _ = ScoreRenderer.table(report, width: plan.width, color: first & 0x10 != 0)
        _ = ScoreRenderer.summary(report)
        _ = SegmentRenderer.table(report, lines: lines, width: plan.width, color: false)
        _ = HTMLReport.page(report, lines: lines)
        queue.add(report)
    }
    let ranked = queue.ranked()
    _ = TriageRenderer.table(ranked, width: plan.width, color: false, explain: plan.explain)
    _ = TriageRenderer.csv(ranked, writer: csv, explain: plan.explain)
    checkJSONLines(TriageRenderer.jsonl(ranked, explain: plan.explain), "triage jsonl")
}

/// libFuzzer's entry point: one input through every stage and renderer; 0 unless an invariant broke.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
