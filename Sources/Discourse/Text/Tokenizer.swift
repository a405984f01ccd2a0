/// Splits a text into ``Token``s by scanning its UTF-8 bytes once.
///
/// ASCII takes a fast path of byte comparisons; a non-ASCII scalar is decoded only where it occurs
/// (letters join words, emoji sequences become one token, typographic punctuation is flagged).
/// Reddit-style markup is read, not kept: `> quote` lines, `~~struck~~` and `*emphasis*` set flags
/// on the words they cover, so each scorer can decide what quoted or withdrawn words mean.
package enum Tokenizer {
    package static func tokenize(_ text: String) -> TokenizedText {
        var copy = text
        return copy.withUTF8 { tokenize(bytes: $0) }
    }

    package static func tokenize(bytes input: UnsafeBufferPointer<UInt8>) -> TokenizedText {
        if let decoded = HTMLEntities.decode(input) {
            return decoded.withUnsafeBufferPointer { bytes in
                Scanner.tokenize(bytes)
            }
        }
        return Scanner.tokenize(input)
    }
}

/// ASCII classification used by the scanner and by other byte-level code in the library.
package enum ASCII {
    @inlinable package static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inlinable package static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inlinable package static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inlinable package static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inlinable package static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    @inlinable package static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inlinable package static func isSentenceEnd(_ b: UInt8) -> Bool { b == 0x2E || b == 0x21 || b == 0x3F }
}

/// Decoding of one scalar from valid UTF-8 (the tokenizer's input always comes from a `String`).
enum UTF8Decode {
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        let n = p.count
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, i + 1 < n { return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b0 < 0xF0, i + 2 < n {
            return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        if i + 3 < n {
            return (
                (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                    | UInt32(p[i + 3] & 0x3F), 4
            )
        }
        return (0xFFFD, 1)
    }
}

/// What a non-ASCII scalar means to the scanner.
enum ScalarClass {
    case letter, mark, apostrophe, space, emoji, typographicPunctuation, punctuation, symbol

    static func of(_ v: UInt32) -> ScalarClass {
        switch v {
        case 0x2019, 0x2018, 0x02BC: return .apostrophe
        case 0x00A0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x2028, 0x2029, 0x0085: return .space
        case 0x201C, 0x201D, 0x201E, 0x201A, 0x2013, 0x2014, 0x2015, 0x2026, 0x00AB, 0x00BB, 0x2022, 0x2032, 0x2033:
            return .typographicPunctuation
        case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2B00...0x2BFF, 0x1F1E6...0x1F1FF:
            return .emoji
        default:
            break
        }
        guard let scalar = Unicode.Scalar(v) else { return .symbol }
        let properties = scalar.properties
        if properties.isAlphabetic { return .letter }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber: return .letter
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .space
        default:
            return properties.isEmoji && v >= 0x203C ? .emoji : .symbol
        }
    }

    /// Scalars that continue an emoji sequence: variation selectors, skin tones, keycap, tags.
    static func continuesEmoji(_ v: UInt32) -> Bool {
        v == 0xFE0F || v == 0xFE0E || (v >= 0x1F3FB && v <= 0x1F3FF) || v == 0x20E3 || (v >= 0xE0020 && v <= 0xE007F)
    }
}

/// ASCII emoticons, longest first so that `:-)` wins over `:-`.
let emoticonTable: [[UInt8]] = [
    ">:-(", ">:(", ":'-(", ":'(", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-|", ":-*", ":-O", ":-o", ";-)",
    "</3", "^_^", "^^", "-_-", ":)", ":(", ":D", ":P", ":p", ":/", ":|", ":*", ":O", ":o", ";)", ";P", ";D",
    "=)", "=(", "=D", ":]", ":[", "<3", "XD", "xD", "xd", ":3", "8)",
].map { Array($0.utf8) }

struct Scanner {
    let p: UnsafeBufferPointer<UInt8>
    var tokens: TokenBuffer
    var norm: ByteBuffer
    var sentence: Int32 = 0
    var pendingBreak = false
    var hyphenPending = false
    /// Lines with text that were, and were not, `> quote` lines.
    var quotedLines = 0
    var unquotedLines = 0
    /// The flags every token gets from where it is: struck, emphasized, quoted, spaceBefore. Kept as
    /// one value so a token's flags cost one `or`.
    var context: TokenFlags = .spaceBefore

