import Foundation
import Testing

/// The environment variables the fitting scripts use to try numbers without rebuilding; the
/// executable reads them (the library does no I/O).
struct ModelFilesTests {
    static let sample = CommandRunner.sample("council-budget.txt")

    @Test func aMissingWeightsFileIsAUsageErrorNamingTheVariable() throws {
        let r = try CommandRunner.run(
            ["segment", Self.sample], environment: ["COMMENTS_SEGMENTER_WEIGHTS": "/nonexistent/weights.tsv"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("COMMENTS_SEGMENTER_WEIGHTS: /nonexistent/weights.tsv"))
    }

    @Test func aBadDriftParameterNamesItsFileAndLine() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "drift-\(UUID().uuidString).tsv")
        try "parameter\tvalue\nmu\t100\nnot_a_parameter\t1\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try CommandRunner.run(["score", Self.sample], environment: ["COMMENTS_DRIFT_PARAMETERS": file.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(file.path):3: unknown drift parameter 'not_a_parameter'"))
    }

    @Test func theShippedWeightsFileGivesTheBuiltInSegmentation() throws {
        let weights = CommandRunner.packageRoot.appending(path: "Lexicons/segmenter-weights.tsv").path
        let builtIn = try CommandRunner.run(["segment", Self.sample, "--format", "json"])
        let fromFile = try CommandRunner.run(
            ["segment", Self.sample, "--format", "json"], environment: ["COMMENTS_SEGMENTER_WEIGHTS": weights])
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout == builtIn.stdout)
    }

    @Test func changedDriftParametersChangeTheScores() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "drift-\(UUID().uuidString).tsv")
        try "parameter\tvalue\nsteepness\t0.01\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let builtIn = try CommandRunner.run(["score", Self.sample, "--format", "csv"])
        let changed = try CommandRunner.run(
            ["score", Self.sample, "--format", "csv"], environment: ["COMMENTS_DRIFT_PARAMETERS": file.path])
        #expect(changed.status == 0)
        #expect(changed.stdout != builtIn.stdout)
    }
}
