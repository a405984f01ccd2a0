import Testing

@testable import Discourse

@Suite("Triage matching")
struct TriageMatcherTests {
    @Test(arguments: [
        "The assassin ordered a classic cocktail in Sussex.",
        "Scunthorpe and Penistone are towns.",
        "Dickens wrote about Peter and the hacked accounts.",
        "Therapist, analyst, grasshopper, cockpit, shitake.",
        "We passed the class on assessment and Essex matters.",
        "She hung the sheet on a finger of land near the crow's nest.",
        "Dominic Cummings saw price spikes, and she has been to Dickens country.",
    ])
    func cleanWordsAreNotFlagged(_ text: String) {
        #expect(abusiveHits(text).isEmpty, "\(abusiveHits(text))")
        let s = triage(text)
        #expect(s.profanity == 0)
        #expect(s.insult == 0)
    }

    @Test(arguments: ["f*ck", "sh1t", "a$$hole", "f**king", "sh*t", "b1tch", "@ss"])
    func obfuscatedSpellingsAreFound(_ word: String) {
        let hits = abusiveHits("well \(word) that")
        #expect(!hits.isEmpty, "\(word) not found")
        #expect(triage("well \(word) that").profanity > 0.4)
    }

    @Test func maskGluedInFrontOfAWord() {
        // The tokenizer reads "*ss" as emphasis; the matcher still sees the masked letter.
        #expect(triage("what a dumb *ss").profanity > 0.3)
    }

    @Test(arguments: ["f u c k", "f.u.c.k", "f-u-c-k", "L O S E R S"])
    func spacedLettersAreJoined(_ text: String) {
        let hits = abusiveHits(text + " off")
        #expect(hits.contains { $0.1 == .spaced }, "\(text): \(hits)")
    }

    @Test func spacedLettersThatSpellNothingStayClean() {
        #expect(abusiveHits("the U S A and P E I").isEmpty)
    }

    @Test func stretchedLettersAreShortened() {
        #expect(abusiveHits("you are stuuuupid").contains { $0.0 == .insultQuality && $0.1 == .elongated })
        #expect(triage("fuuuuck this").profanity > 0.4)
    }

    @Test func inflectionsFollowTheWordClass() {
        #expect(
            abusiveHits("those idiots").contains { $0.0 == .insultPerson && $0.1 == .inflected }
                || abusiveHits("those idiots").contains { $0.0 == .insultPerson })
        #expect(abusiveHits("they acted stupidly").contains { $0.0 == .insultQuality })
        // "hack" is an insult as a noun; "hacked" is a verb and stays clean.
        #expect(!abusiveHits("they hacked the site").contains { $0.0 == .insultPerson })
    }

    @Test func stemsAndUnmasking() {
        func stems(_ word: String) -> [UInt64] {
            var keys: [UInt64] = []
            TriageMatches.forEachStem(Array(word.utf8)) { key, _ in
                keys.append(key)
                return false
            }
            return keys
        }
        #expect(stems("morons").contains(TermHash.of(normalized: "moron")))
        #expect(stems("dummies").contains(TermHash.of(normalized: "dummy")))
        #expect(stems("bitching").contains(TermHash.of(normalized: "bitch")))
        #expect(stems("shitting").contains(TermHash.of(normalized: "shit")))
        #expect(stems("stupidly").contains(TermHash.of(normalized: "stupid")))
        #expect(stems("moron's").contains(TermHash.of(normalized: "moron")))
        #expect(stems("ass").isEmpty)
        #expect(stems("asses").contains(TermHash.of(normalized: "ass")))
        let unmasked = TriageMatches.unmasked(Array("sh1t".utf8)).map { String(decoding: $0, as: UTF8.self) }
        #expect(unmasked == ["shit", "shlt"])
        #expect(String(decoding: TriageMatches.collapsed(Array("fuuuuck".utf8), keep: 1), as: UTF8.self) == "fuck")
    }
}
