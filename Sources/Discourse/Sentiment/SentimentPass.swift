import Foundation

/// Why an item's value differs from its lexicon valence (a bit set, for `--explain`).
struct SentimentRuleMarks: OptionSet {
    let rawValue: UInt16
    static let booster = SentimentRuleMarks(rawValue: 1 << 0)
    static let dampener = SentimentRuleMarks(rawValue: 1 << 1)
    static let caps = SentimentRuleMarks(rawValue: 1 << 2)
    static let elongated = SentimentRuleMarks(rawValue: 1 << 3)
    static let emphasized = SentimentRuleMarks(rawValue: 1 << 4)
    static let negated = SentimentRuleMarks(rawValue: 1 << 5)
    static let beforeContrast = SentimentRuleMarks(rawValue: 1 << 6)
    static let afterContrast = SentimentRuleMarks(rawValue: 1 << 7)
    static let conceded = SentimentRuleMarks(rawValue: 1 << 8)
    static let exclamation = SentimentRuleMarks(rawValue: 1 << 9)
    static let question = SentimentRuleMarks(rawValue: 1 << 10)
    static let negatorOwn = SentimentRuleMarks(rawValue: 1 << 11)
    static let inQuotes = SentimentRuleMarks(rawValue: 1 << 12)
    static let name = SentimentRuleMarks(rawValue: 1 << 13)

    static let names: [(SentimentRuleMarks, String)] = [
        (.booster, "boosted"), (.dampener, "dampened"), (.caps, "caps"), (.elongated, "elongated"),
        (.emphasized, "emphasized"), (.negated, "negated"), (.beforeContrast, "before contrast"),
        (.afterContrast, "after contrast"), (.conceded, "conceded"), (.exclamation, "exclamation"),
        (.question, "question"), (.inQuotes, "in quotes"), (.name, "name"),
    ]

    var names: [String] { Self.names.compactMap { contains($0.0) ? $0.1 : nil } }
}

/// One sentiment-bearing term found in the text: where it is, its value, and the weight rules gave it.
struct SentimentItem {
    var token: Int32
    var length: Int32
    var sentence: Int32
    var value: Float
    var weight: Float
    var marks: SentimentRuleMarks
}

/// The state of one scoring pass over a text (kept on the stack; no allocation).
///
/// Every method is `mutating`, even those that only read: calling a non-mutating method from a
/// mutating one made Swift copy the whole 400-byte struct each time, which cost more than the
/// rest of the pass.
struct SentimentPass {
    let rules: SentimentRules
    let table: SentimentTable.View
    let tokens: UnsafeBufferPointer<Token>
    let norm: UnsafeBufferPointer<UInt8>
    let items: UnsafeMutablePointer<SentimentItem>
    var itemCount = 0
    /// Per sentence: raw sum, and the weight later contrast words gave it.
    let sums: UnsafeMutableBufferPointer<Float>
    let weights: UnsafeMutableBufferPointer<Float>

    /// Caps emphasis counts only when the text mixes ALL-CAPS and other words (nil: not yet known).
    var mixedCase: Bool? = nil
    var neutralWords = 0

    // Sentence state.
    var sentence: Int32 = -1
    var sentenceFirstItem = 0
    var sentenceHasWords = false
    var exclamations = 0
    var endsWithQuestion = false
    /// Items at or after this index in the sentence follow a contrast word.
    var contrastSeen = false
    var concessionOpen = false
    var concessionWords = 0
    var concessionFirstItem = -1
    var concessionInSentence = false
    /// A concession clause closed without a word in it ("Good cast, though.").
    var emptyConcession = false
    var lastExclamation = -1
    /// Between double quotes (they may span sentences).
    var inQuotes = false
    /// Weight for the sentences before this one, set by a contrast that opens this sentence.
    var opensWithContrast = false

    // Word-position state.
    var wordIndex = 0
    /// Negation scope: strength (0 = none), words left, index of the negator's own item (or -1).
    var negation: Float = 0
    var negationLeft = 0
    var negatorItem = -1
    /// Word index just after the last negator (to spot "not without").
    var lastNegatorWord = -9
    /// Up to three pending boosters: (word index, value).
    var boosts: (Int, Float, Int, Float, Int, Float) = (-9, 0, -9, 0, -9, 0)

    init(
        rules: SentimentRules, table: SentimentTable.View, tokens: UnsafeBufferPointer<Token>,
        norm: UnsafeBufferPointer<UInt8>, items: UnsafeMutableBufferPointer<SentimentItem>,
        sums: UnsafeMutableBufferPointer<Float>, weights: UnsafeMutableBufferPointer<Float>
    ) {
        self.rules = rules
        self.table = table
        self.tokens = tokens
        self.norm = norm
        self.items = items.baseAddress!
        self.sums = sums
        self.weights = weights
        for k in 0..<sums.count {
            sums[k] = 0
            weights[k] = 1
        }
    }

    // MARK: The pass

    /// True when the text mixes ALL-CAPS words with others (computed once, on the first caps word).
    mutating func isMixedCase() -> Bool {
        if let known = mixedCase { return known }
        var caps = false
        var lower = false
        for t in tokens where t.kind == .word {
            if t.flags.contains(.allCaps) {
                caps = true
            } else if t.length > 1 || !t.flags.contains(.capitalized) {
                lower = true
            }
        }
        mixedCase = caps && lower
        return caps && lower
    }

