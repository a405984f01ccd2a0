/// The token pass of ``LineFeatures/init(text:cues:)``: one walk over the line's tokens that counts
/// every per-token cue (person, marks, typing habits, dates) and hashes the line's shape. The
/// whole-line passes after it read what it leaves in ``TokenPass``.
extension LineFeatures {
    /// The token pass's running state, and what the whole-line passes read from it.
    struct TokenPass {
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
        /// "4h", "2d" as the last word: "@name · 4h".
        var compactAge = false
        var registerSum: Float = 0
        /// Every token's cue bits, looked up once here and read again by ``scanPhrases(_:cues:bits:)``.
        var tokenBits: [UInt32]
        /// Inside "…" or “…”.
        var quoted = false

        init(count: Int) { tokenBits = [UInt32](repeating: 0, count: count) }
    }

    /// Counts the per-token cues of `text` and hashes its shape (``shape``, ``dateShape``).
    /// - Complexity: O(tokens), one cue-table lookup per token.
    mutating func scanTokens(_ text: TokenizedText, cues: SegmenterCues) -> TokenPass {
        var pass = TokenPass(count: text.count)
        let bytes = text.bytes  // once per line: each `text.bytes` retains and releases the block
        for i in 0..<text.count {
            let t = text[i]
            let (cb, weight) = cues.entry(t.key)  // one lookup for every category below
            pass.tokenBits[i] = cb
            let symbol: (shape: UInt8, date: Bool)
            switch t.kind {
            case .word: symbol = scanWord(text, bytes, i, bits: cb, weight: weight, cues: cues, &pass)
            case .number: symbol = scanNumber(text, i, cues: cues, &pass)
            case .punctuation: symbol = scanPunctuation(text, i, &pass)
            case .emoticon, .emoji:
                Self.bump(&smileys)
                symbol = (0x45, false)  // E
            case .url:
                Self.bump(&urls)
                symbol = (0x75, false)  // u
            case .mention:
                Self.bump(&mentions)
                symbol = (0x40, false)
            case .hashtag:
                symbol = (0x23, false)
            case .symbol:
                let c = bytes[Int(t.start)]
                symbol = (c < 0x80 ? c : 0x73, c == 0x40 ? pass.inDate : false)  // "@11:25AM"
            }
            addShape(symbol.shape, dateToken: symbol.date, text, i, &pass)
        }
        words = UInt16(clamping: pass.wordCount)
        register = pass.wordCount == 0 ? 0 : pass.registerSum / Float(pass.wordCount + 3)
        shape = pass.shapeHash
        dateShape = (hasDate || hasTime) ? pass.dateHash : 0
        dateOnly = (hasDate || hasTime) && pass.nonDateWords == 0 && urls == 0 && mentions == 0
        return pass
    }

