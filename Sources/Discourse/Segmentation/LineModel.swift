/// The line model: log-odds that one line is reader-comment text rather than article text, as a sum
/// of weighted, capped features (see ``SegmenterParameter`` for each weight and
/// `Lexicons/segmenter-weights.tsv` for its value and why).
///
/// Weights are copied out of ``SegmenterWeights`` once per file so that scoring a line is plain
/// arithmetic.
struct LineModel {
    let prior, firstPerson, firstPersonPlural, secondPerson, reactionOpener, addressOpener: Double
    let metaReference, question, exclamation, smiley, straightMarks, curlyMarks, typographicDashes: Double
    let lowercaseStart, shouting, elongated, url, mention, quoteLine, reporting, boilerplate: Double
    let closing, callToComment, endsWithColon, listItem, heading, shortLine, longLine, properNouns: Double
    let echo, namesAuthor, register, praise, numbers, otherLanguage, ellipsis, repeatedMarks, informalTyping, chatWords: Double

    init(_ w: SegmenterWeights) {
        prior = w[.prior]
        firstPerson = w[.firstPerson]
        firstPersonPlural = w[.firstPersonPlural]
        secondPerson = w[.secondPerson]
        reactionOpener = w[.reactionOpener]
        addressOpener = w[.addressOpener]
        metaReference = w[.metaReference]
        question = w[.question]
        exclamation = w[.exclamation]
        smiley = w[.smiley]
        straightMarks = w[.straightMarks]
        curlyMarks = w[.curlyMarks]
        typographicDashes = w[.typographicDashes]
        lowercaseStart = w[.lowercaseStart]
        shouting = w[.shouting]
        elongated = w[.elongated]
        url = w[.url]
        mention = w[.mention]
        quoteLine = w[.quoteLine]
        reporting = w[.reporting]
        boilerplate = w[.boilerplate]
        closing = w[.closing]
        callToComment = w[.callToComment]
        endsWithColon = w[.endsWithColon]
        listItem = w[.listItem]
        heading = w[.heading]
        shortLine = w[.shortLine]
        longLine = w[.longLine]
        properNouns = w[.properNouns]
        numbers = w[.numbers]
        otherLanguage = w[.otherLanguage]
        praise = w[.praise]
        register = w[.register]
        echo = w[.echo]
        namesAuthor = w[.namesAuthor]
        ellipsis = w[.ellipsis]
        repeatedMarks = w[.repeatedMarks]
        informalTyping = w[.informalTyping]
        chatWords = w[.chatWords]
    }

    /// A line that reads as a heading: short, no sentence ending, no question.
    static func isHeading(_ x: LineFeatures) -> Bool {
        x.words >= 1 && x.words <= 10 && !x.endsLikeSentence && x.questions == 0 && x.exclamations == 0
            && x.smileys == 0 && !x.endsWithColon
    }

    /// The share of words that are capitalised inside a sentence (names: news prose is full of them).
    static func properNounShare(_ x: LineFeatures) -> Double {
        x.words < 6 ? 0 : Double(x.capitalizedWords) / Double(x.words)
    }

    /// The line's comment log-odds; with `parts`, also the named contributions.
    func score(_ x: LineFeatures, context: LineContext, parts: inout [(feature: String, weight: Double)]?) -> Double {
        var total = prior
        parts?.append((SegmenterParameter.prior.label, prior))
        @inline(__always) func add(_ p: SegmenterParameter, _ weight: Double, _ value: Double) {
            guard value != 0 else { return }
            let c = weight * value
            total += c
            if parts != nil, c != 0 { parts!.append((p.label, c)) }
        }
        @inline(__always) func capped(_ v: UInt8, _ cap: UInt8) -> Double { Double(min(v, cap)) }
        @inline(__always) func flag(_ b: Bool) -> Double { b ? 1 : 0 }
        add(.firstPerson, firstPerson, capped(x.firstPerson, 3))
        add(.firstPersonPlural, firstPersonPlural, capped(x.firstPersonPlural, 3))
        add(.secondPerson, secondPerson, capped(x.secondPerson, 2))
        add(.reactionOpener, reactionOpener, flag(x.reactionOpener))
        add(.addressOpener, addressOpener, flag(x.addressOpener))
        add(.metaReference, metaReference, capped(x.metaReferences, 2))
        add(.register, register, Double(max(-2, min(2, x.register))))
        add(.praise, praise, capped(x.praise, 2))
        add(.question, question, capped(x.questions, 2))
        add(.exclamation, exclamation, capped(x.exclamations, 3))
        add(.smiley, smiley, capped(x.smileys, 2))
        add(.straightMarks, straightMarks, capped(x.straightMarks, 3))
        add(.curlyMarks, curlyMarks, capped(x.curlyMarks, 3))
        add(.typographicDashes, typographicDashes, capped(x.typographicDashes, 3))
        add(.ellipsis, ellipsis, capped(x.ellipses, 2))
        add(.repeatedMarks, repeatedMarks, capped(x.repeatedMarks, 2))
        add(.informalTyping, informalTyping, capped(x.informalTyping, 3))
        add(.chatWords, chatWords, capped(x.chatWords, 2))
        add(.lowercaseStart, lowercaseStart, flag(x.startsLowercase))
        add(.shouting, shouting, capped(x.allCapsWords, 3))
        add(.elongated, elongated, capped(x.elongatedWords, 2))
        add(.url, url, capped(x.urls, 1))
        add(.mention, mention, capped(x.mentions, 1))
        add(.quoteLine, quoteLine, flag(x.quoteLine))
        add(.reporting, reporting, capped(x.reporting, 3))
        add(.boilerplate, boilerplate, flag(x.boilerplate))
        add(.closing, closing, flag(x.closing))
        add(.callToComment, callToComment, flag(x.callToComment))
        add(.endsWithColon, endsWithColon, flag(x.endsWithColon))
        add(.listItem, listItem, flag(x.listItem))
        add(.heading, heading, flag(Self.isHeading(x)))
        add(.shortLine, shortLine, flag(x.words <= 3))
        add(.longLine, longLine, flag(x.words >= 60))
        add(.properNouns, properNouns, Self.properNounShare(x))
        add(.numbers, numbers, capped(x.numbers, 3))
        add(.otherLanguage, otherLanguage, flag(context.foreign))
        add(.echo, echo, flag(context.echo))
        add(.namesAuthor, namesAuthor, flag(context.namesAuthor))
        return total
    }
}