    var spaceBefore: Bool {
        get { context.contains(.spaceBefore) }
        set { if newValue { context.insert(.spaceBefore) } else { context.remove(.spaceBefore) } }
    }
    var struck: Bool {
        get { context.contains(.struck) }
        set { if newValue { context.insert(.struck) } else { context.remove(.struck) } }
    }
    var emphasized: Bool {
        get { context.contains(.emphasized) }
        set { if newValue { context.insert(.emphasized) } else { context.remove(.emphasized) } }
    }
    var quoted: Bool {
        get { context.contains(.quoted) }
        set { if newValue { context.insert(.quoted) } else { context.remove(.quoted) } }
    }

    init(bytes: UnsafeBufferPointer<UInt8>, norm: ByteBuffer, tokens: TokenBuffer) {
        self.p = bytes
        self.norm = norm
        self.tokens = tokens
    }

    /// Tokenizes `bytes`. The scan writes normalised forms and tokens into scratch memory (on the
    /// stack for short texts), and the arrays the result keeps are then made at their exact size:
    /// cheaper than growing arrays, and `[Token](unsafeUninitializedCapacity:)` turned out to look up
    /// generic metadata on every call, which cost more than scanning a short comment.
    /// Lowercasing never grows text by more than 1.5x, so 2n + 16 normalised bytes always suffice;
    /// most texts have fewer than n/3 + 8 tokens, and a text with more is scanned again with room for
    /// one token per byte (every token covers at least one byte).
    ///
    /// Texts up to ``ScannerScratch/maximumText`` bytes (every comment) are scanned into the calling
    /// thread's ``ScannerScratch`` instead, which has room for one token per byte: no scratch
    /// allocation at all (above 1 KB, `withUnsafeTemporaryAllocation` takes it from the heap).
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> TokenizedText {
        if bytes.count <= ScannerScratch.maximumText {
            let scratch = ScannerScratch.current()
            return tokenize(
                bytes, norm: UnsafeMutableBufferPointer(start: scratch.pointee.norm, count: bytes.count * 2 + 16),
                tokens: UnsafeMutableBufferPointer(start: scratch.pointee.tokens, count: bytes.count + 8))!
        }
        if let text = tokenize(bytes, tokenCapacity: bytes.count / 3 + 8) { return text }
        return tokenize(bytes, tokenCapacity: bytes.count + 8)!
    }

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, tokenCapacity: Int) -> TokenizedText? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2 + 16) { normScratch in
            withUnsafeTemporaryAllocation(of: Token.self, capacity: tokenCapacity) { tokenScratch in
                tokenize(bytes, norm: normScratch, tokens: tokenScratch)
            }
        }
    }

    /// Scans `bytes` into the given scratch memory and copies the result out at its exact size; nil
    /// when `tokens` had too little room.
    @inline(__always)
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, norm normScratch: UnsafeMutableBufferPointer<UInt8>,
        tokens tokenScratch: UnsafeMutableBufferPointer<Token>
    ) -> TokenizedText? {
        var scanner = Scanner(bytes: bytes, norm: ByteBuffer(normScratch), tokens: TokenBuffer(tokenScratch))
        let result = scanner.run()
        guard !scanner.tokens.overflowed else { return nil }
        let tokens = Array(UnsafeBufferPointer(start: tokenScratch.baseAddress, count: scanner.tokens.count))
        let normalized = Array(UnsafeBufferPointer(start: normScratch.baseAddress, count: scanner.norm.count))
        return TokenizedText(
            bytes: Array(bytes), normalized: normalized, tokens: tokens, sentenceCount: result.sentences,
            isQuoteLine: result.quoted)
    }

    mutating func run() -> (sentences: Int, quoted: Bool) {
        let n = p.count
        var i = startLine(at: 0)
        while i < n {
            let b = p[i]
            if b < 0x80 {
                // Most frequent first: words, then the common marks, then spaces the tokens before
                // did not take.
                if ASCII.isLetter(b) || ASCII.isDigit(b) {
                    i = scanAlphanumeric(b, from: i)
                } else if b == 0x2C || b == 0x2E || b == 0x21 || b == 0x3F {
                    i = scanCommonMark(b, from: i)
                } else if b == 0x0A || b == 0x0D {
                    // A line break (in a comment of several paragraphs) ends the sentence, and the
                    // next line may or may not be a quote.
                    if tokens.count > 0 && tokens.base[tokens.count - 1].sentence == sentence { pendingBreak = true }
                    markSpace()
                    i = startLine(at: i + 1)
                } else if ASCII.isSpace(b) {
                    markSpace()
                    i += 1
                } else {
                    i = scanASCIISymbol(from: i)
                }
            } else {
                let (v, length) = UTF8Decode.scalar(p, i)
                switch ScalarClass.of(v) {
                case .letter, .mark:
                    i = scanWord(from: i)
                case .space:
                    markSpace()
                    i += length
                case .emoji:
                    i = scanEmoji(from: i)
                case .apostrophe, .typographicPunctuation:
                    emitTypographic(start: i, end: i + length, value: v)
                    if v == 0x2026 { pendingBreak = true }
                    i += length
                case .punctuation:
                    emit(start: i, end: i + length, kind: .punctuation, flags: [])
                    i += length
                case .symbol:
                    emit(start: i, end: i + length, kind: .symbol, flags: [])
                    i += length
                }
            }
        }
        let sentences = tokens.count == 0 ? 0 : Int(tokens.base[tokens.count - 1].sentence) + 1
        return (sentences, quotedLines > 0 && unquotedLines == 0)
    }

    /// A URL, an emoticon made of letters (`XD`, `8)`), or a word or number at ASCII letter or digit `b`.
    @inline(__always)
    mutating func scanAlphanumeric(_ b: UInt8, from i: Int) -> Int {
        let n = p.count
        let l = b | 0x20
        // "ht…" or "ww…" before the full check: most words starting with h or w are no URL.
        if l == 0x68 || l == 0x77, i + 1 < n, p[i + 1] | 0x20 == (l == 0x68 ? 0x74 : 0x77),
            let length = urlLength(at: i)
        {
            emit(start: i, end: i + length, kind: .url, flags: [])
            return i + length
        }
        if l == 0x78 || b == 0x38, let length = emoticonLength(at: i) {  // XD, 8)
            emit(start: i, end: i + length, kind: .emoticon, flags: [])
            return i + length
        }
        if let end = scanPlainWord(from: i) { return end }
        return scanWord(from: i)
    }

    /// Skips a line's leading spaces and reads its `> quote` marker (also `&gt;`, decoded upstream):
    /// a quoted line is someone else's words. Returns where the line's text starts.
    mutating func startLine(at start: Int) -> Int {
        let n = p.count
        var i = start
        while i < n, ASCII.isSpace(p[i]), p[i] != 0x0A, p[i] != 0x0D { i += 1 }
        quoted = false
        if i < n, p[i] == 0x3E, !(i + 1 < n && (p[i + 1] == 0x3A || p[i + 1] == 0x3D)) {
            quoted = true
            quotedLines += 1
            while i < n, p[i] == 0x3E || p[i] == 0x20 { i += 1 }
        } else if i < n, p[i] != 0x0A, p[i] != 0x0D {
            unquotedLines += 1
        }
        return i
    }

    @inline(__always)
    mutating func markSpace() {
        spaceBefore = true
        hyphenPending = false
        if pendingBreak {
            sentence += 1
            pendingBreak = false
        }
    }

    // MARK: Emitting

    /// Emits a token whose normalised form is its surface, ASCII-lowercased.
    mutating func emit(start: Int, end: Int, kind: TokenKind, flags: TokenFlags) {
        let normStart = norm.count
        let input = p.baseAddress!
        let out = norm.base
        let capacity = norm.capacity
        var written = normStart
        var h = TermHash.seed
        for k in start..<end {
            let c = ASCII.lower(input[k])
            if written < capacity {
                out[written] = c
                written &+= 1
            }
            h = TermHash.add(h, c)
        }
        norm.count = written
        append(start: start, end: end, normStart: normStart, key: h, kind: kind, flags: flags)
    }

    @inline(__always)
    mutating func append(start: Int, end: Int, normStart: Int, key: UInt64, kind: TokenKind, flags: TokenFlags) {
        if pendingBreak, kind != .punctuation {
            // "wow!great" has no space, but a new word after terminal punctuation still starts a sentence
            // when the writer left a space; without one we keep the sentence (e.g. "3.5", "e.g.").
            pendingBreak = false
        }
        var f = flags.union(context)
        if hyphenPending {
            f.insert(.hyphenJoined)
            hyphenPending = false
        }
        // Offsets are Int32: texts are limited to 2 GB.
        tokens.append(
            Token(
                start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
                normStart: Int32(truncatingIfNeeded: normStart), normEnd: Int32(truncatingIfNeeded: norm.count),
                key: key, kind: kind, flags: f, sentence: sentence))
        context.remove(.spaceBefore)
    }

    mutating func emitTypographic(start: Int, end: Int, value: UInt32) {
        let ascii: UInt8
        switch value {
        case 0x2019, 0x2018, 0x02BC, 0x201A: ascii = 0x27
        case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB, 0x2033: ascii = 0x22
        case 0x2013, 0x2014, 0x2015: ascii = 0x2D
        case 0x2026: ascii = 0x2E
        default: ascii = 0x2A
        }
        let normStart = norm.count
        norm.append(ascii)
        append(
            start: start, end: end, normStart: normStart, key: TermHash.add(TermHash.seed, ascii), kind: .punctuation,
            flags: .typographic)
    }

    // MARK: Words and numbers

    /// Scans a word or number starting at `start`; returns the index after it.
    mutating func scanWord(from start: Int) -> Int {
        let n = p.count
        var j = start
        let normStart = norm.count
        var h = TermHash.seed
        var letters = 0
        var digits = 0
        var upper = 0
        var lower = 0
        var firstUpper = false
        var lastLetter: UInt8 = 0
        var run = 0
        var flags: TokenFlags = []
        var isEmail = false

        @inline(__always) func letterAt(_ k: Int) -> Bool {
            guard k < n else { return false }
            let c = p[k]
            if c < 0x80 { return ASCII.isLetter(c) }
            let cls = ScalarClass.of(UTF8Decode.scalar(p, k).value)
            return cls == .letter
        }

        scan: while j < n {
            let c = p[j]
            if c < 0x80 {
                if ASCII.isLetter(c) {
                    if letters == 0 && digits == 0 { firstUpper = ASCII.isUpper(c) }
                    // Tight loop over the run of ASCII letters: the bulk of all text. Everything it
                    // touches is a local, so the compiler keeps it in registers (a store through the
                    // output pointer could otherwise alias `self`, forcing reloads every byte).
                    let input = p.baseAddress!
                    let out = norm.base
                    let capacity = norm.capacity
                    var written = norm.count
                    var hash = h
                    var last = lastLetter
                    var same = run
                    var k = j
                    var longestRun = run
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
                    h = hash
                    lastLetter = last
                    run = same
                    if longestRun >= 3 { flags.insert(.elongated) }
                    upper &+= uppercase
                    lower &+= (k - j) &- uppercase
                    letters &+= k - j
                    j = k
                    continue
                }
                if ASCII.isDigit(c) {
                    digits += 1
                    lastLetter = 0
                    norm.append(c)
                    h = TermHash.add(h, c)
                    j += 1
                    continue
                }
                switch c {
                case 0x27:  // apostrophe inside a word: don't, o'clock
                    if letters > 0, letterAt(j + 1) {
                        norm.append(0x27)
                        h = TermHash.add(h, 0x27)
                        j += 1
                        continue
                    }
                case 0x2E, 0x2C:  // 3.5, 1,000
                    if letters == 0, digits > 0, j + 1 < n, ASCII.isDigit(p[j + 1]) {
                        norm.append(c)
                        h = TermHash.add(h, c)
                        j += 1
                        continue
                    }
                case 0x2A, 0x24:  // f*ck, sh**, a$$ (not a closing *emphasis*)
                    if letters > 0 {
                        var k = j
                        while k < n, p[k] == c { k += 1 }
                        let closesEmphasis = c == 0x2A && emphasized && !letterAt(k)
                        if !closesEmphasis && (letterAt(k) || (k - j) >= 2 || c == 0x24 || letters <= 3) {
                            for _ in j..<k {
                                norm.append(c)
                                h = TermHash.add(h, c)
                            }
                            flags.insert(.obfuscated)
                            j = k
                            continue
                        }
                    }
                case 0x40:  // b@stard; name@example.com
                    if letters > 0, letterAt(j + 1) {
                        var k = j + 1
                        var dot = false
                        while k < n, !ASCII.isSpace(p[k]) {
                            if p[k] == 0x2E { dot = true }
                            k += 1
                        }
                        if dot {
                            isEmail = true
                            j = k
                            while j > start, [0x2E, 0x2C, 0x29, 0x3B, 0x3A, 0x21, 0x3F].contains(p[j - 1]) { j -= 1 }
                            break scan
                        }
                        norm.append(c)
                        h = TermHash.add(h, c)
                        flags.insert(.obfuscated)
                        j += 1
                        continue
                    }
                case 0x5F:  // snake_case and user_names stay one word
                    if letters + digits > 0, j + 1 < n, ASCII.isLetter(p[j + 1]) || ASCII.isDigit(p[j + 1]) {
                        norm.append(0x5F)
                        h = TermHash.add(h, 0x5F)
                        j += 1
                        continue
                    }
                case 0x2D:  // down-to-earth: split, and mark the next word as joined
                    if letters > 0, letterAt(j + 1) {
                        finishWord(
                            start: start, end: j, normStart: normStart, hash: h, letters: letters, digits: digits,
                            upper: upper, lower: lower, firstUpper: firstUpper, flags: flags)
                        hyphenPending = true
                        return j + 1
                    }
                default:
                    break
                }
                break scan
            }
            let (v, length) = UTF8Decode.scalar(p, j)
            switch ScalarClass.of(v) {
            case .letter, .mark:
                if let scalar = Unicode.Scalar(v) {
                    let properties = scalar.properties
                    if letters == 0 && digits == 0 { firstUpper = properties.isUppercase }
                    if properties.isUppercase { upper += 1 } else if properties.isLowercase { lower += 1 }
                    if properties.changesWhenLowercased {
                        for u in properties.lowercaseMapping.utf8 {
                            norm.append(u)
                            h = TermHash.add(h, u)
                        }
                    } else {
                        for k in j..<(j + length) {
                            norm.append(p[k])
                            h = TermHash.add(h, p[k])
                        }
                    }
                }
                letters += 1
                lastLetter = 0
                flags.insert(.nonASCII)
                j += length
            case .apostrophe:
                if letters > 0, letterAt(j + length) {
                    norm.append(0x27)
                    h = TermHash.add(h, 0x27)
                    j += length
                } else {
                    break scan
                }
            default:
                break scan
            }
        }
        if isEmail {
            norm.count = normStart
            emit(start: start, end: j, kind: .url, flags: [])
            return j
        }
        if letters == 0, j < n, p[j] == 0x25 {  // 10%
            norm.append(0x25)
            h = TermHash.add(h, 0x25)
            j += 1
        }
        finishWord(
            start: start, end: j, normStart: normStart, hash: h, letters: letters, digits: digits, upper: upper,
            lower: lower, firstUpper: firstUpper, flags: flags)
        return j
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

    mutating func finishWord(
        start: Int, end: Int, normStart: Int, hash: UInt64, letters: Int, digits: Int, upper: Int, lower: Int,
        firstUpper: Bool, flags: TokenFlags
    ) {
        var f = flags
        if upper >= 2 && lower == 0 { f.insert(.allCaps) } else if firstUpper { f.insert(.capitalized) }
        if digits > 0 && letters > 0 { f.insert(.hasDigit) }
        append(start: start, end: end, normStart: normStart, key: hash, kind: letters == 0 ? .number : .word, flags: f)
    }

    // MARK: URLs and emoticons

    func urlLength(at i: Int) -> Int? {
        let n = p.count
        @inline(__always) func has(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard i + count <= n else { return false }
            let base = prefix.utf8Start
            for k in 0..<count where ASCII.lower(p[i + k]) != base[k] { return false }
            return true
        }
        guard has("http://") || has("https://") || has("www.") else { return nil }
        var j = i
        while j < n, !ASCII.isSpace(p[j]), p[j] != 0x3C, p[j] != 0x22 { j += 1 }
        while j > i + 4, [0x2E, 0x2C, 0x29, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x5D].contains(p[j - 1]) { j -= 1 }
        return j - i
    }

    /// An emoticon at `i`, standing alone (not inside a word), or nil.
    func emoticonLength(at i: Int) -> Int? {
        let n = p.count
        // Every emoticon starts with one of : ; = < > ^ - X x 8; most bytes leave here.
        switch p[i] {
        case 0x3A, 0x3B, 0x3D, 0x3C, 0x3E, 0x5E, 0x2D: break
        case 0x58, 0x78: guard i + 1 < n, p[i + 1] == 0x44 || p[i + 1] == 0x64 else { return nil }
        case 0x38: guard i + 1 < n, p[i + 1] == 0x29 else { return nil }
        default: return nil
        }
        // Every emoticon has a second byte, and only these (most ":" and "-" leave here).
        guard i + 1 < n else { return nil }
        switch p[i + 1] {
        case 0x3A, 0x27, 0x2D, 0x2F, 0x5F, 0x5E, 0x29, 0x28, 0x44, 0x50, 0x70, 0x7C, 0x2A, 0x4F, 0x6F, 0x5D, 0x5B,
            0x33, 0x64:
            break
        default: return nil
        }
        if i > 0 {
            let before = p[i - 1]
            if ASCII.isLetter(before) || ASCII.isDigit(before) { return nil }
        }
        for e in emoticonTable where i + e.count <= n {
            var match = true
            for k in 0..<e.count where p[i + k] != e[k] {
                match = false
                break
            }
            if !match { continue }
            let after = i + e.count
            if after < n && (ASCII.isLetter(p[after]) || ASCII.isDigit(p[after])) { continue }
            return e.count
        }
        return nil
    }

    // MARK: ASCII punctuation and markup

    /// `,` `.` `!` `?`, the commonest marks by far, none of which starts an emoticon or markup: the
    /// run of the same mark is one punctuation token (what ``scanASCIISymbol(from:)`` makes of it,
    /// without its checks), and the space after it is taken too.
    @inline(__always)
    mutating func scanCommonMark(_ b: UInt8, from i: Int) -> Int {
        let input = p.baseAddress!
        let n = p.count
        var j = i &+ 1
        while j < n && input[j] == b { j &+= 1 }
        let normStart = norm.count
        var h = TermHash.seed
        for _ in i..<j {
            norm.append(b)
            h = (h ^ UInt64(b)) &* TermHash.prime
        }
        append(start: i, end: j, normStart: normStart, key: h, kind: .punctuation, flags: [])
        if b != 0x2C { pendingBreak = true }
        if j < n && input[j] == 0x20 {
            markSpace()
            return j &+ 1
        }
        return j
    }

    mutating func scanASCIISymbol(from i: Int) -> Int {
        let n = p.count
        let b = p[i]
        if let length = emoticonLength(at: i) {
            emit(start: i, end: i + length, kind: .emoticon, flags: [])
            return i + length
        }
        switch b {
        case 0x7E where i + 1 < n && p[i + 1] == 0x7E:  // ~~strikethrough~~
            var j = i
            while j < n, p[j] == 0x7E { j += 1 }
            struck.toggle()
            return j
        case 0x2A, 0x5F:  // *emphasis*, **strong**, _emphasis_
            var j = i
            while j < n, p[j] == b { j += 1 }
            let before = i > 0 && !ASCII.isSpace(p[i - 1])
            let after = j < n && !ASCII.isSpace(p[j])
            if after && !before && !emphasized {
                emphasized = true
                return j
            }
            if before && emphasized {
                emphasized = false
                return j
            }
            if after && !before && b == 0x5F {
                return j
            }
            emit(start: i, end: j, kind: .symbol, flags: [])
            return j
        case 0x40:  // @mention
            var j = i + 1
            while j < n, ASCII.isLetter(p[j]) || ASCII.isDigit(p[j]) || p[j] == 0x5F { j += 1 }
            if j > i + 1 {
                emit(start: i, end: j, kind: .mention, flags: [])
                return j
            }
        case 0x23:  // #hashtag
            var j = i + 1
            while j < n, ASCII.isLetter(p[j]) || ASCII.isDigit(p[j]) || p[j] == 0x5F { j += 1 }
            if j > i + 1, ASCII.isLetter(p[i + 1]) {
                emit(start: i, end: j, kind: .hashtag, flags: [])
                return j
            }
        case 0x24:  // $100
            if i + 1 < n, ASCII.isDigit(p[i + 1]) {
                let normStart = norm.count
                norm.append(0x24)
                let end = scanWord(from: i + 1)
                // Re-emit the number with its currency sign.
                guard let last = tokens.removeLast() else { return end }
                var h = TermHash.add(TermHash.seed, 0x24)
                for k in (normStart + 1)..<norm.count { h = TermHash.add(h, norm[k]) }
                tokens.append(
                    Token(
                        start: Int32(truncatingIfNeeded: i), end: last.end,
                        normStart: Int32(truncatingIfNeeded: normStart), normEnd: last.normEnd, key: h,
                        kind: last.kind, flags: last.flags.union(spaceFlag(at: i)), sentence: last.sentence))
                return end
            }
        default:
            break
        }
        // A run of the same punctuation mark is one token: "!!!", "...", "??".
        var j = i + 1
        while j < n, p[j] == b { j += 1 }
        let isPunctuation =
            (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60)
            || (b >= 0x7B && b <= 0x7E)
        emit(start: i, end: j, kind: isPunctuation ? .punctuation : .symbol, flags: [])
        if ASCII.isSentenceEnd(b) {
            pendingBreak = true
        }
        return j
    }

    func spaceFlag(at i: Int) -> TokenFlags {
        i == 0 || ASCII.isSpace(p[i - 1]) ? .spaceBefore : []
    }

    // MARK: Emoji

    mutating func scanEmoji(from i: Int) -> Int {
        let n = p.count
        let normStart = norm.count
        var h = TermHash.seed
        var j = i
        var first = true
        var regional = 0
        while j < n {
            let (v, length) = UTF8Decode.scalar(p, j)
            let take: Bool
            if first {
                take = true
            } else if ScalarClass.continuesEmoji(v) {
                take = true
            } else if v == 0x200D {
                take = j + length < n
            } else if v >= 0x1F1E6 && v <= 0x1F1FF {
                take = regional == 1
            } else if previousIsZWJ(j) {
                take = ScalarClass.of(v) == .emoji
            } else {
                take = false
            }
            if !take { break }
            if v >= 0x1F1E6 && v <= 0x1F1FF { regional += 1 }
            if v != 0xFE0F && v != 0xFE0E {
                for k in j..<(j + length) {
                    norm.append(p[k])
                    h = TermHash.add(h, p[k])
                }
            }
            first = false
            j += length
        }
        append(start: i, end: j, normStart: normStart, key: h, kind: .emoji, flags: [])
        return j
    }

    /// True when the scalar just before byte `j` is U+200D ZERO WIDTH JOINER (3 bytes: E2 80 8D).
    func previousIsZWJ(_ j: Int) -> Bool {
        j >= 3 && p[j - 3] == 0xE2 && p[j - 2] == 0x80 && p[j - 1] == 0x8D
    }
}

