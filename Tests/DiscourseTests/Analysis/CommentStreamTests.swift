import Foundation
import Testing

@testable import Discourse

/// The streamed analysis (`CommentStream`) must give the rows and figures of `Analyzer.analyze`
/// byte for byte, whatever the chunk size (chunks far smaller than a thread or a line).
@Suite("Comment stream")
struct CommentStreamTests {
    static let samples: [(name: String, text: String)] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map {
            ($0, (try? String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) ?? "")
        }
    }()

    /// Every sample plus a thread with repeated comments, blank lines, CRLF and a lone CR, an empty
    /// file, and the segmenter's fixture pages (comment furniture in the common layouts).
    static var inputs: [(name: String, text: String)] {
        let repeated =
            "This is the same spam text again\r\n\nfirst real comment about the budget\r"
            + "This is the same spam text again\nand the council should vote\n   \nThis is the same spam text again"
        return samples + [("repeated.txt", repeated), ("empty.txt", "")]
            + Fixtures.allPages.enumerated().map { ("page-\($0.offset).txt", $0.element.lines.joined(separator: "\n")) }
    }

    static let columns = CommentColumns.all(explain: true)

    func streamed(_ analyzer: Analyzer, _ text: String, chunk: Int, name: String) throws -> (String, FileReport) {
        let source = BytesLines(text, chunkSize: chunk)
        let stream: CommentStream
        if case .detect = analyzer.options.mode {
            stream = try analyzer.stream(
                source, name: name, segmented: try analyzer.segmenter.segment(source, name: name))
        } else {
            stream = try analyzer.stream(source, name: name)
        }
        var out = ""
        let report = try stream.rows(trend: true) { row in
            out += ScoreRenderer.jsonlRow(row, file: name, columns: Self.columns)
            return true
        }
        #expect(stream.warnings == report.warnings)
        return (out, report)
    }

    func check(mode: SegmentationMode, chunk: Int) throws {
        let analyzer = Analyzer(options: AnalysisOptions(mode: mode, explain: true))
        #expect(!Self.samples.isEmpty)
        for (name, text) in Self.inputs {
            let whole = analyzer.analyze(Document(name: name, text: text))
            let (rows, report) = try streamed(analyzer, text, chunk: chunk, name: name)
            #expect(rows == ScoreRenderer.jsonl(whole, columns: Self.columns), "\(name), chunks of \(chunk)")
            #expect(report.lineCount == whole.lineCount)
            #expect(report.driftTrend == whole.driftTrend, "\(name)")
            #expect(report.segmentation.firstCommentLine == whole.segmentation.firstCommentLine)
            #expect(report.segmentation.kinds == whole.segmentation.kinds, "\(name)")
            #expect(report.segmentation.confidence == whole.segmentation.confidence, "\(name)")
            #expect(report.warnings == whole.warnings, "\(name)")
            #expect(report.commentCount == whole.comments.count)
            let outcome = { (r: FileReport) in BatchOutcome.analysed(r, Document(name: name, text: text)) }
            for column in SummaryColumns.all {
                #expect(
                    column.value(outcome(report), options: SummaryOptions())
                        == column.value(outcome(whole), options: SummaryOptions()), "\(name): \(column.name)")
            }
        }
    }

    @Test func allCommentsRowsMatchTheWholeFileAnalysis() throws {
        try check(mode: .allComments, chunk: 1 << 16)
        try check(mode: .allComments, chunk: 7)
    }

    @Test func separateArticleRowsMatchTheWholeFileAnalysis() throws {
        let article = Self.samples.first { $0.name == "council-budget.txt" }?.text ?? ""
        #expect(!article.isEmpty)
        try check(mode: .separateArticle(article), chunk: 1 << 16)
        try check(mode: .separateArticle(article), chunk: 13)
    }

    /// A page segmented in passes over its lines gives the rows, segmentation and figures of the
    /// whole-page analysis: comments grouped by their furniture, authors and dates included.
    @Test func segmentedPageRowsMatchTheWholeFileAnalysis() throws {
        try check(mode: .detect, chunk: 1 << 16)
        try check(mode: .detect, chunk: 11)
    }

    @Test func earlyStopHandsOverOnlyTheRowsAsked() throws {
        let analyzer = Analyzer(options: AnalysisOptions(mode: .allComments))
        let text = Self.samples.first { $0.name == "comments-only.txt" }?.text ?? ""
        var seen = 0
        let report = try analyzer.stream(BytesLines(text, chunkSize: 5), name: "c").rows { _ in
            seen += 1
            return seen < 2
        }
        #expect(seen == 2)
        #expect(report.commentCount == 2)
    }

    @Test func detectModeIsNotStreamable() {
        #expect(!CommentStream.supports(.detect))
        #expect(CommentStream.supports(.allComments))
        #expect(CommentStream.supports(.separateArticle("x")))
    }
}

@Suite("Chunked lines")
struct ChunkedLinesTests {
    func lines(_ source: some LineSource) throws -> ([String], LineScan) {
        var out: [String] = []
        let scan = try source.forEachLine { bytes in
            out.append(String(decoding: bytes, as: UTF8.self))
            return true
        }
        return (out, scan)
    }

