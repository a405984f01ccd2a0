import Foundation
import Testing

@Suite("comments triage")
struct TriageEndToEndTests {
    /// Two comment-only files; line numbers are what the queue must report.
    func inputs() throws -> (String, String) {
        let a = try CommandRunner.temporaryFile(
            Data("Thanks for the clear explanation.\nYou are a complete moron.\nI like the photos.\n".utf8),
            name: "a.txt")
        let b = try CommandRunner.temporaryFile(
            Data("Good point about the budget.\nI know where you live and I will find you.\nwhat a silly plan\n".utf8),
            name: "b.txt")
        return (a, b)
    }

    func rows(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test func oneQueueAcrossInputsMostUrgentFirst() throws {
        let (a, b) = try inputs()
        let r = try CommandRunner.run(["triage", "--all-comments", a, b, "--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try rows(r.stdout)
        #expect(rows.count == 6)
        let order = rows.map { "\(($0["file"] as! String).hasSuffix("a.txt") ? "a" : "b"):\($0["line"] as! Int)" }
        #expect(Array(order.prefix(3)) == ["b:2", "a:2", "b:3"])
        let priorities = rows.map { $0["priority"] as! Double }
        #expect(priorities == priorities.sorted(by: >))
        #expect(rows.map { $0["rank"] as! Int } == Array(1...6))
        #expect((rows[0]["reasons"] as! String).hasPrefix("threat"))
        #expect((rows[1]["reasons"] as! String).contains("insult"))
    }

    @Test func topAndMinimumPriorityFilter() throws {
        let (a, b) = try inputs()
        let top = try CommandRunner.run(["triage", "--all-comments", a, b, "--format", "jsonl", "--top", "2"])
        #expect(try rows(top.stdout).count == 2)
        let min = try CommandRunner.run([
            "triage", "--all-comments", a, b, "--format", "jsonl", "--min-priority", "0.5",
        ])
        let kept = try rows(min.stdout)
        #expect(kept.count == 2)
        #expect(kept.allSatisfy { ($0["priority"] as! Double) >= 0.5 })
    }

    @Test func csvAndTable() throws {
        let (a, b) = try inputs()
        let csv = try CommandRunner.run(["triage", "--all-comments", a, b, "--format", "csv", "--top", "1"])
        let lines = csv.stdout.split(separator: "\r\n")
        #expect(lines.count == 2)
        #expect(
            lines[0].hasPrefix(
                "rank,priority,reasons,file,line,comment,author,toxicity,insult,profanity,threat,identity_attack,shouting,spam,text"
            ))
        #expect(lines[1].hasPrefix("1,"))
        let table = try CommandRunner.run(["triage", "--all-comments", a, b, "--format", "table", "--explain"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("b.txt:2"))
        #expect(table.stdout.contains("threat:"))
        #expect(table.stdout.contains("6 of 6 comments in 2 files"))
    }

    @Test func readsStandardInput() throws {
        let r = try CommandRunner.run(
            ["triage", "--all-comments", "-", "--format", "jsonl"], stdin: Data("nice\nyou idiot\n".utf8))
        let rows = try rows(r.stdout)
        #expect(rows.first?["line"] as? Int == 2)
        #expect(rows.first?["file"] as? String == "-")
    }

    @Test func scoreRowsCarryTheTriageColumns() throws {
        let r = try CommandRunner.run(
            ["score", "--all-comments", "-", "--format", "jsonl"], stdin: Data("you idiot\n".utf8))
        let row = try rows(r.stdout)[0]
        for key in [
            "priority", "reasons", "toxicity", "insult", "profanity", "threat", "identity_attack", "shouting", "spam",
        ] {
            #expect(row[key] != nil, "\(key)")
        }
    }

    @Test func usageErrors() throws {
        let help = try CommandRunner.run(["triage", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: comments triage"))
        #expect(try CommandRunner.run(["triage", "--top", "0", "x.txt"]).status == 2)
        #expect(try CommandRunner.run(["triage", "--min-priority", "2", "x.txt"]).status == 2)
        #expect(try CommandRunner.run(["triage", "--format", "html", "x.txt"]).status == 2)
        #expect(try CommandRunner.run(["triage"]).status == 2)
    }

    @Test func triageLexiconAddsAndAllowsTerms() throws {
        let input = try CommandRunner.temporaryFile(
            Data("you absolute glorpnik\nHe collects a bastard sword or two\nThanks for the update\n".utf8),
            name: "community.txt")
        let lexicon = try CommandRunner.temporaryFile(
            Data("# our forum's words\nterm\tcategory\tstrength\nglorpnik\tinsult\t0.9\nbastard sword\tallow\t\n".utf8),
            name: "community.tsv")
        let plain = try rows(
            CommandRunner.run(["score", "--all-comments", input, "--format", "jsonl"]).stdout)
        let r = try CommandRunner.run([
            "score", "--all-comments", input, "--format", "jsonl", "--explain", "--triage-lexicon", lexicon,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let tuned = try rows(r.stdout)
        #expect((plain[0]["insult"] as! Double) == 0)
        #expect((tuned[0]["insult"] as! Double) >= 0.8)
        let evidence = tuned[0]["triage_evidence"] as! [[String: Any]]
        #expect(
            evidence.contains {
                $0["text"] as? String == "glorpnik" && $0["begin"] as? Int == 13 && $0["end"] as? Int == 21
            })
        #expect((plain[1]["profanity"] as! Double) > 0)
        #expect((plain[1]["profanity"] as! Double) > 0)
        #expect((tuned[1]["toxicity"] as! Double) == 0)
        #expect((tuned[1]["triage_evidence"] as! [[String: Any]]).isEmpty)
    }

    @Test func badTriageLexiconLineIsAUsageErrorNamingFileAndLine() throws {
        let (a, _) = try inputs()
        let lexicon = try CommandRunner.temporaryFile(
            Data("term\tcategory\tstrength\nfine\tinsult\t0.5\nworse\tinsult\tvery\n".utf8), name: "badtriage.tsv")
        let r = try CommandRunner.run(["triage", "--all-comments", a, "--triage-lexicon", lexicon])
        #expect(r.status == 2)
        #expect(r.stderr.contains("badtriage.tsv:3:"))
        #expect(r.stderr.contains("strength must be a number"))
        #expect(r.stdout.isEmpty)
        let header = try CommandRunner.temporaryFile(Data("word\tkind\nx\ty\n".utf8), name: "header.tsv")
        let h = try CommandRunner.run(["score", "--all-comments", a, "--triage-lexicon", header])
        #expect(h.status == 2)
        #expect(h.stderr.contains("header.tsv:1:"))
        let help = try CommandRunner.run(["score", "--help"])
        #expect(help.stdout.contains("term<TAB>category<TAB>strength"))
        #expect(help.stdout.contains("term<TAB>valence"))
    }
}