/// Tokens written in place into scratch memory the caller owns, without Array's per-append
/// uniqueness and growth checks. Past capacity, appends are dropped and `overflowed` is
/// set, so the caller can run again with more room.
struct TokenBuffer {
    let base: UnsafeMutablePointer<Token>
    let capacity: Int
    var count = 0
    var overflowed = false

    init(_ buffer: UnsafeMutableBufferPointer<Token>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    @inline(__always)
    mutating func append(_ token: Token) {
        guard count < capacity else {
            overflowed = true
            return
        }
        (base + count).initialize(to: token)
        count &+= 1
    }

    mutating func removeLast() -> Token? {
        guard count > 0 else { return nil }
        count -= 1
        return base[count]
    }
}

/// A fixed-capacity byte buffer over memory the caller owns, without Array's per-append checks: the
/// tokenizer writes every normalised byte through it, so it is the innermost loop of the analyzer.
/// A write past capacity is dropped (it cannot happen for the tokenizer's sizing, and must not crash).
struct ByteBuffer {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        guard count < capacity else { return }
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    subscript(i: Int) -> UInt8 { base[i] }
}

/// Eight text bytes in one `UInt64` (first byte lowest), read by ``Scanner/scanPlainWord(from:)``.
enum WordChunk {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// Bit 5 of every byte: set in a lowercase ASCII letter, clear in an uppercase one.
    static let caseBits: UInt64 = 0x2020_2020_2020_2020