    mutating func run() {
        let n = tokens.count
        var i = 0
        while i < n {
            let t = tokens[i]
            if t.sentence != sentence { startSentence(t.sentence) }
            if t.flags.contains(.struck) || t.flags.contains(.quoted) {
                i += 1
                continue
            }
            switch t.kind {
            case .word:
                // Most words are in no lexicon (the filter says so without a table probe), and most
                // of the rest only start phrases that the next token does not continue ("the").
                // Elongated words ("sooo") always take the full path, which tries their shorter forms.
                if t.flags.contains(.elongated) {
                    i = term(at: i)
                } else if let slot = termSlot(at: i) {
                    i = term(at: i, slot: slot)
                } else {
                    plainWord()
                    i += 1
                }
            case .punctuation:
                if let slot = termSlot(at: i) {
                    i = term(at: i, slot: slot)
                } else {
                    punctuation(t, at: i)
                    i += 1
                }
            case .emoticon, .emoji, .hashtag:
                i = term(at: i)
            case .number, .url, .mention, .symbol:
                i += 1
            }
        }
        if sentence >= 0 { finishSentence() }
    }

    /// The slot of token `i` (a word or punctuation) when it may start a term: its key is a term, or
    /// starts a phrase that the next token may continue. Nil means ``term(at:slot:)`` would find
    /// nothing for a word that is not elongated or a mark, so the token is a plain word or mark. The
    /// packed slot is read as is: most keys that pass the filter are phrase starts such as "the", and
    /// unpacking their entry cost more than the rest. The slot is handed on to ``term(at:slot:)``,
    /// which so needs no second probe of the table.
    @inline(__always)
    mutating func termSlot(at i: Int) -> UnsafePointer<SentimentTable.Slot>? {
        guard let slot = table.slot(tokens[i].key) else { return nil }
        let s = slot.pointee
        if s.isTerm { return slot }
        guard
            s.longestPhrase > 1 && i + 1 < tokens.count
                && s.nextMask & SentimentEntry.nextBit(tokens[i + 1].key) != 0
        else { return nil }
        return slot
    }

    /// Handles the term starting at token `i`; returns the index after it. `slot`, when given, is the
    /// table's slot of the token's own key (``termSlot(at:)`` found it).
    mutating func term(at i: Int, slot: UnsafePointer<SentimentTable.Slot>? = nil) -> Int {
        let t = tokens[i]
        var entry: SentimentEntry? = nil
        var length = 1
        var key = t.key
        if t.kind == .hashtag { key = hashtagKey(t) }
        if let e = slot?.pointee.entry ?? table.lookup(key) {
            if e.isTerm { entry = e }
            // Most phrase starts ("not", "the") are followed by a token no phrase continues with: the
            // next token's bit, checked here, spares the phrase walk (which would find nothing).
            if e.longestPhrase > 1, i + 1 < tokens.count,
                e.nextMask & SentimentEntry.nextBit(tokens[i + 1].key) != 0
            {
                let (phrase, phraseLength) = longestPhrase(at: i, first: key, entry: e)
                if let phrase {
                    entry = phrase
                    length = phraseLength
                }
            }
        } else if t.flags.contains(.elongated) {
            entry = deElongated(t)
        } else if t.kind == .emoji {
            entry = table.lookup(firstScalarKey(t))
        }

        guard let e = entry else {
            if t.kind == .punctuation { punctuation(t, at: i) } else { plainWord() }
            return i + 1
        }
        defer { if t.kind != .punctuation { sentenceHasWords = true } }
        switch e.role {
        case .none:
            if e.hasValence && e.valence != 0 {
                sentimentTerm(e.valence, at: i, length: length)
            } else {
                plainWord(count: length)
            }
        case .booster:
            if e.hasValence && e.valence != 0 && !nextIsSentiment(after: i + length) {
                sentimentTerm(e.valence, at: i, length: length)
            } else {
                var value = e.roleValue
                if tokens[i].flags.contains(.elongated) { value *= rules.elongatedBoosterFactor }
                pushBoost(value)
                advanceWords(length)
            }
        case .negator:
            if e.hasValence && e.valence != 0 && standsAlone(after: i + length) {
                // Its own valence ("No!", "no, …") stands unless it negates something.
                negatorItem = itemCount
                append(
                    SentimentItem(
                        token: Int32(i), length: Int32(length), sentence: sentence, value: e.valence,
                        weight: currentWeight(), marks: .negatorOwn))
            } else {
                negatorItem = -1
            }
            // "not without", "never not": two negators in a row cancel; a later one starts afresh.
            negation = negation > 0 && lastNegatorWord == wordIndex ? 0 : e.roleValue
            negationLeft = rules.negationScope
            lastNegatorWord = wordIndex + length
            advanceWords(length, inScope: false)
        case .contrast:
            advanceWords(length, inScope: false)
            contrast(at: i)
        case .concession:
            advanceWords(length, inScope: false)
            concession()
        case .interjection:
            if e.hasValence && e.valence != 0 {
                sentimentTerm(e.valence, at: i, length: length, syntactic: false)
            } else {
                endScopes(clause: false)
                advanceWords(length, inScope: false)
            }
        case .clause:
            endScopes(clause: false)
            if e.hasValence && e.valence != 0 {
                sentimentTerm(e.valence, at: i, length: length)
            } else {
                advanceWords(length, inScope: false)
            }
        }
        return i + length
    }

    @inline(__always)
    mutating func plainWord(count: Int = 1) {
        neutralWords += count
        sentenceHasWords = true
        advanceWords(count)
    }

    /// Moves the word position on by `count`, closing a negation scope that has run out.
    mutating func advanceWords(_ count: Int, inScope: Bool = true) {
        wordIndex += count
        if inScope && negation > 0 {
            negationLeft -= count
            if negationLeft <= 0 { negation = 0 }
        }
        if concessionOpen { concessionWords += count }
        emptyConcession = false
    }
}
