import Foundation
import Testing

@Suite("Drift end to end")
struct DriftEndToEndTests {
    static let article = """
        US and North Korea resume nuclear talks in Pyongyang
        Secretary of State Antony Blinken arrived in Pyongyang for nuclear talks with North Korean officials.
        The talks will focus on the Yongbyon reactor and on lifting sanctions.

        """
    static let comments = """
        Blinken will get nothing in Pyongyang while the sanctions stay.
        My sourdough starter finally rose after I switched to rye flour.
        The Yongbyon reactor is the only card North Korea holds in these talks.

        """

    func files() throws -> (article: String, comments: String) {
        let dir = FileManager.default.temporaryDirectory.appending(path: "drift-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let a = dir.appending(path: "article.txt")
        let c = dir.appending(path: "comments.txt")
        try Self.article.write(to: a, atomically: true, encoding: .utf8)
        try Self.comments.write(to: c, atomically: true, encoding: .utf8)
        return (a.path, c.path)
    }

    @Test func jsonlRowsCarryDriftColumns() throws {
        let (a, c) = try files()
        let r = try CommandRunner.run(["score", "--article", a, c, "--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(rows.count == 3)
        let drift = rows.compactMap { $0?["drift"] as? Double }
        #expect(drift.count == 3)
        #expect(rows.allSatisfy { $0?["drift_confidence"] is Double && $0?["thread_drift"] is Double })
        #expect(rows.allSatisfy { $0?["article_drift"] is Double })
        #expect(drift[1] > drift[0] && drift[1] > drift[2], "\(drift)")
    }

    @Test func csvHeaderNamesTheDriftColumns() throws {
        let (a, c) = try files()
        let r = try CommandRunner.run(["score", "--article", a, c, "--format", "csv"])
        #expect(r.status == 0)
        let header = r.stdout.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }).first.map(String.init) ?? ""
        for name in ["drift", "drift_confidence", "thread_drift", "article_drift"] {
            #expect(header.split(separator: ",").contains(Substring(name)), "\(name) in \(header)")
        }
    }

    @Test func jsonHasTheTrendAndExplainNamesTerms() throws {
        let (a, c) = try files()
        let json = try CommandRunner.run(["score", "--article", a, c, "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["drift_trend"] is Double)

        let explained = try CommandRunner.run(["score", "--article", a, c, "--format", "jsonl", "--explain"])
        #expect(explained.stdout.contains("+pyongyang"))
        #expect(explained.stdout.contains("-sourdough"))

        let table = try CommandRunner.run(["score", "--article", a, c, "--format", "table"])
        #expect(table.stdout.contains("drift trend"))
    }

    @Test func allCommentsModeHasNoArticleDrift() throws {
        let (_, c) = try files()
        let r = try CommandRunner.run(["score", "--all-comments", c, "--format", "jsonl"])
        #expect(r.status == 0)
        let first = r.stdout.split(separator: "\n").first.map { String($0) } ?? ""
        #expect(first.contains("\"article_drift\":null"))
        #expect(first.contains("\"drift\":"))
    }
}
