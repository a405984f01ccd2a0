import Foundation
import Testing

/// Sentiment scores reach every output format of `comments score`, and `--lexicon` and `--explain`
/// work from the command line.
@Suite("Sentiment end to end")
struct SentimentEndToEndTests {
    static let comments = """
        I love this, great work!
        This is awful and I hate it.
        The meeting is on Tuesday.

        """

    func input() throws -> String {
        try CommandRunner.temporaryFile(Data(Self.comments.utf8))
    }

    func jsonLines(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test func jsonlCarriesEveryColumn() throws {
        let r = try CommandRunner.run(["score", "--all-comments", try input(), "--format", "jsonl"])
        #expect(r.status == 0)
        let rows = try jsonLines(r.stdout)
        #expect(rows.count == 3)
        #expect((rows[0]["sentiment"] as! Double) > 0.05)
        #expect(rows[0]["sentiment_label"] as? String == "positive")
        #expect((rows[1]["sentiment"] as! Double) < -0.05)
        #expect(rows[1]["sentiment_label"] as? String == "negative")
        #expect(rows[2]["sentiment_label"] as? String == "neutral")
        for row in rows {
            let total = (row["positive"] as! Double) + (row["neutral"] as! Double) + (row["negative"] as! Double)
            #expect(abs(total - 1) < 0.001)
        }
        #expect(rows[0]["sentiment_terms"] == nil)
    }

    @Test func jsonCarriesTheScores() throws {
        let r = try CommandRunner.run(["score", "--all-comments", try input(), "--format", "json"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let rows = object["comments"] as! [[String: Any]]
        #expect(rows.map { $0["sentiment_label"] as? String } == ["positive", "negative", "neutral"])
    }

    @Test func csvHasTheColumns() throws {
        let r = try CommandRunner.run(["score", "--all-comments", try input(), "--format", "csv"])
        #expect(r.status == 0)
        let lines = r.stdout.split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        for column in ["sentiment", "sentiment_label", "positive", "neutral", "negative"] {
            #expect(header.contains(column), "\(column)")
        }
        let label = header.firstIndex(of: "sentiment_label")!
        #expect(fields(String(lines[1]))[label] == "positive")
        #expect(fields(String(lines[2]))[label] == "negative")
        #expect(fields(String(lines[3]))[label] == "neutral")
    }

    /// Fields of one RFC 4180 CSV line (quoted fields may hold commas and doubled quotes).
    func fields(_ line: String) -> [String] {
        var out: [String] = []
        var field = ""
        var inQuotes = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.append("\"")
                        chars = chars.dropFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                out.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        out.append(field)
        return out
    }

    @Test func tableShowsASignedScore() throws {
        let r = try CommandRunner.run(["score", "--all-comments", try input(), "--format", "table"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("sentiment"))
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.contains { $0.contains("+0.") && $0.contains("I love this") })
        #expect(rows.contains { $0.contains("-0.") && $0.contains("awful") })
    }

    @Test func explainAddsTheTerms() throws {
        let r = try CommandRunner.run(["score", "--all-comments", try input(), "--format", "jsonl", "--explain"])
        let rows = try jsonLines(r.stdout)
        let terms = rows[1]["sentiment_terms"] as! String
        #expect(terms.contains("awful -"))
        #expect(terms.contains("hate -"))
        let csv = try CommandRunner.run(["score", "--all-comments", try input(), "--format", "csv", "--explain"])
        let header = csv.stdout.split(whereSeparator: \.isNewline)[0].split(separator: ",")
        #expect(header.suffix(3) == ["sentiment_terms", "drift_terms", "triage_evidence"])
    }

    @Test func lexiconFileReRatesTerms() throws {
        let lexicon = try CommandRunner.temporaryFile(
            Data("term\tvalence\ntuesday\t3\nlove\t-3\n".utf8), name: "mine.tsv")
        let r = try CommandRunner.run([
            "score", "--all-comments", try input(), "--format", "jsonl", "--lexicon", lexicon,
        ])
        #expect(r.status == 0)
        let rows = try jsonLines(r.stdout)
        #expect(rows[2]["sentiment_label"] as? String == "positive")
        #expect((rows[0]["sentiment"] as! Double) < 0.5)
    }

    @Test func badLexiconLineIsAUsageErrorNamingFileAndLine() throws {
        let lexicon = try CommandRunner.temporaryFile(
            Data("term\tvalence\ngood\t1\nbad\tawful\n".utf8), name: "bad.tsv")
        let r = try CommandRunner.run(["score", "--all-comments", try input(), "--lexicon", lexicon])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.tsv:3:"))
        #expect(r.stderr.contains("not a number"))
        #expect(r.stdout.isEmpty)
        let missing = try CommandRunner.run(["score", "--all-comments", try input(), "--lexicon", "/nonexistent/x.tsv"])
        #expect(missing.status == 2)
    }
}
