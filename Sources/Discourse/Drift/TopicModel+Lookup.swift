import Foundation

extension TopicModel {
    /// What ``logRatio(_:_:extraCount:extraTotal:)`` reads from the model's tables for one term,
    /// looked up once: the feedback rounds score every comment again under the same article model
    /// with other pseudo-counts, and only the pseudo-counts change between rounds.
    struct Lookup: Sendable {
        var count: Double
        /// `mu * prior`.
        var priorMass: Double
        /// Translation and meta shares, each already times its weight (0 when the mixture is off).
        var translated: Double
        var meta: Double
        var mixes: Bool
        /// Bigram interpolation: weight, pair count and history count (`historyCount` 0: none).
        var lambda: Double
        var pair: Double
        var historyCount: Double
        var logBackground: Double
    }

    /// The table lookups of term `i` of `terms` (see ``Lookup``).
    @inline(__always)
    func lookup(_ terms: [DriftTerm], _ i: Int) -> Lookup {
        let key = terms[i].key
        var l = Lookup(
            count: counts[key] ?? 0, priorMass: mu * terms[i].prior, translated: 0, meta: 0,
            mixes: translationWeight > 0 || metaWeight > 0, lambda: 0, pair: 0, historyCount: 0,
            logBackground: terms[i].logBackground)
        if l.mixes {
            let t = translationWeight > 0 ? translations[key] ?? 0 : 0
            l.translated = translationWeight * t
            l.meta = metaWeight * terms[i].meta
        }
        if i > 0, terms[i].continuesPhrase, let h = histories[terms[i - 1].key], h.count > 0 {
            l.lambda = bigramWeight * h.count / (h.count + h.followers)
            l.pair = bigrams[Self.pairKey(terms[i - 1].key, key)] ?? 0
            l.historyCount = h.count
        }
        return l
    }

    /// `logRatio` from looked-up parts, with `extraCount`/`extraTotal` pseudo-counts from outside;
    /// the same arithmetic in the same order as reading the tables again.
    @inline(__always)
    func logRatio(_ l: Lookup, extraCount: Double = 0, extraTotal: Double = 0) -> Double {
        let c = l.count + extraCount
        var p = (c + l.priorMass) / (total + extraTotal + mu)
        if l.mixes {
            p = (1 - translationWeight - metaWeight) * p + l.translated + l.meta
        }
        if l.historyCount > 0 {
            p = l.lambda * l.pair / l.historyCount + (1 - l.lambda) * p
        }
        return Foundation.log(p) - l.logBackground
    }
}
