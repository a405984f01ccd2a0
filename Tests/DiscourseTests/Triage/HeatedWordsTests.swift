import Testing

@testable import Discourse

@Suite("Heated words raise priority, never toxicity")
struct HeatedWordsTests {
    @Test func embeddedListLoadsWithRatesFromItsFloor() {
        let words = HeatedWords.embedded
        #expect(words.count > 100)
        let rate = words.rate(TermHash.of(normalized: "idiot"))
        #expect(rate != nil && rate! >= TriageWeights().heatedFloor && rate! <= 1)
        #expect(words.rate(TermHash.of(normalized: "council")) == nil)
    }

    @Test func heatedWordAloneRaisesPriorityButNotToxicity() {
        var plain = TriageScorer()
        plain.heatedWords = .none
        var heated = TriageScorer()
        heated.heatedWords = HeatedWords(rates: ["glorp": 0.9])
        let text = Tokenizer.tokenize("Such glorp everywhere in this thread.")
        let without = plain.score(text, explain: true)
        let with = heated.score(text, explain: true)
        #expect(with.toxicity == 0 && without.toxicity == 0)
        #expect(with.priority > without.priority)
        // At most the heated weight: heated words alone never reach the flag threshold.
        #expect(with.priority <= TriageWeights().heated + 1e-9)
        #expect(with.evidence.contains { $0.category == .heated && $0.text == "glorp" && $0.begin == 5 })
        #expect(!with.reasons.contains(.heated))
    }

    @Test func wordsBelowTheFloorAndQuotedWordsDoNotCount() {
        var scorer = TriageScorer()
        scorer.heatedWords = HeatedWords(rates: ["glorp": 0.3, "zint": 0.95])
        #expect(scorer.score(Tokenizer.tokenize("glorp glorp"), explain: true).evidence.isEmpty)
        #expect(scorer.score(Tokenizer.tokenize("> zint\nok"), explain: true).evidence.isEmpty)
        #expect(scorer.score(Tokenizer.tokenize("zint"), explain: true).evidence.count == 1)
    }

    /// An insulting word the rules read as an opinion about a thing stays no insult, and it is
    /// still heated (the rate counts whatever the word is said of), so both terms raise priority.
    @Test func opinionsAboutThingsAreHeatedButNoInsult() {
        var scorer = TriageScorer()
        let text = Tokenizer.tokenize("The new tax is stupid and will hurt small shops.")
        let scores = scorer.score(text, explain: true)
        #expect(scores.insult == 0)
        #expect(scores.evidence.contains { $0.category == .negative && $0.text == "stupid" })
        #expect(scores.evidence.contains { $0.category == .heated && $0.text == "stupid" })
        scorer.heatedWords = .none
        #expect(scorer.score(text).priority < scores.priority)
        #expect(triage("You are stupid.").evidence.contains { $0.category == .heated })
    }

    @Test func badRowsNameTheLine() {
        for (row, reason) in [
            ("Idiot\t0.9\t10", "lowercase"), ("idiot\t1.5\t10", "rate"), ("idiot\t0.9\tmany", "uses"),
        ] {
            do {
                _ = try HeatedWords(table: TSVTable(path: "h.tsv", text: "word\trate\tuses\nfool\t0.7\t5\n\(row)\n"))
                Issue.record("expected an error for \(row)")
            } catch {
                #expect(error.description.hasPrefix("h.tsv:3:"), "\(error)")
                #expect(error.description.contains(reason), "\(error)")
            }
        }
    }
}