    /// Number of ASCII letters at the start of `x` (0 … 8); `lowered` is `x | caseBits`.
    @inline(__always)
    static func letterCount(_ x: UInt64, lowered: UInt64) -> Int {
        // Per byte, without carries between bytes: the lowered byte's low 7 bits are at least "a"
        // and below "{", and the byte itself is ASCII.
        let low7 = lowered & ~highBits
        let atLeastA = low7 &+ ones &* (0x80 - 0x61)
        let pastZ = low7 &+ ones &* (0x80 - 0x7B)
        let letter = atLeastA & ~pastZ & ~x & highBits
        return (~letter & highBits).trailingZeroBitCount >> 3
    }

    /// True when byte `c` after a run of letters may continue the word (apostrophe, digit, non-ASCII,
    /// `*`, `$`, `@`, `-`, `_`): the general scan decides.
    @inline(__always)
    static func continuesWord(_ c: UInt8) -> Bool {
        c >= 0x80 || ASCII.isDigit(c) || c == 0x27 || c == 0x2A || c == 0x24 || c == 0x40 || c == 0x2D || c == 0x5F
    }

    /// ``TermHash`` of the first `m` (1 … 7) bytes of `lowered`.
    @inline(__always)
    static func hash(_ lowered: UInt64, count m: Int) -> UInt64 {
        var h = TermHash.seed
        var v = lowered
        for _ in 0..<m {
            h = (h ^ (v & 0xFF)) &* TermHash.prime
            v &>>= 8
        }
        return h
    }

