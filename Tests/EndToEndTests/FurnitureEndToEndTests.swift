import Foundation
import Testing

/// The two furniture samples, end to end: every comment carries its own author and date, and no
/// furniture line (section heading, vote count, "Reply") is a comment or part of one.
@Suite("Furniture end to end")
struct FurnitureEndToEndTests {
    struct Row {
        var line: Int
        var author: String
        var posted: String
        var text: String
    }

    func rows(_ sample: String) throws -> [Row] {
        let r = try CommandRunner.run(["score", "--format", "jsonl", CommandRunner.sample(sample)])
        #expect(r.status == 0, "\(r.stderr)")
        return try r.stdout.split(separator: "\n").map { line in
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return Row(
                line: o["line"] as? Int ?? 0, author: o["author"] as? String ?? "",
                posted: o["posted"] as? String ?? "",
                text: o["text"] as? String ?? "")
        }
    }

    @Test func handlesBeforeAndHeartsAfter() throws {
        // "♥ 120 · Reply" closes one comment and "@name · 4h" opens the next, in one run.
        let r = try rows("bridge-closure-handles.txt")
        #expect(r.map(\.author) == ["@Geoff1957", "@CryptoKing88", "@dana_w", "@mike.t"])
        #expect(r.map(\.posted) == ["4h", "3h", "2h", "1h"])
        #expect(r.map(\.line) == [11, 14, 17, 21])
        #expect(r[2].text.contains("\n"))  // two paragraphs, one comment
        for row in r {
            #expect(!row.text.contains("Reply") && !row.text.contains("Comments") && !row.text.contains("Sort by"))
        }
    }

    @Test func votesAndRepliesBeforeTheNextName() throws {
        // "5" / "Reply" / "Linda1974" / "2 days ago": the count closes Kevin's comment; "1 like" is no author.
        let r = try rows("school-meals-votes.txt")
        #expect(r.map(\.author) == ["Kevin Marsh", "Linda1974", "Sam Okafor", "Priya N.", "tom_brennan"])
        #expect(r.map(\.posted) == ["2 days ago", "2 days ago", "1 day ago", "1 day ago", "5 hours ago"])
        #expect(r.map(\.line) == [10, 15, 21, 26, 30])
        for row in r {
            #expect(
                !["Reply", "like", "points", "comments", "Leave a reply"].contains { row.text.contains($0) },
                "\(row.text)")
        }
    }

    @Test func segmentLabelsTheFurniture() throws {
        let r = try CommandRunner.run(["segment", "--format", "json", CommandRunner.sample("school-meals-votes.txt")])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(o["first_comment_line"] as? Int == 7)  // the "12 comments" heading
        let segments = try #require(o["segments"] as? [[String: Any]])
        let meta = segments.filter { $0["kind"] as? String == "comment-meta" }.flatMap { s in
            ((s["start"] as? Int ?? 0)...(s["end"] as? Int ?? 0)).map { $0 }
        }
        #expect(meta == [7, 8, 9, 11, 12, 13, 14, 17, 18, 19, 20, 22, 23, 24, 25, 27, 28, 29, 31, 32, 33])
    }
}
