import Testing

@testable import Discourse

@Suite("Insults need a target or an insulting frame")
struct InsultPrecisionTests {
    @Test func ambiguousWordsInTheirOrdinarySense() {
        for text in [
            "A bike was lying on its side by the road.", "Crap traffic on the bypass again.",
            "The council cleared the dump last week.", "That joke in the second act was great.",
        ] {
            #expect(triage(text).insult == 0, "\(text): \(triage(text).insult)")
            #expect(triage(text).toxicity == 0, "\(text)")
        }
    }

    @Test func ambiguousWordsAimedAtSomeone() {
        #expect(triage("You lying hypocrite.").insult >= 0.5)
        #expect(triage("You're a joke, mate").insult >= 0.2)
        #expect(triage("what lying politicians").insult > 0)
    }

    @Test func opinionsAboutThingsAreNotInsults() {
        let thing = triage("What a stupid rule.").insult
        let person = triage("What a stupid man.").insult
        #expect(thing < person * 0.5)
        #expect(triage("This plan is stupid").insult < triage("Harper is stupid").insult * 0.5)
        #expect(triage("Absolutely ridiculous. Nobody wanted another charge.").insult == 0)
    }

    @Test func opinionWordsStillRaisePriorityAsNegativeEvidence() {
        let s = triage("What a stupid rule.")
        #expect(s.evidence.contains { $0.category == .negative && $0.text == "stupid" })
        #expect(s.priority > 0)
        #expect(s.priority < 0.5)
    }

    /// An insulting word the writer says of themself insults nobody.
    @Test func selfDirectedWordsAreNoInsults() {
        for text in ["Oops, I'm such an idiot, the link was wrong.", "I am a fool for trusting the timetable."] {
            #expect(triage(text).insult == 0, "\(text): \(triage(text).insult)")
        }
        // An exclamation with the writer as its subject after the word.
        for text in ["What an idiot I am, the link was wrong.", "what a fool I was", "What a fool I'm"] {
            #expect(triage(text).insult == 0, "\(text): \(triage(text).insult)")
        }
        #expect(triage("What an idiot you are.").insult >= 0.5)
        // The clause goes on to name someone else: an insult again.
        for text in ["What an idiot I am dealing with.", "What a moron I was arguing with yesterday."] {
            #expect(triage(text).insult > 0.3, "\(text): \(triage(text).insult)")
        }
        #expect(triage("What an idiot I am sometimes.").insult == 0)
        #expect(triage("What an idiot.").insult > 0.3)
        #expect(triage("You are such an idiot, the link was wrong.").insult >= 0.5)
        #expect(triage("He is a fool for trusting the timetable.").insult > 0.3)
    }

    /// A person noun said of a thing without an article is used as an adjective: an opinion.
    @Test func personNounsAsAdjectivesOfThingsAreOpinions() {
        let thing = triage("This policy is racist.")
        #expect(thing.insult == 0)
        #expect(thing.evidence.contains { $0.category == .negative && $0.text == "racist" })
        #expect(triage("The mayor is a racist.").insult > 0.3)
    }
}
