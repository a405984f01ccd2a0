/// Spam: links (weighed by where they point), money promises, promotional and contact phrases
/// (`spam-patterns.tsv`), phone numbers, text repeated within the file, and floods of one
/// character, one word or emoji.
///
/// A link is how readers cite sources, so a link to a known site counts little and one to an
/// unknown domain counts more (most for the top-level domains spam favours and for shorteners that
/// hide the target); phrases that are ordinary in news talk ("loan", "working from home") count only
/// beside another spam signal. Every signal is one piece of evidence; the collector's noisy-or with
/// decay makes two or three different signals a clear spam comment.
enum SpamScore {
    ///
    /// Returns whether the comment makes an offer: a money promise or a phone number beside a
    /// promotion (a link to an unlisted site or a strong phrase). An offer is spam at any length, so
    /// ``TriageWeights/dilutesSpam`` spares it.
    @discardableResult
    static func add(
        _ text: TokenizedText, matches: TriageMatches, lexicon: TriageLexicon, copies: Int,
        into evidence: inout EvidenceCollector
    ) -> Bool {
        let p = TriageWeights.Spam.self
        let n = text.count
        var emoji = 0
        var sameWordRun = 1
        var longestWordRun = 1
        var wordRunEnd = 0
        var previousKey: UInt64 = 0
        var longestLetterRun = 0
        var letterRunAt = 0
        var longestPunctuation = 0
        var punctuationAt = 0
        var links: [(start: Int, end: Int, weight: Double)] = []
        var money: [(start: Int, end: Int)] = []
        var phone: (start: Int, end: Int)? = nil
        var digitsRun = 0
        var digitsStart = 0
        var i = 0
        while i < n {
            let t = text[i]
            if t.kind == .number || (t.kind == .symbol && isPlus(text, i) && i + 1 < n && text[i + 1].kind == .number) {
                if digitsRun == 0 { digitsStart = i }
                if t.kind == .number { digitsRun += digitCount(text, i) }
                if digitsRun >= p.phoneDigits, phone == nil { phone = (digitsStart, i + 1) }
            } else if !(t.kind == .punctuation && t.length == 1 && isDash(text, i)) {
                digitsRun = 0
            }
            switch t.kind {
            case .url:
                links.append((i, i + 1, linkWeight(urlHost(text, i), lexicon: lexicon)))
            case .emoji: emoji += 1
            case .punctuation:
                if t.length > longestPunctuation {
                    longestPunctuation = t.length
                    punctuationAt = i
                }
            case .number:
                if let span = moneyAmount(text, i, matches: matches) { money.append(span) }
            case .word:
                if t.key == previousKey { sameWordRun += 1 } else { sameWordRun = 1 }
                if sameWordRun > longestWordRun {
                    longestWordRun = sameWordRun
                    wordRunEnd = i + 1
                }
                previousKey = t.key
                if t.flags.contains(.elongated) {
                    let run = letterRun(text, i)
                    if run > longestLetterRun {
                        longestLetterRun = run
                        letterRunAt = i
                    }
                }
                if let end = bareDomainEnd(text, i, lexicon: lexicon) {
                    let host = Array(text.bytes[Int(t.start)..<Int(text[end - 1].end)]).map(ASCII.lower)
                    links.append((i, end, linkWeight(host, lexicon: lexicon)))
                    i = end
                    previousKey = 0
                    continue
                }
            default: break
            }
            i += 1
        }
        for (k, link) in links.enumerated() {
            // The first link counts at its weight; every further link is a separate signal.
            evidence.add(.spam, link.weight, label: k == 0 ? "link" : "link \(k + 1)", link.start, link.end)
        }
        let phrases = matches.hits.filter { $0.entry.kind.isSpam }
        let moneyPromise =
            !money.isEmpty
            && (phrases.contains { $0.entry.kind == .spamMoney }
                || hasRate(text, after: money[0].end, matches: matches))
        // Amounts with a rate ("$15 an hour"), numbers, weak phrases and plain links are everyday
        // news talk: they count only beside a link to an unlisted site or a strong phrase.
        let promoting =
            links.contains { $0.weight >= p.unlistedLink }
            || phrases.contains { $0.entry.weight >= p.strongPhrase }
        var offers = false
        if moneyPromise, promoting, let first = money.first {
            evidence.add(.spam, p.moneyPromise, label: "money promise", first.start, first.end)
            offers = true
        }
        if let phone, promoting {
            evidence.add(.spam, p.phoneNumber, label: "phone number", phone.start, phone.end)
            offers = true
        }
        // Weak phrases ("cheap", "loan", "working from home") are ordinary words in news talk: they
        // count only next to a link, a money promise, a phone number or a strong phrase.
        let corroborated = promoting
        for hit in phrases where corroborated || hit.entry.weight >= p.strongPhrase {
            evidence.add(.spam, hit.entry.weight, hit.start, hit.end)
        }
        if copies >= 2 {
            evidence.add(
                .spam, min(p.repeatMax, p.repeatBase + p.repeatStep * Double(copies - 2)),
                label: "repeated \(copies) times in the file", 0, n)
        }
        addFloods(
            Floods(
                longestWordRun: longestWordRun, wordRunEnd: wordRunEnd, longestLetterRun: longestLetterRun,
                letterRunAt: letterRunAt, longestPunctuation: longestPunctuation, punctuationAt: punctuationAt,
                emoji: emoji),
            count: n, into: &evidence)
        return offers
    }

