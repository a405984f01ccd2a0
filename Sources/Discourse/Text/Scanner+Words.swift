extension Scanner {
    // MARK: Words and numbers

    /// Scans a word or number starting at `start`; returns the index after it.
    ///
    /// One pass: runs of ASCII letters take ``scanASCIILetters(_:)``; a digit, an apostrophe, `*`,
    /// `$`, `@`, `_`, `-` or a decimal point may continue the word (``continueAtASCII(_:_:)``); a
    /// non-ASCII letter or mark is lowercased into the key (``continueAtScalar(_:)``).
    mutating func scanWord(from start: Int) -> Int {
        var w = WordScan(start: start, normStart: norm.count)
        scan: while w.j < p.count {
            let c = p[w.j]
            if c < 0x80 {
                if ASCII.isLetter(c) {
                    scanASCIILetters(&w)
                    continue
                }
                switch continueAtASCII(c, &w) {
                case .next: continue
                case .stop: break scan
                case .split: return w.j + 1
                }
            }
            guard continueAtScalar(&w) else { break scan }
        }
        if w.isEmail {
            norm.count = w.normStart
            emit(start: start, end: w.j, kind: .url, flags: [])
            return w.j
        }
        if w.letters == 0, w.j < p.count, p[w.j] == 0x25 {  // 10%
            w.append(0x25, to: &norm)
            w.j += 1
        }
        finish(w, end: w.j)
        return w.j
    }

    /// The running figures of ``scanWord(from:)``: where it is, the key so far and what it has seen.
    struct WordScan {
        let start: Int
        let normStart: Int
        var j: Int
        var h = TermHash.seed
        var letters = 0
        var digits = 0
        var upper = 0
        var lower = 0
        var firstUpper = false
        var lastLetter: UInt8 = 0
        /// Length of the current run of one repeated letter ("sooo").
        var run = 0
        var flags: TokenFlags = []
        var isEmail = false

        init(start: Int, normStart: Int) {
            self.start = start
            self.normStart = normStart
            j = start
        }

        /// Adds a byte to the normalised text and the key.
        @inline(__always)
        mutating func append(_ byte: UInt8, to norm: inout ByteBuffer) {
            norm.append(byte)
            h = TermHash.add(h, byte)
        }
    }

    /// What an ASCII byte other than a letter does to the word being scanned.
    enum WordStep {
        /// It belongs to the word: go on.
        case next
        /// The word ends before it.
        case stop
        /// A hyphen between letters: the word was emitted, and the next one is marked as joined.
        case split
    }

    /// Consumes the run of ASCII letters at `w.j`: the bulk of all text.
    ///
    /// Everything the loop touches is a local, so the compiler keeps it in registers (a store
    /// through the output pointer could otherwise alias `self`, forcing reloads every byte).
    @inline(__always)
    mutating func scanASCIILetters(_ w: inout WordScan) {
        let n = p.count
        if w.letters == 0 && w.digits == 0 { w.firstUpper = ASCII.isUpper(p[w.j]) }
        let input = p.baseAddress!
        let out = norm.base
        let capacity = norm.capacity
        var written = norm.count
        var hash = w.h
        var last = w.lastLetter
        var same = w.run
        var k = w.j
        var longestRun = w.run
        var uppercase = 0
        while k < n {
            let b = input[k]
            let l = b | 0x20
            guard l &- 0x61 < 26 else { break }
            uppercase &+= Int((b >> 5) & 1 ^ 1)
            same = l == last ? same &+ 1 : 1
            last = l
            longestRun = max(longestRun, same)
            if written < capacity {
                out[written] = l
                written &+= 1
            }
            hash = (hash ^ UInt64(l)) &* TermHash.prime
            k &+= 1
        }
        norm.count = written
        w.h = hash
        w.lastLetter = last
        w.run = same
        if longestRun >= 3 { w.flags.insert(.elongated) }
        w.upper &+= uppercase
        w.lower &+= (k - w.j) &- uppercase
        w.letters &+= k - w.j
        w.j = k
    }

    /// Whether the ASCII byte `c` (not a letter) at `w.j` continues the word: digits, "don't",
    /// "3.5" and "1,000", obfuscation ("f*ck", "a$$", "b@stard"), e-mail addresses (which end the
    /// scan as one URL token), `snake_case`, and hyphens (which split "down-to-earth").
    @inline(__always)
    mutating func continueAtASCII(_ c: UInt8, _ w: inout WordScan) -> WordStep {
        let n = p.count
        let j = w.j
        if ASCII.isDigit(c) {
            w.digits += 1
            w.lastLetter = 0
            w.append(c, to: &norm)
            w.j += 1
            return .next
        }
        switch c {
        case 0x27:  // apostrophe inside a word: don't, o'clock
            if w.letters > 0, letterAt(j + 1) {
                w.append(0x27, to: &norm)
                w.j += 1
                return .next
            }
        case 0x2E, 0x2C:  // 3.5, 1,000
            if w.letters == 0, w.digits > 0, j + 1 < n, ASCII.isDigit(p[j + 1]) {
                w.append(c, to: &norm)
                w.j += 1
                return .next
            }
        case 0x2A, 0x24:  // f*ck, sh**, a$$ (not a closing *emphasis*)
            if w.letters > 0 {
                var k = j
                while k < n, p[k] == c { k += 1 }
                let closesEmphasis = c == 0x2A && emphasized && !letterAt(k)
                if !closesEmphasis && (letterAt(k) || (k - j) >= 2 || c == 0x24 || w.letters <= 3) {
                    for _ in j..<k { w.append(c, to: &norm) }
                    w.flags.insert(.obfuscated)
                    w.j = k
                    return .next
                }
            }
        case 0x40:  // b@stard; name@example.com
            if w.letters > 0, letterAt(j + 1) {
                var k = j + 1
                var dot = false
                while k < n, !ASCII.isSpace(p[k]) {
                    if p[k] == 0x2E { dot = true }
                    k += 1
                }
                if dot {
                    w.isEmail = true
                    w.j = k
                    while w.j > w.start, [0x2E, 0x2C, 0x29, 0x3B, 0x3A, 0x21, 0x3F].contains(p[w.j - 1]) { w.j -= 1 }
                    return .stop
                }
                w.append(c, to: &norm)
                w.flags.insert(.obfuscated)
                w.j += 1
                return .next
            }
        case 0x5F:  // snake_case and user_names stay one word
            if w.letters + w.digits > 0, j + 1 < n, ASCII.isLetter(p[j + 1]) || ASCII.isDigit(p[j + 1]) {
                w.append(0x5F, to: &norm)
                w.j += 1
                return .next
            }
        case 0x2D:  // down-to-earth: split, and mark the next word as joined
            if w.letters > 0, letterAt(j + 1) {
                finish(w, end: j)
                hyphenPending = true
                return .split
            }
        default:
            break
        }
        return .stop
    }

    /// Whether the non-ASCII scalar at `w.j` continues the word: a letter or mark (lowercased into
    /// the key) or an apostrophe between letters ("don’t").
    mutating func continueAtScalar(_ w: inout WordScan) -> Bool {
        let (v, length) = UTF8Decode.scalar(p, w.j)
        switch ScalarClass.of(v) {
        case .letter, .mark:
            if let scalar = Unicode.Scalar(v) {
                let properties = scalar.properties
                if w.letters == 0 && w.digits == 0 { w.firstUpper = properties.isUppercase }
                if properties.isUppercase { w.upper += 1 } else if properties.isLowercase { w.lower += 1 }
                if properties.changesWhenLowercased {
                    for u in properties.lowercaseMapping.utf8 { w.append(u, to: &norm) }
                } else {
                    for k in w.j..<(w.j + length) { w.append(p[k], to: &norm) }
                }
            }
            w.letters += 1
            w.lastLetter = 0
            w.flags.insert(.nonASCII)
            w.j += length
            return true
        case .apostrophe:
            guard w.letters > 0, letterAt(w.j + length) else { return false }
            w.append(0x27, to: &norm)
            w.j += length
            return true
        default:
            return false
        }
    }

    /// Whether a letter starts at byte `k` (false past the end).
    @inline(__always)
    func letterAt(_ k: Int) -> Bool {
        guard k < p.count else { return false }
        let c = p[k]
        if c < 0x80 { return ASCII.isLetter(c) }
        return ScalarClass.of(UTF8Decode.scalar(p, k).value) == .letter
    }

    /// Emits the word `w` scanned, ending at `end`.
    @inline(__always)
    mutating func finish(_ w: WordScan, end: Int) {
        finishWord(
            start: w.start, end: end, normStart: w.normStart, hash: w.h, letters: w.letters, digits: w.digits,
            upper: w.upper, lower: w.lower, firstUpper: w.firstUpper, flags: w.flags)
    }

    /// The common case, without the general scan's bookkeeping: ASCII letters, possibly joined by
    /// apostrophes ("don't"), ended by whitespace, the end of the text or punctuation that cannot
    /// continue a word. Gives the same token as the general scan, or nil (having kept nothing) when
    /// the word needs it: digits, non-ASCII, `*`/`$`/`@` obfuscation, hyphens, `snake_case`, e-mail
    /// addresses.
    ///
    /// Words are read eight bytes at a time (``WordChunk``): one load finds how many of them are
    /// letters, lowercases and stores them, counts capitals and finds a letter repeated three times,
    /// leaving only the key's byte-serial hash per letter. Most words of comments fit one chunk
    /// together with the byte that ends them, and take a path with no state carried between chunks;
    /// longer words, apostrophes and the last bytes of the text take the chunk loop below.
    @inline(__always)
    mutating func scanPlainWord(from start: Int) -> Int? {
        let input = p.baseAddress!
        let n = p.count
        let first = input[start]
        guard ASCII.isLetter(first) else { return nil }
        let normStart = norm.count
        // Room for every remaining byte and one chunk's overhang, so the loop needs no capacity check.
        guard normStart &+ (n &- start) &+ 8 <= norm.capacity else { return nil }
        // Letters and apostrophes are both copied, so output and input advance together.
        let out = norm.base + (normStart &- start)
        // Most words are shorter than eight letters and end in a byte that cannot continue them: one
        // chunk holds the word and what ends it, and no state carries over to a next chunk.
        if start &+ 8 <= n {
            let x = UnsafeRawPointer(input + start).loadUnaligned(as: UInt64.self)
            let lowered = x | WordChunk.caseBits
            let m = WordChunk.letterCount(x, lowered: lowered)
            let end = UInt8(truncatingIfNeeded: x &>> UInt64(m &* 8 & 63))
            if m < 8 && !WordChunk.continuesWord(end) {
                UnsafeMutableRawPointer(out + start).storeBytes(of: lowered, as: UInt64.self)
                let letters = WordChunk.firstBytes(m)
                let upper = WordChunk.byteSum((~x & WordChunk.caseBits & letters) &>> 5)
                let pair = WordChunk.zeroBytes(lowered ^ (lowered &<< 8))
                let elongated = pair & (pair &<< 8) & letters != 0
                norm.count = normStart &+ m
                finishWord(
                    start: start, end: start &+ m, normStart: normStart, hash: WordChunk.hash(lowered, count: m),
                    letters: m, digits: 0, upper: upper, lower: m &- upper, firstUpper: ASCII.isUpper(first),
                    flags: elongated ? .elongated : [])
                if end == 0x20 {
                    markSpace()
                    return start &+ m &+ 1
                }
                return start &+ m
            }
        }
        var h = TermHash.seed
        var upper = 0
        var apostrophes = 0
        var state = WordChunk.Repeats()
        var k = start
        while true {
            // The run of letters at k, a chunk at a time; the text's last few bytes are read one by one
            // into a zero-padded chunk (a zero byte is not a letter).
            while true {
                let x: UInt64
                if k + 8 <= n {
                    x = UnsafeRawPointer(input + k).loadUnaligned(as: UInt64.self)
                } else {
                    var v: UInt64 = 0
                    var i = n
                    while i > k {
                        i &-= 1
                        v = v << 8 | UInt64(input[i])
                    }
                    x = v
                }
                let lowered = x | WordChunk.caseBits
                let m = WordChunk.letterCount(x, lowered: lowered)
                if m == 0 { break }
                UnsafeMutableRawPointer(out + k).storeBytes(of: lowered, as: UInt64.self)
                let letters = WordChunk.firstBytes(m)
                upper &+= WordChunk.byteSum((~x & WordChunk.caseBits & letters) &>> 5)
                state.add(lowered, count: m, letters: letters)
                var v = lowered
                for _ in 0..<m {
                    h = (h ^ (v & 0xFF)) &* TermHash.prime
                    v &>>= 8
                }
                k &+= m
                if m < 8 { break }
            }
            guard k < n else { break }
            let c = input[k]
            if c >= 0x80 || ASCII.isDigit(c) || c == 0x2A || c == 0x24 || c == 0x40 || c == 0x2D || c == 0x5F {
                return nil
            }
            if c == 0x27 {
                guard k + 1 < n else { break }
                let next = input[k + 1]
                if next >= 0x80 { return nil }
                if !ASCII.isLetter(next) { break }
                out[k] = 0x27
                h = (h ^ 0x27) &* TermHash.prime
                apostrophes &+= 1
                k &+= 1
                continue
            }
            break
        }
        norm.count = normStart &+ (k &- start)
        let letters = k &- start &- apostrophes
        finishWord(
            start: start, end: k, normStart: normStart, hash: h, letters: letters, digits: 0, upper: upper,
            lower: letters &- upper, firstUpper: ASCII.isUpper(first), flags: state.elongated ? .elongated : [])
        // The space after a word, taken here rather than by another turn of the scan's dispatch.
        if k < n && input[k] == 0x20 {
            markSpace()
            return k &+ 1
        }
        return k
    }

    /// The commonest tokens by far, in the scan's own loop: a run of 1 … 15 ASCII letters, ended by a
    /// byte that cannot continue a word or by the end of the text. The same token as
    /// ``scanPlainWord(from:)`` (its one-chunk path, or its chunk loop for longer words and the
    /// text's last bytes), or nil (having kept nothing) for anything else, including a possible URL
    /// ("ht…", "ww…") or letter emoticon ("xD"), which ``scanAlphanumeric(_:from:)`` checks first.
    ///
    /// Why here: that function's frame and checks cost more than the rest of such a word's scan.
    @inline(__always)
    mutating func scanShortWord(at start: Int) -> Int? {
        let n = p.count
        let normStart = norm.count
        // Room for every remaining byte and one chunk's overhang (scanPlainWord's own guard): two
        // chunks are stored only when the first holds eight letters of the text.
        guard normStart &+ (n &- start) &+ 8 <= norm.capacity else { return nil }
        let x = chunk(at: start)
        let lowered = x | WordChunk.caseBits
        let pair = UInt16(truncatingIfNeeded: lowered)
        guard pair != 0x7468 && pair != 0x7777 && pair != 0x6478 else { return nil }  // "ht", "ww", "xd"
        let m = WordChunk.letterCount(x, lowered: lowered)
        guard m > 0 else { return nil }
        let out = UnsafeMutableRawPointer(norm.base + normStart)
        out.storeBytes(of: lowered, as: UInt64.self)
        if m < 8 {
            // The word and what ends it in one chunk: no state carried over.
            let end = UInt8(truncatingIfNeeded: x &>> UInt64(m &* 8))
            guard !WordChunk.continuesWord(end) else { return nil }
            let letters = WordChunk.firstBytes(m)
            let upper = WordChunk.byteSum((~x & WordChunk.caseBits & letters) &>> 5)
            let repeats = WordChunk.zeroBytes(lowered ^ (lowered &<< 8))
            let elongated = repeats & (repeats &<< 8) & letters != 0
            return finishShortWord(
                start: start, length: m, hash: WordChunk.shortHash(lowered, count: m), upper: upper, first: x,
                elongated: elongated, end: end)
        }
        // Eight letters: the rest of the word in the next chunk.
        let y = chunk(at: start &+ 8)
        let loweredY = y | WordChunk.caseBits
        let more = WordChunk.letterCount(y, lowered: loweredY)
        guard more < 8 else { return nil }
        let end = UInt8(truncatingIfNeeded: y &>> UInt64(more &* 8))
        guard !WordChunk.continuesWord(end) else { return nil }
        var upper = WordChunk.byteSum((~x & WordChunk.caseBits) &>> 5)
        var repeats = WordChunk.Repeats()
        repeats.add(lowered, count: 8, letters: ~0)
        var h = WordChunk.hash(lowered, count: 8)
        if more > 0 {
            (out + 8).storeBytes(of: loweredY, as: UInt64.self)
            let letters = WordChunk.firstBytes(more)
            upper &+= WordChunk.byteSum((~y & WordChunk.caseBits & letters) &>> 5)
            repeats.add(loweredY, count: more, letters: letters)
            var v = loweredY
            for _ in 0..<more {
                h = (h ^ (v & 0xFF)) &* TermHash.prime
                v &>>= 8
            }
        }
        return finishShortWord(
            start: start, length: 8 &+ more, hash: h, upper: upper, first: x, elongated: repeats.elongated, end: end)
    }

    /// Emits the word ``scanShortWord(at:)`` found (`end` is the byte after it, 0 at the end of the
    /// text) and takes the space after it; returns where the scan goes on.
    @inline(__always)
    mutating func finishShortWord(
        start: Int, length: Int, hash: UInt64, upper: Int, first: UInt64, elongated: Bool, end: UInt8
    ) -> Int {
        norm.count = norm.count &+ length
        finishWord(
            start: start, end: start &+ length, normStart: norm.count &- length, hash: hash, letters: length,
            digits: 0, upper: upper, lower: length &- upper,
            firstUpper: ASCII.isUpper(UInt8(truncatingIfNeeded: first)),
            flags: elongated ? .elongated : [])
        if end == 0x20 {
            markSpace()
            return start &+ length &+ 1
        }
        return start &+ length
    }

    /// The eight text bytes at `k` (first byte lowest); past the end of the text, zero bytes.
    @inline(__always)
    func chunk(at k: Int) -> UInt64 {
        let n = p.count
        if k &+ 8 <= n { return UnsafeRawPointer(p.baseAddress! + k).loadUnaligned(as: UInt64.self) }
        var v: UInt64 = 0
        var i = n
        while i > k {
            i &-= 1
            v = v << 8 | UInt64(p[i])
        }
        return v
    }

    mutating func finishWord(
        start: Int, end: Int, normStart: Int, hash: UInt64, letters: Int, digits: Int, upper: Int, lower: Int,
        firstUpper: Bool, flags: TokenFlags
    ) {
        // allCaps, else capitalized; hasDigit: arithmetic, since casing varies from word to word and
        // its branches were mispredicted.
        let caps = UInt16(upper >= 2 ? 1 : 0) & UInt16(lower == 0 ? 1 : 0)
        let capital = UInt16(firstUpper ? 1 : 0) & (caps ^ 1)
        let digit = UInt16(digits > 0 ? 1 : 0) & UInt16(letters > 0 ? 1 : 0)
        let f = TokenFlags(
            rawValue: flags.rawValue | caps &* TokenFlags.allCaps.rawValue | capital &* TokenFlags.capitalized.rawValue
                | digit &* TokenFlags.hasDigit.rawValue)
        append(start: start, end: end, normStart: normStart, key: hash, kind: letters == 0 ? .number : .word, flags: f)
    }
}
