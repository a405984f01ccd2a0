/// How a lexicon term was found in a comment.
package enum MatchRoute: UInt8, Sendable {
    /// The token(s) as written.
    case exact
    /// After undoing look-alike symbols and masks (`sh1t`, `a$$`, `f*ck`, `*ss`).
    case obfuscated
    /// Letters written apart (`f u c k`, `L O S E R S`, `f.u.c.k`).
    case spaced
    /// After shortening stretched letters (`stuuupid`).
    case elongated
    /// After removing an inflection (`idiots`, `morons'`, `stupidly`).
    case inflected
}

/// One abusive, threat, identity or spam term found in a comment (cue words are kept as masks).
package struct TriageHit: Sendable {
    /// First token (index into the comment's ``TokenizedText``).
    package var start: Int
    /// One past the last token.
    package var end: Int
    package var entry: TriageLexicon.Entry
    package var route: MatchRoute
}

/// Everything the lexicon found in one comment, computed once and read by every category.
///
/// Cue words (pronouns, copulas, negations …) are kept per token as bit masks of
/// ``TriageLexicon/Kind`` so the scorer's look-back windows cost one load per token.
package struct TriageMatches: Sendable {
    /// Kinds of every term that ends at the token.
    package var endMask: [UInt64]
    /// Start of the longest term that ends at the token (the token itself when none does).
    package var endStart: [Int]
    /// Kinds of every term that starts at the token.
    package var startMask: [UInt64]
    /// Non-cue terms, ordered by start, longest first.
    package var hits: [TriageHit]
    /// The lexicon's off-table word kinds (see ``TriageLexicon/wordKinds``).
    var wordKinds: [UInt64: UInt64] = [:]
    /// Token ranges of idioms and allow-listed phrases (their hits are dropped; see ``dropAllowed()``).
    var allowed: [Range<Int>] = []

    /// Kind bits of token `i` from the off-table word lists (person, possessive, function word,
    /// particle); looked up only where a hit needs them.
    func wordBits(_ text: TokenizedText, _ i: Int) -> UInt64 { wordKinds[text[i].key] ?? 0 }

    static let cueBits: UInt64 = [
        TriageLexicon.Kind.secondPerson, .thirdPerson, .copula, .filler, .exclamative, .negation,
        .mention, .person, .possessive, .function, .identityModal, .identityParticle,
    ].reduce(0) { $0 | $1.bit }

    /// Matches `lexicon` against `text`: n-grams as written, then obfuscated, spaced, stretched and
    /// inflected spellings of single words that matched nothing.
    package static func find(in text: TokenizedText, lexicon: TriageLexicon) -> TriageMatches {
        let n = text.count
        var m = TriageMatches(
            endMask: [UInt64](repeating: 0, count: n), endStart: Array(0..<n),
            startMask: [UInt64](repeating: 0, count: n), hits: [], wordKinds: lexicon.wordKinds)
        var covered = [Bool](repeating: false, count: n)
        let filter = lexicon.keyFilter
        for i in 0..<n {
            var h = text[i].key
            var length = 1
            while true {
                // Neither a term nor a term's prefix: nothing here, and no longer term starts so.
                guard filter.mayContain(h) else { break }
                if let list = lexicon.entries(h) {
                    let last = i + length - 1
                    for entry in list {
                        m.startMask[i] |= entry.kind.bit
                        m.endMask[last] |= entry.kind.bit
                        if entry.kind.bit & cueBits == 0 {
                            m.hits.append(TriageHit(start: i, end: i + length, entry: entry, route: .exact))
                            if entry.kind.isAbusive { for k in i...last { covered[k] = true } }
                        }
                    }
                    if i < m.endStart[last] { m.endStart[last] = i }
                }
                if length >= lexicon.maxLength || i + length >= n || !lexicon.isPrefix(h) { break }
                h = text.extend(h, with: i + length)
                length += 1
            }
        }
        m.findSpacedLetters(text, lexicon: lexicon, covered: &covered)
        m.findVariants(text, lexicon: lexicon, covered: covered)
        m.dropAllowed()
        // By start, the longest term first (a listed phrase speaks for its words), then by kind: a
        // deterministic order, since the scorer counts each start once.
        m.hits.sort {
            if $0.start != $1.start { return $0.start < $1.start }
            if $0.end != $1.end { return $0.end > $1.end }
            return $0.entry.kind.rawValue < $1.entry.kind.rawValue
        }
        return m
    }

    /// Removes every hit inside an idiom or allow-listed phrase, and the allow hits themselves:
    /// inside "kill two birds" or "Dick Smith" nothing counts. Cue masks stay (a pronoun is still a
    /// pronoun).
    mutating func dropAllowed() {
        let allowBit = TriageLexicon.Kind.allow.bit
        guard hits.contains(where: { $0.entry.kind.bit & allowBit != 0 }) else { return }
        allowed = hits.filter { $0.entry.kind == .allow }.map { $0.start..<$0.end }
        hits.removeAll { hit in
            hit.entry.kind == .allow || allowed.contains { $0.lowerBound <= hit.start && hit.end <= $0.upperBound }
        }
    }

    // MARK: Spelling variants

    /// `f u c k`, `f.u.c.k`, `f-u-c-k`: three or more single letters in a row, joined.
    mutating func findSpacedLetters(_ text: TokenizedText, lexicon: TriageLexicon, covered: inout [Bool]) {
        let n = text.count
        func isLetter(_ i: Int) -> Bool {
            i < n && text[i].kind == .word && text[i].length == 1
        }
        func isJoiner(_ i: Int) -> Bool {
            guard i < n, text[i].kind == .punctuation, text[i].length == 1 else { return false }
            let b = text.bytes[Int(text[i].start)]
            return b == 0x2E || b == 0x2A || b == 0x5F || b == 0x2D
        }
        var i = 0
        while i < n {
            guard isLetter(i) else {
                i += 1
                continue
            }
            var letters: [UInt8] = [text.normalized[Int(text[i].normStart)]]
            var j = i + 1
            while true {
                if isLetter(j) {
                    letters.append(text.normalized[Int(text[j].normStart)])
                    j += 1
                } else if isJoiner(j), isLetter(j + 1) {
                    letters.append(text.normalized[Int(text[j + 1].normStart)])
                    j += 2
                } else {
                    break
                }
            }
            if letters.count >= 3, let (entries, _) = Self.lookupAbusive(letters, lexicon: lexicon, inflect: true) {
                for entry in entries { hits.append(TriageHit(start: i, end: j, entry: entry, route: .spaced)) }
                for k in i..<j { covered[k] = true }
            }
            i = j
        }
    }

    /// Obfuscated, stretched or inflected single words that matched nothing as written.
    mutating func findVariants(_ text: TokenizedText, lexicon: TriageLexicon, covered: [Bool]) {
        let lookup = lexicon.lookup
        for i in 0..<text.count where !covered[i] {
            let t = text[i]
            guard t.kind == .word || t.kind == .mention, t.length >= 2 else { continue }
            // A mask glued in front of the word: "*ss" (the tokenizer read the star as emphasis).
            let s = Int(t.start)
            let maskedFront = s > 0 && text.bytes[s - 1] == 0x2A && (s == 1 || ASCII.isSpace(text.bytes[s - 2]))
            let obfuscated =
                maskedFront || t.kind == .mention || t.flags.contains(.obfuscated) || t.flags.contains(.hasDigit)
            if !obfuscated && !t.flags.contains(.elongated) {
                // The common case, without allocating: an inflected form of a listed word. A
                // capitalised word inside a sentence is a name ("Cummings"), not an inflection.
                if t.flags.contains(.capitalized), i > 0, text[i - 1].sentence == t.sentence { continue }
                if t.normEnd - t.normStart >= 4, let e = text.withNorm(i, { Self.inflected($0, lookup: lookup) }) {
                    for entry in e { hits.append(TriageHit(start: i, end: i + 1, entry: entry, route: .inflected)) }
                }
                continue
            }
            var bytes = text.withNorm(i) { Array($0) }
            if t.kind == .mention { bytes[0] = 0x61 }  // @ss → ass
            if maskedFront { bytes.insert(0x2A, at: 0) }
            if obfuscated {
                for candidate in Self.unmasked(bytes) {
                    if candidate.contains(0x2A) {
                        let letters = candidate.filter { $0 != 0x2A }.count
                        guard letters >= 1, letters * 2 >= candidate.count - 1 || candidate.count <= 4 else { continue }
                        var best: TriageLexicon.Entry?
                        for key in lexicon.wildcardMatches(candidate) {
                            for e in lexicon.entries(key) ?? [] where e.kind.isAbusive {
                                if best == nil || e.weight > best!.weight { best = e }
                            }
                        }
                        if let best {
                            hits.append(TriageHit(start: i, end: i + 1, entry: best, route: .obfuscated))
                            break
                        }
                    } else if let (entries, _) = Self.lookupAbusive(candidate, lexicon: lexicon, inflect: true) {
                        for e in entries { hits.append(TriageHit(start: i, end: i + 1, entry: e, route: .obfuscated)) }
                        break
                    }
                }
                continue
            }
            if t.flags.contains(.elongated) {
                for candidate in [Self.collapsed(bytes, keep: 1), Self.collapsed(bytes, keep: 2)] {
                    if let (entries, _) = Self.lookupAbusive(candidate, lexicon: lexicon, inflect: true) {
                        for e in entries { hits.append(TriageHit(start: i, end: i + 1, entry: e, route: .elongated)) }
                        break
                    }
                }
            }
        }
    }

    /// Abusive entries for a single word's bytes, trying the word itself (unless `exact` is false)
    /// and, when `inflect` is set, the stems an English inflection would leave.
    static func lookupAbusive(
        _ bytes: [UInt8], lexicon: TriageLexicon, inflect: Bool, exact: Bool = true
    ) -> ([TriageLexicon.Entry], [UInt8])? {
        if exact, let e = abusive(lexicon.entries(TermHash.of(bytes)), suffix: nil) { return (e, bytes) }
        guard inflect else { return nil }
        let lookup = lexicon.lookup
        return bytes.withUnsafeBufferPointer { p in inflected(p, lookup: lookup).map { ($0, bytes) } }
    }

    /// Closures here capture only the lexicon's lookup table: capturing the whole lexicon copied
    /// (retained and released) every one of its tables for each word, a profile's top runtime cost.
    static func inflected<C: Collection<UInt8>>(
        _ bytes: C, lookup: TermTable<[TriageLexicon.Entry]>
    ) -> [TriageLexicon.Entry]? {
        var found: [TriageLexicon.Entry]?
        forEachStem(bytes) { key, suffix in
            found = abusive(lookup[key], suffix: suffix)
            return found != nil
        }
        return found
    }

    /// The single-word abusive entries of `list` (a key's entries). A stem counts only for the word classes that inflect
    /// that way: nouns take plurals (`idiots`), adjectives take `-ly` (`stupidly`), swear words and
    /// profanity take every ending (`pissing`), so `hacked` never becomes the insult `hack`.
    static func abusive(_ list: [TriageLexicon.Entry]?, suffix: Suffix?) -> [TriageLexicon.Entry]? {
        guard let list else { return nil }
        let found = list.filter { e in
            guard e.kind.isAbusive, e.length == 1 else { return false }
            guard let suffix else { return true }
            switch e.kind {
            case .insultPerson, .insultContent: return suffix == .plural
            case .insultQuality: return suffix == .adverb
            default: return suffix != .adverb
            }
        }
        return found.isEmpty ? nil : found
    }

    enum Suffix { case plural, verbal, adverb }

    /// Calls `body` with the key of every stem an English inflection would leave, until it returns
    /// true: `idiots` → `idiot`, `dummies` → `dummy`, `bitching` → `bitch`, `pissed` → `piss`,
    /// `stupidly` → `stupid`, `moron's` → `moron`. Only stems of three or more letters, so short
    /// words never shrink into a listed one. Hashes prefixes in place: no allocation.
    static func forEachStem<C: Collection<UInt8>>(_ w: C, _ body: (UInt64, Suffix) -> Bool) {
        let c = w.count
        guard c >= 4 else { return }
        // Every ending below ends in one of these bytes (s ' g d y): for any other last byte no
        // stem is looked up, so the prefixes are not hashed at all (most words, most of the time).
        switch tailByte(w, 1) {
        case 0x73, 0x27, 0x67, 0x64, 0x79: break
        default: return
        }
        // Prefix hashes of the word without its last 1...4 bytes, and the last four bytes.
        var prefix: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        var tail: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var h = TermHash.seed
        var i = 0
        for b in w {
            let drop = c - i
            switch drop {
            case 1: prefix.1 = h
            case 2: prefix.2 = h
            case 3: prefix.3 = h
            case 4: prefix.4 = h
            default: break
            }
            switch drop {
            case 4: tail.0 = b
            case 3: tail.1 = b
            case 2: tail.2 = b
            case 1: tail.3 = b
            default: break
            }
            h = TermHash.add(h, b)
            i += 1
        }
        let (d, e, f, g) = tail  // last four bytes, g last
        func fits(_ n: Int) -> Bool { c > n + 2 }
        if fits(2), (f == 0x27 && g == 0x73) || (f == 0x73 && g == 0x27) { if body(prefix.2, .plural) { return } }
        if fits(3), e == 0x69, f == 0x65, g == 0x73 { if body(TermHash.add(prefix.3, 0x79), .plural) { return } }
        // "-es" is a plural only after a sibilant or "o" (glasses, boxes, bushes, heroes), so
        // "spikes" never loses its "e" on the way to a listed stem.
        let sibilant = e == 0x73 || e == 0x78 || e == 0x7A || e == 0x6F || ((e == 0x68) && (d == 0x63 || d == 0x73))
        if fits(2), f == 0x65, g == 0x73, sibilant { if body(prefix.2, .plural) { return } }
        if fits(1), g == 0x73, f != 0x73 { if body(prefix.1, .plural) { return } }
        if fits(3), e == 0x69, f == 0x6E, g == 0x67 {
            if body(prefix.3, .verbal) || body(TermHash.add(prefix.3, 0x65), .verbal) { return }
            if c > 6, d == tailByte(w, 5) { if body(prefix.4, .verbal) { return } }
        }
        if fits(2), f == 0x65, g == 0x64 {
            if body(prefix.2, .verbal) || body(prefix.1, .verbal) { return }
            if c > 5, e == d { if body(prefix.3, .verbal) { return } }
        }
        if fits(2), f == 0x6C, g == 0x79 { if body(prefix.2, .adverb) { return } }
    }

    /// The byte `k` places from the end (1 = last).
    static func tailByte<C: Collection<UInt8>>(_ w: C, _ k: Int) -> UInt8 {
        w[w.index(w.startIndex, offsetBy: w.count - k)]
    }

    /// Spellings with look-alike symbols undone: `sh1t` → `shit` (and `shlt`), `a$$` → `ass`,
    /// `0rgasm` → `orgasm`. A `*` stays a wildcard for ``TriageLexicon/wildcardMatches(_:)``.
    static func unmasked(_ bytes: [UInt8]) -> [[UInt8]] {
        var first: [UInt8] = []
        var second: [UInt8] = []
        var differs = false
        for b in bytes {
            let (x, y): (UInt8, UInt8)
            switch b {
            case 0x30: (x, y) = (0x6F, 0x6F)  // 0 → o
            case 0x31: (x, y) = (0x69, 0x6C)  // 1 → i or l
            case 0x33: (x, y) = (0x65, 0x65)  // 3 → e
            case 0x34, 0x40: (x, y) = (0x61, 0x61)  // 4 @ → a
            case 0x35, 0x24: (x, y) = (0x73, 0x73)  // 5 $ → s
            case 0x37, 0x2B: (x, y) = (0x74, 0x74)  // 7 + → t
            case 0x38: (x, y) = (0x62, 0x62)  // 8 → b
            case 0x21: (x, y) = (0x69, 0x69)  // ! → i
            default: (x, y) = (b, b)
            }
            if x != y { differs = true }
            first.append(x)
            second.append(y)
        }
        return differs ? [first, second] : [first]
    }

    /// `bytes` with every run of three or more equal letters cut to `keep` letters.
    static func collapsed(_ bytes: [UInt8], keep: Int) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            var j = i
            while j < bytes.count, bytes[j] == bytes[i] { j += 1 }
            let run = j - i
            out.append(contentsOf: repeatElement(bytes[i], count: run >= 3 ? keep : run))
            i = j
        }
        return out
    }
}
