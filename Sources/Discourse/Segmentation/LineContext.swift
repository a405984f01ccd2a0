/// What a line shares with the rest of its file, beyond its own features: the language of the
/// article's opening, words it repeats from earlier lines, and the article author's name.
///
/// These are the cues a reader uses when a comment looks like prose: it is in another language than
/// the article, it quotes the article ("“I would vote for Obama.” Interestingly…"), or it names the
/// author from the byline ("Great post Todd"). Each is computed in one pass with hash sets.
struct LineContext: Sendable {
    /// A long line in another language than the article's opening paragraphs.
    var foreign = false
    /// Repeats five words in a row from an earlier line (a quotation of the article or of a comment).
    var echo = false
    /// Names the author that the byline of the first lines names ("by Todd Hoff" … "Great post Todd").
    var namesAuthor = false

    /// Most five-word sequences kept for ``echo``, so a huge file cannot grow the set without bound.
    static let maxGrams = 1 << 21

    static func compute(
        lines: [TokenizedText], features: [LineFeatures], blank: [Bool], cues: SegmenterCues
    ) -> [LineContext] {
        let n = lines.count
        var context = [LineContext](repeating: LineContext(), count: n)
        guard n > 0 else { return context }
        let english = articleIsEnglish(features, blank: blank)
        let author = bylineNames(lines, blank: blank, cues: cues)
        // One five-word sequence per word at most: sized once for the whole file.
        var grams = TermSet(capacity: min(maxGrams, features.reduce(0) { $0 + Int($1.words) + Int($1.numbers) }))
        var words: [UInt64] = []
        // Kept across lines (cleared, not reallocated): one allocation per file, not per line.
        var lineGrams: [UInt64] = []
        var firstLines = 0
        for i in 0..<n where !blank[i] {
            firstLines += 1
            let x = features[i]
            let text = lines[i]
            context[i].foreign = english && x.words >= 6 && x.stopwordRatio < 0.05 && x.urls == 0
            if firstLines > 4, !author.isEmpty, !x.closing {  // a sign-off ("-Jodi") is the author
                for k in 0..<text.count where text[k].kind == .word && text[k].flags.contains(.capitalized) {
                    if author.contains(text[k].key) {
                        context[i].namesAuthor = true
                        break
                    }
                }
            }
            words.removeAll(keepingCapacity: true)
            for k in 0..<text.count where text[k].kind == .word || text[k].kind == .number {
                words.append(text[k].key)
            }
            guard words.count >= 5 else { continue }
            lineGrams.removeAll(keepingCapacity: true)
            for k in 0...(words.count - 5) {
                var h = TermHash.seed
                for j in k..<(k + 5) { h = (h ^ words[j]) &* TermHash.prime }
                if grams.contains(h) { context[i].echo = true }
                lineGrams.append(h)
            }
            if grams.count < maxGrams {
                for h in lineGrams { grams.insert(h) }
            }
        }
        return context
    }

    /// The article's language is English when most of its first long lines are mostly function words.
    static func articleIsEnglish(_ features: [LineFeatures], blank: [Bool]) -> Bool {
        var english = 0
        var seen = 0
        for i in 0..<features.count where !blank[i] && features[i].words >= 8 {
            seen += 1
            if features[i].stopwordRatio >= 0.2 { english += 1 }
            if seen == 5 { break }
        }
        return seen > 0 && english * 2 > seen
    }

    /// Capitalised words right after "by" in the first four lines: the author's name.
    static func bylineNames(_ lines: [TokenizedText], blank: [Bool], cues: SegmenterCues) -> Set<UInt64> {
        var names = Set<UInt64>()
        var seen = 0
        for i in 0..<lines.count where !blank[i] {
            seen += 1
            if seen > 4 { break }
            let text = lines[i]
            for k in 0..<text.count where text[k].key == byKey {
                var j = k + 1
                if j < text.count, text[j].kind == .punctuation { j += 1 }  // "By: Jane"
                var taken = 0
                while j < text.count, taken < 2, text[j].kind == .word, text[j].flags.contains(.capitalized) {
                    let key = text[j].key
                    if cues.contains(key, in: .stopword) || cues.contains(key, in: .month) { break }
                    names.insert(key)
                    taken += 1
                    j += 1
                }
            }
        }
        return names
    }
}
