// The streamed analysis of a large file (`CommentStream`, and `Segmenter.segment(_:name:)` for a
// page) against the whole-file analysis, as the command line does it: the input's raw bytes in a
// file read by `FileLines` in chunks, every pass. Its rows and figures must be the whole-file
// report's byte for byte (what `scripts/check-identical` checks on the samples with
// COMMENTS_STREAM_BYTES=0), whatever the bytes and the chunk size.

import Discourse
import Foundation

/// The file the raw bytes of each input are written to: one per process, so `-jobs` runs never
/// share one; removed at exit.
let streamPath: String = {
    let path = NSTemporaryDirectory() + "comments-fuzz-\(getpid()).txt"
    atexit { unlink(NSTemporaryDirectory() + "comments-fuzz-\(getpid()).txt") }
    return path
}()

/// Writes `bytes` to ``streamPath`` whole, or traps (the fuzzer cannot go on without it).
func writeStreamFile(_ bytes: [UInt8]) {
    let fd = open(streamPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    check(fd >= 0, "cannot write \(streamPath): errno \(errno)")
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
        check(n > 0, "cannot write \(streamPath): errno \(errno)")
        done += n
    }
}

/// Streams `body` (the input's bytes, as a file) through `analyzer` as `comments score` does for a
/// file over COMMENTS_STREAM_BYTES, and traps unless its CSV and JSON Lines rows, segmentation,
/// warnings, counts, drift trend and `export --summary` row are those of `whole`, the whole-file
/// report of the same text (`document`).
func checkStreamed(
    _ body: [UInt8], whole: FileReport, document: Document, analyzer: Analyzer, columns: [Column], csv: CSVWriter,
    chunk: Int
) {
    writeStreamFile(body)
    let name = whole.file
    let source: FileLines
    switch FileLines.open(streamPath, chunkSize: chunk) {
    case .failure(let error): return check(false, "the stream refuses what the decoder read: \(error)")
    case .success(nil): return  // UTF-16: decoded whole by the command line too
    case .success(let lines?): source = lines
    }
    var csvRows = ""
    var jsonlRows = ""
    let report: FileReport
    do {
        let stream: CommentStream
        if case .detect = analyzer.options.mode {
            let segmented = try analyzer.segmenter.segment(source, name: name)
            stream = try analyzer.stream(source, name: name, segmented: segmented)
        } else {
            stream = try analyzer.stream(source, name: name)
        }
        report = try stream.rows(trend: true) { row in
            csvRows += ScoreRenderer.csvRow(row, file: name, writer: csv, columns: columns)
            jsonlRows += ScoreRenderer.jsonlRow(row, file: name, columns: columns)
            return true
        }
        check(stream.warnings == report.warnings, "streamed warnings before and after the rows differ")
    } catch {
        return check(false, "the stream failed where the whole file did not: \(error)")
    }
    let s = report.segmentation
    let w = whole.segmentation
    check(s.kinds == w.kinds && s.firstCommentLine == w.firstCommentLine, "streamed segmentation differs")
    check(s.confidence == w.confidence, "streamed confidence \(s.confidence), whole \(w.confidence)")
    check(report.lineCount == whole.lineCount, "streamed \(report.lineCount) lines, whole \(whole.lineCount)")
    check(report.warnings == whole.warnings, "streamed warnings \(report.warnings), whole \(whole.warnings)")
    check(report.commentCount == whole.comments.count, "streamed \(report.commentCount) comments")
    check(report.driftTrend == whole.driftTrend, "streamed trend \(report.driftTrend as Any)")
    check(jsonlRows == ScoreRenderer.jsonl(whole, columns: columns), "streamed JSON Lines rows differ")
    check(csvRows == ScoreRenderer.csvRows(whole, writer: csv, columns: columns), "streamed CSV rows differ")
    // As the command line hands a streamed file's report on: its rows are written, the text is gone.
    let streamed = BatchOutcome.analysed(report, Document(name: name, text: "", warnings: report.warnings))
    let summary = summaryRecord(streamed, csv: csv)
    let expected = summaryRecord(.analysed(whole, document), csv: csv)
    check(summary == expected, "streamed summary row \(summary), whole \(expected)")
}
