import Testing

@testable import Discourse

@Suite("Line features")
struct LineFeaturesTests {
    func features(_ line: String) -> LineFeatures {
        LineFeatures(text: Tokenizer.tokenize(line), cues: .embedded)
    }

    @Test func personAndReactions() {
        let x = features("Great post Rand, I think you nailed it :)")
        #expect(x.firstPerson == 1)
        #expect(x.secondPerson == 1)
        #expect(x.reactionOpener)
        #expect(x.addressOpener)  // "Great post Rand": praise, then a name
        #expect(x.praise >= 1)
        #expect(x.smileys == 1)
        let article = features("The council voted 7-2 on Tuesday, officials said.")
        #expect(article.firstPerson == 0 && article.secondPerson == 0)
        #expect(!article.reactionOpener && !article.addressOpener)
        #expect(article.reporting >= 1)
    }

    @Test func addressingSomeone() {
        #expect(features("Hi David, I definitely support this!").addressOpener)
        #expect(features("@rahul_k exactly, nothing changes").addressOpener)
        #expect(features("Karla, I agree with you 200%.").addressOpener)
        #expect(features("You made your point there, Sara.").addressOpener)
        // A name and a comma in an article sentence is no address.
        #expect(!features("Oliveira, on the other hand, took shorter strides in the final.").addressOpener)
    }

    @Test func typedAndTypesetPunctuation() {
        let typed = features("I don't think it's \"fair\" -- really...")
        #expect(typed.straightMarks >= 4)
        #expect(typed.curlyMarks == 0)
        #expect(typed.ellipses == 1)
        let set = features("“It’s the best year we’ve had,” she said — twice…")
        #expect(set.curlyMarks >= 4)
        #expect(set.straightMarks == 0)
        #expect(set.typographicDashes == 1)
        #expect(set.ellipses == 1)
    }

    @Test func informalTyping() {
        #expect(features("i think this is wrong").informalTyping >= 1)
        #expect(features("braised in wine and stock , veggies and herbs").informalTyping == 1)
        #expect(features("Already donated:)I got a cousin there.His part of town is fine").informalTyping >= 1)
        #expect(features("it was great. and then it rained").informalTyping == 1)
        #expect(features("what a header!!! get in").repeatedMarks == 1)
        #expect(features("dont worry lol").chatWords == 2)
        // Edited prose, product names, abbreviations and bare domains are not sloppy.
        #expect(features("The i-MiEV sold 852 units in the U.S. this year.").informalTyping == 0)
        #expect(features("Rescue teams are working round the clock. pic.twitter.com/abc123").informalTyping == 0)
        #expect(features("It rained, e.g. on Monday, and then stopped.").informalTyping == 0)
        // A stray dash left at the end of a line, not a dash between two clauses.
        #expect(features("Planting trees is the only solution but nobody wants to hear it -").informalTyping == 1)
        #expect(features("The plan - approved on Tuesday - costs £4m.").informalTyping == 0)
    }

    @Test func shoutingIsCommonWordsInCapitals() {
        #expect(features("WHO ARE YOU KIDDING, you WANT MY MONEY").allCapsWords >= 3)
        #expect(features("EMC and NASA signed the VPLEX deal").allCapsWords == 0)
    }

    @Test func authorsClosingLines() {
        #expect(features("P.S. Yes, an Android version is coming too.").closing)
        #expect(features("p.s. Many of the comments have focused on pay.").closing)
        #expect(features("-Jodi").closing)
        #expect(features("Love, Paulo").closing)
        #expect(features("Until next time.").closing)
        #expect(features("What say you?").callToComment)
        #expect(features("Let us know in the comments below!").callToComment)
        #expect(!features("Love the pictures, you look great!").closing)  // long enough to be a comment
    }

    @Test func boilerplate() {
        #expect(features("Also Read: Delhi records highest June rainfall in a decade").boilerplate)
        #expect(features("Related Stories").boilerplate)
        #expect(features("Source: PTI").boilerplate)
        #expect(features("(Image Credits: AP)").boilerplate)
        #expect(features("Stay connected to India News on Instagram, Facebook and Twitter.").boilerplate)
        #expect(features("— ANI (@ANI) July 5, 2023").boilerplate)  // an embedded tweet's signature
        let noStories = features("No stories found.")
        #expect(noStories.boilerplate)
        #expect(!noStories.reactionOpener)
        #expect(!features("Source code for the game was released to everyone who asked me about it.").boilerplate)
    }

    /// The tails publishers put under a story: social follow lines, a press release's "About X" and
    /// contact block, disclosures. A reader who mentions following or a platform is not one.
    @Test func pageTails() {
        #expect(features("Follow the Valley Courier on Twitter for the latest scores.").boilerplate)
        #expect(features("About Northwind Robotics Inc.").boilerplate)
        #expect(features("CONTACT: Jane Moreau, press office, 555-0100").boilerplate)
        #expect(features("Disclosure: the author owns shares in the company.").boilerplate)
        #expect(features("Media contact").boilerplate)
        #expect(!features("Follow the money and you will see who gains from this.").boilerplate)
        #expect(!features("About time they fixed the road.").boilerplate)
        #expect(!features("I stopped following them on Twitter years ago.").boilerplate)
    }

