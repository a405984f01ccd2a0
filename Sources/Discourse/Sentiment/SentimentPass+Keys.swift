import Foundation

extension SentimentPass {
    // MARK: Keys

    /// Key of a hashtag's text without the `#`: "#love" is scored as "love".
    mutating func hashtagKey(_ t: Token) -> UInt64 {
        var h = TermHash.seed
        var k = Int(t.normStart) + 1
        while k < Int(t.normEnd) {
            h = TermHash.add(h, norm[k])
            k += 1
        }
        return h
    }

    /// Key of an emoji's first scalar, so "👍🏽" (with a skin tone) is scored as "👍".
    mutating func firstScalarKey(_ t: Token) -> UInt64 {
        let start = Int(t.normStart)
        let b0 = norm[start]
        let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
        var h = TermHash.seed
        for k in start..<min(start + length, Int(t.normEnd)) { h = TermHash.add(h, norm[k]) }
        return h
    }

    /// The entry of an elongated word's shorter forms: runs of three or more letters cut to two
    /// ("goood" → "good"), then to one ("sooo" → "so", "haaappy" → "happy" needs both passes).
    mutating func deElongated(_ t: Token) -> SentimentEntry? {
        for keep in [2, 1] {
            var h = TermHash.seed
            var previous: UInt8 = 0
            var run = 0
            for k in Int(t.normStart)..<Int(t.normEnd) {
                let c = norm[k]
                run = c == previous ? run + 1 : 1
                previous = c
                if run <= keep { h = TermHash.add(h, c) }
            }
            if let e = table.lookup(h), e.isTerm { return e }
        }
        // Mixed: runs of three or more to one letter, doubled letters kept ("haaappy" → "happy").
        var h = TermHash.seed
        var k = Int(t.normStart)
        let end = Int(t.normEnd)
        while k < end {
            let c = norm[k]
            var j = k
            while j < end && norm[j] == c { j += 1 }
            let run = j - k
            let keep = run >= 3 ? 1 : run
            for _ in 0..<keep { h = TermHash.add(h, c) }
            k = j
        }
        if let e = table.lookup(h), e.isTerm { return e }
        return nil
    }

    /// The longest phrase entry starting at token `i` (within the sentence, over unmarked tokens).
    mutating func longestPhrase(at i: Int, first: UInt64, entry: SentimentEntry) -> (SentimentEntry?, Int) {
        var best: SentimentEntry? = nil
        var bestLength = 1
        var h = first
        var prefix = entry
        let limit = Int(entry.longestPhrase)
        let sentence = tokens[i].sentence
        var length = 1
        while length < limit {
            let j = i + length
            guard j < tokens.count else { break }
            let t = tokens[j]
            if prefix.nextMask & SentimentEntry.nextBit(t.key) == 0 { break }
            if t.sentence != sentence || t.flags.contains(.struck) || t.flags.contains(.quoted) { break }
            h = TermHash.add(
                TermHash.add(h, 0x20), UnsafeBufferPointer(rebasing: norm[Int(t.normStart)..<Int(t.normEnd)]))
            length += 1
            guard let e = table.lookup(h) else { break }
            prefix = e
            if e.isTerm && Int(e.length) == length {
                best = e
                bestLength = length
            }
        }
        // A phrase of punctuation only is an emoticon (":-))", "):"): it must stand apart from words,
        // so "[pic]:" is not a frown.
        if best != nil && tokens[i].kind == .punctuation {
            var allPunctuation = true
            for k in i..<(i + bestLength) where tokens[k].kind != .punctuation { allPunctuation = false }
            if allPunctuation {
                let before = tokens[i].flags.contains(.spaceBefore)
                let next = i + bestLength
                let after = next >= tokens.count || tokens[next].flags.contains(.spaceBefore)
                if !before || !after { return (nil, 1) }
            }
        }
        return (best, bestLength)
    }
}
