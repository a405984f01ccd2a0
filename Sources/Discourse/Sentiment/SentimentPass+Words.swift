import Foundation

extension SentimentPass {
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
}