    /// The longest runs of one word, one letter and one punctuation mark in a comment, and its
    /// emoji count, with where each is.
    struct Floods {
        var longestWordRun: Int
        var wordRunEnd: Int
        var longestLetterRun: Int
        var letterRunAt: Int
        var longestPunctuation: Int
        var punctuationAt: Int
        var emoji: Int
    }

    /// Floods of one word, letter, punctuation mark or of emoji in a comment of `n` tokens.
    static func addFloods(_ f: Floods, count n: Int, into evidence: inout EvidenceCollector) {
        let p = TriageWeights.Spam.self
        let (longestWordRun, wordRunEnd, longestLetterRun, letterRunAt) =
            (f.longestWordRun, f.wordRunEnd, f.longestLetterRun, f.letterRunAt)
        let (longestPunctuation, punctuationAt, emoji) = (f.longestPunctuation, f.punctuationAt, f.emoji)
        // Floods are noise more than promotion: they count at a share of their strength.
        let flood = p.flood
        if longestWordRun >= p.wordFloodRun {
            evidence.add(
                .spam,
                flood
                    * min(p.wordFloodMax, p.wordFloodBase + p.wordFloodStep * Double(longestWordRun - p.wordFloodRun)),
                label: "word flood",
                wordRunEnd - longestWordRun, wordRunEnd)
        }
        if longestLetterRun >= p.letterFloodRun {
            evidence.add(
                .spam, flood * (longestLetterRun >= p.longLetterFloodRun ? p.longLetterFlood : p.letterFlood),
                label: "letter flood", letterRunAt,
                letterRunAt + 1)
        }
        if longestPunctuation >= p.punctuationFloodRun {
            evidence.add(
                .spam, flood * p.punctuationFlood, label: "punctuation flood", punctuationAt, punctuationAt + 1)
        }
        if emoji >= p.emojiFloodCount {
            evidence.add(
                .spam,
                flood * min(p.emojiFloodMax, p.emojiFloodBase + p.emojiFloodStep * Double(emoji - p.emojiFloodCount)),
                label: "\(emoji) emoji", 0, n)
        }
    }

    /// How much a link to `host` counts: a listed site's or shortener's weight, else the weight of
    /// its top-level domain, else the unknown-domain default.
    static func linkWeight(_ host: [UInt8], lexicon: TriageLexicon) -> Double {
        guard !host.isEmpty else { return TriageWeights.Spam.unknownDomain }
        if let d = lexicon.domain(host: host) {
            switch d.kind {
            case .site, .shortener: return d.weight
            case .tld: return max(d.weight, hyphenated(host) ? TriageWeights.Spam.hyphenatedDomain : 0)
            }
        }
        return max(TriageWeights.Spam.unknownDomain, hyphenated(host) ? TriageWeights.Spam.hyphenatedDomain : 0)
    }

    /// A host with a hyphen in its name ("easy-cash-now.biz"): sites people cite rarely have one.
    static func hyphenated(_ host: [UInt8]) -> Bool { host.contains(0x2D) }

    /// The lowercase host of URL token `i`: after the scheme and "www.", up to the path.
    static func urlHost(_ text: TokenizedText, _ i: Int) -> [UInt8] {
        var bytes = Array(text.bytes[Int(text[i].start)..<Int(text[i].end)]).map(ASCII.lower)
        if let scheme = bytes.firstRange(of: Array("://".utf8)) { bytes.removeSubrange(..<scheme.upperBound) }
        if bytes.starts(with: Array("www.".utf8)) { bytes.removeFirst(4) }
        if let slash = bytes.firstIndex(where: { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 || $0 == 0x3A }) {
            bytes.removeSubrange(slash...)
        }
        return bytes
    }

