/// Synthetic pages for the segmentation tests, written for them (none comes from an evaluation set).
/// Each is a list of lines; `firstComment` is the 0-based line where reader comments start.
enum Fixtures {
    struct Page {
        var lines: [String]
        var firstComment: Int?
        var text: String { lines.joined(separator: "\n") }
    }

    /// A news page in the shape of real scraped news: site lines, headline, byline, paragraphs,
    /// "Also Read", an image credit, an embedded tweet, source and share boilerplate, then comments.
    static let newsWithComments = Page(
        lines: [
            "Home | World | India | Business | Sports",
            "India News",
            "Monsoon floods displace thousands in Assam; army called in",
            "By Staff Reporter | Updated: July 5, 2023, 10:42 IST",
            "GUWAHATI: Heavy rain lashed Assam for a third straight day on Wednesday, displacing more than 40,000 people across 12 districts, officials said.",
            "“The situation is grim but under control,” Chief Minister Himanta Biswa Sarma told reporters after an aerial survey of the worst-hit areas.",
            "According to the Assam State Disaster Management Authority, three people died in the last 24 hours, taking this year’s toll to 27.",
            "Also Read: Delhi records highest June rainfall in a decade",
            "The Brahmaputra was flowing above the danger mark at Neamatighat, the Central Water Commission said in its 8 am bulletin.",
            "(Image Credits: AP)",
            "Relief camps have been set up in Barpeta, Nalbari and Dhubri districts, where schools have been shut until Friday.",
            "Flood situation in Assam remains critical. Rescue teams are working round the clock. pic.twitter.com/abc123",
            "— ANI (@ANI) July 5, 2023",
            "Source: PTI",
            "Related Stories",
            "No stories found.",
            "Stay connected to India News on Instagram, Facebook and Twitter.",
            "praying for everyone in assam stay safe 🙏",
            "Every year the same story and every year the govt is caught sleeping. When will they build proper embankments?",
            "@rahul_k exactly, nothing changes",
            "This is so sad. Hope the relief reaches the villages in time!!",
        ],
        firstComment: 17)

    /// The same news page without its comments.
    static var newsWithoutComments: Page {
        Page(lines: Array(newsWithComments.lines[..<17]), firstComment: nil)
    }

    /// A second news page: a local business story, a related link and a copyright line, then comments.
    static let localNews = Page(
        lines: [
            "The Daily Ledger",
            "Business",
            "City council approves $42 million transit plan after marathon session",
            "By Maria Gonzalez, Staff Writer",
            "Published 6:15 p.m. ET March 14, 2024",
            "The city council voted 7-2 on Tuesday night to approve a $42 million plan that will add three bus rapid transit lines by 2027, ending months of debate over how to pay for the project.",
            "Supporters said the lines would cut commute times for thousands of residents in the city’s eastern neighborhoods, where fewer than half of households own a car.",
            "“This is the most significant investment in public transportation this city has made in a generation,” council member David Osei said before the vote.",
            "Opponents argued the plan relies too heavily on a proposed sales tax increase that voters have not yet approved. Council member Linda Park, who voted against it, said the city should wait for the results of the November ballot measure.",
            "The transit authority expects construction on the first line to begin next spring.",
            "RELATED: What the new bus lines mean for your commute",
            "Copyright 2024 The Daily Ledger. All rights reserved.",
            "Finally! I've been waiting 10 years for a decent bus on the east side.",
            "Who is going to pay for this? Oh right, us. Again.",
            "The Route 9 bus is always late, fix that first before spending millions on new lines",
            "Great news for people who can't afford a car. Well done council.",
        ],
        firstComment: 12)

    /// A personal blog post that ends the way authors end posts: a question to readers, a sign-off
    /// and a P.S. No comments follow.
    static let blogWithoutComments = Page(
        lines: [
            "Why I stopped checking email before noon",
            "by Jodi on March 3, 2013",
            "For years the first thing I did every morning was open my inbox, and for years my mornings belonged to other people.",
            "Last spring I tried an experiment: no email until noon, for a month. The first week was hard; the second was easier.",
            "By the end of the month I had written more than in the previous three, and nobody had missed me.",
            "I still answer everything, just later, and in one sitting rather than forty.",
            "What say you? Could you wait until lunch?",
            "-Jodi",
            "P.S. Yes, this post was written before noon.",
        ],
        firstComment: nil)

    /// A blog post with comments whose furniture opens each comment ("Name date at time").
    static let furnitureBefore = Page(
        lines: [
            "Roasted squash soup for a cold weekend",
            "Posted by Anna on October 28, 2012",
            "This soup takes an hour, most of it in the oven, and it freezes well.",
            "Roast the squash with olive oil, salt and a little cumin until the edges brown, then simmer it with stock and an onion.",
            "Blend until smooth and finish with a spoon of yogurt.",
            "Alison October 28, 2012 at 8:03 pm",
            "This looks delicious, can't wait to make it this weekend!",
            "Emily D. October 28, 2012 at 8:25 pm",
            "Made it tonight.",
            "My kids asked for seconds, which never happens.",
            "Miriam October 29, 2012 at 9:10 am",
            "Do you think butternut works as well as kabocha?",
        ],
        firstComment: 5)

    /// A blog post whose comment furniture closes each comment ("by X on date at time.").
    static let furnitureAfter = Page(
        lines: [
            "The quiet hubris of startups",
            "by randy on January 31, 2011",
            "Founders are told to be bold, and bold is easily confused with arrogant.",
            "The best founders I know are humble about what they do not know and stubborn about what they do.",
            "I hope that is not just wishful thinking.",
            "I have met a few founders like that. They were shockingly human.",
            "by james on January 31, 2011 at 9:59 am.",
            "Great post Randy, there is a fine line between belief and ego.",
            "by Damien on January 31, 2011 at 10:12 am.",
            "Agreed with Damien here.",
            "Humility wins in the long run.",
            "by Jane Copland on January 31, 2011 at 10:29 am.",
        ],
        firstComment: 5)

    /// Typepad style: name line, text, then "Posted by: name | date" closing each comment.
    static let typepad = Page(
        lines: [
            "Customer service lessons from a bank that welcomes dogs",
            "A bank in Kent now lets customers bring their dogs inside, and the branch has never been busier.",
            "They even ran a contest where dogs picked their favourite biscuit.",
            "Photo: example.com",
            "Good customer service means knowing your customers, whatever they walk in with.",
            "Posted by: service tips | November 05, 2012 at 11:17 PM",
            "MicroSourcing",
            "Being pet friendly makes more customers feel welcome.",
            "Posted by: MicroSourcing | November 06, 2012 at 01:23 AM",
            "Joe Cleaning",
            "Really great read, I bookmarked this page.",
            "Posted by: Joe Cleaning | November 06, 2012 at 09:40 AM",
        ],
        firstComment: 4)
}
