extension Scanner {
    // MARK: Runs of short words

    /// The words that follow a word ``scanShortWord(at:)`` took together with the space after it, as
    /// long as each is 1 … 7 ASCII letters ended by a space, the end of the text or a byte that cannot
    /// continue a word (a comma, full stop, "!" or "?" with a space after it is taken too, as its own
    /// token); returns where the scan goes on (at the first byte no such word starts, with
    /// nothing kept for it, or just after a word not followed by a space).
    ///
    /// Every token is the one ``scanShortWord(at:)`` would give (its one-chunk path) followed by
    /// ``markSpace()``: after a word and a space there is no pending sentence break or hyphen, and
    /// the tokens' context flags stay as they are until a word is not followed by a space.
    ///
    /// Why: this is the bulk of all text, and here the normalised length, the token count and the
    /// context live in registers for the whole run, instead of being read and written through `self`
    /// and the scan's dispatch for every word (about half the tokenizer's instructions on comments).
    /// - Complexity: O(n) in the bytes of the run.
    @inline(__always)
    mutating func scanWordRun(from begin: Int) -> Int {
        let n = p.count
        let out = norm.base
        let normCapacity = norm.capacity
        var written = norm.count
        let tokenBase = tokens.base
        let tokenCapacity = tokens.capacity
        var count = tokens.count
        // The previous word took the space before this one, so the context holds `.spaceBefore`.
        let context = self.context
        // A mark's token has the context without `.spaceBefore` (it follows the word directly).
        let markContext = TokenFlags(rawValue: context.rawValue & ~TokenFlags.spaceBefore.rawValue)
        var sentence = self.sentence
        var i = begin
        var spaced = true
        // Room for one more token, and for every remaining byte and one chunk's overhang (the guard
        // of scanShortWord(at:)); otherwise the general scan decides.
        while count < tokenCapacity && written &+ (n &- i) &+ 8 <= normCapacity {
            let x = chunk(at: i)
            let lowered = x | WordChunk.caseBits
            let pair = UInt16(truncatingIfNeeded: lowered)
            // A possible URL ("ht…", "ww…") or letter emoticon ("xD"): the general scan checks it.
            if pair == 0x7468 || pair == 0x7777 || pair == 0x6478 { break }
            let m = WordChunk.letterCount(x, lowered: lowered)
            // No letter here, or eight or more: the general scan.
            if m == 0 || m == 8 { break }
            let end = UInt8(truncatingIfNeeded: x &>> UInt64(m &* 8))
            if WordChunk.continuesWord(end) { break }
            UnsafeMutableRawPointer(out + written).storeBytes(of: lowered, as: UInt64.self)
            let letters = WordChunk.firstBytes(m)
            let upper = WordChunk.byteSum((~x & WordChunk.caseBits & letters) &>> 5)
            let repeats = WordChunk.zeroBytes(lowered ^ (lowered &<< 8))
            // As finishWord(…) sets them, without a branch on casing.
            let elongated = UInt16(repeats & (repeats &<< 8) & letters != 0 ? 1 : 0)
            let caps = UInt16(upper >= 2 ? 1 : 0) & UInt16(upper == m ? 1 : 0)
            let capital = UInt16(ASCII.isUpper(UInt8(truncatingIfNeeded: x)) ? 1 : 0) & (caps ^ 1)
            let flags = TokenFlags(
                rawValue: elongated &* TokenFlags.elongated.rawValue | caps &* TokenFlags.allCaps.rawValue
                    | capital &* TokenFlags.capitalized.rawValue)
            (tokenBase + count).initialize(
                to: Token(
                    start: Int32(truncatingIfNeeded: i), end: Int32(truncatingIfNeeded: i &+ m),
                    normStart: Int32(truncatingIfNeeded: written), normEnd: Int32(truncatingIfNeeded: written &+ m),
                    key: WordChunk.shortHash(lowered, count: m), kind: .word, flags: flags.union(context),
                    sentence: sentence))
            count &+= 1
            written &+= m
            if end != 0x20 {
                // One comma, full stop, "!" or "?" and a space: the mark's token as
                // scanCommonMark(_:from:) gives it, and the space's markSpace() (a full stop, "!" or
                // "?" ends the sentence there), and the run goes on.
                guard m < 7, UInt8(truncatingIfNeeded: x &>> UInt64(m &* 8 &+ 8)) == 0x20, Self.isRunMark(end),
                    count < tokenCapacity
                else {
                    i &+= m
                    spaced = false
                    break
                }
                out[written] = end
                (tokenBase + count).initialize(
                    to: Token(
                        start: Int32(truncatingIfNeeded: i &+ m), end: Int32(truncatingIfNeeded: i &+ m &+ 1),
                        normStart: Int32(truncatingIfNeeded: written),
                        normEnd: Int32(truncatingIfNeeded: written &+ 1),
                        key: (TermHash.seed ^ UInt64(end)) &* TermHash.prime, kind: .punctuation, flags: markContext,
                        sentence: sentence))
                count &+= 1
                written &+= 1
                if end != 0x2C { sentence &+= 1 }
                i &+= m &+ 2
                continue
            }
            i &+= m &+ 1
        }
        self.sentence = sentence
        norm.count = written
        tokens.count = count
        if !spaced { self.context.remove(.spaceBefore) }
        return i
    }

    /// `,`, `.`, `!` or `?`: the marks a run of words takes in its stride when a space follows.
    @inline(__always)
    static func isRunMark(_ c: UInt8) -> Bool {
        c == 0x2C || c == 0x2E || c == 0x21 || c == 0x3F
    }
}