    /// A word: person, capitals, function and chat words, register, and its date/name shape.
    private mutating func scanWord(
        _ text: TokenizedText, _ bytes: TextBytes, _ i: Int, bits cb: UInt32, weight: Float, cues: SegmenterCues,
        _ pass: inout TokenPass
    ) -> (shape: UInt8, date: Bool) {
        let t = text[i]
        var shapeSymbol: UInt8 = 0
        var dateToken = false
        pass.wordCount += 1
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
        if t.flags.contains(.capitalized) && !pass.sentenceStart { capitalizedWords &+= 1 }
        // Person inside quotation marks is a quoted speaker's ("We believe …", said the
        // mayor), not the writer's: in news prose it is someone else's voice.
        if !pass.quoted {
            if cb & Cue.firstPerson.bit != 0 { Self.bump(&firstPerson) }
            if cb & Cue.firstPersonPlural.bit != 0 { Self.bump(&firstPersonPlural) }
            if cb & Cue.secondPerson.bit != 0 { Self.bump(&secondPerson) }
        }
        if cb & Cue.stopword.bit != 0 { stopwords &+= 1 }
        if cb & Cue.chat.bit != 0 { Self.bump(&chatWords) }
        pass.registerSum += weight
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
            if pass.previousWasMonth { hasDate = true }
            if Self.isClockWord(text, i) { hasTime = true }
            if Self.isCompactAge(text, i) { pass.compactAge = true }
        } else if cb & Cue.furniture.bit != 0 {
            pass.furnitureWords += 1
            pass.nonDateWords += 1
            shapeSymbol = 0x66  // f
            if key == agoKey, i > 0, cues.contains(text[i - 1].key, in: .timeUnit) { hasAgo = true }
        } else if t.flags.contains(.capitalized) || t.flags.contains(.allCaps) {
            pass.otherWords += 1
            pass.nonDateWords += 1
            if t.length > 1, cb & Cue.stopword.bit == 0, !datelineWords.contains(key) { Self.bump(&nameWords) }
            shapeSymbol = 0x43  // C
        } else {
            pass.otherWords += 1
            if key != atKey && key != onKey { pass.nonDateWords += 1 }
            if t.length > 1, cb & Cue.stopword.bit == 0, !datelineWords.contains(key) { Self.bump(&nameWords) }
            shapeSymbol = 0x77  // w
        }
        pass.previousWasMonth = isMonth
        // Apostrophes inside words: "don't" is typed, "don’t" is set.
        if t.length > 1 { Self.countApostrophes(bytes, t, straight: &straightMarks, curly: &curlyMarks) }
        pass.sentenceStart = false
        return (shapeSymbol, dateToken)
    }

    /// A number: counted, and part of a date or time only next to one.
    private mutating func scanNumber(_ text: TokenizedText, _ i: Int, cues: SegmenterCues, _ pass: inout TokenPass)
        -> (shape: UInt8, date: Bool)
    {
        Self.bump(&numbers)
        // A number belongs to a date or time only next to one ("July 10", "10/31/2012",
        // "9:59", "5 Nov"); "2 Kara November 8" starts with a comment number, not a date.
        let nextIsSeparator =
            i + 2 < text.count && text[i + 1].kind == .punctuation && text[i + 1].length == 1
            && !text[i + 1].flags.contains(.spaceBefore) && text[i + 2].kind == .number
        let nextIsDateWord =
            i + 1 < text.count
            && (cues.contains(text[i + 1].key, in: .month) || cues.contains(text[i + 1].key, in: .meridiem)
                || text[i + 1].flags.contains(.hasDigit))
        let dateToken = pass.inDate || pass.previousWasMonth || nextIsSeparator || nextIsDateWord
        if pass.previousWasMonth { hasDate = true }
        if i + 1 < text.count, cues.contains(text[i + 1].key, in: .month) { hasDate = true }
        if i + 2 < text.count, text[i + 1].kind == .punctuation, text[i + 2].kind == .number,
            text[i + 1].length == 1
        {
            let sep = text.bytes[Int(text[i + 1].start)]
            if sep == 0x3A { hasTime = true }  // 9:59
            if sep == 0x2F || sep == 0x2E || sep == 0x2D, text[i].length <= 4 {
                // 09/08/2012, 07.08.12, 2012-11-05
                if i + 4 < text.count, text[i + 3].kind == .punctuation, text[i + 4].kind == .number {
                    hasDate = true
                }
            }
        }
        pass.previousWasMonth = false
        pass.sentenceStart = false
        return (0x30, dateToken)
    }

    /// A punctuation mark: quotation state, typed versus typographic marks, questions,
    /// exclamations, sloppy spacing.
    private mutating func scanPunctuation(_ text: TokenizedText, _ i: Int, _ pass: inout TokenPass)
        -> (shape: UInt8, date: Bool)
    {
        let t = text[i]
        let bytes = text.bytes
        let length = t.length
        let shapeSymbol: UInt8
        Self.trackQuotation(bytes, t, quoted: &pass.quoted)
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
            if ascii == 0x2E { pass.sentenceStart = true }
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
            if ASCII.isSentenceEnd(c) { pass.sentenceStart = true }
            if length == 1, c == 0x2C || c == 0x2E || c == 0x21 || c == 0x3F, Self.isSloppy(text, i) {
                Self.bump(&informalTyping)
            }
            shapeSymbol = c
        }
        let dateToken =
            (shapeSymbol == 0x3A || shapeSymbol == 0x2F || shapeSymbol == 0x2E || shapeSymbol == 0x2C)
            && pass.inDate
        return (shapeSymbol, dateToken)
    }

    /// Adds token `i`'s shape symbol to the line's shape hash, and to the date shape from the first
    /// date token on.
    private mutating func addShape(
        _ shapeSymbol: UInt8, dateToken: Bool, _ text: TokenizedText, _ i: Int,
        _ pass: inout TokenPass
    ) {
        // Runs of names or words collapse, so "Chris Huang — July 10th" and "Caleb — July 9th" match.
        let collapses = shapeSymbol == pass.lastShape && (shapeSymbol == 0x43 || shapeSymbol == 0x77)
        if shapeSymbol != 0, !collapses {
            pass.shapeHash = TermHash.add(pass.shapeHash, shapeSymbol)
            if dateToken && !pass.inDate {
                pass.inDate = true
                // "Reaping What You Sow (May 6, 2004)": a date in brackets is a citation.
                if i > 0, text[i - 1].kind == .punctuation, text.bytes[Int(text[i - 1].start)] == 0x28 {
                    dateInParens = true
                }
            }
            if pass.inDate {
                // Inside the date part, names and words are one symbol: "at", "on", "said" vary less
                // than the date itself.
                let symbol: UInt8 =
                    shapeSymbol == 0x43 || shapeSymbol == 0x77 || shapeSymbol == 0x66 ? 0x6E : shapeSymbol
                pass.dateHash = TermHash.add(pass.dateHash, symbol)
            }
        }
        pass.lastShape = shapeSymbol
    }
}

/// The cue categories, short for the bit tests above.
private typealias Cue = SegmenterCues.Category
