import Foundation
import Testing

/// The README documents the tool as it is: its column reference is what `comments columns` prints,
/// and its first command runs on a sample that exists.
@Suite("README")
struct ReadmeTests {
    var readme: String {
        get throws { try String(contentsOf: CommandRunner.packageRoot.appending(path: "README.md"), encoding: .utf8) }
    }

    @Test func columnReferenceMatchesTheTool() throws {
        let r = try CommandRunner.run(["columns", "--markdown"])
        #expect(r.status == 0)
        #expect(
            try readme.contains(r.stdout), "regenerate the README's column reference with `comments columns --markdown`"
        )
    }

    @Test func firstCommandRunsOnASample() throws {
        let text = try readme
        let command = try #require(text.range(of: "swift run comments score ").map { text[$0.upperBound...] })
        let sample = String(command.prefix { !$0.isWhitespace })
        #expect(sample.hasPrefix("Samples/"))
        let r = try CommandRunner.run([
            "score", CommandRunner.packageRoot.appending(path: sample).path, "--format", "jsonl",
        ])
        #expect(r.status == 0)
        #expect(!r.stdout.isEmpty, "the README's first example should show comments")
    }

    /// The example under "What it does" is the real output of its command (a 110-column terminal,
    /// no colour); re-paste it from `COLUMNS=110 comments score Samples/council-budget.txt` when it changes.
    @Test func exampleOutputIsReal() throws {
        let text = try readme
        let prompt = "$ comments score Samples/council-budget.txt\n"
        let start = try #require(text.range(of: prompt), "the README should show the first command's output")
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let example = String(text[start.upperBound..<end.lowerBound])
        let r = try CommandRunner.run(
            ["score", "Samples/council-budget.txt", "--format", "table"], environment: ["COLUMNS": "110"],
            directory: CommandRunner.packageRoot)
        #expect(r.status == 0)
        #expect(r.stdout == example)
    }
}
