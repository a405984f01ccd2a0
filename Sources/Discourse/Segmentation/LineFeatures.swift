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
    /// The line opens with a boilerplate cue ("Also Read", "Source:", "Related Stories").
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

    package init(text: TokenizedText, cues: SegmenterCues) {
        tokens = text.count
        guard tokens > 0 else { return }
        let bytes = text.bytes
        var shapeHash = TermHash.seed
        var dateHash = TermHash.seed
        var inDate = false
        var lastShape: UInt8 = 0
        var furnitureWords = 0
        var otherWords = 0
        var nonDateWords = 0
        var previousWasMonth = false
        var sentenceStart = true
        var wordCount = 0
        var compactAge = false  // "4h", "2d" as the last word: "@name · 4h"
        var registerSum: Float = 0
        // Every token's cue bits, looked up once here and read again by the cue scan below.
        var tokenBits = [UInt32](repeating: 0, count: text.count)
        var quoted = false  // inside "…" or “…”
        for i in 0..<text.count {
            let t = text[i]
            let (cb, weight) = cues.entry(t.key)  // one lookup for every category below
            tokenBits[i] = cb
            var shapeSymbol: UInt8 = 0
            var dateToken = false
            switch t.kind {
            case .word:
                wordCount += 1
                let key = t.key
                // Shouting is common words in capitals ("YOU", "LOVE", "DOES"), not acronyms ("EMC", "NASA").
                if t.flags.contains(.allCaps),
                    cb & Cue.stopword.bit != 0 || cb & Cue.firstPerson.bit != 0
                        || cb & Cue.secondPerson.bit != 0 || cb & Cue.reaction.bit != 0
                        || weight != 0
                {
                    Self.bump(&allCapsWords)
                }
                if t.flags.contains(.elongated) { Self.bump(&elongatedWords) }
                if t.flags.contains(.capitalized) && !sentenceStart { capitalizedWords &+= 1 }
                // Person inside quotation marks is a quoted speaker's ("We believe …", said the
                // mayor), not the writer's: in news prose it is someone else's voice.
                if !quoted {
                    if cb & Cue.firstPerson.bit != 0 { Self.bump(&firstPerson) }
                    if cb & Cue.firstPersonPlural.bit != 0 { Self.bump(&firstPersonPlural) }
                    if cb & Cue.secondPerson.bit != 0 { Self.bump(&secondPerson) }
                }
                if cb & Cue.stopword.bit != 0 { stopwords &+= 1 }
                if cb & Cue.chat.bit != 0 { Self.bump(&chatWords) }
                registerSum += weight
                if t.length == 1, bytes[Int(t.start)] == 0x69, i == 0 || t.flags.contains(.spaceBefore),
                    i + 1 == text.count || text[i + 1].flags.contains(.spaceBefore)
                {
                    Self.bump(&informalTyping)  // "i think" (not "i-MiEV", "i.e.")
                }
                let isMonth = cb & Cue.month.bit != 0
                if isMonth {
                    shapeSymbol = 0x4D  // M
                    dateToken = true
                } else if cb & Cue.weekday.bit != 0 {
                    shapeSymbol = 0x44  // D
                    dateToken = true
                } else if cb & Cue.meridiem.bit != 0 {
                    shapeSymbol = 0x61  // a
                    dateToken = true
                    if i > 0, text[i - 1].kind == .number { hasTime = true }
                } else if t.flags.contains(.hasDigit), ASCII.isDigit(bytes[Int(t.start)]) {
                    shapeSymbol = 0x30  // 0 (10th, 23AM; "Reader0" is a name)
                    dateToken = true
                    if previousWasMonth { hasDate = true }
                    if Self.isClockWord(text, i) { hasTime = true }
                    if Self.isCompactAge(text, i) { compactAge = true }
                } else if cb & Cue.furniture.bit != 0 {
                    furnitureWords += 1
                    nonDateWords += 1
                    shapeSymbol = 0x66  // f
                    if key == agoKey, i > 0, cues.contains(text[i - 1].key, in: .timeUnit) { hasAgo = true }
                } else if t.flags.contains(.capitalized) || t.flags.contains(.allCaps) {
                    otherWords += 1
                    nonDateWords += 1
                    if t.length > 1, cb & Cue.stopword.bit == 0, !datelineWords.contains(key) { Self.bump(&nameWords) }
                    shapeSymbol = 0x43  // C
                } else {
                    otherWords += 1
                    if key != atKey && key != onKey { nonDateWords += 1 }
                    if t.length > 1, cb & Cue.stopword.bit == 0, !datelineWords.contains(key) { Self.bump(&nameWords) }
                    shapeSymbol = 0x77  // w
                }
                previousWasMonth = isMonth
                // Apostrophes inside words: "don't" is typed, "don’t" is set.
                if t.length > 1 { Self.countApostrophes(bytes, t, straight: &straightMarks, curly: &curlyMarks) }
                sentenceStart = false
            case .number:
                Self.bump(&numbers)
                shapeSymbol = 0x30
                // A number belongs to a date or time only next to one ("July 10", "10/31/2012",
                // "9:59", "5 Nov"); "2 Kara November 8" starts with a comment number, not a date.
                let nextIsSeparator =
                    i + 2 < text.count && text[i + 1].kind == .punctuation && text[i + 1].length == 1
                    && !text[i + 1].flags.contains(.spaceBefore) && text[i + 2].kind == .number
                let nextIsDateWord =
                    i + 1 < text.count
                    && (cues.contains(text[i + 1].key, in: .month) || cues.contains(text[i + 1].key, in: .meridiem)
                        || text[i + 1].flags.contains(.hasDigit))
                dateToken = inDate || previousWasMonth || nextIsSeparator || nextIsDateWord
                if previousWasMonth { hasDate = true }
                if i + 1 < text.count, cues.contains(text[i + 1].key, in: .month) { hasDate = true }
                if i + 2 < text.count, text[i + 1].kind == .punctuation, text[i + 2].kind == .number,
                    text[i + 1].length == 1
                {
                    let sep = bytes[Int(text[i + 1].start)]
                    if sep == 0x3A { hasTime = true }  // 9:59
                    if sep == 0x2F || sep == 0x2E || sep == 0x2D, text[i].length <= 4 {
                        // 09/08/2012, 07.08.12, 2012-11-05
                        if i + 4 < text.count, text[i + 3].kind == .punctuation, text[i + 4].kind == .number {
                            hasDate = true
                        }
                    }
                }
                previousWasMonth = false
                sentenceStart = false
            case .punctuation:
                let length = t.length
                Self.trackQuotation(bytes, t, quoted: &quoted)
                if t.flags.contains(.typographic) {
                    let ascii = text.normalized[Int(t.normStart)]
                    if ascii == 0x22 || ascii == 0x27 {
                        Self.bump(&curlyMarks)
                    } else if ascii == 0x2E {
                        Self.bump(&ellipses)
                    } else {
                        Self.bump(&typographicDashes)
                    }
                    shapeSymbol = ascii
                    if ascii == 0x2E { sentenceStart = true }
                } else {
                    let c = bytes[Int(t.start)]
                    switch c {
                    case 0x3F:
                        Self.bump(&questions)
                        if length >= 2 || Self.mixedMarks(text, i) { Self.bump(&repeatedMarks) }
                    case 0x21:
                        Self.bump(&exclamations, by: length)
                        if length >= 2 || Self.mixedMarks(text, i) { Self.bump(&repeatedMarks) }
                    case 0x2E where length >= 2: Self.bump(&ellipses)
                    case 0x27, 0x22: Self.bump(&straightMarks)
                    case 0x2D where length >= 2: Self.bump(&straightMarks)  // "--"
                    case 0x2D where t.flags.contains(.spaceBefore):
                        Self.bump(&straightMarks)  // " - "
                        // A stray dash left at the end of a line ("nobody wants to hear it -") is
                        // typed in a comment box; an editor would not print it.
                        if i == text.count - 1, length == 1, i > 0, text[i - 1].kind == .word { Self.bump(&informalTyping) }
                    default: break
                    }
                    if ASCII.isSentenceEnd(c) { sentenceStart = true }
                    if length == 1, c == 0x2C || c == 0x2E || c == 0x21 || c == 0x3F, Self.isSloppy(text, i) {
                        Self.bump(&informalTyping)
                    }
                    shapeSymbol = c
                }
                if shapeSymbol == 0x3A || shapeSymbol == 0x2F || shapeSymbol == 0x2E || shapeSymbol == 0x2C,
                    inDate
                {
                    dateToken = true
                }
            case .emoticon, .emoji:
                Self.bump(&smileys)
                shapeSymbol = 0x45  // E
            case .url:
                Self.bump(&urls)
                shapeSymbol = 0x75  // u
            case .mention:
                Self.bump(&mentions)
                shapeSymbol = 0x40
            case .hashtag:
                shapeSymbol = 0x23
            case .symbol:
                let c = bytes[Int(t.start)]
                shapeSymbol = c < 0x80 ? c : 0x73
                if c == 0x40 { dateToken = inDate }  // "@11:25AM"
            }
            // Runs of names or words collapse, so "Chris Huang — July 10th" and "Caleb — July 9th" match.
            let collapses = shapeSymbol == lastShape && (shapeSymbol == 0x43 || shapeSymbol == 0x77)
            if shapeSymbol != 0, !collapses {
                shapeHash = TermHash.add(shapeHash, shapeSymbol)
                if dateToken && !inDate {
                    inDate = true
                    // "Reaping What You Sow (May 6, 2004)": a date in brackets is a citation.
                    if i > 0, text[i - 1].kind == .punctuation, bytes[Int(text[i - 1].start)] == 0x28 { dateInParens = true }
                }
                if inDate {
                    // Inside the date part, names and words are one symbol: "at", "on", "said" vary less
                    // than the date itself.
                    let symbol: UInt8 = shapeSymbol == 0x43 || shapeSymbol == 0x77 || shapeSymbol == 0x66 ? 0x6E : shapeSymbol
                    dateHash = TermHash.add(dateHash, symbol)
                }
            }
            lastShape = shapeSymbol
        }
        words = UInt16(clamping: wordCount)
        register = wordCount == 0 ? 0 : registerSum / Float(wordCount + 3)
        shape = shapeHash
        dateShape = (hasDate || hasTime) ? dateHash : 0
        dateOnly = (hasDate || hasTime) && nonDateWords == 0 && urls == 0 && mentions == 0

        let first = text[0]
        let last = text[text.count - 1]
        let lastByte = bytes[Int(last.start)]
        startsLowercase = first.kind == .word && ASCII.isLower(bytes[Int(first.start)])
        quoteLine = text.isQuoteLine
        endsWithColon = last.kind == .punctuation && lastByte == 0x3A
        if last.kind == .emoticon || last.kind == .emoji {
            endsLikeSentence = true
        } else if last.kind == .punctuation {
            let ascii = text.normalized[Int(last.normStart)]
            endsLikeSentence = ascii == 0x2E || ascii == 0x21 || ascii == 0x3F || ascii == 0x22 || ascii == 0x27
                || ascii == 0x29
        }
        if first.kind == .punctuation || first.kind == .symbol {
            let ascii = text.normalized[Int(first.normStart)]
            // "• item", "* item", "- item" (not "-Jodi", which is a sign-off)
            let bullet = ascii == 0x2A && first.flags.contains(.typographic)
            let asciiBullet = (ascii == 0x2A || ascii == 0x2D) && text.count > 1 && text[1].flags.contains(.spaceBefore)
            listItem = bullet || (asciiBullet && wordCount > 3)
        } else if first.kind == .number, text.count > 2, text[1].kind == .punctuation, text[1].length == 1 {
            let c = bytes[Int(text[1].start)]
            listItem = (c == 0x2E || c == 0x29) && text[2].kind == .word
        }

        // Whole-line patterns.
        if text.count >= 2 {
            let beforeLast = text[text.count - 2]
            // "says:", "said…" / "said..." (Blogger); not "said." (a quotation in an article).
            let ellipsis = (lastByte == 0x2E && last.length >= 2)
                || (last.flags.contains(.typographic) && text.normalized[Int(last.normStart)] == 0x2E)
            if last.kind == .punctuation, lastByte == 0x3A || ellipsis,
                beforeLast.key == saysKey || beforeLast.key == saidKey || beforeLast.key == wroteKey
                    || beforeLast.key == writesKey
            {
                saysColon = wordCount <= 10
            }
        }
        if last.kind == .word, last.key == saysKey || last.key == saidKey || last.key == wroteKey, wordCount <= 6 {
            saysColon = true  // "Elena said" with the colon lost
        }
        furnitureOnly = furnitureWords > 0 && otherWords == 0 && wordCount <= 4 && exclamations == 0 && questions == 0
        if !furnitureOnly, wordCount <= 5, text.count >= 2, last.kind == .word, cues.contains(last.key, in: .furniture),
            text[text.count - 2].kind == .number
        {
            furnitureOnly = true  // "Montemalone 44 pts", "baroo 6 points"
        }
        // A name may end with an initial and its stop ("Chloe O.", "J. R. Smith" has no final stop).
        let endsWithInitial = text.count >= 2 && lastByte == 0x2E && last.length == 1
            && text[text.count - 2].kind == .word && text[text.count - 2].length == 1
            && text[text.count - 2].flags.contains(.capitalized)
        nameLike = wordCount >= 1 && wordCount <= 4 && tokens <= 6 && (!endsLikeSentence || endsWithInitial)
            && !endsWithColon && questions == 0 && exclamations == 0 && numbers == 0 && urls == 0
        if compactAge && wordCount <= 6 { hasAgo = true }
        furnitureShape(text, cues: cues, furnitureWords: furnitureWords, otherWords: otherWords)
        let reaction = cues.match(text, at: 0, in: .reaction)
        if reaction > 0 {
            reactionOpener = true
            if Self.isName(text, reaction, cues: cues) { addressOpener = true }  // "Thanks Tony!"
        }
        if first.kind == .mention || cues.match(text, at: 0, in: .address) > 0 {
            addressOpener = true
        } else if wordCount > 3 {
            // "Rand, have you read…", "Eric – your analysis…", "Wes - I agree": one or two names, then a
            // comma or a dash.
            var k = 0
            while k < min(2, text.count), text[k].kind == .word, text[k].flags.contains(.capitalized) { k += 1 }
            if k > 0, k + 1 < text.count, text[k].kind == .punctuation {
                let ascii = text.normalized[Int(text[k].normStart)]
                let nameFirst = !cues.contains(text[0].key, in: .reaction) && !cues.contains(text[0].key, in: .stopword)
                    && !cues.contains(text[0].key, in: .month) && !cues.contains(text[0].key, in: .weekday)
                // What follows must talk to the person: "you", "I agree", "thanks", "have you read".
                let next = text[k + 1].key
                let addressing = cues.contains(next, in: .secondPerson) || cues.contains(next, in: .reaction)
                    || cues.match(text, at: k + 1, in: .praise) > 0
                let speaking = addressing || cues.contains(next, in: .firstPerson) || addressFollowers.contains(next)
                if nameFirst, (ascii == 0x2C && speaking) || (ascii == 0x2D && text[k].flags.contains(.spaceBefore) && addressing) {
                    addressOpener = true
                }
            }
        }
        // "(Image Credits: AP)", "[Photo: Reuters]": the cue may sit inside a bracket.
        let opener = (first.kind == .punctuation && (bytes[Int(first.start)] == 0x28 || bytes[Int(first.start)] == 0x5B)) ? 1 : 0
        let b = opener < text.count ? cues.match(text, at: opener, in: .boilerplate) : 0
        if b > 0 {
            // "Source: AP", "Also Read", "Related Stories", "Stay connected to X on Instagram, …": a cue
            // that opens a short line, or one followed by a colon.
            let colon = opener + b < text.count && bytes[Int(text[opener + b].start)] == 0x3A
            boilerplate = colon || (wordCount <= 14 && firstPerson == 0 && secondPerson == 0)
        }
        // An embedded tweet's signature: "— ANI (@ANI) July 5, 2023".
        if first.kind == .punctuation, text.normalized[Int(first.normStart)] == 0x2D, mentions > 0, hasDate, wordCount <= 12 {
            boilerplate = true
        }
        if boilerplate { reactionOpener = false }  // "No stories found."
        // Closing lines: "P.S. …" at any length; sign-offs ("Love, Paulo", "Cheers", "Happy learning!")
        // only when short; "-Jodi" / "– Matt" (a dash and a name).
        let c = cues.match(text, at: 0, in: .closing)
        if c > 0 {
            let isPS = text[0].key == psKey || text[0].key == pKey || text[0].key == ppsKey
            // A sign-off is short ("Love, Paulo", "Cheers", "Until next time."); "Love the pictures,
            // you look great!" is a comment.
            closing = isPS || wordCount <= 3 || (wordCount <= 6 && c >= 2 && firstPerson == 0 && secondPerson == 0)
        } else if (first.kind == .punctuation || first.kind == .symbol), text.normalized[Int(first.normStart)] == 0x2D,
            text.count >= 2, text.count <= 4, text[1].kind == .word, text[1].flags.contains(.capitalized)
        {
            closing = true
        }
        // A vocative at a sentence end: "You made your point there, Sara."
        if !addressOpener {
            var k = 1
            while k + 1 < text.count {
                if text[k].kind == .punctuation, bytes[Int(text[k].start)] == 0x2C, Self.isName(text, k + 1, cues: cues) {
                    let after = k + 2
                    if after == text.count
                        || (text[after].kind == .punctuation && ASCII.isSentenceEnd(bytes[Int(text[after].start)]))
                        || text[after].kind == .emoticon || text[after].kind == .emoji
                    {
                        addressOpener = true
                        break
                    }
                }
                k += 1
            }
        }
        var i = 0
        while i < text.count {
            let b = tokenBits[i]
            if b == 0 {
                i += 1
                continue
            }
            let (call, p, m, r) = cues.match4(text, at: i, bits: b, .callToComment, .praise, .metaReference, .reporting)
            if call > 0 { callToComment = true }
            if p > 0 {
                Self.bump(&praise)
                if i == 0 { reactionOpener = true }
                // "Great post Rand", "Thanks Tony!": praise, then a name.
                if i == 0, Self.isName(text, p, cues: cues) { addressOpener = true }
                i += p
                continue
            }
            if m > 0 {
                Self.bump(&metaReferences)
                i += m
                continue
            }
            if r > 0 {
                Self.bump(&reporting)
                i += r
                continue
            }
            i += 1
        }
        // "Posted by X", "Written by X, October 19", "by james on January 31, …", "Posted by: X | date".
        if wordCount <= 16 {
            var k = 0
            if text[0].key == postedKey || text[0].key == writtenKey || text[0].key == submittedKey
                || text[0].key == commentKey
            {
                k = 1
            }
            if k < text.count, text[k].key == byKey {
                postedBy = k == 1 || hasDate || hasTime || wordCount <= 6
            } else if (hasDate || hasTime), text[0].key == postedKey || text[0].key == publishedKey || text[0].key == updatedKey {
                postedBy = true  // "Posted Aug 9th 2012 1:50PM", "updated 4:36 p.m. ET July 23, 2012"
            }
        }
    }

    /// The section heading and vote count shapes (see ``sectionHeader``, ``voteCount``): every token
    /// a section cue, a furniture word, a number, punctuation or a symbol.
    mutating func furnitureShape(_ text: TokenizedText, cues: SegmenterCues, furnitureWords: Int, otherWords: Int) {
        guard words <= 6, questions == 0, exclamations == 0, urls == 0, mentions == 0 else { return }
        let last = text[text.count - 1]
        let sentenceEnd = last.kind == .punctuation && ASCII.isSentenceEnd(text.bytes[Int(last.start)])
        var sectionCues = 0
        var rest = 0
        var k = 0
        while k < text.count {
            let t = text[k]
            if t.kind == .word {
                let m = cues.match(text, at: k, in: .section)
                if m > 0 {
                    sectionCues += 1
                    k += m
                    continue
                }
                if !cues.contains(t.key, in: .furniture) { rest += 1 }
            } else if t.kind == .emoticon && ASCII.isDigit(text.bytes[Int(t.start)]) {
                // "Comments (8)": the tokenizer reads "8)" as an emoticon; here it is a count.
            } else if t.kind != .number && t.kind != .punctuation && t.kind != .symbol && t.kind != .emoji {
                rest += 1
            }
            k += 1
        }
        sectionHeader = sectionCues > 0 && rest == 0 && !sentenceEnd
        // "5", "12 points", "♥ 120 · Reply": a count, and furniture words at most.
        voteCount = numbers == 1 && otherWords == 0 && words <= 3 && !sentenceEnd && sectionCues == 0
            && !hasDate && !hasTime && !hasAgo
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
        ["s", "m", "h", "d", "w", "y", "mo", "min", "mins", "hr", "hrs", "wk", "wks", "yr", "yrs"].map { Array($0.utf8) })

    /// Token `i` is a capitalised word that is no function word, month or cue: probably a name.
    static func isName(_ text: TokenizedText, _ i: Int, cues: SegmenterCues) -> Bool {
        var k = i
        if k < text.count, text[k].kind == .punctuation, text.bytes[Int(text[k].start)] == 0x2C { k += 1 }
        guard k < text.count, text[k].kind == .word, text[k].flags.contains(.capitalized) else { return false }
        let key = text[k].key
        return !cues.contains(key, in: .stopword) && !cues.contains(key, in: .month) && !cues.contains(key, in: .weekday)
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
    static func trackQuotation(_ bytes: [UInt8], _ t: Token, quoted: inout Bool) {
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

    static func countApostrophes(_ bytes: [UInt8], _ t: Token, straight: inout UInt8, curly: inout UInt8) {
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
    ["have", "do", "did", "can", "could", "would", "will", "is", "are", "this", "that", "it's", "what", "how", "why",
     "glad", "hope", "please", "just", "so", "great", "good", "nice", "love", "sorry", "congrats", "agree"]
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

/// The cue categories, short for the bit tests in ``LineFeatures/init(text:cues:)``.
private typealias Cue = SegmenterCues.Category
