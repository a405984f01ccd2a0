import Foundation
import Testing

/// Every kind of bad input named in the foundation issue: reported clearly, never a crash, and the
/// rest of a batch still runs.
@Suite("Bad input")
struct BadInputTests {
    let good = CommandRunner.sample("comments-only.txt")

    func rows(_ jsonl: String) -> [[String: Any]] {
        jsonl.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func missingFileIsReportedAndTheRestRuns() throws {
        let r = try CommandRunner.run(["score", "--all-comments", "--format", "jsonl", "no-such-file.txt", good])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no-such-file.txt: no such file or directory"))
        #expect(rows(r.stdout).count == 6)
    }

    @Test func unreadableFileGivesTheSystemReason() throws {
        // /proc/self/mem exists but fails to read at offset 0, even for root.
        let r = try CommandRunner.run(["segment", "--format", "json", "/proc/self/mem", good])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/proc/self/mem: cannot read (Input/output error)"))
        #expect(r.stdout.contains("comments-only.txt"))
    }

    @Test func directoryWithoutTextFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "no-txt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: dir.appending(path: "notes.md"))
        let r = try CommandRunner.run(["score", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("directory holds no *.txt files"))
    }

    @Test func directoriesAreSearchedRecursivelyInSortedOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "tree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appending(path: "sub"), withIntermediateDirectories: true)
        try Data("one comment\n".utf8).write(to: dir.appending(path: "b.txt"))
        try Data("another comment\n".utf8).write(to: dir.appending(path: "sub/a.txt"))
        try Data("ignored\n".utf8).write(to: dir.appending(path: "c.md"))
        let r = try CommandRunner.run(["score", "--all-comments", "--format", "jsonl", dir.path])
        #expect(r.status == 0)
        let files = rows(r.stdout).compactMap { $0["file"] as? String }
        #expect(files.count == 2)
        #expect(files[0].hasSuffix("/b.txt") && files[1].hasSuffix("/sub/a.txt"))
    }

    /// A broken `*.txt` link in a directory is reported (exit 1), not skipped unsaid.
    @Test func brokenLinksInADirectoryAreReported() throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("one comment\n".utf8).write(to: dir.appending(path: "a.txt"))
        try FileManager.default.createSymbolicLink(
            at: dir.appending(path: "b.txt"), withDestinationURL: dir.appending(path: "gone.txt"))
        let r = try CommandRunner.run(["score", "--all-comments", "--format", "jsonl", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("b.txt"), "\(r.stderr)")
        #expect(rows(r.stdout).count == 1)
    }

    @Test func emptyAndWhitespaceFilesHaveNoComments() throws {
        for contents in ["", "  \n\t\n\n"] {
            let path = try CommandRunner.temporaryFile(Data(contents.utf8))
            let r = try CommandRunner.run(["segment", "--format", "json", path])
            #expect(r.status == 0)
            let object = try #require(rows(r.stdout).first)
            #expect(object["first_comment_line"] is NSNull)
            #expect((object["comment_lines"] as? [Any])?.isEmpty == true)
        }
        let empty = try CommandRunner.temporaryFile(Data())
        #expect(try CommandRunner.run(["score", empty]).stderr.contains("file is empty"))
    }

    @Test func binaryFileIsRefusedAndTheBatchGoesOn() throws {
        let path = try CommandRunner.temporaryFile(Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2]), name: "a.out.txt")
        let r = try CommandRunner.run(["score", "--all-comments", "--format", "jsonl", path, good])
        #expect(r.status == 1)
        #expect(r.stderr.contains("looks like a binary file (NUL byte at offset 4)"))
        #expect(rows(r.stdout).count == 6)
    }

    @Test func invalidUTF8IsRepairedWithAWarning() throws {
        let bytes = Array("first comment\nsecond \u{00E9}".utf8) + [0xFF, 0xFE, 0x41] + Array(" third\n".utf8)
        let path = try CommandRunner.temporaryFile(Data(bytes))
        let r = try CommandRunner.run(["score", "--all-comments", "--format", "jsonl", path])
        #expect(r.status == 0)
        #expect(r.stderr.contains(":2: warning: invalid UTF-8"))
        let texts = rows(r.stdout).compactMap { $0["text"] as? String }
        #expect(texts == ["first comment", "second é\u{FFFD}\u{FFFD}A third"])
    }

    @Test func bomUTF16AndLineEndingsAreHandled() throws {
        let utf8BOM = try CommandRunner.temporaryFile(Data([0xEF, 0xBB, 0xBF] + Array("one\r\ntwo\rthree\n".utf8)))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "one\r\ntwo\rthree\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let utf16Path = try CommandRunner.temporaryFile(Data(utf16))
        for path in [utf8BOM, utf16Path] {
            let r = try CommandRunner.run(["score", "--all-comments", "--format", "jsonl", path])
            #expect(r.status == 0)
            let got = rows(r.stdout).map { ($0["line"] as? Int ?? 0, $0["text"] as? String ?? "") }
            #expect(got.map(\.0) == [1, 2, 3])
            #expect(got.map(\.1) == ["one", "two", "three"])
        }
    }

    @Test func standardInputIsADash() throws {
        let r = try CommandRunner.run(
            ["score", "--all-comments", "--format", "jsonl", "-"], stdin: Data("from stdin\nsecond\n".utf8))
        #expect(r.status == 0)
        let parsed = rows(r.stdout)
        #expect(parsed.count == 2)
        #expect(parsed.first?["file"] as? String == "-")
    }

    @Test func veryLongLineIsAnalysedInBoundedWork() throws {
        // 3 MB on one line: analysed on its first MiB with a warning, reported whole.
        let line = String(repeating: "word ", count: 600_000)
        let path = try CommandRunner.temporaryFile(Data(line.utf8))
        let r = try CommandRunner.run(["score", "--all-comments", "--format", "jsonl", path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("only its first 1048576 bytes were analysed"))
        #expect((rows(r.stdout).first?["text"] as? String)?.utf8.count == line.utf8.count)
    }
}
