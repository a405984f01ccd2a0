import Testing

@testable import Discourse

@Suite("Furniture layout")
struct FurnitureLayoutTests {
    func layout(_ lines: [String]) -> FurnitureLayout {
        let tokens = lines.map(Tokenizer.tokenize)
        let features = tokens.map { LineFeatures(text: $0, cues: .embedded) }
        return FurnitureLayout.detect(features: features, tokens: tokens, blank: tokens.map(\.isEmpty), repeats: 2)
    }

    @Test func furnitureBeforeEachComment() {
        let l = layout(Fixtures.furnitureBefore.lines)
        #expect(l.hasTemplate)
        #expect(l.precedesText)
        #expect(l.firstRun == 5)
        #expect(l.isFurniture[5] && l.isFurniture[7] && l.isFurniture[10])
        #expect(!l.isFurniture[1])  // the article's byline
        #expect(!l.isFurniture[6] && !l.isFurniture[8] && !l.isFurniture[9])
    }

    @Test func furnitureAfterEachComment() {
        let l = layout(Fixtures.furnitureAfter.lines)
        #expect(l.hasTemplate)
        #expect(!l.precedesText)
        #expect(l.firstRun == 6)
        #expect(!l.isFurniture[1])
        #expect(l.isFurniture[6] && l.isFurniture[8] && l.isFurniture[11])
    }

    @Test func furnitureOnBothSidesOpensWithTheFirstRunsKind() {
        // "posted by X · 3 hours ago" opens each comment, "Reply · N points" closes it; the file
        // ends with furniture, yet the text before the first run is the article's.
        let l = layout([
            "Maintainers say burnout threatens the software supply chain",
            "A survey of 1,200 maintainers found that most had considered quitting in the past year.",
            "“Most projects are looked after by one or two volunteers,” said the report’s author.",
            "posted by kernel_hacker · 3 hours ago", "This matches my experience exactly.", "Reply · 42 points",
            "posted by quietdev · 2 hours ago", "Good luck with that.", "Reply · 17 points",
            "posted by AnnaK · 1 hour ago", "You are all so negative.", "Reply · 5 points",
        ])
        #expect(l.hasTemplate)
        #expect(l.precedesText)
        #expect(l.firstRun == 3)
        #expect(l.isFurniture[5] && l.isFurniture[6] && l.isFurniture[11])
        #expect(!l.isFurniture[2] && !l.isFurniture[4])
    }

    @Test func typepadNameLinesBelongToTheirComment() {
        let l = layout(Fixtures.typepad.lines)
        #expect(l.hasTemplate)
        #expect(!l.precedesText)
        #expect(l.firstRun == 5)
        #expect(l.isFurniture[6] && l.isFurniture[9])  // "MicroSourcing", "Joe Cleaning"
        #expect(!l.isFurniture[4] && !l.isFurniture[7] && !l.isFurniture[10])
    }

    @Test func namesAndDatesOnSeparateLines() {
        let l = layout([
            "A new logo for the annual meeting",
            "I was hired to design a symbol for the meetings, and here it is with a few sketches.",
            "Jean", "November 8, 2012,", "You are so talented, it makes me cry.",
            "Marco", "November 8, 2012,", "Love the colours!",
            "Sam", "November 9, 2012,", "Nice work.",
        ])
        #expect(l.hasTemplate && l.precedesText)
        #expect(l.firstRun == 2)
        #expect(l.isFurniture[2] && l.isFurniture[3] && l.isFurniture[5] && l.isFurniture[6])
        #expect(!l.isFurniture[4] && !l.isFurniture[7])
    }

    @Test func speakersSayingThings() {
        let l = layout([
            "Giveaway: tell us what you are thankful for",
            "Leave a comment below to enter; the giveaway ends on Saturday.",
            "Becky says:", "November 12, 2012 at 10:07 am", "I liked your page long ago :)",
            "Keri B says:", "November 12, 2012 at 10:08 am", "I am thankful for my family.",
        ])
        #expect(l.hasTemplate && l.precedesText)
        #expect(l.firstRun == 2)
    }

    @Test func articleDatesAreNoTemplate() {
        // Dated list items and a dateline in an article: no names, no clock times, no furniture.
        let l = layout([
            "AWS week in review", "Let's take a quick look at what happened last week:",
            "Monday, October 29", "The storage gateway is now generally available for everyone who asked for it.",
            "Wednesday, October 31", "We made some important changes to the start-up challenge this week.",
            "Friday, November 2", "The new instance types are now available in three more regions.",
        ])
        #expect(!l.hasTemplate)
        #expect(l.firstRun == nil)
        let citations = layout([
            "Selected essays", "Here is the list of what I wrote on the subject over the years, with dates.",
            "1. The Padilla Case (Mar. 11, 2003)", "2. Reaping What You Sow (May 6, 2004)",
            "3. Anything Goes (May 12, 2004)",
        ])
        #expect(citations.firstRun == nil)
    }

