import Foundation

extension DriftScorer {
    /// True when the comments' agreement with the article and the discussion raises their evidence.
    var agrees: Bool { parameters.threadAgreementWeight > 0 || parameters.articleAgreementWeight > 0 }

    /// `e` raised by `shift` nats per word (the comment's agreement, ``DriftAgreement``), before the
    /// squash, so that the confidence shrinks it as it shrinks the rest of the evidence.
    @inline(__always)
    func raised(_ e: TopicModel.Evidence, by shift: Double) -> TopicModel.Evidence {
        var raised = e
        raised.sum += e.count * shift
        return raised
    }

    /// The agreement shift of every comment (``DriftAgreement``): its TF-IDF cosine with the other
    /// comments as one text (leave one out) and with the article, weighted, in nats per word.
    /// `lookups`, `firstLookup` and `counts` are the scoring's (the article count of every term,
    /// where each comment's terms start, the thread-wide term ids and own counts), so the thread's
    /// sum is an array by term id. The doubles are ``DriftAgreement/Thread``'s, in the same order.
    ///
    /// - Complexity: O(terms + article words): two passes over the terms, no table built.
    func agreementShifts(
        articleModel: TopicModel, terms: [[DriftTerm]], lookups: [TopicModel.Lookup], firstLookup: [Int],
        counts: TermCounts
    ) -> [Double] {
        let p = parameters
        let stop = background.stopwordLogProbability
        var weight = [Double](repeating: 0, count: lookups.count)
        var own = [Double](repeating: 0, count: terms.count)
        var sum = [Double](repeating: 0, count: counts.distinct)
        var thread = 0.0
        for (i, t) in terms.enumerated() {
            let start = firstLookup[i]
            var d = 0.0
            var n = 0.0
            for j in t.indices where counts.first[start + j] {
                let w = DriftAgreement.weight(t[j], count: counts.own[start + j], stop: stop)
                weight[start + j] = w
                n += w * w
            }
            for k in start..<(start + t.count) where weight[k] != 0 { d += sum[Int(counts.ids[k])] * weight[k] }
            thread += 2 * d + n
            for k in start..<(start + t.count) where weight[k] != 0 { sum[Int(counts.ids[k])] += weight[k] }
            own[i] = n
        }
        let norm = DriftAgreement.articleNorm(articleModel, background: background, meta: meta)
        var shifts = [Double](repeating: 0, count: terms.count)
        for (i, t) in terms.enumerated() where !t.isEmpty {
            let start = firstLookup[i]
            var d = 0.0
            var counted = 0.0
            var dA = 0.0
            var countedA = 0.0
            for j in t.indices where weight[start + j] != 0 {
                let w = weight[start + j]
                let s = sum[Int(counts.ids[start + j])]
                d += s * w
                counted += DriftAgreement.counted(
                    w, known: t[j].isKnown, shared: s - w > 1e-9 * w, unknownWordWeight: p.unknownWordWeight)
                let c = lookups[start + j].count
                countedA += DriftAgreement.counted(
                    w, known: t[j].isKnown, shared: c > 0, unknownWordWeight: p.unknownWordWeight)
                if c > 0 { dA += DriftAgreement.articleProduct(count: c, t[j], w, stop: stop) }
            }
            shifts[i] = DriftAgreement.shift(
                own: own[i], dot: d, counted: counted, thread: thread, articleDot: dA, articleCounted: countedA,
                norm: norm, parameters: p)
        }
        return shifts
    }
}
