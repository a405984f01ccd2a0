import Foundation

extension SentimentPass {
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
}
