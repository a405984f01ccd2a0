import Foundation
import Testing

/// Large files are streamed (#12), pages segmented in passes over the file; `COMMENTS_STREAM_BYTES=0`
/// streams every file, so each command's output can be compared with the whole-file path on small
/// inputs.
@Suite("Streaming")
struct StreamingEndToEndTests {
    static let wholeFile = ["COMMENTS_STREAM_BYTES": "1000000000"]
    static let streamed = ["COMMENTS_STREAM_BYTES": "0"]

    /// Samples and a file with repeated comments, invalid UTF-8 and a CR line end.
    static func inputs() throws -> [String] {
        var bytes = Array("first comment here\r\nThis is the same text again\n\nThis is the same text again\r".utf8)
        bytes += [0x62, 0xFF, 0x0A] + Array("last one, no final break".utf8)
        let odd = try CommandRunner.temporaryFile(Data(bytes))
        return [CommandRunner.sample("comments-only.txt"), CommandRunner.sample("council-budget.txt"), odd]
    }

    /// Runs `arguments` both ways; `{summary}` stands for a summary file, compared too.
    func same(_ arguments: [String]) throws {
        let summary = FileManager.default.temporaryDirectory.appending(path: "stream-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: summary) }
        let args = arguments.map { $0 == "{summary}" ? summary : $0 }
        let whole = try CommandRunner.run(args, environment: Self.wholeFile)
        let wholeSummary = try? String(contentsOfFile: summary, encoding: .utf8)
        let stream = try CommandRunner.run(args, environment: Self.streamed)
        #expect((try? String(contentsOfFile: summary, encoding: .utf8)) == wholeSummary)
        #expect(whole.status == 0)
        #expect(stream.status == whole.status)
        #expect(stream.stdout == whole.stdout, "\(arguments)")
        #expect(stream.stderr == whole.stderr, "\(arguments)")
        #expect(!whole.stdout.isEmpty)
    }

    @Test func scoreRowsAreTheSameStreamed() throws {
        let files = try Self.inputs()
        for format in ["csv", "jsonl"] {
            try same(["score", "--all-comments", "--explain", "--format", format] + files)
            try same(["score", "--article", files[1], "--format", format, "--jobs", "2"] + files)
        }
    }

    @Test func exportRowsAndSummaryAreTheSameStreamed() throws {
        let files = try Self.inputs()
        for format in ["--csv", "--jsonl"] {
            try same(["export", "--all-comments", "--explain", format, "-", "--summary", "{summary}"] + files)
            try same(["export", "--article", files[1], format, "-", "--summary", "{summary}"] + files)
        }
    }

    /// Pages (segmented, comment furniture included) stream too: the same rows, summary and
    /// warnings, and with `--min-confidence` the same files lose their rows with the same message.
    @Test func segmentedPagesAreTheSameStreamed() throws {
        let pages = ["bridge-closure-handles.txt", "school-meals-votes.txt", "forum-thread-markdown.txt"]
        let files = try Self.inputs() + pages.map(CommandRunner.sample) + [CommandRunner.temporaryFile(Data())]
        for format in ["--csv", "--jsonl"] {
            try same(["export", "--explain", format, "-", "--summary", "{summary}"] + files)
        }
        try same(["export", "--csv", "-", "--min-confidence", "0.9", "--summary", "{summary}"] + files)
        try same(["score", "--format", "csv"] + files)
    }

    /// Ctrl-C while a large file's rows stream out: the output ends at a full row, and the file
    /// gets no summary row. It used to get one saying `ok`, with the count and statistics of the
    /// rows written so far, and it was counted among the inputs done.
    @Test func ctrlCInsideAStreamedFileLeavesItOutOfTheSummary() throws {
        let small = try CommandRunner.temporaryFile(Data("A first comment.\nAnd a second one!\n".utf8), name: "a.txt")
        let line = "Honestly I think the council got this one badly wrong, again.\n"
        let big = try CommandRunner.temporaryFile(Data(String(repeating: line, count: 40_000).utf8), name: "b.txt")
        let summary = FileManager.default.temporaryDirectory.appending(path: "ctrlc-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: summary) }
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["export", small, big, "--all-comments", "--csv", "-", "--summary", summary, "--jobs", "1"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // The rows fill the pipe and the export waits on it, inside the big file, when the
        // interrupt comes; then the rest is read so that it can stop.
        var head = Data()
        while head.count < 256 * 1024, let chunk = try out.fileHandleForReading.read(upToCount: 65536), !chunk.isEmpty {
            head += chunk
        }
        kill(process.processIdentifier, SIGINT)
        let rest = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted after 1 input;"), "\(stderr)")
        let rows = String(decoding: head + rest, as: UTF8.self)
        #expect(rows.hasSuffix("\r\n"))
        #expect(rows.contains(big))
        let lines = try String(contentsOfFile: summary, encoding: .utf8).split(separator: "\r\n")
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.contains(small) })
        #expect(!lines.contains { $0.contains(big) })
    }
}
