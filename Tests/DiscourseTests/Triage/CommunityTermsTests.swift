import Testing

@testable import Discourse

@Suite("Community triage lexicons")
struct CommunityTermsTests {
    func scorer(_ tsv: String) throws -> TriageScorer {
        let terms = try CommunityTerms(path: "community.tsv", text: tsv)
        return TriageScorer(lexicon: TriageLexicon.embedded.adding([terms]))
    }

    @Test func addsTermsToACategory() throws {
        let s = try scorer("term\tcategory\tstrength\nglorp\tinsult\t0.9\nzorbo\tidentity_attack\t0.8\n")
        let insult = s.score(Tokenizer.tokenize("you glorp"), explain: true)
        #expect(insult.insult >= 0.8)
        #expect(TriageScorer().score(Tokenizer.tokenize("you glorp")).insult == 0)
        let slur = s.score(Tokenizer.tokenize("those zorbo again"), explain: true)
        #expect(slur.identityAttack >= 0.7)
        #expect(slur.evidence.contains { $0.category == .identityAttack && $0.text == "zorbo" })
    }

    @Test func allowListsANameOrPhrase() throws {
        let text = "The museum shows a bastard sword from 1400."
        let plain = TriageScorer().score(Tokenizer.tokenize(text))
        #expect(plain.profanity > 0)
        let s = try scorer("term\tcategory\tstrength\nbastard sword\tallow\t\n")
        let allowed = s.score(Tokenizer.tokenize(text), explain: true)
        #expect(allowed.profanity == 0 && allowed.insult == 0 && allowed.toxicity == 0)
        #expect(allowed.evidence.isEmpty)
        // The word still counts outside the allowed phrase.
        #expect(s.score(Tokenizer.tokenize("you bastard")).insult > 0)
    }

    @Test func strengthZeroSilencesABuiltInTerm() throws {
        let s = try scorer("term\tcategory\tstrength\nidiot\tinsult\t0\n")
        #expect(s.score(Tokenizer.tokenize("you idiot")).insult == 0)
    }

    @Test func badLinesNameTheFileAndLine() {
        #expect(
            throws: LexiconError.badLine(
                path: "c.tsv", line: 3,
                reason:
                    "unknown category 'rude' for 'blah' (expected one of insult, profanity, threat, identity_attack, spam, allow)"
            )
        ) {
            try CommunityTerms(path: "c.tsv", text: "term\tcategory\tstrength\nok\tinsult\t0.5\nblah\trude\t0.5\n")
        }
        #expect(
            throws: LexiconError.badLine(
                path: "c.tsv", line: 2, reason: "strength must be a number 0...1, got '2' for 'x'")
        ) {
            try CommunityTerms(path: "c.tsv", text: "term\tcategory\tstrength\nx\tspam\t2\n")
        }
        #expect(throws: LexiconError.self) { try CommunityTerms(path: "c.tsv", text: "term\tvalence\nx\t1\n") }
    }
}
