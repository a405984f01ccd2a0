import Foundation

extension SentimentPass {
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

    /// The compound of a sum just inside ``SentimentRules/neutralBand``: under the label threshold.
    static let bandCeiling = 0.049
    /// The compound of a sum just past the band: the label threshold.
    static let bandFloor = SentimentLabel.positiveThreshold

    static func compound(_ total: Double, rules: SentimentRules) -> Double {
        let band = rules.neutralBand
        if band > 0 {
            // Inside the band the compound stays just short of the label threshold (neutral); past
            // it, the excess is normalised onto the rest of the scale, from the threshold up to 1.
            let magnitude = abs(total)
            if magnitude < band { return Self.bandCeiling * total / band }
            let excess = magnitude - band
            let c = Self.bandFloor + (1 - Self.bandFloor) * excess / (excess * excess + rules.alpha).squareRoot()
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
}
