import Testing

@testable import Discourse

@Suite("Comment extractor")
struct CommentExtractorTests {
    func comments(_ page: Fixtures.Page) -> [Discourse.Comment] {
        let tokens = page.lines.map(Tokenizer.tokenize)
        let s = Segmenter().segment(tokens)
        return CommentExtractor.extract(lines: page.lines, tokens: tokens, segmentation: s, cues: .embedded)
    }

    func meta(_ line: String) -> (author: String?, posted: String?) {
        MetaLine.parse(Tokenizer.tokenize(line), cues: .embedded)
    }

    /// "author|posted", with "-" for a missing field, so expectations read as one string.
    func parsed(_ line: String) -> String {
        let m = meta(line)
        return "\(m.author ?? "-")|\(m.posted ?? "-")"
    }

    @Test func oneCommentPerLineWithoutFurniture() {
        let c = comments(Fixtures.newsWithComments)
        #expect(c.count == 4)
        #expect(c.map(\.line) == [18, 19, 20, 21])
        #expect(c[2].text == "@rahul_k exactly, nothing changes")
        #expect(c.allSatisfy { $0.author == nil && $0.posted == nil })
        #expect(c.map(\.index) == [1, 2, 3, 4])
    }

    @Test func furnitureOpensEachComment() {
        let c = comments(Fixtures.furnitureBefore)
        #expect(c.count == 3)
        #expect(c[0].author == "Alison" && c[0].posted == "October 28, 2012 at 8:03 pm")
        #expect(c[1].author == "Emily D." && c[1].lineCount == 2)
        #expect(c[1].text == "Made it tonight.\nMy kids asked for seconds, which never happens.")
        #expect(c[1].line == 9)
        #expect(c[2].author == "Miriam")
        // Furniture is never a comment of its own.
        #expect(!c.contains { $0.text.contains("2012") })
    }

    @Test func furnitureClosesEachComment() {
        let page = Fixtures.furnitureAfter
        let tokens = page.lines.map(Tokenizer.tokenize)
        // The grouping does not depend on where exactly the first comment starts.
        var kinds = [LineKind](repeating: .body, count: page.lines.count)
        for i in 5..<kinds.count { kinds[i] = [6, 8, 11].contains(i) ? .commentMeta : .comment }
        let s = Segmentation(kinds: kinds, firstCommentLine: 5, confidence: 1, furnitureFirst: false)
        let c = CommentExtractor.extract(lines: page.lines, tokens: tokens, segmentation: s, cues: .embedded)
        #expect(c.count == 3)
        #expect(c[0].author == "james" && c[0].posted == "January 31, 2011 at 9:59 am")
        #expect(c[1].author == "Damien")
        #expect(c[2].author == "Jane Copland" && c[2].lineCount == 2)
    }

    @Test func typepadAuthors() {
        let page = Fixtures.typepad
        let tokens = page.lines.map(Tokenizer.tokenize)
        var kinds = [LineKind](repeating: .body, count: page.lines.count)
        for i in 4..<kinds.count { kinds[i] = [5, 6, 8, 9, 11].contains(i) ? .commentMeta : .comment }
        let s = Segmentation(kinds: kinds, firstCommentLine: 4, confidence: 1, furnitureFirst: false)
        let c = CommentExtractor.extract(lines: page.lines, tokens: tokens, segmentation: s, cues: .embedded)
        #expect(c.map(\.author) == ["service tips", "MicroSourcing", "Joe Cleaning"])
        #expect(c.map(\.line) == [5, 8, 11])
    }

    @Test func trailingTextWithoutItsFurnitureIsStillAComment() {
        let lines = [
            "Some article text that is long enough to be an article line.", "First comment.",
            "by ann on May 1, 2012 at 1:00 pm", "Second comment, cut short.",
        ]
        let tokens = lines.map(Tokenizer.tokenize)
        let s = Segmentation(
            kinds: [.body, .comment, .commentMeta, .comment], firstCommentLine: 1, confidence: 1, furnitureFirst: false)
        let c = CommentExtractor.extract(lines: lines, tokens: tokens, segmentation: s, cues: .embedded)
        #expect(c.map(\.text) == ["First comment.", "Second comment, cut short."])
        #expect(c[0].author == "ann" && c[1].author == nil)
    }

