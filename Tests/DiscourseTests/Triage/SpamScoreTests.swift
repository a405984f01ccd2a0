import Testing

@testable import Discourse

@Suite("Spam: money, work from home, links, contact bait")
struct SpamScoreTests {
    @Test func clearSpamIsFlaggedOnItsOwn() {
        for text in [
            "Earn $400 a day from home, visit cash-daily-now.xyz",
            "Cheap pills at www.discount-pharma.top free shipping",
            "Make money online!!! WhatsApp me on +44 7700 900555",
        ] {
            let s = triage(text)
            #expect(s.spam >= 0.5, "\(text): \(s.spam)")
            #expect(s.priority >= 0.5, "\(text)")
            #expect(s.reasons.first == .spam, "\(text)")
        }
    }

    /// A contact phrase inside a long argued comment is how readers talk (shipped: `dilutesSpam`); the
    /// spam score itself stays, only its share of priority is diluted like the comment's heat.
    @Test func spamInALongArguedCommentWeighsLessInPriority() {
        let long = Tokenizer.tokenize(
            "The council says the new parking scheme pays for itself, but the figures in the report do not add up. "
                + "Revenue is counted twice, the enforcement costs are left out, and the consultation ignored the "
                + "shop owners on the high street who will lose passing trade. Click the link in the agenda and "
                + "read page twelve for yourself before the vote next month.")
        var diluted = TriageWeights()
        diluted.dilutesSpam = true
        var whole = diluted
        whole.dilutesSpam = false
        let a = TriageScorer(weights: diluted).score(long)
        let b = TriageScorer(weights: whole).score(long)
        #expect(a.spam > 0.3)
        #expect(a.spam == b.spam)
        #expect(a.priority < b.priority)
        #expect(a.priority < 0.5)
        let ad = Tokenizer.tokenize("Earn $400 a day from home, visit cash-daily-now.xyz")
        #expect(TriageScorer(weights: diluted).score(ad).priority == TriageScorer(weights: whole).score(ad).priority)
    }

    /// A long sales pitch (a money promise beside a link to an unlisted site, or a phone number
    /// beside a strong phrase) makes an offer: its spam is not diluted, so it is flagged at any length.
    @Test func aLongOfferIsStillFlagged() {
        let story =
            " My sister told me about it last spring and I did not believe her at first, but after a few weeks"
            + " the money was real and now I can pay every bill on time and still put some away for the holidays"
            + " with the family, so honestly do not wait like I did."
        for text in [
            "I am earning $300 a day from my laptop." + story + " Start today at quick-cash-home.biz",
            "Make money online!!! WhatsApp me on +44 7700 900555." + story,
        ] {
            let long = Tokenizer.tokenize(text)
            #expect(long.wordCount > 50, "\(text)")
            var w = TriageWeights()
            w.dilutesSpam = true
            let s = TriageScorer(weights: w).score(long)
            #expect(s.spam >= 0.5, "\(text): \(s.spam)")
            #expect(s.priority >= 0.5, "\(text): \(s.priority)")
        }
    }

    @Test func citationsAndEverydayMoneyTalkAreNotSpam() {
        for text in [
            "Source: https://www.bbc.co.uk/news/uk-123", "The full report is on www.gov.uk",
            "The minimum wage is $15 an hour here.", "Working from home saved me an hour a day.",
            "Call 0800 123 4567 if you saw the accident.",
        ] {
            #expect(triage(text).spam < 0.3, "\(text): \(triage(text).spam)")
        }
    }

    @Test func unknownAndSuspiciousDomainsWeighMore() {
        let known = triage("see https://www.reuters.com/article for details").spam
        let unknown = triage("see https://www.example.com/article for details").spam
        let suspicious = triage("see https://www.best-deals-now.biz/article for details").spam
        #expect(known < unknown)
        #expect(unknown < suspicious)
    }

    @Test func bareDomainsAreLinks() {
        let s = triage("more at quickcashhub.xyz")
        #expect(s.spam > 0.3)
        #expect(s.evidence.contains { $0.category == .spam && $0.text == "link" })
        #expect(triage("I went home.Then I slept").spam == 0)
    }
}