    @Test func aBylineBlockIsNotATemplate() {
        let l = layout(Fixtures.localNews.lines)
        #expect(!l.hasTemplate)
        #expect(!l.isFurniture[3] && !l.isFurniture[4])
    }

    @Test func loneFurniture() {
        let l = layout([
            "Nurse anesthetists and chronic pain",
            "There are about 45,000 nurse anesthetists in the U.S. working in hospitals and surgery centers.",
            "Nurse anesthetists can already provide some chronic pain treatment in most states, and more are asking to.",
            "steve says:", "November 6, 2012 at 3:45 pm", "You should not confuse them with midwives.",
        ])
        #expect(!l.hasTemplate)
        #expect(l.firstRun == 3)
        #expect(l.instances == 1)
        #expect(l.isFurniture[3] && l.isFurniture[4])
        // Page chrome alone is no furniture.
        let chrome = layout([
            "A short note", "Thanks again to all of our users; it has been a fun journey over the years.", "Permalink",
        ])
        #expect(chrome.firstRun == nil)
    }

    /// The roles of the given lines, in order.
    func roles(_ l: FurnitureLayout, _ lines: [Int]) -> [FurnitureRole] { lines.map { l.roles[$0] } }

    @Test func handleRunsSplitIntoTrailerAndHeader() {
        let l = layout(Fixtures.handleHeart.lines)
        #expect(l.hasTemplate && l.precedesText && l.startsAtFirstRun)
        #expect(l.firstRun == 4)  // the "3 Comments" heading opens the section
        #expect(
            roles(l, [4, 5, 7, 8, 10, 11, 13]) == [.section, .header, .trailer, .header, .trailer, .header, .trailer])
        #expect(!l.isFurniture[6] && !l.isFurniture[9] && !l.isFurniture[12])
    }

    @Test func voteCountsCloseAndNamesOpen() {
        // "5" / "Reply" / "Kevin Marsh" / "2 days ago": the first two close one comment, the last two
        // open the next; "1 like" is a vote count, never a name.
        let l = layout(Fixtures.votesAndReplies.lines)
        #expect(l.hasTemplate && l.precedesText)
        #expect(l.firstRun == 4)
        #expect(roles(l, [4, 5, 6]) == [.section, .header, .header])
        #expect(roles(l, [8, 9, 10, 11]) == [.trailer, .trailer, .header, .header])
        #expect(roles(l, [14, 15, 16, 17, 19]) == [.trailer, .trailer, .header, .header, .trailer])
        #expect(!l.isFurniture[12] && !l.isFurniture[13] && !l.isFurniture[18])
    }

    @Test func trailersAfterTheTextWithAHeadingAbove() {
        let l = layout(Fixtures.postedByAfter.lines)
        #expect(l.hasTemplate)
        #expect(!l.precedesText)  // each "Posted by" closes its comment
        #expect(l.startsAtFirstRun && l.firstRun == 4)  // yet the section starts at "Comments (3)"
        #expect(roles(l, [4, 6, 8, 10]) == [.section, .trailer, .trailer, .trailer])
        #expect(!l.isFurniture[5])
    }

    @Test func aHeadingUnderTheTitleIsTheArticles() {
        // "4 Comments" under the title belongs to the article's header, whatever follows.
        var lines = Fixtures.postedByAfter.lines
        lines.insert("4 Comments", at: 1)
        lines.remove(at: 5)  // the heading above the first comment
        let l = layout(lines)
        #expect(!l.isFurniture[1])
        #expect(l.firstRun == 6 && !l.startsAtFirstRun)  // the first "Posted by"
    }

    @Test func splitFollowsTheShapeNotTheLength() {
        typealias P = FurnitureLayout.Part
        let header: [P] = [.name, .date]
        // The last comment had no vote line: its trailer is only "Reply"; a run with one still splits
        // after its "Reply".
        #expect(FurnitureLayout.split([.votes, .action, .name, .date], trailer: [.action], header: header).k == 2)
        #expect(FurnitureLayout.split([.action, .name, .date], trailer: [.votes, .action], header: header).k == 1)
        // No trailer shape: everything opens the next comment; no header shape: everything closes.
        #expect(FurnitureLayout.split([.votes, .name, .date], trailer: [], header: header).k == 0)
        #expect(FurnitureLayout.split([.postedBy, .votes], trailer: [.postedBy], header: []).k == 2)
    }

    @Test func noFurnitureAtAll() {
        let l = layout(Fixtures.newsWithComments.lines)
        #expect(l.firstRun == nil)
        #expect(!l.isFurniture.contains(true))
    }
}