    /// All bits of the first `m` bytes (1 … 8).
    @inline(__always)
    static func firstBytes(_ m: Int) -> UInt64 {
        ~0 &>> UInt64(64 &- m &* 8)
    }

    /// Sum of the bytes of `x`, each 0 or 1 (a multiply, not `nonzeroBitCount`: without a CPU
    /// target the compiler cannot use POPCNT and counts bits in about twenty instructions).
    @inline(__always)
    static func byteSum(_ x: UInt64) -> Int {
        Int(truncatingIfNeeded: (x &* ones) &>> 56)
    }

    /// The high bit of every byte of `x` that is zero.
    @inline(__always)
    static func zeroBytes(_ x: UInt64) -> UInt64 {
        ~(((x & ~highBits) &+ ~highBits) | x) & highBits
    }

    /// Whether a word's letters (apostrophes skipped) hold one letter three times in a row, fed a
    /// chunk at a time: the same answer as counting runs letter by letter.
    struct Repeats {
        /// The word's last letter so far (0 before the first).
        var last: UInt64 = 0
        /// 0x80 when the last two letters are equal.
        var lastPair: UInt64 = 0
        var elongated = false

        /// Adds the first `m` (1 … 8) bytes of `lowered`, all letters; `letters` is `firstBytes(m)`.
        @inline(__always)
        mutating func add(_ lowered: UInt64, count m: Int, letters: UInt64) {
            // High bit of byte i: letter i equals the letter before it; then: and the one before that.
            let pair = zeroBytes(lowered ^ (lowered &<< 8 | last))
            let triple = pair & (pair &<< 8 | lastPair) & letters
            if triple != 0 { elongated = true }
            let shift = UInt64((m &- 1) &* 8)
            last = (lowered &>> shift) & 0xFF
            lastPair = (pair &>> shift) & 0x80
        }
    }
}
