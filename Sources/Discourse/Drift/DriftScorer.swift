import Foundation

/// Scores topic drift for the comments of one file: language models of the article, of the
/// conversation so far, and of the article as its readers discuss it, each compared with general
/// English.
///
/// For a comment with content words `w1 … wn` and a topic model `M`, the evidence is the mean
/// log-likelihood ratio of "an on-topic comment" against general English,
/// `s = (1/n) * sum(log(t * P_M(wi | wi-1) / Pbg(wi) + 1 - t))` in nats per word, where `t` is the
/// share of an on-topic comment's words the topic produces (``DriftParameters/topicShare``; the
/// rest is plain English): positive when the topic explains the words better than general English
/// does, and the more so the rarer the shared words are. A word general English does not know and
/// the model never saw (a name, a typo) is no evidence and is not counted in `n`
/// (``DriftParameters/unknownWordWeight``). The mean is squashed to
/// `raw = 1 / (1 + exp(steepness * (s - midpoint)))` and shrunk towards 0.5 by the confidence
/// `c = n / (n + confidenceWords)`: `drift = c * raw + (1 - c) * 0.5`.
///
/// The topic models are more than the article's words (``TopicModel``): they mix in the words the
/// article's words predict (associations learned offline, ``AssociationModel``), lower the prior of
/// topical words the topic does not predict, and mix in the words readers use about the piece
/// itself (``MetaWords``), so "knocked over" under a scooter story counts for the topic, "referee"
/// against it, and "thanks for the article" is not drift.
///
/// Three models give three scores:
/// - `articleDrift`: the article (header and body lines) alone.
/// - `threadDrift`: the article plus every earlier comment, updated as comments go by.
/// - `drift`: the article plus relevance feedback from the reader discussion. A thread's own
///   comments share words the article never uses (the author's name, follow-up questions, the
///   thing everyone argues about), so each other comment adds its words with a weight that grows
///   with its own fit (a logistic of its score around the thread's median; `feedbackRounds`
///   rounds, each weighing by the previous round's fit), in total `feedbackMass` article lengths
///   but at most `maximumFeedbackScale` times the comments' own weight (a short thread must not
///   stand for a whole article). A comment never supports itself (leave one out). This is the
///   relevance-model idea of information retrieval. Then the comment's evidence is raised by its
///   agreement with the rest of the thread and with the article in TF-IDF space (``DriftAgreement``:
///   what is shared, the discussion counted as one text beside the article), and `drift` is put relative to the
///   rest of the thread (``centre(_:terms:)``), since the raw scale differs from article to article.
///
/// Without an article (`--all-comments`), `drift` is measured against the rest of the discussion
/// with equal weights and half the confidence, `articleDrift` is nil, and `threadDrift` compares
/// with the earlier comments only.
///
/// Cost: building is linear in the article (times the dozen neighbours of each distinct word),
/// scoring linear in each comment (a few hash lookups per content word); the feedback model is
/// built once per file and round.
package struct DriftScorer: Sendable {
    package var background: BackgroundModel
    package var associations: AssociationModel
    package var meta: MetaWords
    package var parameters: DriftParameters

    package init(
        background: BackgroundModel = .embedded, associations: AssociationModel = .embedded,
        meta: MetaWords = .embedded, parameters: DriftParameters = .standard
    ) {
        self.background = background
        self.associations = associations
        self.meta = meta
        self.parameters = parameters
    }

    /// The content words of one text with their priors and meta marks (see ``DriftTerm/extract``).
    package func terms(_ text: TokenizedText) -> [DriftTerm] {
        DriftTerm.extract(
            text, background: background, associations: associations,
            topicalityWeight: parameters.topicalityWeight, meta: meta)
    }

    /// The article's topic model from its tokenized lines: its words, the words they predict, and
    /// the meta words. With `vocabulary`, only the predictions of those words are kept (the comments'
    /// words: no other word is ever looked up), which spares most of the translation table.
    package func articleModel(_ lines: [TokenizedText]) -> TopicModel { articleModel(lines, vocabulary: nil) }

    func articleModel(_ lines: [TokenizedText], vocabulary: KeyFilter?) -> TopicModel {
        var model = TopicModel(mu: parameters.mu, bigramWeight: parameters.bigramWeight)
        let terms = lines.map(self.terms)
        // Sized once: growing the tables line by line cost as much as counting.
        model.reserve(terms.reduce(0) { $0 + $1.count })
        for t in terms { model.add(t) }
        if !model.isEmpty {
            model.addAssociations(associations, weight: parameters.associationWeight, vocabulary: vocabulary)
            if meta.count > 0 { model.metaWeight = parameters.metaWeight }
        }
        model.topicShare = parameters.topicShare
        model.unknownWordWeight = parameters.unknownWordWeight
        return model
    }

    /// Drift of every comment (in thread order) against `article` (its lines; empty for none).
    package func score(article: [TokenizedText], comments: [TokenizedText], explain: Bool = false) -> DriftReport {
        let terms = comments.map(self.terms)
        var vocabulary = KeyFilter(expected: terms.reduce(0) { $0 + $1.count })
        for t in terms { for term in t { vocabulary.insert(term.key) } }
        let model = articleModel(article, vocabulary: vocabulary)
        return score(articleModel: model, terms: terms, comments: comments, explain: explain)
    }

    /// Drift of every comment (in thread order) against an article model built beforehand.
    package func score(articleModel: TopicModel, comments: [TokenizedText], explain: Bool = false) -> DriftReport {
        score(articleModel: articleModel, terms: comments.map(self.terms), comments: comments, explain: explain)
    }

    /// `terms` are the content words of `comments` (``terms(_:)``).
    func score(articleModel: TopicModel, terms: [[DriftTerm]], comments: [TokenizedText], explain: Bool) -> DriftReport
    {
        let p = parameters
        let hasArticle = !articleModel.isEmpty
        var scores = [DriftScore](repeating: DriftScore(), count: comments.count)

        // The article model's tables are read once per term: the feedback rounds below score every
        // comment again under it with other pseudo-counts only. Flat, comment after comment.
        let termCount = terms.reduce(0) { $0 + $1.count }
        var lookups: [TopicModel.Lookup] = []
        lookups.reserveCapacity(termCount)
        var firstLookup = [Int](repeating: 0, count: terms.count)
        for (i, t) in terms.enumerated() {
            firstLookup[i] = lookups.count
            for j in t.indices { lookups.append(articleModel.lookup(t, j)) }
        }

        let counts = TermCounts(terms)

        // Pass 1: the article alone, and the thread as it grows (the article model plus the
        // comments so far, read through the article lookups: ``ThreadGrowth``).
        var articleFit = [Double](repeating: 0, count: comments.count)
        var thread = ThreadGrowth(distinct: counts.distinct, reserving: termCount)
        for (i, t) in terms.enumerated() {
            scores[i].termCount = t.count
            let start = firstLookup[i]
            if hasArticle {
                var e = TopicModel.Evidence()
                for j in t.indices { e.add(articleModel.evidence(lookups[start + j])) }
                articleFit[i] = fit(e)
                scores[i].articleDrift = squash(e)
            }
            if hasArticle || thread.total > 0 {
                var e = TopicModel.Evidence()
                for j in t.indices {
                    e.add(
                        thread.evidence(lookups[start + j], t, j, ids: counts.ids, start: start, article: articleModel))
                }
                scores[i].threadDrift = squash(e)
            }
            thread.add(t, ids: counts.ids, lookups: lookups, start: start)
        }

        // Pass 2: relevance feedback from the other comments, weighted by their fit; each round
        // re-weighs them by the fit the previous round measured (with the discussion's help).
        var sums = [TopicModel.Evidence?](repeating: nil, count: comments.count)
        var fit = articleFit
        let rounds = hasArticle ? max(1, Int(p.feedbackRounds)) : 1
        for round in 0..<rounds {
            let weights = hasArticle ? feedbackWeights(fit, terms: terms) : [Double](repeating: 1, count: terms.count)
            let last = round == rounds - 1
            sums = feedbackSums(
                articleModel: articleModel, terms: terms, lookups: lookups, firstLookup: firstLookup,
                counts: counts, weights: weights, explain: explain && last ? comments : nil, scores: &scores)
            for i in terms.indices {
                if let e = sums[i] { fit[i] = self.fit(e) }
            }
        }
        // The agreement in TF-IDF space (``DriftAgreement``), with an article only.
        let shifts =
            hasArticle && agrees
            ? agreementShifts(
                articleModel: articleModel, terms: terms, lookups: lookups, firstLookup: firstLookup, counts: counts)
            : nil
        let off =
            hasArticle && p.offTopicWeight > 0
            ? offTopicShares(
                articleModel: articleModel, terms: terms, lookups: lookups, firstLookup: firstLookup, counts: counts)
            : nil
        for i in terms.indices {
            guard let e = sums[i] else { continue }
            scores[i].drift = squash(shifts.map { raised(e, by: $0[i]) } ?? e)
            if let off { scores[i].drift = raisedByOffTopic(scores[i].drift, share: off[i]) }
        }
        if hasArticle { centre(&scores, terms: terms) }
        let trend = DriftTrend.slope(scores.map(\.drift), weights: scores.map(\.confidence))
        return DriftReport(scores: scores, trend: trend, hasArticle: hasArticle)
    }

    /// The off-topic share of every comment (``offTopicShare(_:articleModel:explained:)``), with
    /// `lookups`, `firstLookup` and `counts` as in the scoring: a word another comment uses is the
    /// thread's, found through the number of comments that use each term id.
    ///
    /// - Complexity: O(terms times the dozen neighbours of a word).
    func offTopicShares(
        articleModel: TopicModel, terms: [[DriftTerm]], lookups: [TopicModel.Lookup], firstLookup: [Int],
        counts: TermCounts
    ) -> [Double] {
        var users = [Int](repeating: 0, count: counts.distinct)
        for k in counts.ids.indices where counts.first[k] { users[Int(counts.ids[k])] += 1 }
        return terms.indices.map { i in
            offTopicShare(terms[i], articleModel: articleModel) { j in
                let k = firstLookup[i] + j
                return Self.isTied(lookups[k], users: users[Int(counts.ids[k])])
            }
        }
    }

    /// Whether a word is tied to the topic for the off-topic share: the article uses it, the
    /// article's words predict it (its `lookup` into the article model), or `users` > 1 comments use it.
    @inline(__always)
    static func isTied(_ lookup: TopicModel.Lookup, users: Int) -> Bool {
        lookup.count > 0 || lookup.translated > 0 || users > 1
    }

    /// A comment's off-topic share: the share of its content words (that general English knows and
    /// that are not meta words) that nothing ties to the topic, over their number plus
    /// ``DriftParameters/offTopicWords``. A word is tied when `explained(j)` holds for its index `j`
    /// (the article uses it, the article's words predict it, or another comment uses it) or when it
    /// predicts a word of the article (one of its neighbours in ``AssociationModel``).
    ///
    /// Why beside the language models: their mean evidence is shrunk towards 0.5 by the confidence,
    /// so a short comment about something else ("the referee robbed us") cannot score above an
    /// on-topic one that shares no word with the article. A share is no longer for a longer comment,
    /// and it counts only words with no tie at all, which an on-topic comment rarely has many of.
    func offTopicShare(_ t: [DriftTerm], articleModel: TopicModel, explained: (Int) -> Bool) -> Double {
        var n = 0.0
        var untied = 0.0
        for j in t.indices where t[j].isKnown && t[j].meta == 0 {
            n += 1
            if explained(j) { continue }
            var predicts = false
            associations.forEachNeighbour(of: t[j].key) { b, _ in
                if !predicts && articleModel.count(of: b) > 0 { predicts = true }
            }
            if !predicts { untied += 1 }
        }
        return untied / (n + parameters.offTopicWords)
    }

    /// `drift` raised by ``DriftParameters/offTopicWeight`` times the comment's off-topic share, at most 1.
    @inline(__always)
    func raisedByOffTopic(_ drift: Double, share: Double) -> Double {
        min(1, drift + parameters.offTopicWeight * share)
    }

    /// A comment's fit, the feedback rounds' measure of it: nats per word, shrunk towards 0 by
    /// `confidenceWords` (0 without evidence).
    func fit(_ e: TopicModel.Evidence) -> Double {
        e.count > 0 ? e.sum / (e.count + parameters.confidenceWords) : 0
    }

    /// Feedback weight of each comment: a logistic of its fit around the thread's median.
    func feedbackWeights(_ fit: [Double], terms: [[DriftTerm]]) -> [Double] {
        let fits = terms.indices.filter { !terms[$0].isEmpty }.map { fit[$0] }.sorted()
        let median = fits.isEmpty ? 0 : fits[fits.count / 2]
        return fit.map { feedbackWeight($0, median: median) }
    }

    /// The feedback weight of a comment with fit `fit` in a thread whose median fit is `median`
    /// (shared by the whole-thread and the streamed scoring, so the two cannot drift apart).
    func feedbackWeight(_ fit: Double, median: Double) -> Double {
        1 / (1 + Foundation.exp(-(fit - median) / parameters.feedbackTemperature))
    }

    /// The pseudo-count mass the other comments' words get in one comment's feedback model, and the
    /// factor that scales their counts to it, for `others` words of other comments (weighted); nil
    /// when there is nothing to compare the comment with (no article and no other words).
    ///
    /// Short threads: the other comments are scaled up at most `maximumFeedbackScale` times, so a
    /// handful of comments (one of them off topic) never stands for a whole article.
    func feedbackMass(others: Double, articleMass: Double, hasArticle: Bool) -> (mass: Double, scale: Double)? {
        let usable = others > 1e-9
        guard hasArticle || usable else { return nil }
        let mass = usable ? (hasArticle ? min(articleMass, parameters.maximumFeedbackScale * others) : others) : 0
        return (mass, usable ? mass / others : 0)
    }

    /// One feedback round: the summed log ratio of every comment under the article model plus the
    /// other comments' words (weighted by `weights`, leave one out, scaled to the feedback mass).
    /// Sets the confidence, and the explanation terms when `explain` holds the comments. Nil for a
    /// comment without content words or with nothing to compare it with (no article, no other words).
    /// `lookups` holds the article model's ``TopicModel/Lookup`` of every term, comment `i`'s from
    /// `firstLookup[i]` on; `counts` the terms' ids and own counts in the same order.
    ///
    /// The feedback counts are an array by term id, summed in the same order as a table by key
    /// would sum them (the same doubles), and a comment's own counts were counted once for every
    /// round: no table is built or probed per round.
    func feedbackSums(
        articleModel: TopicModel, terms: [[DriftTerm]], lookups: [TopicModel.Lookup], firstLookup: [Int],
        counts: TermCounts, weights: [Double], explain: [TokenizedText]?, scores: inout [DriftScore]
    ) -> [TopicModel.Evidence?] {
        let p = parameters
        let hasArticle = !articleModel.isEmpty
        var feedback = [Double](repeating: 0, count: counts.distinct)
        var feedbackTotal = 0.0
        for (i, t) in terms.enumerated() {
            let w = weights[i]
            for j in t.indices { feedback[Int(counts.ids[firstLookup[i] + j])] += w }
            feedbackTotal += weights[i] * Double(t.count)
        }
        let articleMass = p.feedbackMass * max(articleModel.total, p.minimumFeedbackMass)
        var sums = [TopicModel.Evidence?](repeating: nil, count: terms.count)
        for (i, t) in terms.enumerated() {
            guard !t.isEmpty else { continue }
            let others = feedbackTotal - weights[i] * Double(t.count)
            guard let (mass, scale) = feedbackMass(others: others, articleMass: articleMass, hasArticle: hasArticle)
            else { continue }
            var e = TopicModel.Evidence()
            var ratios: [Double] = []
            if explain != nil { ratios.reserveCapacity(t.count) }
            for j in t.indices {
                let k = firstLookup[i] + j
                let ownCount = counts.own[k]
                let extra = scale * max(0, feedback[Int(counts.ids[k])] - weights[i] * ownCount)
                let r = articleModel.evidence(lookups[k], extraCount: extra, extraTotal: mass)
                e.add(r)
                if explain != nil { ratios.append(r.weight > 0 ? r.ratio : .nan) }
            }
            sums[i] = e
            scores[i].confidence = confidence(e.count) * (hasArticle ? 1 : p.noArticleConfidence)
            if let explain {
                (scores[i].onTopicTerms, scores[i].offTopicTerms) = explainTerms(t, ratios, explain[i])
            }
        }
        return sums
    }

    /// Puts the drift of each comment relative to the rest of its thread (with an article only):
    /// `drift_i - k * (mean of the other comments' drift - 0.5)`, with `k = threadCentring * m / (m + 1)`
    /// for `m` other comments with content words, clamped to 0..1.
    ///
    /// Why: the raw scale of the evidence differs from article to article (a long article leaves
    /// fewer words unseen, a specialised one shares rarer words), so a comment at 0.6 under one
    /// article can be as on-topic as one at 0.4 under another. The other comments show where this
    /// article's scale sits. Leaving the comment out keeps one off-topic comment from lowering its
    /// own score; the order of the comments within a thread is unchanged. Linear in the comments.
    func centre(_ scores: inout [DriftScore], terms: [[DriftTerm]]) {
        let k = parameters.threadCentring
        guard k > 0 else { return }
        var total = 0.0
        var n = 0
        for i in terms.indices where !terms[i].isEmpty {
            total += scores[i].drift
            n += 1
        }
        guard n > 1 else { return }
        for i in terms.indices where !terms[i].isEmpty {
            let m = Double(n - 1)
            let others = (total - scores[i].drift) / m
            let shifted = scores[i].drift - k * m / (m + 1) * (others - 0.5)
            scores[i].drift = min(1, max(0, shifted))
        }
    }

    /// 0..1 from a summed log-likelihood ratio over `count` content words (see the type's doc).
    package func squash(_ sum: Double, count: Int) -> Double {
        var e = TopicModel.Evidence()
        e.sum = sum
        e.count = Double(count)
        return squash(e)
    }

    /// 0..1 from the evidence of one comment under one model (the words it rests on count).
    package func squash(_ e: TopicModel.Evidence) -> Double {
        guard e.count > 0 else { return 0.5 }
        let mean = e.sum / e.count
        let raw = 1 / (1 + Foundation.exp(parameters.steepness * (mean - parameters.midpoint)))
        let c = confidence(e.count)
        return c * raw + (1 - c) * 0.5
    }

    /// `n / (n + confidenceWords)` for evidence resting on `count` words.
    func confidence(_ count: Double) -> Double {
        count / (count + parameters.confidenceWords)
    }

    /// The three words with the highest ratio (on topic) and the three with the lowest (off topic,
    /// rarest first among equals, since unexplained rare words say most about where a comment went).
    func explainTerms(_ terms: [DriftTerm], _ ratios: [Double], _ text: TokenizedText) -> ([String], [String]) {
        var best: [UInt64: (ratio: Double, index: Int)] = [:]
        // A word that is no evidence either way (its ratio NaN) is neither on nor off topic.
        for (j, term) in terms.enumerated() where best[term.key] == nil && !ratios[j].isNaN {
            best[term.key] = (ratios[j], j)
        }
        let entries = best.map { (key: $0.key, ratio: $0.value.ratio, index: $0.value.index) }
        let on = entries.filter { $0.ratio > 0 }.sorted { ($0.ratio, -$0.index) > ($1.ratio, -$1.index) }
        let off = entries.filter { $0.ratio <= 0 }.sorted {
            let a = ($0.ratio, background.logProbability($0.key), $0.index)
            let b = ($1.ratio, background.logProbability($1.key), $1.index)
            return a < b
        }
        let word = { (e: (key: UInt64, ratio: Double, index: Int)) in text.norm(Int(terms[e.index].token)) }
        return (on.prefix(3).map(word), off.prefix(3).map(word))
    }
}

