import Foundation
import Testing

@Suite("Export")
struct ExportEndToEndTests {
    /// A strict RFC 4180 reader: fails on a stray quote, requires CRLF record ends.
    static func readCSV(_ text: String) throws -> [[String]] {
        struct Malformed: Error { var at: Int }
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var scalars = Array(text.unicodeScalars)[...]
        var position = 0
        var quoted = false
        var fieldStart = true
        while let c = scalars.popFirst() {
            position += 1
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars.removeFirst()
                    } else {
                        quoted = false
                        guard let next = scalars.first, next == "," || next == "\r" else {
                            throw Malformed(at: position)
                        }
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard fieldStart else { throw Malformed(at: position) }
                quoted = true
                fieldStart = false
            case ",":
                record.append(field)
                field = ""
                fieldStart = true
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Malformed(at: position) }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                fieldStart = true
            case "\n":
                throw Malformed(at: position)
            default:
                field.unicodeScalars.append(c)
                fieldStart = false
            }
        }
        guard record.isEmpty, field.isEmpty, !quoted else { throw Malformed(at: position) }
        return records
    }

    static let hostile = [
        "plain comment",
        "=HYPERLINK(\"http://evil.example\")",
        "-1 is my score, \"quoted\", with commas",
        "@everyone look",
        "+44 call me",
        "tab\tinside and a \u{7} bell",
        "emoji 😀 and \u{2028} separator",
    ]

    func hostileFile() throws -> String {
        try CommandRunner.temporaryFile(Data(Self.hostile.joined(separator: "\n").utf8))
    }

    @Test func csvRoundTripsThroughAStrictReaderWithTheGuard() throws {
        let path = try hostileFile()
        let r = try CommandRunner.run(["export", "--all-comments", "--csv", "-", path])
        #expect(r.status == 0)
        let records = try Self.readCSV(r.stdout)
        let header = records[0]
        let text = try #require(header.firstIndex(of: "text"))
        let got = records.dropFirst().map { $0[text] }
        let guarded = Self.hostile.map { s -> String in
            ["=", "+", "-", "@", "\t", "\r"].contains(where: { s.hasPrefix($0) }) ? "'" + s : s
        }
        #expect(got == guarded)
        #expect(!r.stdout.hasPrefix("\u{FEFF}"))
    }

    @Test func formulaGuardCanBeTurnedOffAndExcelGetsABOM() throws {
        let path = try hostileFile()
        let r = try CommandRunner.run(["export", "--all-comments", "--csv", "-", "--no-formula-guard", "--excel", path])
        #expect(r.stdout.hasPrefix("\u{FEFF}file,"))
        let records = try Self.readCSV(String(r.stdout.dropFirst()))
        let text = try #require(records[0].firstIndex(of: "text"))
        #expect(records.dropFirst().map { $0[text] } == Self.hostile)
    }

    @Test func jsonlIsValidJSONPerLineWithTheSameText() throws {
        let path = try hostileFile()
        let r = try CommandRunner.run(["export", "--all-comments", "--jsonl", "-", path])
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == Self.hostile.count)
        let texts = try lines.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["text"] as? String ?? ""
        }
        #expect(texts == Self.hostile)
    }

    @Test func outputOrderIsStableWhateverTheJobs() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for i in 0..<40 {
            // Sizes vary so that files finish out of order on several threads.
            let lines = (0..<(i % 7 == 0 ? 400 : 3)).map { "comment \($0) of file \(i)" }
            try Data(lines.joined(separator: "\n").utf8).write(to: dir.appending(path: String(format: "f%02d.txt", i)))
        }
        let one = try CommandRunner.run(["export", "--all-comments", "--jsonl", "-", "--jobs", "1", dir.path])
        let many = try CommandRunner.run(["export", "--all-comments", "--jsonl", "-", "--jobs", "6", dir.path])
        #expect(one.status == 0 && many.status == 0)
        #expect(one.stdout == many.stdout)
        #expect(one.stdout.split(separator: "\n").count == 6 * 400 + 34 * 3)
    }

    @Test func failingFileIsReportedSkippedAndSummarised() throws {
        let bad = try CommandRunner.temporaryFile(Data([0x41, 0, 0x42]), name: "bad.txt")
        let good = try CommandRunner.temporaryFile(Data("one\ntwo\n".utf8), name: "good.txt")
        let summary = FileManager.default.temporaryDirectory.appending(path: "summary-\(UUID().uuidString).csv").path
        let r = try CommandRunner.run(["export", "--all-comments", "--csv", "-", "--summary", summary, bad, good])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.txt: looks like a binary file"))
        #expect(try Self.readCSV(r.stdout).count == 3)
        let rows = try Self.readCSV(String(contentsOfFile: summary, encoding: .utf8))
        let status = try #require(rows[0].firstIndex(of: "status"))
        let comments = try #require(rows[0].firstIndex(of: "comments"))
        #expect(rows.count == 3)
        #expect(rows[1][status] == "failed" && rows[1][comments] == "")
        #expect(rows[2][status] == "ok" && rows[2][comments] == "2")
    }

    @Test func noProgressOutputWhenStderrIsNotATerminal() throws {
        let r = try CommandRunner.run([
            "export", "--all-comments", "--jsonl", "-", CommandRunner.sample("comments-only.txt"),
        ])
        #expect(r.stderr.isEmpty)
        #expect(!r.stderr.contains("\r"))
    }

    @Test func streamingFilterReadsJSONDocumentsFromStdin() throws {
        let input = """
            {"id": "doc-1", "article": "The council approved the flood plan.", "comments": ["Great news", "About time"]}
            {"id": "doc-2", "text": "Only an article line here."}

            """
        let r = try CommandRunner.run(["export", "--jsonl", "-", "-"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        let objects = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["file"] as? String } == ["doc-1", "doc-1"])
        #expect(objects.map { $0["text"] as? String } == ["Great news", "About time"])
    }

    /// The map step of a cluster job: a malformed record in the middle of the stream costs only
    /// its own rows. It is reported with its record number and id, written as an error record in
    /// its place, and the run exits 0 (1 with --strict); the other documents' rows are all there.
    @Test(arguments: ["1", "2"])
    func malformedRecordInTheStreamIsReportedAndSkipped(jobs: String) throws {
        let input = """
            {"id": "doc-1", "article": "The council approved the flood plan.", "comments": ["Great news", "About time"]}
            {"id": "doc-2", "text": "truncated
            {"article": "Rain is due.", "comments": ["Bring a coat"]}

            """
        let r = try CommandRunner.run(["export", "--jsonl", "-", "-", "--jobs", jobs], stdin: Data(input.utf8))
        #expect(r.status == 0)
        #expect(r.stderr.contains(#"-:2: record 2 (id "doc-2"): not valid JSON"#))
        #expect(r.stderr.contains("1 malformed record in the input stream"))
        let objects = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 4)
        #expect(objects.map { $0["text"] as? String } == ["Great news", "About time", nil, "Bring a coat"])
        #expect(objects[2]["id"] as? String == "doc-2" && objects[2]["record"] as? Int == 2)
        #expect((objects[2]["error"] as? String)?.hasPrefix("not valid JSON") == true)
        let third = try #require(objects[3]["file"] as? String)
        #expect(third.hasPrefix("-#") && third.count == 18, "no id: named by its content")

        let strict = try CommandRunner.run(["export", "--jsonl", "-", "-", "--strict"], stdin: Data(input.utf8))
        #expect(strict.status == 1)
        #expect(strict.stdout == r.stdout)
    }

    @Test func destinationIsRequiredAndUnique() throws {
        #expect(try CommandRunner.run(["export", "x.txt"]).status == 2)
        #expect(try CommandRunner.run(["export", "--csv", "a.csv", "--jsonl", "b.jsonl", "x.txt"]).status == 2)
        #expect(try CommandRunner.run(["export", "-o", "out.xlsx", "x.txt"]).stderr.contains("extension"))
    }
}
