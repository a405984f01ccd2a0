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
    /// stack for short texts), and the result's one block (``TextStorage``) is then made at its exact
    /// size: cheaper than growing arrays, and `[Token](unsafeUninitializedCapacity:)` turned out to
    /// look up generic metadata on every call, which cost more than scanning a short comment.
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
                tokens: UnsafeMutableBufferPointer(start: scratch.pointee.tokens, count: bytes.count + 8),
                reusing: scratch)!
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

    /// Scans `bytes` into the given scratch memory and copies the result out at its exact size (one
    /// allocation; none for an empty text, or when `scratch`'s spare block can be written again);
    /// nil when `tokens` had too little room.
    @inline(__always)
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, norm normScratch: UnsafeMutableBufferPointer<UInt8>,
        tokens tokenScratch: UnsafeMutableBufferPointer<Token>,
        reusing scratch: UnsafeMutablePointer<ScannerScratch>? = nil
    ) -> TokenizedText? {
        var scanner = Scanner(bytes: bytes, norm: ByteBuffer(normScratch), tokens: TokenBuffer(tokenScratch))
        let result = scanner.run()
        guard !scanner.tokens.overflowed else { return nil }
        if bytes.isEmpty { return TokenizedText(storage: .empty) }
        let tokens = UnsafeBufferPointer(start: tokenScratch.baseAddress, count: scanner.tokens.count)
        let normalized = UnsafeBufferPointer(start: normScratch.baseAddress, count: scanner.norm.count)
        if let scratch {
            return TokenizedText(
                storage: .make(
                    tokens: tokens, bytes: bytes, normalized: normalized, sentenceCount: result.sentences,
                    isQuoteLine: result.quoted, reusing: scratch))
        }
        return TokenizedText(
            storage: .make(
                tokens: tokens, bytes: bytes, normalized: normalized, sentenceCount: result.sentences,
                isQuoteLine: result.quoted))
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
                    if let end = scanShortWord(at: i) {
                        // A word and the space after it: the words that follow take the run's loop.
                        i = p[end &- 1] == 0x20 ? scanWordRun(from: end) : end
                    } else {
                        i = scanAlphanumeric(b, from: i)
                    }
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
    /// Out of line: the short words ``scanShortWord(at:)`` takes never pay for its frame.
    @inline(never)
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
        let marker = QuoteMarker.scan(p, from: start)
        var i = marker.at
        quoted = false
        if marker.isQuote {
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
}