/// Every content word of a thread's comments, flat in comment order: an id per distinct key (0, 1,
/// 2 … in order of first use) and how often the word occurs in its own comment, counted once per
/// file rather than once per feedback round.
struct TermCounts {
    var ids: [Int32]
    var own: [Double]
    /// Whether each term is its word's first occurrence in its comment.
    var first: [Bool]
    var distinct: Int

    /// - Complexity: O(terms): one table probe per term, then a scratch array by id.
    init(_ terms: [[DriftTerm]]) {
        let total = terms.reduce(0) { $0 + $1.count }
        var idOf = ModelTable<Int32>(minimumCapacity: total, filler: 0)
        ids = []
        ids.reserveCapacity(total)
        var next: Int32 = 0
        for t in terms {
            for term in t {
                if idOf.update(term.key, initial: next, { _ in }) {
                    ids.append(next)
                    next += 1
                } else {
                    ids.append(idOf[term.key] ?? 0)
                }
            }
        }
        distinct = Int(next)
        own = [Double](repeating: 0, count: total)
        first = [Bool](repeating: false, count: total)
        var scratch = [Int](repeating: 0, count: distinct)
        var start = 0
        for t in terms {
            for k in start..<(start + t.count) {
                scratch[Int(ids[k])] += 1
                first[k] = scratch[Int(ids[k])] == 1
            }
            for k in start..<(start + t.count) { own[k] = Double(scratch[Int(ids[k])]) }
            for k in start..<(start + t.count) { scratch[Int(ids[k])] = 0 }
            start += t.count
        }
    }
}