    /// A domain written without scheme or "www." ("quickmoneyhub.xyz", "easy-cash.biz"): words and
    /// hyphens glued together, a dot, and a listed top-level domain right after it, with no space
    /// in between. Returns one past its last token.
    static func bareDomainEnd(_ text: TokenizedText, _ i: Int, lexicon: TriageLexicon) -> Int? {
        let n = text.count
        var j = i
        // name ( '-' name )* ( '.' name )* '.' tld
        var lastDot: Int? = nil
        while j + 1 < n {
            let next = text[j + 1]
            guard !next.flags.contains(.spaceBefore) else { break }
            let isDot = next.kind == .punctuation && next.length == 1 && text.bytes[Int(next.start)] == 0x2E
            let isHyphen = next.kind == .punctuation && next.length == 1 && text.bytes[Int(next.start)] == 0x2D
            guard isDot || isHyphen, j + 2 < n, text[j + 2].kind == .word || text[j + 2].kind == .number,
                !text[j + 2].flags.contains(.spaceBefore)
            else { break }
            if isDot { lastDot = j + 2 }
            j += 2
        }
        guard let tldIndex = lastDot, tldIndex == j else { return nil }
        let tld = text.withNorm(tldIndex) { Array($0) }
        guard let d = lexicon.domains[TriageLexicon.hostKey(tld)], d.kind == .tld else { return nil }
        return j + 1
    }

    /// A money amount at number token `i`: a currency sign before it ("$5000", "£300") or a currency
    /// word after it ("85 dollars"). Returns its tokens.
    static func moneyAmount(_ text: TokenizedText, _ i: Int, matches: TriageMatches) -> (start: Int, end: Int)? {
        let t = text[i]
        let s = Int(t.start)
        // The tokenizer keeps "$" inside the number ("$5000"); other signs may stand before it.
        if text.bytes[s] == 0x24 || (s > 0 && isCurrencySign(text.bytes, before: s)) { return (i, i + 1) }
        if i > 0, text[i - 1].kind == .symbol, isCurrencySymbolToken(text, i - 1) { return (i - 1, i + 1) }
        if i + 1 < text.count, TriageWeights.Spam.currencyWords.contains(text[i + 1].key) { return (i, i + 2) }
        return nil
    }

    /// "$", "£", "€" right before byte `s`.
    static func isCurrencySign(_ bytes: TextBytes, before s: Int) -> Bool {
        if bytes[s - 1] == 0x24 { return true }
        if s >= 2, bytes[s - 2] == 0xC2, bytes[s - 1] == 0xA3 { return true }  // £
        if s >= 3, bytes[s - 3] == 0xE2, bytes[s - 2] == 0x82, bytes[s - 1] == 0xAC { return true }  // €
        return false
    }

    static func isCurrencySymbolToken(_ text: TokenizedText, _ i: Int) -> Bool {
        let t = text[i]
        return isCurrencySign(text.bytes, before: Int(t.end))
    }

    /// A rate or an earning verb near an amount: "$5000 a week", "85 dollars an hour", "per day",
    /// "daily", "earn $300".
    static func hasRate(_ text: TokenizedText, after end: Int, matches: TriageMatches) -> Bool {
        let rates = TriageWeights.Spam.rateWords
        var j = end
        while j < min(text.count, end + 3) {
            if rates.contains(text[j].key) { return true }
            j += 1
        }
        var k = end - 2
        while k >= max(0, end - 5) {
            if TriageWeights.Spam.earnWords.contains(text[k].key) { return true }
            k -= 1
        }
        return false
    }

    static func isPlus(_ text: TokenizedText, _ i: Int) -> Bool { text.bytes[Int(text[i].start)] == 0x2B }
    static func isDash(_ text: TokenizedText, _ i: Int) -> Bool { text.bytes[Int(text[i].start)] == 0x2D }

    static func digitCount(_ text: TokenizedText, _ i: Int) -> Int {
        let t = text[i]
        var c = 0
        for k in Int(t.start)..<Int(t.end) where text.bytes[k] >= 0x30 && text.bytes[k] <= 0x39 { c += 1 }
        return c
    }

    /// Longest run of one letter in word `i` ("noooooo" → 6).
    static func letterRun(_ text: TokenizedText, _ i: Int) -> Int {
        text.withNorm(i) { p in
            var best = 0
            var run = 0
            var last: UInt8 = 0
            for b in p {
                run = b == last ? run + 1 : 1
                last = b
                best = max(best, run)
            }
            return best
        }
    }
}
