import Foundation
import Testing

@testable import Discourse

@Suite("Scores add up; evidence has spans")
struct TriageEvidenceTests {
    /// The comment text between UTF-16 offsets.
    func slice(_ text: String, _ begin: Int, _ end: Int) -> String {
        let units = Array(text.utf16)
        return String(decoding: units[begin..<end], as: UTF16.self)
    }

    /// A run of marks is labelled with the marks the comment wrote, at most five of them.
    @Test func markRunsAreLabelledWithTheirOwnMarks() {
        let labels = { (text: String) in triage(text).evidence.filter { $0.category == .shouting }.map(\.text) }
        #expect(labels("Where did the money go??") == ["??"])
        #expect(labels("Really?!?! No way") == ["?!?!"])
        #expect(labels("Stop it!!!!!!!") == ["!!!!!"])
    }

    @Test func spansAreUTF16OffsetsIntoTheText() {
        for text in [
            "Café José 😀👍 says you idiot", "Ünïcödé naïve 🇨🇦 text: you MORON!!!", "plain you idiot",
            "e\u{301}le\u{300}ve 😀 go kill yourself",
        ] {
            let s = triage(text)
            #expect(!s.evidence.isEmpty, "\(text)")
            for e in s.evidence {
                #expect(e.begin >= 0 && e.begin < e.end && e.end <= text.utf16.count, "\(text): \(e)")
                let span = slice(text, e.begin, e.end)
                if e.category != .shouting, e.category != .spam {
                    #expect(span == e.text, "\(text): '\(span)' vs '\(e.text)'")
                }
            }
        }
        let s = triage("Café 😀 you idiot")
        let idiot = s.evidence.first { $0.text == "idiot" }
        #expect(idiot?.begin == 12)  // C a f é ␠ 😀(2) ␠ y o u ␠
        #expect(idiot?.end == 17)
    }

    @Test func toxicityIsTheNoisyOrOfItsFourParts() {
        let w = TriageWeights()
        for text in [
            "you idiot", "fuck this, I will kill you", "Immigrants are vermin, you moron", "meh", "THE END!!!",
        ] {
            let s = triage(text, signals: TriageSignals(negativity: 0.8))
            let expected =
                1 - (1 - s.insult) * (1 - w.profanity * s.profanity) * (1 - s.threat) * (1 - s.identityAttack)
            #expect(abs(s.toxicity - expected) < 1e-9, "\(text)")
        }
    }

    @Test func nothingFoundMeansZeroToxicityAndNoEvidence() {
        let s = triage("meh", signals: TriageSignals(negativity: 1))
        #expect(s.toxicity == 0)
        #expect(s.insult == 0 && s.profanity == 0 && s.threat == 0 && s.identityAttack == 0)
        #expect(s.evidence.isEmpty)
        #expect(abs(s.priority - TriageWeights().negativity) < 1e-9)
    }

    @Test func everyNonZeroScoreHasEvidence() {
        for text in [
            "you idiot", "I will break your legs", "Go back to your own country", "Earn $500 a day at cash-now.biz",
            "WHY WOULD ANYONE DO THIS!!!", "Muslims are rats", "damn it",
        ] {
            let s = triage(text)
            for c in [TriageCategory.insult, .profanity, .threat, .identityAttack, .shouting, .spam]
            where s.value(c) > 0 {
                #expect(s.evidence.contains { $0.category == c }, "\(text): \(c)")
            }
        }
    }

    @Test func priorityIsTheDocumentedFormula() {
        let w = TriageWeights()
        let s = triage(
            "YOU are a moron and I will hurt you, see cash-now.biz", signals: TriageSignals(negativity: 0.5, drift: 0.4)
        )
        let opinion = 0.0
        // "moron" is a heated word as well as an insult (HeatedWords).
        let heated = s.evidence.filter { $0.category == .heated }.map(\.strength)
        #expect(heated.count == 1)
        let expected =
            1 - (1 - s.toxicity) * (1 - w.threatBoost * s.threat) * (1 - w.identityBoost * s.identityAttack)
            * (1 - w.spam * s.spam) * (1 - w.shoutingInPriority * s.shouting) * (1 - w.negativity * 0.5)
            * (1 - w.opinion * opinion) * (1 - w.heated * (heated.first ?? 0)) * (1 - w.drift * 0.4)
        #expect(abs(s.priority - expected) < 1e-9)
    }

    @Test func explainJSONCarriesTheSpans() {
        var w = JSONWriter()
        w.beginObject()
        w.field("e", TriageRenderer.evidenceCell(triage("you idiot")))
        w.endObject()
        #expect(w.output.contains(#""category":"insult""#))
        #expect(w.output.contains(#""begin":0,"end":9"#) || w.output.contains(#""begin":4,"end":9"#))
        #expect(w.output.contains(#""score":"#))
    }
}
