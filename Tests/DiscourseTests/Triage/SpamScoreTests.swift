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
