import Testing

@testable import Discourse

@Suite("Identity attacks and exclusion")
struct IdentityAttackTests {
    @Test func toldToGoBackIsExclusionWithoutAGroupWord() {
        for text in ["Go back to your own country.", "Just go home where you belong, your kind is not wanted"] {
            #expect(triage(text).identityAttack >= 0.6, "\(text): \(triage(text).identityAttack)")
            #expect(triage(text).priority >= 0.5, "\(text)")
        }
    }

    @Test func groupsCalledToBeRemoved() {
        #expect(triage("Refugees should be deported.").identityAttack >= 0.6)
        #expect(triage("Muslims must be banned from our schools").identityAttack >= 0.5)
        #expect(triage("Send the immigrants home").identityAttack >= 0.5)
    }

    @Test func reportsAndDefencesAreNotCalls() {
        #expect(triage("Refugees should not be deported.").identityAttack < 0.3)
        #expect(triage("The minister wants to deport immigrants, the paper reports.").identityAttack < 0.3)
        #expect(triage("The club should be banned from the league.").identityAttack == 0)
        #expect(triage("We should send aid to refugees.").identityAttack == 0)
        #expect(triage("My grandparents went back to their own country after the war").identityAttack < 0.3)
    }

    @Test func dehumanisingComparisonsAndStereotypes() {
        #expect(triage("Immigrants are rats.").identityAttack >= 0.5)
        #expect(triage("Black people are like animals").identityAttack >= 0.6)
        #expect(triage("Muslims are terrorists").identityAttack >= 0.5)
        #expect(triage("Police arrested two terrorists near the Muslim quarter").identityAttack == 0)
    }

    @Test func neutralMentionsOfGroupsAreClean() {
        for text in [
            "Jewish families have lived here for a century.", "The refugee centre needs volunteers.",
            "Trans people deserve good healthcare.", "Immigrants pay more in taxes than they receive.",
        ] {
            #expect(triage(text).identityAttack == 0, "\(text)")
            #expect(triage(text).toxicity == 0, "\(text)")
        }
    }
}
