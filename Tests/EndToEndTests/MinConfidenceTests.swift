import Foundation
import Testing

/// `--min-confidence`: files whose segmentation is less sure than asked give no rows, and say so.
@Suite("--min-confidence")
struct MinConfidenceTests {
    func confidence(_ sample: String) throws -> Double {
        let r = try CommandRunner.run(["segment", "--format", "json", CommandRunner.sample(sample)])
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return try #require(object?["confidence"] as? Double)
    }

    @Test func filesBelowTheMinimumKeepNoRows() throws {
        let sample = "council-budget.txt"
        let c = try confidence(sample)
        let above = try CommandRunner.run(
            ["score", "--format", "jsonl", "--min-confidence", "\(max(0, c - 0.01))", CommandRunner.sample(sample)])
        #expect(above.status == 0)
        #expect(!above.stdout.isEmpty)
        let below = try CommandRunner.run(
            ["score", "--format", "jsonl", "--min-confidence", "\(min(1, c + 0.01))", CommandRunner.sample(sample)])
        #expect(below.status == 0)
        #expect(below.stdout.isEmpty)
        #expect(below.stderr.contains(sample) && below.stderr.contains("below the minimum"))
        // The confidence as the outputs print it (four decimals), so that a minimum just above
        // it does not read "0.36 is below the minimum 0.36".
        #expect(below.stderr.contains("confidence \(String(format: "%.4f", c)) is below"), "\(below.stderr)")
    }

    @Test func theSummaryNamesWithheldFiles() throws {
        let dir = CommandRunner.packageRoot.appending(path: "Samples").path
        let summary = try CommandRunner.temporaryFile(Data(), name: "summary.csv")
        let r = try CommandRunner.run(
            ["export", dir, "--csv", "/dev/null", "--summary", summary, "--min-confidence", "1", "--quiet"])
        #expect(r.status == 0)
        let rows = try String(contentsOfFile: summary, encoding: .utf8).split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty)
        for row in rows { #expect(row.contains(",withheld,segmentation confidence"), "\(row)") }
    }

    @Test func outOfRangeIsAUsageError() throws {
        let r = try CommandRunner.run(["triage", "--min-confidence", "2", CommandRunner.sample("council-budget.txt")])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--min-confidence"))
    }
}
