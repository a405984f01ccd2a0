import Foundation

/// How much a comment's words agree with the article's and with the other comments' in the vector
/// space of information retrieval: the cosine of TF-IDF vectors, with sublinear term frequency
/// `1 + ln(count)` and, as inverse document frequency, `ln(Pstop / Pbg(w))`: how many nats rarer
/// than the stopword threshold of the background model the word is (a word at the threshold is
/// barely a content word and weighs nothing; a rare name weighs most). Meta words (``MetaWords``)
/// are left out on both sides: they have evidence of their own, and agreeing on "article" or
/// "thanks" is not agreeing on the subject.
///
/// Why beside the language models: their evidence is a mean over a comment's words, in which a
/// shared rare word is offset by a few misses of common ones, and the relevance feedback gives the
/// discussion only a small share of the article model (at most ``DriftParameters/maximumFeedbackScale``
/// times its own words against the article's and the prior's thousands). A cosine counts only what
/// is shared, normalises by the square root of the comment's length rather than by its length, and
/// weighs the rest of the discussion as one text of its own, as much as the article: a short
/// comment that takes up a rare word of the thread agrees with it, one that takes up none does not.
/// The comment's evidence is raised by ``DriftParameters/threadAgreementWeight`` times the cosine
/// with the other comments (leave one out: the thread's sum minus the comment) plus
/// ``DriftParameters/articleAgreementWeight`` times the cosine with the article, in nats per word,
/// before the squash (with an article only), so a short comment's agreement is shrunk towards 0.5
/// by the same confidence as the rest of its evidence.
///
/// - Complexity: linear: a comment's vector costs one pass over its words (a table for long
///   comments), the thread's sum one table update per distinct word, each cosine one probe per
///   distinct word; the article's norm one background lookup per distinct article word.
struct DriftAgreement {
    /// The sublinear term frequency of a word that occurs `count` times: `1 + ln(count)`.
    @inline(__always)
    static func tf(_ count: Double) -> Double { count > 1 ? 1 + Foundation.log(count) : 1 }

    /// The TF-IDF weight of a word that occurs `count` times in its comment (0 for a meta word).
    /// `stop` is the background model's stopword log probability.
    @inline(__always)
    static func weight(_ term: DriftTerm, count: Double, stop: Double) -> Double {
        guard term.meta == 0 else { return 0 }
        return tf(count) * (stop - term.logBackground)
    }

    /// How much a word of weight `w` counts in its comment's norm: fully when general English knows
    /// it or the other side uses it, else `unknownWordWeight` (a name or typo nobody else wrote is
    /// no evidence either way, as in the language models: ``DriftParameters/unknownWordWeight``).
    @inline(__always)
    static func counted(_ w: Double, known: Bool, shared: Bool, unknownWordWeight: Double) -> Double {
        (known || shared ? 1 : unknownWordWeight) * w * w
    }

    /// The cosine with the other comments of a comment whose vector has squared norm `own` (of which
    /// `counted` counts) and dot product `dot` with the thread's sum (the comment included), in a
    /// thread whose sum has squared norm `thread`: `(dot - own) / sqrt(counted * |sum - v|^2)`,
    /// 0 without others.
    @inline(__always)
    static func othersCosine(dot: Double, own: Double, counted: Double, thread: Double) -> Double {
        let others = thread - 2 * dot + own
        guard own > 0, counted > 0, others > 1e-9 * max(1, thread) else { return 0 }
        return max(0, (dot - own) / Foundation.sqrt(counted * others))
    }

    /// The cosine with the article (TF-IDF norm `norm`) of a comment with dot product `dot` and
    /// counted squared norm `counted`.
    @inline(__always)
    static func articleCosine(dot: Double, counted: Double, norm: Double) -> Double {
        guard counted > 0, norm > 0 else { return 0 }
        return dot / (norm * Foundation.sqrt(counted))
    }

    /// The nats per word a comment's evidence is raised by, from its sums (see ``othersCosine(dot:own:counted:thread:)``
    /// and ``articleCosine(dot:counted:norm:)``).
    @inline(__always)
    static func shift(
        own: Double, dot: Double, counted: Double, thread: Double, articleDot: Double, articleCounted: Double,
        norm: Double, parameters p: DriftParameters
    ) -> Double {
        p.threadAgreementWeight * othersCosine(dot: dot, own: own, counted: counted, thread: thread)
            + p.articleAgreementWeight * articleCosine(dot: articleDot, counted: articleCounted, norm: norm)
    }

