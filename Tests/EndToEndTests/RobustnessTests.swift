import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Closed standard descriptors, outputs that would overwrite each other or an input, folders that
/// cannot be searched, and ids of stream records.
@Suite("Robustness of the command line")
struct RobustnessTests {
    let sample = CommandRunner.sample("council-budget.txt")

    func folder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appending(path: "\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func closedStdoutIsLostOutputNotACrash() throws {
        let r = try #require(try CommandRunner.shell("\"$0\" score '\(sample)' -f csv >&-"))
        #expect(r.status == 1)
        #expect(r.stderr.contains("comments: stdout: cannot write (Bad file descriptor)"))
    }

    @Test func closedStderrIsNotACrash() throws {
        let empty = try CommandRunner.temporaryFile(Data(), name: "empty.txt")
        let r = try #require(try CommandRunner.shell("\"$0\" score '\(empty)' -f csv 2>&-"))
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("file,comment,"))
    }

    /// With stderr closed, the output file must not take descriptor 2 and receive the warnings.
    @Test func closedStderrDoesNotSendWarningsIntoTheOutputFile() throws {
        let dir = try folder("closed-stderr")
        try Data([0x61, 0xFF, 0x62, 0x0A, 0x63, 0x0A]).write(to: dir.appending(path: "bad.txt"))
        let r = try #require(
            try CommandRunner.shell("\"$0\" export bad.txt '\(sample)' --csv w.csv 2>&-", directory: dir))
        #expect(r.status == 0)
        let csv = try String(contentsOf: dir.appending(path: "w.csv"), encoding: .utf8)
        #expect(!csv.contains("warning"))
        #expect(csv.hasPrefix("file,comment,"))
    }

    @Test func exportRefusesTheSameFileForRowsAndSummary() throws {
        let dir = try folder("same-output")
        let r = try CommandRunner.run(["export", sample, "--csv", "out.csv", "--summary", "out.csv"], directory: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("--summary out.csv is the same file as --csv out.csv"))
        #expect(!FileManager.default.fileExists(atPath: dir.appending(path: "out.csv").path))

        try Data().write(to: dir.appending(path: "rows.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: dir.appending(path: "link.csv").path, withDestinationPath: "rows.csv")
        let linked = try CommandRunner.run(
            ["export", sample, "--csv", "rows.csv", "--summary", "link.csv"], directory: dir)
        #expect(linked.status == 2)
        #expect(linked.stderr.contains("--summary link.csv is the same file as --csv rows.csv"))

        let devices = try CommandRunner.run(["export", sample, "--csv", "/dev/null", "--summary", "/dev/null"])
        #expect(devices.status == 0)
    }

    @Test func outputsMayNotReplaceAnInput() throws {
        let dir = try folder("self-output")
        let input = dir.appending(path: "self.txt")
        try FileManager.default.copyItem(atPath: sample, toPath: input.path)
        let before = try Data(contentsOf: input)
        let report = try CommandRunner.run(["report", "self.txt", "-o", "self.txt"], directory: dir)
        #expect(report.status == 2)
        #expect(report.stderr.contains("-o self.txt is the input self.txt"))
        let export = try CommandRunner.run(["export", "self.txt", "--jsonl", "./self.txt"], directory: dir)
        #expect(export.status == 2)
        #expect(export.stderr.contains("--jsonl ./self.txt is the input self.txt"))
        #expect(try Data(contentsOf: input) == before)
    }

    @Test func reportOfAFailedInputDoesNotSayItWrote() throws {
        let dir = try folder("report-failed")
        try Data([0x78, 0x00, 0x79]).write(to: dir.appending(path: "nul.txt"))
        let r = try CommandRunner.run(["report", "nul.txt", "-o", "e.html"], directory: dir)
        #expect(r.status == 1)
        #expect(!r.stderr.contains("wrote"))
        #expect(!FileManager.default.fileExists(atPath: dir.appending(path: "e.html").path))
    }

    @Test func unreadableFoldersAreReportedAndTheRestRuns() throws {
        let dir = try folder("locked")
        try FileManager.default.createDirectory(at: dir.appending(path: "locked"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appending(path: "open"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sample, toPath: dir.appending(path: "locked/a.txt").path)
        try FileManager.default.copyItem(atPath: sample, toPath: dir.appending(path: "open/b.txt").path)
        chmod(dir.appending(path: "locked").path, 0)
        defer { chmod(dir.appending(path: "locked").path, 0o755) }
        guard let r = try CommandRunner.shell("\"$0\" score -f csv .", directory: dir, unprivileged: true) else {
            return
        }
        #expect(r.status == 1)
        #expect(r.stderr.contains("./locked: cannot read (Permission denied)"))
        #expect(r.stdout.contains("./open/b.txt,1,"))
        let direct = try #require(
            try CommandRunner.shell("\"$0\" score -f csv locked", directory: dir, unprivileged: true))
        #expect(direct.status == 1)
        #expect(direct.stderr.contains("locked: cannot read (Permission denied)"))
        #expect(!direct.stderr.contains("holds no"))
    }

    /// The walk holds one folder open at a time: a tree deeper than the descriptor limit is read.
    @Test func aDeepTreeNeedsNoDescriptorPerLevel() throws {
        let dir = try folder("deep")
        var leaf = dir.appending(path: "tree")
        for _ in 0..<120 { leaf = leaf.appending(path: "d") }
        try FileManager.default.createDirectory(at: leaf, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sample, toPath: leaf.appending(path: "a.txt").path)
        let r = try #require(try CommandRunner.shell("ulimit -n 64 && \"$0\" score -f csv tree", directory: dir))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("Too many open files"))
        #expect(r.stdout.contains("/d/a.txt"))
    }

    /// A name that is not UTF-8 cannot be named in the outputs: reported, not skipped unsaid.
    @Test func namesThatAreNotUTF8AreReported() throws {
        let dir = try folder("bytes")
        try FileManager.default.copyItem(atPath: sample, toPath: dir.appending(path: "good.txt").path)
        let name = Array("bad-".utf8) + [0xFF] + Array(".txt".utf8)
        let path = Array(dir.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        try #require(fd >= 0)
        close(fd)
        let r = try CommandRunner.run(["score", "-f", "csv", "."], directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad-\u{FFFD}.txt: cannot read (its name is not valid UTF-8; rename it)"))
        #expect(r.stdout.contains("./good.txt,1,"))
        let direct = try #require(
            try CommandRunner.shell("\"$0\" score \"$(printf 'bad-\\377.txt')\"", directory: dir))
        #expect(direct.status == 1)
        #expect(direct.stderr.contains("its name is not valid UTF-8"))
    }

    func streamIDs(_ record: String) throws -> (CommandRunner.Result, [String]) {
        let r = try CommandRunner.run(["export", "--jsonl", "-", "-"], stdin: Data((record + "\n").utf8))
        let ids = r.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["file"] as? String
        }
        return (r, ids)
    }

    @Test func booleanIDsAreMalformedRecords() throws {
        let (r, ids) = try streamIDs(#"{"id":true,"article":"The council met.","comments":["Good council."]}"#)
        #expect(ids.isEmpty)
        #expect(r.stdout.contains(#""error":"\"id\" must be a string or a number""#))
    }

    @Test func numericIDsKeepTheirSpelling() throws {
        for spelling in ["1.50", "-0", "7", "12345678901234567890"] {
            let (_, ids) = try streamIDs(
                #"{"id":\#(spelling),"article":"The council met.","comments":["Good council."]}"#)
            #expect(ids.first == spelling)
        }
    }

    @Test func summaryRowsOfMalformedRecordsCarryTheirID() throws {
        let stream = #"{"id":"doc-9","article":"The council met.","comments":[1]}"# + "\n"
        let r = try CommandRunner.run(
            ["export", "-", "--csv", "/dev/null", "--summary", "-"], stdin: Data(stream.utf8))
        let rows = r.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.count == 2)
        #expect(rows.last?.hasPrefix("doc-9,failed,") == true)
    }

    @Test func quietStillNamesWithheldFiles() throws {
        let r = try CommandRunner.run(["score", sample, "--min-confidence", "0.99", "-q", "-f", "csv"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("council-budget.txt: no rows:"))
    }

    @Test func lineBreaksInNamesCannotStartALineOfTheirOwn() throws {
        let r = try CommandRunner.run(["score", "nofile\ncomments: all good"])
        #expect(r.status == 1)
        #expect(r.stderr == "comments: nofile\\ncomments: all good: no such file or directory\n")
    }

    @Test func jobsOverTheLimitIsAUsageError() throws {
        let r = try CommandRunner.run(["score", sample, "--jobs", "1000", "-f", "csv"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
    }

    @Test func unreadableAPIKeyFileIsExitOneAsTheHelpSays() throws {
        let r = try CommandRunner.run(["serve", "--port", "0", "--api-key-file", "/nonexistent/key"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--api-key-file: /nonexistent/key: no such file or directory"))
        #expect(!r.stdout.contains("listening"))
    }

    /// The table shows what JSON Lines does with --explain: sentiment terms and triage evidence too.
    @Test func explainedTablesShowSentimentTermsAndTriageEvidence() throws {
        let r = try CommandRunner.run(["score", "--explain", "-f", "table", sample])
        #expect(r.status == 0)
        #expect(r.stdout.contains("#1 sentiment terms: "))
        #expect(r.stdout.contains("#3 triage evidence: shouting: "))
        let plain = try CommandRunner.run(["score", "-f", "table", sample])
        #expect(!plain.stdout.contains("sentiment terms") && !plain.stdout.contains("evidence"))
    }

    /// The warning about repaired bytes says how many lines had them, streamed or read whole.
    @Test func repairedBytesWarningCountsTheLines() throws {
        var bytes = Array("Council news\n".utf8) + [0x61, 0xFF, 0x0A] + Array("fine\n".utf8)
        bytes += [0x62, 0xFE, 0x0A, 0x63, 0xC0, 0x0A]
        let path = try CommandRunner.temporaryFile(Data(bytes), name: "bad.txt")
        for streamBytes in ["0", "100000000"] {
            let r = try CommandRunner.run(
                ["export", path, "--csv", "/dev/null"], environment: ["COMMENTS_STREAM_BYTES": streamBytes])
            #expect(
                r.stderr.contains(
                    "bad.txt:2: warning: invalid UTF-8 or NUL bytes replaced with U+FFFD (and 2 more lines)"))
        }
    }
}
