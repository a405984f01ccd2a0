/// What the segmenter reads off one line: register cues (person, reactions, punctuation habits),
/// article cues (reporting verbs, typographic punctuation, headings, the author's closing lines), and
/// furniture cues (dates, "says:", "Posted by", vote counts).
///
/// Counts come from the line's tokens, so the line is scanned once, by the tokenizer; nothing here
/// looks at other lines. Counts saturate at 255 (the model caps every count far below that), which
/// keeps a million-line file's features small.
package struct LineFeatures: Sendable {
    package var tokens = 0
    package var words: UInt16 = 0
    package var firstPerson: UInt8 = 0
    package var firstPersonPlural: UInt8 = 0
    package var secondPerson: UInt8 = 0
    package var questions: UInt8 = 0
    package var exclamations: UInt8 = 0
    /// Emoticons and emoji.
    package var smileys: UInt8 = 0
    /// Straight `'` and `"`, in words or around them, and ASCII stand-ins for dashes (`--`, ` - `):
    /// what readers type.
    package var straightMarks: UInt8 = 0
    /// Curly quotes and apostrophes: what publishing software sets.
    package var curlyMarks: UInt8 = 0
    /// En/em dashes and bullets.
    package var typographicDashes: UInt8 = 0
    /// Ellipses, typed ("...", "..") or set ("…"): readers trail off, reporters do not.
    package var ellipses: UInt8 = 0
    /// Runs of "!!", "??", "?!": emphasis nobody edited out.
    package var repeatedMarks: UInt8 = 0
    /// Unedited typing: a lowercase "i", a space before a comma or stop, no space after one
    /// ("this.Thanks"), a lowercase word opening a sentence.
    package var informalTyping: UInt8 = 0
    /// Chat spellings: "dont", "im", "u", "lol", "btw", "thx".
    package var chatWords: UInt8 = 0
    package var urls: UInt8 = 0
    package var mentions: UInt8 = 0
    /// Common words written in capitals (shouting); acronyms do not count.
    package var allCapsWords: UInt8 = 0
    package var elongatedWords: UInt8 = 0
    /// English function words ("the", "of", "which"): lets the segmenter notice a line in another
    /// language than the article.
    package var stopwords: UInt16 = 0
    /// Words with a capital first letter that do not open a sentence.
    package var capitalizedWords: UInt16 = 0
    package var numbers: UInt8 = 0
    /// Phrases about the post or its author ("this post", "I think", "do you").
    package var metaReferences: UInt8 = 0
    /// Praise of the post or agreement with it ("great post", "thanks for sharing", "well said").
    package var praise: UInt8 = 0
    /// Reporting verbs and news register ("said", "according to", "percent").
    package var reporting: UInt8 = 0
    /// Mean word log-odds of comment vs news register (``SegmenterCues`` register table; unknown
    /// words count 0).
    package var register: Float = 0

    package var startsLowercase = false
    /// The line opens with a reaction word ("Great", "Thanks", "Wow", "LOL").
    package var reactionOpener = false
    /// The line opens by addressing someone ("Hi Rand,", "@name", "Dear X", "Rand, …", "Eric – …").
    package var addressOpener = false
    /// The line opens with a boilerplate cue ("Also Read", "Source:", "Related Stories", "Contact:",
    /// "Disclosure:") or is a story's tail ("Follow X on Twitter", "About Acme Inc.").
    package var boilerplate = false
    /// An author's closing line: "P.S. …", a short sign-off ("Love, Paulo", "-Jodi", "Cheers").
    package var closing = false
    /// Asks readers to respond ("What say you?", "Let us know in the comments").
    package var callToComment = false
    /// Ends with ":" (introduces a list or a quotation: article structure).
    package var endsWithColon = false
    /// Ends with ".", "!", "?", a quote or a smiley: a sentence rather than a heading.
    package var endsLikeSentence = false
    /// A sentence-long line (8+ words) with no final punctuation: typed, not edited (headings are short).
    package var unterminated: Bool { words >= 8 && !endsLikeSentence && !endsWithColon && urls == 0 }
    /// Starts with a bullet or "1." / "2)": a list item.
    package var listItem = false
    /// The whole line is a `> quote`.
    package var quoteLine = false

    // Furniture cues.
    /// A date ("July 10th, 2012", "10/31/2012", "5 Nov 2012") appears.
    package var hasDate = false
    /// A clock time ("9:59 am", "11:25AM") appears.
    package var hasTime = false
    /// "3 hours ago", "2 days ago".
    package var hasAgo = false
    /// Words that are neither date, furniture, function nor dateline words ("posted", "updated"):
    /// the name part of "Kristy @ Kristy's Health Revolution November 12, 2012 at 10:31 am" (4).
    package var nameWords: UInt8 = 0
    /// The date stands in brackets: a citation, not furniture.
    package var dateInParens = false
    /// Nothing but a date or time ("July 19, 2012", "Monday, October 29", "10/31/2012"): a dateline
    /// or a list heading as often as comment furniture.
    package var dateOnly = false
    /// Ends with "says:", "said:", "said…", "wrote:".
    package var saysColon = false
    /// Opens with "Posted by", "Written by", "Submitted by", "by X on".
    package var postedBy = false
    /// Furniture words ("Reply", "Report", "Permalink", "12 points") and nothing much else.
    package var furnitureOnly = false
    /// One to four capitalised or lowercase words and no sentence punctuation: a name on its own line.
    package var nameLike = false
    /// A heading of the comment section ("12 Comments", "Comments (3)", "Sort by: Newest", "Leave a
    /// reply"): section cues, counts and furniture words only, no sentence. Furniture of the section,
    /// never of one comment.
    package var sectionHeader = false
    /// Nothing but a vote count: "5", "12 points", "1 like", "♥ 120" (a "Reply" beside it allowed).
    package var voteCount = false

    /// Hash of the line's shape (see ``shape(of:)``), for finding templates that repeat per comment.
    package var shape: UInt64 = 0
    /// Hash of the shape from the line's first date or time token on (names before it ignored), or 0.
    /// "by james on January 31, 2011 at 9:59 am." and "by Jane Copland on January 31, …" share it.
    package var dateShape: UInt64 = 0

    package init() {}

    /// Looks like comment furniture on its own, before any template evidence.
    package var looksLikeFurniture: Bool {
        guard words <= 14 else { return false }
        return furnitureOnly || saysColon || hasAgo || ((hasDate || hasTime) && !endsLikeSentence) || postedBy
    }

    /// Furniture by itself, strong enough without a repeating template: "Reply", "3 hours ago", "X says:".
    package var isLocalFurniture: Bool {
        guard words <= 12 else { return false }
        return furnitureOnly || saysColon || hasAgo
    }

    /// The share of words that are English function words.
    package var stopwordRatio: Double { words == 0 ? 0 : Double(stopwords) / Double(words) }

    /// Reads the features of one line in passes: the token pass (``scanTokens(_:cues:)``), then
    /// whole-line passes over its first and last tokens, furniture shapes, openers, boilerplate and
    /// closing lines, multiword phrases and "Posted by". The order matters where a pass reads what
    /// an earlier one set (closing lines read the person counts; boilerplate clears a reaction
    /// opener, which a praise phrase at the start sets again).
    package init(text: TokenizedText, cues: SegmenterCues) {
        tokens = text.count
        guard tokens > 0 else { return }
        let pass = scanTokens(text, cues: cues)
        readEnds(text, wordCount: pass.wordCount)
        readFurniture(text, cues: cues, pass)
        readOpeners(text, cues: cues, wordCount: pass.wordCount)
        readBoilerplateAndClosing(text, cues: cues, wordCount: pass.wordCount)
        readVocative(text, cues: cues)
        scanPhrases(text, cues: cues, bits: pass.tokenBits)
        readPostedBy(text, wordCount: pass.wordCount)
    }

    /// Token `i` is a compact age, "4h", "2d", "3w", "10m", "1y" or "5min", and the line's last word.
    static func isCompactAge(_ text: TokenizedText, _ i: Int) -> Bool {
        for k in (i + 1)..<text.count where text[k].kind != .punctuation { return false }
        let n = text.normalized
        var k = Int(text[i].normStart)
        let end = Int(text[i].normEnd)
        while k < end, ASCII.isDigit(n[k]) { k += 1 }
        let unit = Array(n[k..<end])
        return k > Int(text[i].normStart) && compactUnits.contains(unit)
    }

    static let compactUnits: Set<[UInt8]> = Set(
        ["s", "m", "h", "d", "w", "y", "mo", "min", "mins", "hr", "hrs", "wk", "wks", "yr", "yrs"].map {
            Array($0.utf8)
        })

    /// Token `i` is a capitalised word that is no function word, month or cue: probably a name.
    static func isName(_ text: TokenizedText, _ i: Int, cues: SegmenterCues) -> Bool {
        var k = i
        if k < text.count, text[k].kind == .punctuation, text.bytes[Int(text[k].start)] == 0x2C { k += 1 }
        guard k < text.count, text[k].kind == .word, text[k].flags.contains(.capitalized) else { return false }
        let key = text[k].key
        return !cues.contains(key, in: .stopword) && !cues.contains(key, in: .month)
            && !cues.contains(key, in: .weekday)
            && !cues.contains(key, in: .firstPerson) && !cues.contains(key, in: .secondPerson)
            && !cues.contains(key, in: .reaction) && !cues.contains(key, in: .firstPersonPlural)
    }

    /// "?!" or "!?" (a mark right after the other kind).
    static func mixedMarks(_ text: TokenizedText, _ i: Int) -> Bool {
        guard i + 1 < text.count, text[i + 1].kind == .punctuation, !text[i + 1].flags.contains(.spaceBefore) else {
            return false
        }
        let a = text.bytes[Int(text[i].start)]
        let b = text.bytes[Int(text[i + 1].start)]
        return (a == 0x3F && b == 0x21) || (a == 0x21 && b == 0x3F)
    }

    /// Punctuation at `i` typed without an editor: "stock , veggies" (space before, space after),
    /// "this.Thanks" (no space after, between two real words), "done. and then" (lowercase after a stop).
    static func isSloppy(_ text: TokenizedText, _ i: Int) -> Bool {
        guard i > 0, i + 1 < text.count else { return false }
        let before = text[i - 1]
        let after = text[i + 1]
        let mark = text[i]
        guard before.kind == .word, after.kind == .word else { return false }
        // "pic.twitter.com", "nytimes.com": a bare domain, not a missing space.
        if i + 3 < text.count, text[i + 2].kind == .punctuation, !text[i + 2].flags.contains(.spaceBefore),
            text[i + 3].kind == .word, !text[i + 3].flags.contains(.spaceBefore)
        {
            return false
        }
        if topLevelDomains.contains(after.key) && !after.flags.contains(.spaceBefore) { return false }
        let spaceBeforeMark = mark.flags.contains(.spaceBefore)
        let spaceAfterMark = after.flags.contains(.spaceBefore)
        if spaceBeforeMark && spaceAfterMark { return true }
        let beforeLetters = before.length >= 3 && !before.flags.contains(.hasDigit)
        if !spaceBeforeMark && !spaceAfterMark {
            // "this.Thanks", "great,thanks": both sides real words (not "U.S", "e.g", "Node.js").
            return beforeLetters && after.length >= 3 && !after.flags.contains(.hasDigit)
                && (after.flags.contains(.capitalized) || text.bytes[Int(mark.start)] == 0x2C)
        }
        if !spaceBeforeMark && spaceAfterMark, text.bytes[Int(mark.start)] != 0x2C {
            // "done. and then": a lowercase sentence start after a real word.
            let first = text.bytes[Int(after.start)]
            return beforeLetters && ASCII.isLower(first) && after.length >= 2
        }
        return false
    }

    @inline(__always)
    static func bump(_ value: inout UInt8, by n: Int = 1) {
        value = UInt8(clamping: Int(value) + n)
    }

    /// "11:25AM" style words, or "23AM"/"10pm" (a number glued to am/pm).
    static func isClockWord(_ text: TokenizedText, _ i: Int) -> Bool {
        let t = text[i]
        let n = text.normalized
        let end = Int(t.normEnd)
        guard end - Int(t.normStart) >= 3 else { return false }
        let a = n[end - 2]
        let m = n[end - 1]
        return (a == 0x61 || a == 0x70) && m == 0x6D && ASCII.isDigit(n[end - 3])
    }

    /// Follows double quotation marks through a punctuation token: a straight `"` opens or closes,
    /// `“` and `„` open, `”` closes. A quotation left open at the line end (news paragraphs often
    /// continue a quote into the next) stays open to the end of the line.
    @inline(__always)
    static func trackQuotation(_ bytes: TextBytes, _ t: Token, quoted: inout Bool) {
        var k = Int(t.start)
        let end = Int(t.end)
        while k < end {
            let b = bytes[k]
            if b == 0x22 {
                quoted.toggle()
            } else if b == 0xE2, k + 2 < end, bytes[k + 1] == 0x80 {
                let c = bytes[k + 2]
                if c == 0x9C || c == 0x9E { quoted = true } else if c == 0x9D { quoted = false }
                k += 2
            }
            k += 1
        }
    }

    static func countApostrophes(_ bytes: TextBytes, _ t: Token, straight: inout UInt8, curly: inout UInt8) {
        var k = Int(t.start)
        let end = Int(t.end)
        while k < end {
            let b = bytes[k]
            if b == 0x27 {
                bump(&straight)
            } else if b == 0xE2, k + 2 < end, bytes[k + 1] == 0x80, bytes[k + 2] == 0x99 || bytes[k + 2] == 0x98 {
                bump(&curly)
                k += 2
            }
            k += 1
        }
    }
}

