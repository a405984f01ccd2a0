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
    /// One comment's distinct content words (first occurrence order) and their TF-IDF weights.
    struct Vector {
        var keys: [UInt64] = []
        var weights: [Double] = []
        /// `ln(Pstop / Pbg(w))` of each word.
        var idf: [Double] = []
        /// Whether general English knows each word (``DriftTerm/isKnown``).
        var known: [Bool] = []
        var normSquared = 0.0

        /// The vector of the content words `t`.
        init(_ t: [DriftTerm], background: BackgroundModel) {
            guard !t.isEmpty else { return }
            var counts: [Double] = []
            keys.reserveCapacity(t.count)
            // Long comments find their distinct words through a table; short ones by a scan (the
            // comment's own words, fewer probes than a table costs to build).
            var index: ModelTable<Int32>? = t.count > 24 ? ModelTable(minimumCapacity: t.count, filler: 0) : nil
            for term in t {
                // Meta words have evidence of their own (``MetaWords``): agreeing on them is not
                // agreeing on the subject.
                if term.meta > 0 { continue }
                var at = -1
                if index != nil {
                    let next = Int32(keys.count)
                    if !index!.update(term.key, initial: next, { _ in }) { at = Int(index![term.key] ?? 0) }
                } else if let k = keys.firstIndex(of: term.key) {
                    at = k
                }
                if at >= 0 {
                    counts[at] += 1
                } else {
                    keys.append(term.key)
                    counts.append(1)
                    idf.append(background.stopwordLogProbability - term.logBackground)
                    known.append(term.isKnown)
                }
            }
            weights = [Double](repeating: 0, count: keys.count)
            for k in keys.indices {
                let tf = counts[k] > 1 ? 1 + Foundation.log(counts[k]) : 1
                weights[k] = tf * idf[k]
                normSquared += weights[k] * weights[k]
            }
        }
    }

    /// The sum of every comment's vector so far (the discussion as one text), and its squared norm
    /// (kept as comments are added, in thread order, so the whole-thread and the streamed scoring
    /// sum the same doubles).
    struct Thread {
        var sum = ModelTable<Double>(filler: 0)
        var normSquared = 0.0

        init(expected: Int = 8) { sum = ModelTable(minimumCapacity: expected, filler: 0) }

        /// The sum of every comment's vector, in thread order.
        init(_ vectors: [Vector]) {
            self.init(expected: vectors.reduce(0) { $0 + $1.keys.count })
            for v in vectors { add(v) }
        }

        /// `sum · v`.
        func dot(_ v: Vector) -> Double {
            var d = 0.0
            for k in v.keys.indices { d += (sum[v.keys[k]] ?? 0) * v.weights[k] }
            return d
        }

        mutating func add(_ v: Vector) {
            normSquared += 2 * dot(v) + v.normSquared
            for k in v.keys.indices {
                let w = v.weights[k]
                sum.update(v.keys[k], initial: 0) { $0 += w }
            }
        }

        /// Cosine of `v` (one of the comments added) with the sum of the others; 0 without others.
        /// A word general English does not know that no other comment uses counts in `v`'s norm
        /// with weight `unknownWordWeight` (``DriftParameters/unknownWordWeight``: a name or typo
        /// nobody else wrote is no evidence either way, as in the language models).
        func cosineWithOthers(_ v: Vector, unknownWordWeight: Double) -> Double {
            guard v.normSquared > 0 else { return 0 }
            var d = 0.0
            var counted = 0.0
            for k in v.keys.indices {
                let w = v.weights[k]
                let s = sum[v.keys[k]] ?? 0
                d += s * w
                let shared = s - w > 1e-9 * w
                counted += (v.known[k] || shared ? 1 : unknownWordWeight) * w * w
            }
            let othersSquared = normSquared - 2 * d + v.normSquared
            guard othersSquared > 1e-9 * max(1, normSquared), counted > 0 else { return 0 }
            return max(0, (d - v.normSquared) / Foundation.sqrt(counted * othersSquared))
        }
    }

    /// The article's TF-IDF norm, from the model's counts (meta words left out, as in ``Vector``).
    static func articleNorm(_ model: TopicModel, background: BackgroundModel, meta: MetaWords) -> Double {
        var s = 0.0
        model.counts.forEach { key, c in
            guard c > 0, meta.probability(key) == 0 else { return }
            let w =
                (c > 1 ? 1 + Foundation.log(c) : 1)
                * (background.stopwordLogProbability - background.logProbability(key))
            s += w * w
        }
        return Foundation.sqrt(s)
    }

    /// Cosine of `v` with the article (`norm` its ``articleNorm(_:background:meta:)``); an unknown
    /// word the article does not use counts in `v`'s norm with weight `unknownWordWeight`.
    static func cosineWithArticle(_ v: Vector, model: TopicModel, norm: Double, unknownWordWeight: Double) -> Double {
        guard v.normSquared > 0, norm > 0 else { return 0 }
        var d = 0.0
        var counted = 0.0
        for k in v.keys.indices {
            let w = v.weights[k]
            let c = model.count(of: v.keys[k])
            counted += (v.known[k] || c > 0 ? 1 : unknownWordWeight) * w * w
            guard c > 0 else { continue }
            // The comment's weight is tf * idf; the article's the article's tf times the same idf.
            let tf = c > 1 ? 1 + Foundation.log(c) : 1
            d += tf * v.idf[k] * w
        }
        guard counted > 0 else { return 0 }
        return d / (norm * Foundation.sqrt(counted))
    }
}
