/// Pages whose comments carry furniture in the common layouts, written for these tests (none comes
/// from an evaluation set). `Page.firstComment` is the 0-based first line of the comment section.
extension Fixtures {
    /// Every fixture page, for tests that compare two ways of reading the same page.
    static var allPages: [Page] {
        [
            newsWithComments, newsWithoutComments, localNews, blogWithoutComments, furnitureBefore, furnitureAfter,
            typepad, handleHeart, votesAndReplies, postedByAfter,
        ]
    }

    /// Three news paragraphs, the same in every layout below.
    static let ferryArticle = [
        "Island ferry timetable cut to two sailings a day",
        "The regional transport authority will run two ferry sailings a day instead of five from March, it said on Tuesday.",
        "“Fuel costs have risen by almost a third since last year,” the authority’s director told the council’s transport committee.",
        "Residents of the island have until the end of the month to comment on the plan, which also raises the fare for cars.",
    ]

    /// "@handle · 4h" opens each comment, "♥ N · Reply" closes it; a section heading above.
    static let handleHeart = Page(
        lines: ferryArticle + [
            "3 Comments",  // 4
            "@Geoff1957 · 4h",  // 5
            "Two sailings a day means I can't get to my shift at the hospital. Who signed this off?",
            "♥ 120 · Reply",  // 7
            "@CryptoKing88 · 3h",  // 8
            "They should have bought the electric boat when they had the chance.",
            "Reply",  // 10
            "@marsh_kevin · 1h",  // 11
            "My mum relies on that ferry for her appointments, this is awful.",
            "♥ 4 · Reply",  // 13
        ], firstComment: 4)

    /// Name line and date line open each comment; a vote count and "Reply" close it.
    static let votesAndReplies = Page(
        lines: ferryArticle + [
            "Sort by: Newest",  // 4
            "Kevin Marsh",  // 5
            "2 days ago",
            "Five sailings was already too few in summer.",
            "5",  // 8
            "Reply",
            "Linda Okafor",  // 10
            "2 days ago",
            "I drive onto that ferry every week and the car fare is going up again.",
            "It was cheaper to live on the mainland even before this.",
            "1 like",  // 14
            "Reply",
            "Tom Brennan",  // 16
            "3 days ago",
            "Has anyone asked the fishermen what they think?",
            "Reply",  // 19
        ], firstComment: 4)

    /// Text first, then "Posted by X | date" under it; a heading above the first comment.
    static let postedByAfter = Page(
        lines: ferryArticle + [
            "Comments (3)",  // 4
            "Nobody on the island was asked before this was decided, that much is obvious.",
            "Posted by Dana1982 | March 3, 2024 at 4:12 pm",  // 6
            "I agree with Dana. The consultation is a formality.",
            "Posted by Peter Novak | March 3, 2024 at 5:40 pm",  // 8
            "Fuel went up for everyone, the ferry is no exception.",
            "Posted by Rosa C. | March 4, 2024 at 9:05 am",  // 10
        ], firstComment: 4)
}
