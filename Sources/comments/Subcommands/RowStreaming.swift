import Discourse
import Foundation

/// How a command writes the rows of a streamed file (``CommentStream``): large inputs are analysed
/// in passes over the file (a page is segmented in passes first) and their rows written as they are
/// scored, so memory stays bounded whatever the size of one input (#12).
struct RowStreaming {
    /// Files at least this long are streamed: 512 KiB, about where keeping a file's tokens and rows
    /// (some 100 times its size) starts to cost more than the extra passes. `COMMENTS_STREAM_BYTES`
    /// overrides it (0 streams every file, which `scripts/check-identical` uses to compare the two paths).
    var minimumBytes: Int = Self.defaultMinimumBytes
    /// Whether the report needs the drift trend (one more pass; only the summary shows it).
    var trend = false
    /// The summary's `--flag-threshold`.
    var flagThreshold = 0.5
    /// One row of a comment of the named file.
    var render: (ScoredComment, String) -> String
    /// Writes rows; false when the write failed (the run stops after this input).
    var write: (String) -> Bool

    static let defaultMinimumBytes = 1 << 19

    /// Bytes gathered before a write.
    static let bufferBytes = 1 << 16

    init(
        trend: Bool = false, flagThreshold: Double = 0.5, render: @escaping (ScoredComment, String) -> String,
        write: @escaping (String) -> Bool
    ) {
        if let value = ProcessInfo.processInfo.environment["COMMENTS_STREAM_BYTES"], let n = Int(value), n >= 0 {
            minimumBytes = n
        }
        self.trend = trend
        self.flagThreshold = flagThreshold
        self.render = render
        self.write = write
    }

    /// Size of the regular file at `path`, or -1 (not a file, unreadable: the normal path reports it).
    static func size(of path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return -1 }
        return Int(info.st_size)
    }
}

extension InputRunner {
    /// Streams one file on the consuming thread: gathers its figures, reports its warnings, then
    /// writes its rows through `streaming`. Returns its outcome, whether its messages were already
    /// printed, and whether a write failed. A UTF-16 file (decoded whole) takes the normal path.
    func stream(
        _ path: String, _ streaming: RowStreaming, batch: BatchAnalyzer
    ) -> (outcome: BatchOutcome, reported: Bool, writeFailed: Bool) {
        let source: FileLines
        switch FileLines.open(path) {
        case .failure(let error): return (.failed(name: path, error: error), false, false)
        case .success(nil): return (batch.process(.input(.file(path))), false, false)
        case .success(let lines?): source = lines
        }
        do {
            let stream: CommentStream
            if case .detect = analyzer.options.mode {
                let segmented = try analyzer.segmenter.segment(source, name: path)
                if let minimum = minConfidence, segmented.segmentation.confidence < minimum {
                    return (withheld(path, segmented, below: minimum), true, false)
                }
                stream = try analyzer.stream(source, name: path, segmented: segmented)
            } else {
                stream = try analyzer.stream(source, name: path)
            }
            if !quiet {
                if stream.isEmpty { Output.error("comments: \(path): warning: file is empty") }
                for warning in stream.warnings { Output.error("comments: \(warning)") }
            }
            var buffer = ""
            var written = true
            let report = try stream.rows(trend: streaming.trend, flagThreshold: streaming.flagThreshold) { row in
                progress?.commentWritten()
                buffer += streaming.render(row, path)
                if buffer.utf8.count >= RowStreaming.bufferBytes {
                    written = streaming.write(buffer)
                    buffer = ""
                }
                return written
            }
            if written && !buffer.isEmpty { written = streaming.write(buffer) }
            return (.analysed(report, Document(name: path, text: "", warnings: report.warnings)), true, !written)
        } catch let error as InputError {
            return (.failed(name: path, error: error), false, false)
        } catch {
            return (.failed(name: path, error: .unreadable(path: path, reason: "\(error)")), false, false)
        }
    }

    /// A page whose segmentation is less sure than `--min-confidence`: no rows, the report and the
    /// messages of the whole-file path (``FileReport/withhold(belowConfidence:)``).
    func withheld(_ path: String, _ segmented: SourceSegmentation, below minimum: Double) -> BatchOutcome {
        let warnings = CommentStream.warnings(name: path, scan: segmented.scan, lines: segmented.warnings)
        var report = FileReport(
            file: path, lineCount: segmented.lineCount, segmentation: segmented.segmentation, comments: [],
            warnings: warnings)
        report.withhold(belowConfidence: minimum)
        if !quiet {
            if segmented.scan.textBytes == 0 { Output.error("comments: \(path): warning: file is empty") }
            for warning in warnings { Output.error("comments: \(warning)") }
        }
        if let reason = report.withheld { Output.error("comments: \(path): no rows: \(reason)") }
        return .analysed(report, Document(name: path, text: "", warnings: warnings))
    }
}
