import Testing

@testable import Discourse

@Suite("Threats: intent, act, target")
struct ThreatScoreTests {
    @Test func intentActAndTargetIsAThreat() {
        for text in [
            "I will break your jaw.", "I'm going to knock his teeth out", "we will smash their skulls",
            "I'll hurt you badly", "I am going to shoot the landlord",
        ] {
            #expect(triage(text).threat >= 0.6, "\(text): \(triage(text).threat)")
            #expect(triage(text).priority >= 0.5, "\(text)")
        }
    }

    @Test func conditionalIntentStillThreatens() {
        let s = triage("If that dog barks at my door once more I will break its owner's legs.")
        #expect(s.threat >= 0.6, "\(s.threat)")
    }

    @Test func weakVerbsNeedAPersonOrABodyPart() {
        #expect(triage("I'll knock on your door tomorrow").threat < 0.3)
        #expect(triage("We will beat the traffic if we leave early").threat == 0)
        #expect(triage("I'll knock your teeth out").threat >= 0.6)
    }

    @Test func passiveCallsAndWishes() {
        #expect(triage("That man should be lined up and shot.").threat >= 0.5)
        #expect(triage("I want to see him hanged").threat >= 0.5)
        #expect(triage("May your house burn down").threat >= 0.4)
        #expect(triage("I hope you and your friends die").threat >= 0.5)
    }

    @Test func idiomsAreNotThreats() {
        for text in [
            "My back is killing me today.", "I could kill for a hot shower.", "She killed it on stage.",
            "Let's kill two birds with one stone.", "Break a leg tonight!", "This report will be the death of me.",
        ] {
            #expect(triage(text).threat == 0, "\(text): \(triage(text).threat)")
        }
    }

    @Test func negatedAndReportedThreatsAreMilder() {
        let direct = triage("I will hurt you").threat
        #expect(triage("I would never hurt you").threat < direct * 0.5)
        #expect(triage("He said he will hurt you").threat < direct * 0.5)
    }
}
