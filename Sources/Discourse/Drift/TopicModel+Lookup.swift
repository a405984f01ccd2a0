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
        /// `1 / Pbg(w)`, for the ratio of the topic share (``TopicModel/topicShare``).
        var inverseBackground: Double
        /// A word general English does not know (``DriftTerm/isKnown``) that this model never saw,
        /// predicted or marked as meta: no evidence unless pseudo-counts from outside reach it.
        var unknownMiss: Bool
    }

    /// The evidence of one comment's words under one model: the weighted sum of their log ratios
    /// and the number of words it rests on (a word with weight 0 is no evidence either way).
    /// The whole-thread and the streamed scoring both add terms through ``add(_:)``.
    package struct Evidence: Sendable, Equatable {
        package var sum = 0.0
        package var count = 0.0

        package init() {}

        @inline(__always)
        package mutating func add(_ term: (ratio: Double, weight: Double)) {
            sum += term.weight * term.ratio
            count += term.weight
        }
    }

    /// The table lookups of term `i` of `terms` (see ``Lookup``).
    @inline(__always)
    func lookup(_ terms: [DriftTerm], _ i: Int) -> Lookup {
        let key = terms[i].key
        var l = Lookup(
            count: counts[key] ?? 0, priorMass: mu * terms[i].prior, translated: 0, meta: 0,
            mixes: translationWeight > 0 || metaWeight > 0, lambda: 0, pair: 0, historyCount: 0,
            logBackground: terms[i].logBackground, inverseBackground: 1 / terms[i].background,
            unknownMiss: false)
        if l.mixes {
            let t = translationWeight > 0 ? translations[key] ?? 0 : 0
            l.translated = translationWeight * t
            l.meta = metaWeight * terms[i].meta
        }
        l.unknownMiss = !terms[i].isKnown && l.count <= 0 && l.translated <= 0 && l.meta <= 0
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
        if topicShare < 1 {
            // A comment on the topic: share s of its words from the topic, the rest general English.
            return Foundation.log(topicShare * p * l.inverseBackground + (1 - topicShare))
        }
        return Foundation.log(p) - l.logBackground
    }

    /// The log ratio of one term (``logRatio(_:extraCount:extraTotal:)``) and the weight it counts
    /// with: ``unknownWordWeight`` for a word general English does not know and this model (with
    /// the pseudo-counts) has never seen, predicted or marked as meta, 1 for every other word.
    ///
    /// Why: such a word (a name, a typo, another language) has no background probability to be
    /// compared with, only a floor, so its miss says nothing about the topic; its hit says a lot.
    @inline(__always)
    func evidence(_ l: Lookup, extraCount: Double = 0, extraTotal: Double = 0) -> (ratio: Double, weight: Double) {
        let r = logRatio(l, extraCount: extraCount, extraTotal: extraTotal)
        return (r, l.unknownMiss && extraCount <= 0 ? unknownWordWeight : 1)
    }

    /// The evidence of every term of `terms` under this model (the thread model's per-comment sum).
    @inline(__always)
    func evidence(_ terms: [DriftTerm]) -> Evidence {
        var e = Evidence()
        for j in terms.indices { e.add(evidence(lookup(terms, j))) }
        return e
    }
}
