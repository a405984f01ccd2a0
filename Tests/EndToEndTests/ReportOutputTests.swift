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

    @Test func dashWritesThePageToStdout() throws {
        let text = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        let r = try CommandRunner.run(["report", "-", "-o", "-"], stdin: text)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>") && r.stdout.hasSuffix("</html>\n"))
        #expect(!r.stderr.contains("wrote"))
        let file = try CommandRunner.run(["report", Self.sample, "-o", "-"])
        #expect(file.stdout.hasPrefix("<!DOCTYPE html>"))
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