let agoKey = TermHash.of(normalized: "ago")
let saysKey = TermHash.of(normalized: "says")
let saidKey = TermHash.of(normalized: "said")
let wroteKey = TermHash.of(normalized: "wrote")
let writesKey = TermHash.of(normalized: "writes")
let postedKey = TermHash.of(normalized: "posted")
let writtenKey = TermHash.of(normalized: "written")
let submittedKey = TermHash.of(normalized: "submitted")
let commentKey = TermHash.of(normalized: "comment")
let publishedKey = TermHash.of(normalized: "published")
let updatedKey = TermHash.of(normalized: "updated")
let byKey = TermHash.of(normalized: "by")
let atKey = TermHash.of(normalized: "at")
/// Words that, after "Name,", show the line is talking to Name ("Rand, have you read…").
let addressFollowers = TermSet(
    [
        "have", "do", "did", "can", "could", "would", "will", "is", "are", "this", "that", "it's", "what", "how", "why",
        "glad", "hope", "please", "just", "so", "great", "good", "nice", "love", "sorry", "congrats", "agree",
    ]
    .map { TermHash.of(normalized: $0) })
let topLevelDomains = TermSet(
    ["com", "org", "net", "gov", "edu", "io", "co", "uk", "in", "de", "fr", "info", "ly", "me", "tv", "us", "ca", "au"]
        .map { TermHash.of(normalized: $0) })
/// Words of a dateline rather than a name: "Posted by", "updated", "published on".
let datelineWords = TermSet(
    ["posted", "published", "updated", "written", "submitted", "last", "modified", "edited", "by", "on", "at", "in"]
        .map { TermHash.of(normalized: $0) })
let onKey = TermHash.of(normalized: "on")
let psKey = TermHash.of(normalized: "ps")
let pKey = TermHash.of(normalized: "p")
let ppsKey = TermHash.of(normalized: "pps")