    @Test func structure() {
        #expect(features("These are the programs I find most indispensable:").endsWithColon)
        #expect(features("• A shift towards investing in founding teams").listItem)
        #expect(features("3. Freebie. Tell us something you are thankful for.").listItem)
        #expect(features("> I have yet to see anything innovative").quoteLine)
        #expect(features("How It Works").words == 3)
    }

    @Test func furnitureCues() {
        let byLine = features("by james on January 31, 2011 at 9:59 am.")
        #expect(byLine.hasDate && byLine.hasTime)
        #expect(byLine.postedBy)
        #expect(features("3 hours ago").hasAgo)
        #expect(features("11. Jul, 2012 / Rishil says:").saysColon)
        #expect(features("Emily said...").saysColon)
        #expect(!features("“We haven’t decided yet,” Poklar said.").saysColon)  // a quotation, not furniture
        #expect(features("Reply").furnitureOnly)
        #expect(features("Montemalone 44 pts").furnitureOnly)
        #expect(features("10/31/2012").hasDate)
        #expect(features("Peter Flom 07.08.12 at 13:24").hasTime)
        #expect(features("July 19, 2012").dateOnly)
        #expect(!features("Elena July 26, 2012 at 7:58 am").dateOnly)
        #expect(features("Kristy @ Kristy's Health Revolution November 12, 2012 at 10:31 am").nameWords <= 4)
        #expect(features("Ruben Turtulici").nameLike)
        #expect(features("Reaping What You Sow (May 6, 2004)").dateInParens)
    }

    @Test func sectionHeadingsAndVoteCounts() {
        for heading in [
            "12 Comments", "Comments (3)", "Sort by: Newest", "Leave a reply", "Join the discussion", "Sort by Best",
        ] {
            #expect(features(heading).sectionHeader, "\(heading)")
        }
        for line in [
            "No comments on this one, sorry.", "I have 12 comments to make", "Leave a reply.", "Comments?",
            "Kevin Marsh",
        ] {
            #expect(!features(line).sectionHeader, "\(line)")
        }
        for count in ["5", "12 points", "1 like", "♥ 120 · Reply"] {
            #expect(features(count).voteCount, "\(count)")
        }
        for line in ["May 5", "5 May 2019", "12 Comments", "Reply", "It got 5 votes.", "3 hours ago"] {
            #expect(!features(line).voteCount, "\(line)")
        }
    }

    @Test func compactAgesAndNamesWithInitials() {
        #expect(features("@Geoff1957 · 4h").hasAgo)
        #expect(features("@name · 2d").hasAgo)
        #expect(!features("The crossing takes 4h in winter and more when it is windy.").hasAgo)
        #expect(!features("4h of delays").hasAgo)  // not the line's last word
        #expect(features("Chloe O.").nameLike)
        #expect(features("Geoff1957").nameLike)
        #expect(!features("Thanks.").nameLike)
    }

    @Test func dateShapeIgnoresTheNameBeforeTheDate() {
        let a = features("by james on January 31, 2011 at 9:59 am.")
        let b = features("by Jane Copland on January 31, 2011 at 10:29 am.")
        #expect(a.dateShape != 0)
        #expect(a.dateShape == b.dateShape)
        // A leading comment number is not part of the date.
        let c = features("Kara November 8, 2012 at 12:26 PM")
        let d = features("2 Kara November 8, 2012 at 12:26 PM")
        #expect(c.dateShape == d.dateShape)
        #expect(features("No date in this line at all").dateShape == 0)
    }

    @Test func registerLexicon() {
        #expect(features("this is so stupid lol, what a bunch of idiots").register > 0)
        #expect(features("Officials announced the nominee, according to a statement.").register < 0)
    }

    @Test func emptyLine() {
        let x = features("")
        #expect(x.tokens == 0 && x.words == 0)
        #expect(!x.looksLikeFurniture)
    }

    /// Person inside quotation marks is a quoted speaker's voice, not the writer's.
    @Test func quotedPersonIsNotTheWriters() {
        #expect(features("“We believe this is the right decision,” the mayor said.").firstPersonPlural == 0)
        #expect(features("\"I will not resign,\" she told reporters.").firstPerson == 0)
        #expect(features("She said: “You can’t park here").secondPerson == 0)  // a quote left open at the line end
        // The writer's own first person around a quotation still counts.
        let own = features("I agree with her when she says \"we need more buses\" but I doubt it.")
        #expect(own.firstPerson == 2)
        #expect(own.firstPersonPlural == 0)
        #expect(features("We went there and you would love it.").firstPersonPlural == 1)
    }
}
