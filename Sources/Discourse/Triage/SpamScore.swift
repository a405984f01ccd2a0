/// Spam: links and e-mail addresses, promotional phrases (`spam-patterns.tsv`), text repeated
/// within the file, and floods of one character, one word or emoji.
enum SpamScore {
    static func add(_ text: TokenizedText, matches: TriageMatches, copies: Int, into evidence: inout EvidenceCollector)
    {
        var links = 0
        var emoji = 0
        var sameWordRun = 1
        var longestWordRun = 1
        var previousKey: UInt64 = 0
        var longestLetterRun = 0
        var longestPunctuation = 0
        for (i, t) in text.tokens.enumerated() {
            switch t.kind {
            case .url: links += 1
            case .emoji: emoji += 1
            case .punctuation: longestPunctuation = max(longestPunctuation, t.length)
            case .word:
                if t.key == previousKey { sameWordRun += 1 } else { sameWordRun = 1 }
                longestWordRun = max(longestWordRun, sameWordRun)
                previousKey = t.key
                if t.flags.contains(.elongated) { longestLetterRun = max(longestLetterRun, letterRun(text, i)) }
            default: break
            }
        }
        // A link is how readers cite sources, so one alone is weak; promotion shows in the words.
        if links > 0 {
            evidence.add(
                .spam, links == 1 ? 0.15 : (links == 2 ? 0.3 : 0.5), label: "\(links) link\(links == 1 ? "" : "s")")
        }
        // Weak phrases ("cheap", "loan", "followers") are ordinary words in news talk: they count
        // only next to a link or a strong phrase.
        let phrases = matches.hits.filter { $0.entry.kind == .spam }
        let corroborated = links > 0 || phrases.contains { $0.entry.weight >= strongPhrase }
        for hit in phrases where corroborated || hit.entry.weight >= strongPhrase {
            evidence.add(.spam, hit.entry.weight, hit.start, hit.end)
        }
        if copies >= 2 {
            evidence.add(
                .spam, min(0.8, 0.35 + 0.15 * Double(copies - 2)), label: "repeated \(copies) times in the file")
        }
        if longestWordRun >= 4 {
            evidence.add(.spam, min(0.6, 0.3 + 0.05 * Double(longestWordRun - 4)), label: "word flood")
        }
        if longestLetterRun >= 6 { evidence.add(.spam, longestLetterRun >= 10 ? 0.35 : 0.2, label: "letter flood") }
        if longestPunctuation >= 20 { evidence.add(.spam, 0.15, label: "punctuation flood") }
        if emoji >= 6 { evidence.add(.spam, min(0.5, 0.2 + 0.03 * Double(emoji - 6)), label: "\(emoji) emoji") }
    }

    /// Phrases at least this strong count on their own.
    static let strongPhrase = 0.4

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
