extension Scanner {
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