    /// The article word with count `c` times the idf of a comment word `term` times its weight `w`.
    @inline(__always)
    static func articleProduct(count c: Double, _ term: DriftTerm, _ w: Double, stop: Double) -> Double {
        tf(c) * (stop - term.logBackground) * w
    }

    /// The article's TF-IDF norm, from the model's counts (meta words left out, as in every vector).
    static func articleNorm(_ model: TopicModel, background: BackgroundModel, meta: MetaWords) -> Double {
        var s = 0.0
        let stop = background.stopwordLogProbability
        model.counts.forEach { key, c in
            guard c > 0, meta.probability(key) == 0 else { return }
            let w = tf(c) * (stop - background.logProbability(key))
            s += w * w
        }
        return Foundation.sqrt(s)
    }

    /// One comment's distinct content words (first occurrence order) and their weights, for the
    /// streamed scoring (``DriftStream``), which keeps no thread-wide term ids.
    struct Vector {
        var keys: [UInt64] = []
        var weights: [Double] = []
        /// The term of each key's first occurrence.
        var terms: [DriftTerm] = []
        var normSquared = 0.0

        /// The vector of the content words `t` (`stop`: the stopword log probability).
        init(_ t: [DriftTerm], stop: Double) {
            guard !t.isEmpty else { return }
            var counts: [Double] = []
            var index: ModelTable<Int32>? = t.count > 24 ? ModelTable(minimumCapacity: t.count, filler: 0) : nil
            for term in t where term.meta == 0 {
                var at = -1
                if index != nil {
                    if !index!.update(term.key, initial: Int32(keys.count), { _ in }) {
                        at = Int(index![term.key] ?? 0)
                    }
                } else if let k = keys.firstIndex(of: term.key) {
                    at = k
                }
                if at >= 0 {
                    counts[at] += 1
                } else {
                    keys.append(term.key)
                    terms.append(term)
                    counts.append(1)
                }
            }
            weights = [Double](repeating: 0, count: keys.count)
            for k in keys.indices {
                weights[k] = DriftAgreement.weight(terms[k], count: counts[k], stop: stop)
                normSquared += weights[k] * weights[k]
            }
        }
    }

    /// The sum of every comment's vector so far (the discussion as one text) by key, and its squared
    /// norm, for the streamed scoring; the same doubles in the same order as the whole-thread
    /// scoring's sum by term id (``DriftScorer/agreementShifts(articleModel:terms:lookups:firstLookup:counts:)``).
    struct Thread {
        var sum = ModelTable<Double>(filler: 0)
        var normSquared = 0.0

        mutating func add(_ v: Vector) {
            var d = 0.0
            for k in v.keys.indices where v.weights[k] != 0 { d += (sum[v.keys[k]] ?? 0) * v.weights[k] }
            normSquared += 2 * d + v.normSquared
            for k in v.keys.indices where v.weights[k] != 0 {
                let w = v.weights[k]
                sum.update(v.keys[k], initial: 0) { $0 += w }
            }
        }

        /// The nats per word by which comment vector `v`'s evidence is raised (see the type's doc).
        func shift(
            _ v: Vector, model: TopicModel, norm: Double, stop: Double, parameters p: DriftParameters
        ) -> Double {
            var d = 0.0
            var counted = 0.0
            var dA = 0.0
            var countedA = 0.0
            for k in v.keys.indices where v.weights[k] != 0 {
                let w = v.weights[k]
                let s = sum[v.keys[k]] ?? 0
                d += s * w
                counted += DriftAgreement.counted(
                    w, known: v.terms[k].isKnown, shared: s - w > 1e-9 * w, unknownWordWeight: p.unknownWordWeight)
                let c = model.count(of: v.keys[k])
                countedA += DriftAgreement.counted(
                    w, known: v.terms[k].isKnown, shared: c > 0, unknownWordWeight: p.unknownWordWeight)
                if c > 0 { dA += DriftAgreement.articleProduct(count: c, v.terms[k], w, stop: stop) }
            }
            return DriftAgreement.shift(
                own: v.normSquared, dot: d, counted: counted, thread: normSquared, articleDot: dA,
                articleCounted: countedA, norm: norm, parameters: p)
        }
    }
}
