import Foundation
import Testing

/// Golden files: the output of every command and format on every sample, compared byte for byte.
///
/// They are the safety net for refactoring: a change that should be behaviour-neutral must leave
/// every file in `Snapshots/` as it is. When a change alters output on purpose, re-record with
///
///     COMMENTS_RECORD_SNAPSHOTS=1 swift test --filter Snapshot
///
/// (the run fails, so that recording is never left on by accident), read `git diff Tests/EndToEndTests/Snapshots`
/// and commit the files with the change that explains them.
@Suite("Snapshots")
struct SnapshotTests {
    /// One golden: a command line run from the package root, and where its output is kept.
    struct Case: CustomTestStringConvertible, Sendable {
        /// Path of the golden under `Snapshots/`.
        var name: String
        /// `{out}` stands for a fresh temporary file whose contents are the golden instead of stdout.
        var arguments: [String]

        var testDescription: String { name }
    }

    static let samples = [
        "bridge-closure-handles", "comments-only", "council-budget", "forum-thread-markdown", "heatwave-boilerplate",
        "library-opening", "school-meals-votes",
    ]

    /// Every command and format, per sample.
    static let perSample: [(String, [String], String)] = [
        ("score-table", ["score", "--format", "table"], "txt"),
        ("score-csv", ["score", "--format", "csv"], "csv"),
        ("score-jsonl", ["score", "--format", "jsonl"], "jsonl"),
        ("score-json", ["score", "--format", "json"], "json"),
        ("score-explain", ["score", "--format", "json", "--explain"], "json"),
        ("score-explain-table", ["score", "--format", "table", "--explain"], "txt"),
        ("segment-table", ["segment", "--format", "table"], "txt"),
        ("segment-json", ["segment", "--format", "json"], "json"),
        ("segment-explain", ["segment", "--format", "json", "--explain"], "json"),
        ("triage-table", ["triage", "--format", "table"], "txt"),
        ("triage-csv", ["triage", "--format", "csv"], "csv"),
        ("triage-explain", ["triage", "--format", "jsonl", "--explain"], "jsonl"),
        ("export-csv", ["export", "--csv", "-"], "csv"),
        ("export-jsonl", ["export", "--jsonl", "-", "--explain"], "jsonl"),
        ("export-summary", ["export", "--jsonl", "/dev/null", "--summary", "{out}"], "csv"),
        ("report", ["report", "-o", "{out}"], "html"),
    ]

    static let cases: [Case] =
        samples.flatMap { sample in
            perSample.map { command, arguments, ext in
                Case(name: "\(command)/\(sample).\(ext)", arguments: arguments + ["Samples/\(sample).txt"])
            }
        } + [
            Case(name: "corpus/columns.txt", arguments: ["columns"]),
            Case(name: "corpus/columns.md", arguments: ["columns", "--markdown"]),
            Case(name: "corpus/triage.csv", arguments: ["triage", "--format", "csv", "Samples"]),
            Case(name: "corpus/export.csv", arguments: ["export", "Samples", "--csv", "-", "--jobs", "2"]),
            Case(
                name: "corpus/summary.csv",
                arguments: ["export", "Samples", "--csv", "/dev/null", "--summary", "{out}"]),
            Case(
                name: "corpus/all-comments.jsonl",
                arguments: ["score", "--all-comments", "--format", "jsonl", "Samples/comments-only.txt"]),
            Case(
                name: "corpus/separate-article.csv",
                arguments: [
                    "score", "--article", "Samples/library-opening.txt", "--format", "csv", "Samples/comments-only.txt",
                ]),
        ]

    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Snapshots")
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["COMMENTS_RECORD_SNAPSHOTS"] == "1" }

    @Test(arguments: cases)
    func matchesGolden(_ golden: Case) throws {
        let out = try CommandRunner.temporaryFile(Data(), name: "snapshot.\(golden.name.split(separator: ".").last!)")
        let arguments = golden.arguments.map { $0 == "{out}" ? out : $0 }
        let r = try CommandRunner.run(arguments, directory: CommandRunner.packageRoot)
        #expect(r.status == 0, "\(arguments.joined(separator: " ")) exited \(r.status): \(r.stderr)")
        let actual =
            golden.arguments.contains("{out}") ? try Data(contentsOf: URL(fileURLWithPath: out)) : Data(r.stdout.utf8)
        let file = Self.directory.appending(path: golden.name)
        if Self.recording {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file)
            Issue.record("recorded \(golden.name); unset COMMENTS_RECORD_SNAPSHOTS to compare")
            return
        }
        let expected = try #require(
            try? Data(contentsOf: file), "no golden \(golden.name): record with COMMENTS_RECORD_SNAPSHOTS=1")
        if actual != expected {
            let got = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let want = String(decoding: expected, as: UTF8.self).split(
                separator: "\n", omittingEmptySubsequences: false)
            let line =
                zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record(
                """
                \(golden.name) differs from its golden at line \(line + 1):
                  golden: \(line < want.count ? String(want[line].prefix(200)) : "<end>")
                  actual: \(line < got.count ? String(got[line].prefix(200)) : "<end>")
                """)
        }
    }

    /// Every golden on disk belongs to a case, so a removed case cannot leave a stale file behind.
    @Test func noStaleGoldens() throws {
        let names = Set(Self.cases.map(\.name))
        let enumerator = FileManager.default.enumerator(at: Self.directory, includingPropertiesForKeys: nil)
        var stale: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            let relative = String(url.path.dropFirst(Self.directory.path.count + 1))
            if !names.contains(relative) { stale.append(relative) }
        }
        #expect(stale.isEmpty, "goldens without a case: \(stale.sorted())")
    }
}
