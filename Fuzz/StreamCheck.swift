// The streamed analysis of a large file (`CommentStream`, and `Segmenter.segment(_:name:)` for a
// page) against the whole-file analysis, as the command line does it: the input's raw bytes in a
// file read by `FileLines` in chunks, every pass. Its rows and figures must be the whole-file
// report's byte for byte (what `scripts/check-identical` checks on the samples with
// COMMENTS_STREAM_BYTES=0), whatever the bytes and the chunk size.

import Discourse
import Foundation

/// The file the raw bytes of each input are written to: one per process, so `-jobs` runs never
/// share one; removed at exit. In memory (/dev/shm) where there is one: on ext4 every rewrite of a
/// file on disk waited for the disk (a file truncated to nothing is flushed when it is closed).
let streamPath: String = {
    var folder = NSTemporaryDirectory()
    var info = stat()
    if stat("/dev/shm", &info) == 0, info.st_mode & S_IFMT == S_IFDIR, access("/dev/shm", W_OK) == 0 {
        folder = "/dev/shm/"
    }
    let path = folder + "comments-fuzz-\(getpid()).txt"
    atexit { unlink(streamPath) }
    return path
}()

/// Writes `bytes` to ``streamPath`` whole, or traps (the fuzzer cannot go on without it). The file is
/// cut to its new length after the write, not emptied before it (which would flush it on ext4).
func writeStreamFile(_ bytes: [UInt8]) {
    let fd = open(streamPath, O_WRONLY | O_CREAT, 0o600)
    check(fd >= 0, "cannot write \(streamPath): errno \(errno)")
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
        check(n > 0, "cannot write \(streamPath): errno \(errno)")
        done += n
    }
    check(ftruncate(fd, off_t(bytes.count)) == 0, "cannot cut \(streamPath): errno \(errno)")
}

/// The whole-file analysis of an input's page and the rows rendered from it.
struct WholeFile {
    var report: FileReport
    var jsonl: String
    var csvRows: String
    /// Its `export --summary` row.
    var summary: String
}

/// Streams `body` (the input's bytes, as a file) through `analyzer` as `comments score` does for a
/// file over COMMENTS_STREAM_BYTES, and traps unless its CSV and JSON Lines rows, segmentation,
/// warnings, counts, drift trend and `export --summary` row are those of `whole`, the whole-file
/// analysis of the same text.
func checkStreamed(
    _ body: [UInt8], whole wholeFile: WholeFile, analyzer: Analyzer, columns: [Column], csv: CSVWriter, chunk: Int
) {
    writeStreamFile(body)
    let whole = wholeFile.report
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
    check(jsonlRows == wholeFile.jsonl, "streamed JSON Lines rows differ")
    check(csvRows == wholeFile.csvRows, "streamed CSV rows differ")
    // As the command line hands a streamed file's report on: its rows are written, the text is gone.
    let streamed = BatchOutcome.analysed(report, Document(name: name, text: "", warnings: report.warnings))
    let summary = summaryRecord(streamed, csv: csv)
    check(summary == wholeFile.summary, "streamed summary row \(summary), whole \(wholeFile.summary)")
}