    static let texts = [
        "", "one", "one\n", "a\r\nb\rc\n\nd", "\r\r\n\n\r", "x\r", "é👍 wörds\r\nmore\r\n",
        String(repeating: "long ", count: 300),
    ]

    @Test func splitsAsTextLinesDoesAtEveryChunkSize() throws {
        for text in Self.texts {
            for chunk in [1, 2, 3, 5, 64, 1 << 16] {
                let (got, scan) = try lines(BytesLines(text, chunkSize: chunk))
                #expect(got == TextLines.split(text), "\(text.debugDescription) in chunks of \(chunk)")
                #expect(scan.textBytes == text.utf8.count)
                #expect(scan.firstRepairedLine == nil)
            }
        }
    }

    @Test func repairsAsTheDecoderDoesAndNamesTheFirstLine() throws {
        // NULs in the first 8 KiB make a file binary: the bad bytes come after 9,100 bytes of text.
        let padding = Array(String(repeating: "padding line\n", count: 700).utf8)
        let bytes: [UInt8] =
            padding + Array("fine\r\nstill fine\n".utf8) + [0x62, 0xFF, 0x0A, 0xE2, 0x82, 0x0D, 0x00, 0x41]
        let decoded = try TextDecoder.decode(bytes, path: "f").get()
        for chunk in [1, 4, 1 << 10, 1 << 20] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("chunked-\(chunk).txt").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            defer { try? FileManager.default.removeItem(atPath: path) }
            var source = try #require(try FileLines.open(path).get())
            source.chunkSize = chunk
            let (got, scan) = try lines(source)
            #expect(got == TextLines.split(decoded.text))
            #expect(scan.firstRepairedLine == decoded.warnings.first?.line)
            #expect(scan.firstRepairedLine == 703)
        }
    }

    /// Every pass reads the bytes the file had when it was opened, so lines appended in between (a
    /// log being written) cannot give a later pass more lines than the first counted.
    @Test func everyPassSeesTheFileAsItWasOpened() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("growing.txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("one\ntwo\n".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try #require(try FileLines.open(path).get())
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("three\nfour\n".utf8))
        try handle.close()
        #expect(try lines(source).0 == ["one", "two"])
        #expect(try lines(source).0 == ["one", "two"])
    }

    @Test func fileStartIsCheckedAsTheDecoderChecksIt() throws {
        let dir = FileManager.default.temporaryDirectory
        func open(_ bytes: [UInt8]) throws -> Result<FileLines?, InputError> {
            let path = dir.appendingPathComponent("start-\(bytes.count)-\(bytes.first ?? 0).txt").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let opened = FileLines.open(path)
            if case .success(let source?) = opened {
                #expect(try lines(source).0 == TextLines.split(try TextDecoder.decode(bytes, path: path).get().text))
            }
            return opened
        }
        if case .success(let source) = try open([0xEF, 0xBB, 0xBF] + Array("Title\nbody".utf8)) {
            #expect(source != nil)
        } else {
            Issue.record("a UTF-8 file with a BOM streams")
        }
        if case .success(let source) = try open([0xFF, 0xFE, 0x41, 0x00]) {
            #expect(source == nil)  // UTF-16: decoded whole by the caller
        } else {
            Issue.record("UTF-16 is handed back")
        }
        guard case .failure(.binary(_, let offset)) = try open(Array("ab".utf8) + [0, 1]) else {
            Issue.record("a NUL near the start is binary")
            return
        }
        #expect(offset == 2)
        guard case .failure(.unsupportedEncoding) = try open([0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0]) else {
            Issue.record("UTF-32 is refused")
            return
        }
    }
}

@Suite("Repeat counter and streamed trend")
struct RepeatCounterTests {
    @Test func countsOnlyRepeatsAcrossSpilledRuns() throws {
        var rng = SystemRandomNumberGenerator()
        let keys = (0..<500).map { _ in UInt64.random(in: 2...60, using: &rng) } + [1 << 63, 1 << 63, 99]
        var expected: [UInt64: Int] = [:]
        for key in keys { expected[key, default: 0] += 1 }
        for runLength in [2, 7, 64, 1 << 20] {
            var counter = RepeatCounter(runLength: runLength)
            for key in keys { try counter.add(key) }
            let table = try counter.repeated()
            for (key, count) in expected {
                #expect(table[key] == (count > 1 ? count : nil), "key \(key), runs of \(runLength)")
            }
            #expect(table.count == expected.values.filter { $0 > 1 }.count)
        }
    }

    @Test func accumulatedTrendIsTheSlope() {
        let values = [0.2, 0.9, 0.4, 0.55, 0.7, 0.1, 0.3]
        let weights = [0.5, 0, 0.25, 1, 0.8, 0.1, 0.3]
        for n in 0...values.count {
            var a = DriftTrend.Accumulator()
            for i in 0..<n { a.add(values[i], weight: weights[i]) }
            a.startSecondPass()
            for i in 0..<n { a.add(values[i], weight: weights[i]) }
            #expect(a.slope == DriftTrend.slope(Array(values[..<n]), weights: Array(weights[..<n])))
        }
    }
}
