import Testing

@testable import Discourse

@Suite("Triage queue")
struct TriageQueueTests {
    func report(_ name: String, _ texts: [String]) -> FileReport {
        Analyzer(options: AnalysisOptions(mode: .allComments)).analyze(
            Document(name: name, text: texts.joined(separator: "\n")))
    }

    @Test func mostUrgentFirstAcrossFiles() {
        var queue = TriageQueue()
        queue.add(report("a.txt", ["Nice piece.", "you are a moron"]))
        queue.add(report("b.txt", ["I will find you and kill you", "Thanks!"]))
        let ranked = queue.ranked()
        #expect(ranked.map(\.location) == ["b.txt:1", "a.txt:2", "a.txt:1", "b.txt:2"])
        #expect(queue.seen == 4)
        #expect(queue.files == 2)
    }

    @Test func tiesKeepInputOrder() {
        var queue = TriageQueue()
        queue.add(report("a.txt", ["Nice piece.", "Thanks!", "Good point."]))
        #expect(queue.ranked().map(\.row.comment.line) == [1, 2, 3])
    }

    @Test func filtersAndLimit() {
        var queue = TriageQueue(minimumPriority: 0.3, limit: 1)
        queue.add(report("a.txt", ["Nice piece.", "you are a moron", "I will find you and kill you"]))
        let ranked = queue.ranked()
        #expect(ranked.count == 1)
        #expect(ranked[0].row.comment.line == 3)
        var all = TriageQueue(minimumPriority: 0.3)
        all.add(report("a.txt", ["Nice piece.", "you are a moron", "I will find you and kill you"]))
        #expect(all.ranked().count == 2)
        #expect(all.ranked().allSatisfy { $0.row.triage.priority >= 0.3 })
    }

    @Test func limitHoldsWhileFilling() {
        var queue = TriageQueue(limit: 3)
        for f in 0..<20 {
            queue.add(
                report("f\(f).txt", (0..<10).map { $0 == f % 10 ? "you idiot number \(f)" : "fine comment \($0)" }))
        }
        #expect(queue.items.count <= 128)
        #expect(queue.ranked().count == 3)
        #expect(queue.ranked().allSatisfy { $0.row.triage.insult > 0 })
    }

    @Test func columnsAppearInScoreRows() {
        let names = CommentColumns.all.map(\.name)
        for name in [
            "priority", "reasons", "toxicity", "insult", "profanity", "threat", "identity_attack", "shouting", "spam",
        ] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(TriageRenderer.columns.first?.name == "priority")
        #expect(TriageRenderer.columns.last?.name == "text")
    }

    @Test func renderersAgree() {
        var queue = TriageQueue()
        queue.add(report("a.txt", ["Nice piece.", "you are a moron"]))
        let ranked = queue.ranked()
        let csv = TriageRenderer.csv(ranked)
        #expect(csv.hasPrefix("rank,priority,reasons,file,line,comment,author,toxicity"))
        #expect(csv.contains("1,0.") && csv.contains(",insult,a.txt,2,2,"))
        let jsonl = TriageRenderer.jsonl(ranked).split(separator: "\n")
        #expect(jsonl.count == 2)
        #expect(jsonl[0].hasPrefix("{\"rank\":1,\"priority\":"))
        let table = TriageRenderer.table(ranked, width: 80, color: false)
        #expect(table.contains("a.txt:2"))
    }
}
