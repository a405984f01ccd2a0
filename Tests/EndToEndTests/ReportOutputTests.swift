import Foundation
import Testing

/// `report -o`: one input makes one page (or stdout), several make a folder.
@Suite("Report destinations")
struct ReportOutputTests {
    static let sample = CommandRunner.sample("council-budget.txt")

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "comments-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func isFile(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && !directory.boolValue
    }

    @Test func oneInputMakesOnePage() throws {
        let dir = try Self.folder()
        let page = dir.appending(path: "x.html")
        #expect(try CommandRunner.run(["report", Self.sample, "-o", page.path]).status == 0)
        #expect(Self.isFile(page))
        // Whatever the name: one input is one page.
        let stdinPage = dir.appending(path: "stdin-page")
        let text = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        #expect(try CommandRunner.run(["report", "-", "-o", stdinPage.path], stdin: text).status == 0)
        #expect(Self.isFile(stdinPage))
    }

    /// `--explain` folds the terms behind each comment's scores under its text; without it the page
    /// has none.
    @Test func explainAddsTheTermsBehindEachComment() throws {
        let plain = try CommandRunner.run(["report", Self.sample, "-o", "-"])
        let explained = try CommandRunner.run(["report", Self.sample, "--explain", "-o", "-"])
        #expect(plain.status == 0 && explained.status == 0)
        #expect(!plain.stdout.contains("<details class=\"why\">"))
        #expect(explained.stdout.contains("<details class=\"why\"><summary>why</summary>"))
        #expect(explained.stdout.contains("<li>drift terms: "))
        #expect(explained.stdout.contains("<li>sentiment terms: "))
    }

    /// A symbolic link stays a link (the page goes where it points), and a FIFO is written, not
    /// replaced by a regular file.
    @Test func linksAndFIFOsAreWrittenThroughNotReplaced() throws {
        let dir = try Self.folder()
        let real = dir.appending(path: "real.html")
        try Data("old".utf8).write(to: real)
        let link = dir.appending(path: "link.html")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(try CommandRunner.run(["report", Self.sample, "-o", link.path]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try String(contentsOf: real, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))

        // A broken link too: the page is written where it points.
        let dangling = dir.appending(path: "dangling.html")
        try FileManager.default.createSymbolicLink(at: dangling, withDestinationURL: dir.appending(path: "made.html"))
        #expect(try CommandRunner.run(["report", Self.sample, "-o", dangling.path]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dangling.path).hasSuffix("made.html"))
        #expect(Self.isFile(dir.appending(path: "made.html")))

        let fifo = dir.appending(path: "fifo.html")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // Opened read-write (Linux never blocks on that), the FIFO always has a reader for the
        // command to open; the reader stops at the page's end or after 30 s, so nothing hangs.
        let fd = open(fifo.path, O_RDWR)
        #expect(fd >= 0)
        defer { close(fd) }
        nonisolated(unsafe) var received: [UInt8] = []
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, !String(decoding: received.suffix(16), as: UTF8.self).contains("</html>") {
                var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if poll(&ready, 1, 100) > 0 {
                    let n = read(fd, &buffer, buffer.count)
                    if n > 0 { received += buffer[0..<n] }
                }
            }
        }
        reader.start()
        #expect(try CommandRunner.run(["report", Self.sample, "-o", fifo.path]).status == 0)
        while !reader.isFinished { usleep(1_000) }
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func dashWritesThePageToStdout() throws {
        let text = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        let r = try CommandRunner.run(["report", "-", "-o", "-"], stdin: text)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>") && r.stdout.hasSuffix("</html>\n"))
        #expect(!r.stderr.contains("wrote"))
        let file = try CommandRunner.run(["report", Self.sample, "-o", "-"])
        #expect(file.stdout.hasPrefix("<!DOCTYPE html>"))
    }

    /// Standard input that turns out to be a stream of several documents cannot be one page: each
    /// page used to overwrite the last at `-o FILE` (and `-o -` printed several HTML documents).
    /// Nothing is written and the user is told to give a folder, where each gets a page.
    @Test func aStreamOfSeveralDocumentsOnStdinIsRefusedForOnePage() throws {
        let dir = try Self.folder()
        let stream = Data(
            ([#"{"id":"one","text":"The council met.\nGreat news!"}"#, #"{"id":"two","text":"A plan.\nNo way."}"#]
                .joined(separator: "\n") + "\n").utf8)
        let page = dir.appending(path: "page.html")
        let refused = try CommandRunner.run(["report", "-", "-o", page.path, "--all-comments"], stdin: stream)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("several documents"))
        #expect(!FileManager.default.fileExists(atPath: page.path))
        let stdout = try CommandRunner.run(["report", "-", "-o", "-", "--all-comments"], stdin: stream)
        #expect(stdout.status == 2)
        #expect(stdout.stdout.isEmpty)
        let site = try CommandRunner.run(["report", "-", "-o", dir.path, "--all-comments"], stdin: stream)
        #expect(site.status == 0)
        #expect(Self.isFile(dir.appending(path: "one.html")) && Self.isFile(dir.appending(path: "two.html")))
        // One record is still one page.
        let one = Data(#"{"id":"one","text":"The council met.\nGreat news!"}"#.utf8)
        #expect(try CommandRunner.run(["report", "-", "-o", page.path, "--all-comments"], stdin: one).status == 0)
        #expect(Self.isFile(page))
    }

    @Test func severalInputsMakeAFolderAndRefuseAPageName() throws {
        let dir = try Self.folder()
        let other = CommandRunner.sample("comments-only.txt")
        let out = dir.appending(path: "site")
        #expect(try CommandRunner.run(["report", Self.sample, other, "-o", out.path]).status == 0)
        #expect(Self.isFile(out.appending(path: "index.html")))
        let html = try CommandRunner.run(["report", Self.sample, other, "-o", dir.appending(path: "two.html").path])
        #expect(html.status == 2)
        #expect(html.stderr.contains("names a page"))
        #expect(!FileManager.default.fileExists(atPath: dir.appending(path: "two.html").path))
        let existing = dir.appending(path: "notes.txt")
        try Data("keep me".utf8).write(to: existing)
        let clash = try CommandRunner.run(["report", Self.sample, other, "-o", existing.path])
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("is an existing file"))
        #expect(try Data(contentsOf: existing) == Data("keep me".utf8))
        #expect(try CommandRunner.run(["report", Self.sample, other, "-o", "-"]).status == 2)
    }
}
