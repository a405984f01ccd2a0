import Foundation
import Testing

@Suite("CLI basics")
struct CLIBasicsTests {
    @Test func versionPrintsAndExitsZero() throws {
        let r = try CommandRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("comments "))
    }

    @Test func versionRefusesAWordAfterIt() throws {
        let r = try CommandRunner.run(["--version", "score"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("'--version' takes no arguments; got 'score'"))
    }

    @Test func everySubcommandHasHelp() throws {
        for sub in ["score", "segment", "triage"] {
            let r = try CommandRunner.run([sub, "--help"])
            #expect(r.status == 0, "\(sub) --help")
            #expect(r.stdout.contains("USAGE: comments \(sub)"))
        }
    }

    @Test func contradictoryColourOptionsAreAUsageError() throws {
        for sub in ["score", "segment", "triage"] {
            let r = try CommandRunner.run([
                sub, "--color", "always", "--no-color", CommandRunner.sample("council-budget.txt"),
            ])
            #expect(r.status == 2, "\(sub)")
            #expect(r.stderr.contains("--no-color and --color always cannot be used together"), "\(sub)")
        }
        let agreeing = try CommandRunner.run([
            "score", "--color", "never", "--no-color", CommandRunner.sample("council-budget.txt"),
        ])
        #expect(agreeing.status == 0)
    }

    @Test func usageErrorsExitTwo() throws {
        let unknown = try CommandRunner.run(["score", "--frobnicate", "x.txt"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown option '--frobnicate'"))
        let noInput = try CommandRunner.run(["segment"])
        #expect(noInput.status == 2)
        let badFormat = try CommandRunner.run(["score", "--format", "xml", "x.txt"])
        #expect(badFormat.status == 2)
        #expect(try CommandRunner.run(["explode"]).status == 2)
    }
}
