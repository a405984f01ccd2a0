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
                // Most words are in no lexicon: the filter says so without a table probe.
                if !table.mayContain(t.key) && !t.flags.contains(.elongated) {
                    plainWord()
                    i += 1
                } else {
                    i = term(at: i)
                }
            case .punctuation:
                if !table.mayContain(t.key) {
                    punctuation(t, at: i)
                    i += 1
                } else {
                    i = term(at: i)
                }
            case .emoticon, .emoji, .hashtag:
                i = term(at: i)
            case .number, .url, .mention, .symbol:
                i += 1
            }
        }
        if sentence >= 0 { finishSentence() }
    }

    /// Handles the term starting at token `i`; returns the index after it.
    mutating func term(at i: Int) -> Int {
        let t = tokens[i]
        var entry: SentimentEntry? = nil
        var length = 1
        var key = t.key
        if t.kind == .hashtag { key = hashtagKey(t) }
        if let e = table.lookup(key) {
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
                if tokens[i].flags.contains(.elongated) { value *= 1.5 }
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

    // MARK: Sentiment words

    mutating func sentimentTerm(_ valence: Float, at i: Int, length: Int, syntactic isWord: Bool = true) {
        var value = valence < 0 ? valence * rules.negativeWeight : valence
        var marks: SentimentRuleMarks = []
        let sign: Float = valence > 0 ? 1 : -1
        var flags: TokenFlags = []
        for k in i..<(i + length) { flags.formUnion(tokens[k].flags) }
        if flags.contains(.allCaps) && isMixedCase() {
            value += sign * rules.capsIncrement
            marks.insert(.caps)
        }
        if flags.contains(.elongated) {
            value += sign * rules.elongationIncrement
            marks.insert(.elongated)
        }
        if flags.contains(.emphasized) {
            value += sign * rules.emphasisIncrement
            marks.insert(.emphasized)
        }
        // Emoji, emoticons, hashtags and interjections stand outside the sentence's syntax: nothing
        // before them boosts or negates them, and they end a negation scope.
        let syntactic = isWord && tokens[i].kind == .word
        if !syntactic {
            endScopes(clause: false)
        }
        let boost = syntactic ? pendingBoost() : 0
        if boost != 0 {
            // Inside a negation a booster softens it: "not very good" is milder than "not good".
            let boosted = negation > 0 && boost > 0 ? value - sign * boost : value + sign * boost
            value = boosted * sign < 0 ? 0 : boosted
            marks.insert(boost > 0 && negation == 0 ? .booster : .dampener)
            boosts = (-9, 0, -9, 0, -9, 0)
        }
        if negation > 0 {
            let factor = value > 0 ? rules.negatedPositive : rules.negatedNegative
            value *= 1 - negation * (1 - factor)
            marks.insert(.negated)
            if negatorItem >= 0 {
                items[negatorItem].value = 0
                negatorItem = -1
            }
            if rules.negateFirstOnly { negation = 0 }
        }
        var weight = currentWeight()
        if inQuotes && rules.quotedWeight != 1 {
            weight *= rules.quotedWeight
            marks.insert(.inQuotes)
        }
        if rules.nameWeight != 1 && length == 1 && looksLikeName(i) {
            weight *= rules.nameWeight
            marks.insert(.name)
        }
        append(
            SentimentItem(
                token: Int32(i), length: Int32(length), sentence: sentence, value: value,
                weight: weight, marks: marks))
        advanceWords(length)
    }

    /// A Capitalized word next to another Capitalized word, and not the first word of its sentence.
    mutating func looksLikeName(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word, t.flags.contains(.capitalized) else { return false }
        var j = i - 1
        while j >= 0 && tokens[j].kind == .punctuation && tokens[j].sentence == t.sentence { j -= 1 }
        if j < 0 || tokens[j].sentence != t.sentence { return false }
        return isCapitalizedWord(i - 1, sentence: t.sentence) || isCapitalizedWord(i + 1, sentence: t.sentence)
    }

    mutating func isCapitalizedWord(_ k: Int, sentence: Int32) -> Bool {
        guard k >= 0 && k < tokens.count else { return false }
        let u = tokens[k]
        return u.kind == .word && u.sentence == sentence && u.length > 1
            && (u.flags.contains(.capitalized) || u.flags.contains(.allCaps))
    }

    @inline(__always)
    mutating func currentWeight() -> Float {
        concessionOpen ? rules.concessionWeight : (contrastSeen ? rules.contrastAfter : 1)
    }

    @inline(__always)
    mutating func append(_ item: SentimentItem) {
        var item = item
        if concessionOpen {
            item.marks.insert(.conceded)
        } else if contrastSeen {
            item.marks.insert(.afterContrast)
        }
        items[itemCount] = item
        itemCount += 1
    }

    // MARK: Boosters

    mutating func pushBoost(_ value: Float) {
        boosts = (wordIndex, value, boosts.0, boosts.1, boosts.2, boosts.3)
    }

    /// Sum of the boosters within reach of the word at the current position, damped by distance.
    mutating func pendingBoost() -> Float {
        boostEffect(boosts.0, boosts.1) + boostEffect(boosts.2, boosts.3) + boostEffect(boosts.4, boosts.5)
    }

    @inline(__always)
    mutating func boostEffect(_ position: Int, _ value: Float) -> Float {
        let distance = wordIndex - position
        guard distance >= 1 && distance <= rules.boosterReach else { return 0 }
        return value * (1 - rules.boosterDecayPerWord * Float(distance - 1))
    }

    /// True when the term at token `j` carries a valence (so a booster-or-word before it is a booster:
    /// "pretty good", but "so pretty").
    mutating func nextIsSentiment(after j: Int) -> Bool {
        guard j < tokens.count, tokens[j].kind == .word || tokens[j].kind == .emoji || tokens[j].kind == .emoticon,
            let e = table.lookup(tokens[j].key)
        else { return false }
        return e.hasValence && e.valence != 0 || e.role == .booster || e.role == .negator
    }

    // MARK: Contrast, concession, punctuation

    mutating func contrast(at i: Int) {
        endScopes(clause: true)
        let hasEarlier = itemCount > sentenceFirstItem
        if hasEarlier {
            for k in sentenceFirstItem..<itemCount {
                items[k].weight *= rules.contrastBefore
                items[k].marks.insert(.beforeContrast)
                items[k].marks.remove(.afterContrast)
            }
        } else if !sentenceHasWords {
            // Opens the sentence: it weighs this sentence against the ones before (in finishSentence).
            opensWithContrast = true
            return
        }
        contrastSeen = true
    }

    /// True when token `j` is punctuation or the end of the text: "No!" rather than "no more".
    mutating func standsAlone(after j: Int) -> Bool {
        j >= tokens.count || tokens[j].kind == .punctuation || tokens[j].sentence != tokens[j - 1].sentence
    }

    mutating func concession() {
        endScopes(clause: true)
        concessionOpen = true
        concessionInSentence = true
        concessionWords = 0
        concessionFirstItem = itemCount
    }

    mutating func punctuation(_ t: Token, at i: Int) {
        let b = norm[Int(t.normStart)]
        switch b {
        case 0x21:  // !
            exclamations += t.length
            lastExclamation = i
            endScopes(clause: true)
        case 0x3F:  // ?
            endsWithQuestion = true
            endScopes(clause: true)
        case 0x22:  // "
            inQuotes.toggle()
            endScopes(clause: true)
        case 0x2C, 0x3B, 0x3A, 0x2E, 0x2D, 0x28, 0x29, 0x2F, 0x5B, 0x5D:  // , ; : . - ( ) / [ ]
            endScopes(clause: true)
        default:
            break
        }
        if b != 0x3F && b != 0x22 && b != 0x29 && b != 0x2E { endsWithQuestion = false }
    }

    /// Ends the negation scope and pending boosters; with `clause`, also an open concession clause.
    mutating func endScopes(clause: Bool) {
        negation = 0
        negatorItem = -1
        boosts = (-9, 0, -9, 0, -9, 0)
        if clause && concessionOpen {
            concessionOpen = false
            if concessionWords == 0 { emptyConcession = true }
        }
    }

    // MARK: Sentences

    mutating func startSentence(_ s: Int32) {
        if sentence >= 0 { finishSentence() }
        sentence = s
        sentenceFirstItem = itemCount
        sentenceHasWords = false
        exclamations = 0
        endsWithQuestion = false
        contrastSeen = false
        concessionOpen = false
        concessionInSentence = false
        concessionFirstItem = -1
        emptyConcession = false
        lastExclamation = -1
        opensWithContrast = false
        negation = 0
        negatorItem = -1
        boosts = (-9, 0, -9, 0, -9, 0)
    }

    mutating func finishSentence() {
        let s = Int(sentence)
        // "Good cast, though." A concession that closes the sentence concedes the sentences before.
        let trailingConcession = emptyConcession || (concessionOpen && concessionWords == 0)
        if trailingConcession && concessionFirstItem >= 0 {
            for k in concessionFirstItem..<itemCount { items[k].marks.remove(.conceded) }
        }
        if concessionInSentence && !trailingConcession {
            // The main clause outweighs the conceded one.
            for k in sentenceFirstItem..<itemCount where !items[k].marks.contains(.conceded) {
                if !items[k].marks.contains(.afterContrast) && !items[k].marks.contains(.beforeContrast) {
                    items[k].weight *= rules.contrastAfter
                    items[k].marks.insert(.afterContrast)
                }
            }
        }
        if rules.secondaryWeight != 1 && itemCount - sentenceFirstItem > 1 {
            var strongestPositive = -1
            var strongestNegative = -1
            var maxPositive: Float = 0
            var maxNegative: Float = 0
            for k in sentenceFirstItem..<itemCount {
                let v = items[k].value * items[k].weight
                if v > maxPositive {
                    maxPositive = v
                    strongestPositive = k
                } else if v < maxNegative {
                    maxNegative = v
                    strongestNegative = k
                }
            }
            for k in sentenceFirstItem..<itemCount where k != strongestPositive && k != strongestNegative {
                items[k].weight *= rules.secondaryWeight
            }
        }
        var sum: Float = 0
        for k in sentenceFirstItem..<itemCount { sum += items[k].value * items[k].weight }
        if sum != 0 {
            if exclamations > 0 && lastExclamation >= 0 {
                let value =
                    (sum > 0 ? 1 : -1) * Float(min(exclamations, rules.maxExclamations)) * rules.exclamationIncrement
                items[itemCount] = SentimentItem(
                    token: Int32(lastExclamation), length: 1, sentence: sentence, value: value, weight: 1,
                    marks: .exclamation)
                itemCount += 1
                sum += value
            }
            if endsWithQuestion && rules.questionFactor != 1 {
                for k in sentenceFirstItem..<itemCount {
                    items[k].weight *= rules.questionFactor
                    items[k].marks.insert(.question)
                }
                sum *= rules.questionFactor
            }
        }
        sums[s] = sum
        if opensWithContrast || trailingConcession {
            for k in 0..<s { weights[k] *= rules.contrastBefore }
            weights[s] *= rules.contrastAfter
        }
    }

    // MARK: Result

    mutating func result(text: TokenizedText, explain: Bool) -> SentimentScore {
        let r = rules
        var total: Double = 0
        var absolute: Double = 0
        var squares: Double = 0
        for k in 0..<(sums.count - 1) where sums[k] != 0 {
            let s = Double(sums[k] * weights[k])
            total += s
            absolute += abs(s)
            squares += s * s
        }
        // The effective number of sentences that carry sentiment: n for n equally strong sentences,
        // close to 1 when one sentence dominates, so a mild aside does not dilute a strong sentence.
        if squares > 0 && r.sentenceDamping > 0 {
            let effective = absolute * absolute / squares
            if effective > 1 {
                total /= r.sentenceDamping == 0.5 ? effective.squareRoot() : pow(effective, r.sentenceDamping)
            }
        }
        let compound = Self.compound(total, rules: r)

        var positive: Double = 0
        var negative: Double = 0
        for k in 0..<itemCount {
            let v = Double(items[k].value * items[k].weight * weights[Int(items[k].sentence)])
            if v > 0 { positive += v } else { negative -= v }
        }
        let neutral = Double(neutralWords) * r.neutralWordWeight
        let mass = positive + negative + neutral
        var score: SentimentScore
        if mass > 0 {
            let p = positive / mass
            let q = negative / mass
            score = SentimentScore(compound: compound, positive: p, neutral: max(0, 1 - p - q), negative: q)
        } else {
            score = SentimentScore(compound: compound, positive: 0, neutral: 1, negative: 0)
        }
        if explain { score.contributions = contributions(text) }
        return score
    }

    static func compound(_ total: Double, rules: SentimentRules) -> Double {
        let band = rules.neutralBand
        if band > 0 {
            let magnitude = abs(total)
            if magnitude < band { return 0.049 * total / band }
            let excess = magnitude - band
            let c = 0.05 + 0.95 * excess / (excess * excess + rules.alpha).squareRoot()
            return total < 0 ? -c : c
        }
        guard total != 0 else { return 0 }
        return total / (total * total + rules.alpha).squareRoot()
    }

    mutating func contributions(_ text: TokenizedText) -> [SentimentContribution] {
        var out: [SentimentContribution] = []
        for k in 0..<itemCount {
            let item = items[k]
            let value = Double(item.value * item.weight * weights[Int(item.sentence)])
            if value == 0 { continue }
            let first = tokens[Int(item.token)]
            let last = tokens[Int(item.token + item.length - 1)]
            let term = String(decoding: text.bytes[Int(first.start)..<Int(last.end)], as: UTF8.self)
            var marks = item.marks
            if weights[Int(item.sentence)] < 1 { marks.insert(.beforeContrast) }
            if weights[Int(item.sentence)] > 1 { marks.insert(.afterContrast) }
            out.append(SentimentContribution(term: term, value: value, rules: marks.names))
        }
        return out
    }

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
