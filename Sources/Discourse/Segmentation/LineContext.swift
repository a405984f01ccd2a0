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
        var builder = Builder(
            english: articleIsEnglish(features, blank: blank), cues: cues,
            words: features.reduce(0) { $0 + Int($1.words) + Int($1.numbers) })
        for i in 0..<n where !blank[i] { context[i] = builder.next(lines[i], features[i]) }
        return context
    }

    /// The context of a file's non-blank lines, one line at a time in file order: what
    /// ``compute(lines:features:blank:cues:)`` does, for a segmentation that reads the file in
    /// passes and keeps no line's tokens. The author's name is read off the first four lines when
    /// the fifth arrives (before that no line can name the author).
    struct Builder {
        let english: Bool
        let cues: SegmenterCues
        private var author = Set<UInt64>()
        /// The first four non-blank lines, until the byline has been read from them.
        private var opening: [TokenizedText] = []
        private var grams: GramSet
        /// Kept across lines (cleared, not reallocated): one allocation per file, not per line.
        private var words: [UInt64] = []
        private var lineGrams: [UInt64] = []
        private var firstLines = 0

        /// `words`: the file's words and numbers (one five-word sequence per word at most), to size
        /// the sequence set once.
        init(english: Bool, cues: SegmenterCues, words: Int) {
            self.english = english
            self.cues = cues
            grams = GramSet(capacity: min(LineContext.maxGrams, words))
        }

        /// The context of the next non-blank line (`text`, with features `x`).
        mutating func next(_ text: TokenizedText, _ x: LineFeatures) -> LineContext {
            var context = LineContext()
            firstLines += 1
            if firstLines <= 4 {
                opening.append(text)
            } else if firstLines == 5 {
                author = LineContext.bylineNames(opening, blank: opening.map { _ in false }, cues: cues)
                opening = []
            }
            context.foreign = english && x.words >= 6 && x.stopwordRatio < 0.05 && x.urls == 0
            if firstLines > 4, !author.isEmpty, !x.closing {  // a sign-off ("-Jodi") is the author
                for k in 0..<text.count where text[k].kind == .word && text[k].flags.contains(.capitalized) {
                    if author.contains(text[k].key) {
                        context.namesAuthor = true
                        break
                    }
                }
            }
            words.removeAll(keepingCapacity: true)
            for k in 0..<text.count where text[k].kind == .word || text[k].kind == .number {
                words.append(text[k].key)
            }
            guard words.count >= 5 else { return context }
            lineGrams.removeAll(keepingCapacity: true)
            for k in 0...(words.count - 5) {
                var h = TermHash.seed
                for j in k..<(k + 5) { h = (h ^ words[j]) &* TermHash.prime }
                if grams.contains(h) { context.echo = true }
                lineGrams.append(h)
            }
            if grams.count < LineContext.maxGrams {
                for h in lineGrams { grams.insert(h) }
            }
            return context
        }
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

/// The five-word sequences of ``LineContext/echo``: open addressing with linear probing (keys are
/// already hashes). A set for up to 65,536 keys is a power-of-two table kept at most half full and
/// probed as ``TermSet`` probes; a larger one has a quarter more slots than keys (a slot picked by
/// the high half of a product, so any size works; grown past 85 %), so the file's 2,097,152
/// sequences (``LineContext/maxGrams``) take 21 MB, not the 64 MB of a half-full power of two (#12).
struct GramSet {
    private var keys: [UInt64]
    /// The table's size less one when it is a power of two, else -1.
    private var mask: Int
    private(set) var count = 0

    /// Room for `capacity` keys before the first rehash.
    init(capacity: Int) {
        keys = [UInt64](repeating: 0, count: Self.slots(for: capacity))
        mask = keys.count.nonzeroBitCount == 1 ? keys.count - 1 : -1
    }

    /// ``TermSet/slots(for:)`` up to 65,536 keys, then a quarter more than `capacity`.
    static func slots(for capacity: Int) -> Int {
        capacity < 1 << 16 ? TermSet.slots(for: capacity) : capacity + capacity / 4
    }

    /// Key 0 marks an empty slot; a sequence whose hash is 0 is stored as 1 (a 2^-64 event).
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        keys.withUnsafeBufferPointer { ks in
            let size = ks.count
            let h = key &* 0x9E37_79B9_7F4A_7C15
            var i =
                mask >= 0
                ? Int(truncatingIfNeeded: h >> 20) & mask
                : Int(truncatingIfNeeded: h.multipliedFullWidth(by: UInt64(size)).high)
            while ks[i] != 0 && ks[i] != key {
                i += 1
                if i == size { i = 0 }
            }
            return i
        }
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool { keys[find(Self.stored(key))] != 0 }

    @inline(__always)
    mutating func insert(_ key: UInt64) {
        if mask >= 0 ? (count + 1) * 2 > keys.count : (count + 1) * 20 > keys.count * 17 { grow() }
        let k = Self.stored(key)
        let i = find(k)
        if keys[i] == 0 {
            keys[i] = k
            count += 1
        }
    }

    @inline(never)
    private mutating func grow() {
        let old = keys
        keys = [UInt64](repeating: 0, count: old.count * 2)
        if mask >= 0 { mask = keys.count - 1 }
        for k in old where k != 0 { keys[find(k)] = k }
    }
}