    @Test func furnitureLinesOfEveryLayout() {
        #expect(parsed("Geoff1957 · 2 hours ago") == "Geoff1957|2 hours ago")
        #expect(parsed("@CryptoKing88 · 4h") == "@CryptoKing88|4h")
        #expect(parsed("#12 Kevin Marsh — 3 hours ago") == "Kevin Marsh|3 hours ago")
        #expect(parsed("Posted by Dana1982 | March 3, 2024 at 4:12 pm") == "Dana1982|March 3, 2024 at 4:12 pm")
        #expect(parsed("Jun 17, 2020") == "-|Jun 17, 2020")
        #expect(parsed("marsh_kevin") == "marsh_kevin|-")
        #expect(parsed("1 like") == "-|-")
        #expect(parsed("♥ 120 · Reply") == "-|-")
        #expect(parsed("12 points") == "-|-")
        #expect(parsed("Linda wrote:") == "Linda|-")
    }

    @Test func runsBetweenCommentsCreditTheRightAuthor() {
        let hearts = comments(Fixtures.handleHeart)
        #expect(hearts.map(\.author) == ["@Geoff1957", "@CryptoKing88", "@marsh_kevin"])
        #expect(hearts.map(\.posted) == ["4h", "3h", "1h"])
        #expect(hearts.map(\.line) == [7, 10, 13])
        let votes = comments(Fixtures.votesAndReplies)
        #expect(votes.map(\.author) == ["Kevin Marsh", "Linda Okafor", "Tom Brennan"])
        #expect(votes.map(\.posted) == ["2 days ago", "2 days ago", "3 days ago"])
        #expect(votes[1].lineCount == 2)
        let posted = comments(Fixtures.postedByAfter)
        #expect(posted.map(\.author) == ["Dana1982", "Peter Novak", "Rosa C."])
        #expect(
            posted.map(\.posted) == [
                "March 3, 2024 at 4:12 pm", "March 3, 2024 at 5:40 pm", "March 4, 2024 at 9:05 am",
            ])
        #expect(posted.map(\.line) == [6, 8, 10])
        // Section headings and vote counts are never comments or comment text.
        for c in hearts + votes + posted {
            #expect(!["Comments", "Sort by", "like", "Reply", "♥"].contains { c.text.contains($0) }, "\(c.text)")
        }
    }

    @Test func rolesDecideWhichCommentARunDescribes() {
        // The same lines with the roles swapped: the grouping follows the roles, not the order.
        let lines = ["An article line that is long enough to count as one.", "A", "5 points", "Ann Lee", "B"]
        let tokens = lines.map(Tokenizer.tokenize)
        let kinds: [LineKind] = [.body, .comment, .commentMeta, .commentMeta, .comment]
        func authors(_ roles: [FurnitureRole]) -> [String?] {
            let s = Segmentation(
                kinds: kinds, firstCommentLine: 1, confidence: 1, furnitureFirst: true, furnitureRoles: roles)
            return CommentExtractor.extract(lines: lines, tokens: tokens, segmentation: s, cues: .embedded).map(
                \.author)
        }
        #expect(authors([.none, .none, .trailer, .header, .none]) == [nil, "Ann Lee"])
        #expect(authors([.none, .none, .trailer, .trailer, .none]) == ["Ann Lee", nil])
    }

    @Test func noSectionNoComments() {
        #expect(comments(Fixtures.newsWithoutComments).isEmpty)
    }

    @Test func authorAndDateFromFurnitureLines() {
        #expect(meta("by james on January 31, 2011 at 9:59 am.").author == "james")
        #expect(meta("by james on January 31, 2011 at 9:59 am.").posted == "January 31, 2011 at 9:59 am")
        #expect(parsed("11. Jul, 2012 / Rishil says:") == "Rishil|11. Jul, 2012")
        #expect(meta("Posted by: Stephen Miracle | November 02, 2012 at 01:10 PM").author == "Stephen Miracle")
        #expect(parsed("Chris Huang — July 10th, 2012, 1:26 am") == "Chris Huang|July 10th, 2012, 1:26 am")
        #expect(parsed("2 Kara November 8, 2012 at 12:26 PM") == "Kara|November 8, 2012 at 12:26 PM")
        #expect(parsed("Peter Flom 07.08.12 at 13:24") == "Peter Flom|07.08.12 at 13:24")
        #expect(parsed("Montemalone 44 pts") == "Montemalone|-")
        #expect(parsed("3 hours ago") == "-|3 hours ago")
        #expect(parsed("Ruben Turtulici") == "Ruben Turtulici|-")
        #expect(parsed("Reply") == "-|-")
        #expect(parsed("") == "-|-")
    }
}
