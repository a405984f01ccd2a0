import Foundation

/// ``DriftScorer/score(articleModel:comments:explain:)`` in passes over a stream of comments, for
/// inputs too large to keep every comment's terms: what the thread-level steps need is kept in
/// space bounded by the vocabulary (the feedback table, the growing thread model) plus, with an
/// article, one fit per comment; each comment's terms are recomputed in every pass.
///
/// The caller runs the passes in order, handing over every comment's ``DriftScorer/terms(_:)`` in
/// thread order each time (`i` counts from 0):
/// 1. ``observe(_:)`` for every comment;
/// 2. while ``nextStep()`` returns a step: ``run(_:_:_:)`` for every comment with that step;
/// 3. ``score(_:_:text:explain:)`` for every comment, which gives its final ``DriftScore``.
///
/// The arithmetic is the in-memory scorer's, term for term and in the same order, so the scores
/// are bit-identical (the streaming tests compare them).
package struct DriftStream {
    /// One pass of the feedback rounds.
    package enum Step: Sendable, Equatable {
        /// Adds every comment's words to the feedback table of round `round` (weights by the fits).
        case table(round: Int)
        /// Scores every comment under the table of round `round`: its new fit (feeding the next round).
        case fits(round: Int)
        /// Scores every comment under the last table: the total of drift that centring needs.
        case centre
    }

    let scorer: DriftScorer
    let articleModel: TopicModel
    let hasArticle: Bool
    let rounds: Int
    /// Per comment, with an article only: its fit (the article's at first, then each round's).
    private var fits: [Double] = []
    /// Per comment, with an article only: whether it has content words.
    private var hasTerms: [Bool] = []
    private var median = 0.0
    private var feedback = ModelTable<Double>(filler: 0)
    private var feedbackTotal = 0.0
    private var planned: [Step] = []
    private var current: Step?
    private var centreTotal = 0.0
    private var centreCount = 0
    private var thread: TopicModel
    /// With an article and agreement on: every comment's TF-IDF vector summed (pass 1), and the
    /// article's norm (``DriftAgreement``).
    private var agreement = DriftAgreement.Thread()
    private let articleNorm: Double
    /// With an article and ``DriftParameters/offTopicWeight`` on: how many comments use each non-meta
    /// word (pass 1), for the off-topic share (``DriftScorer/offTopicShare(_:articleModel:explained:)``).
    private var users = ModelTable<Int32>(filler: 0)
    private let offTopic: Bool
    /// Per comment, with the off-topic share on: its share once computed (NaN before). The users
    /// table is complete after pass 1 and never changes, so the centre pass, the final pass and the
    /// trend's second pass share one computation instead of repeating the neighbour walk.
    private var shares: [Double] = []

    package init(scorer: DriftScorer, article: [TokenizedText]) {
        self.scorer = scorer
        articleModel = scorer.articleModel(article)
        hasArticle = !articleModel.isEmpty
        rounds = hasArticle ? max(1, Int(scorer.parameters.feedbackRounds)) : 1
        thread = articleModel
        articleNorm =
            hasArticle && scorer.agrees
            ? DriftAgreement.articleNorm(articleModel, background: scorer.background, meta: scorer.meta) : 0
        offTopic = hasArticle && scorer.parameters.offTopicWeight > 0
        if hasArticle {
            for round in 0..<rounds {
                planned.append(.table(round: round))
                if round < rounds - 1 { planned.append(.fits(round: round)) }
            }
            if scorer.parameters.threadCentring > 0 { planned.append(.centre) }
        }
    }

    /// Pass 1, every comment in order: its article fit (with an article), or its words in the
    /// feedback table at weight 1 (without one, there is one round and every weight is 1).
    package mutating func observe(_ t: [DriftTerm]) {
        guard hasArticle else {
            add(t, weight: 1)
            return
        }
        fits.append(scorer.fit(articleModel.evidence(t)))
        hasTerms.append(!t.isEmpty)
        guard scorer.agrees || offTopic else { return }
        // The vector's keys are the comment's distinct non-meta words: the words whose users the
        // off-topic share reads.
        let v = DriftAgreement.Vector(t, stop: scorer.background.stopwordLogProbability)
        if scorer.agrees { agreement.add(v) }
        if offTopic { for key in v.keys { users.update(key, initial: 0) { $0 += 1 } } }
    }

    /// `drift` raised by comment `i`'s off-topic share (``DriftScorer/raisedByOffTopic(_:share:)``),
    /// computed on first use and kept in `shares`.
    private mutating func raisedByOffTopic(_ drift: Double, _ i: Int, _ t: [DriftTerm]) -> Double {
        guard offTopic else { return drift }
        if shares.count != fits.count { shares = [Double](repeating: .nan, count: fits.count) }
        if shares.indices.contains(i), !shares[i].isNaN { return scorer.raisedByOffTopic(drift, share: shares[i]) }
        let share = scorer.offTopicShare(t, articleModel: articleModel) { j in
            DriftScorer.isTied(articleModel.lookup(t, j), users: Int(users[t[j].key] ?? 0))
        }
        if shares.indices.contains(i) { shares[i] = share }
        return scorer.raisedByOffTopic(drift, share: share)
    }

    /// The next pass to run over every comment, or nil when the final scoring pass is next.
    package mutating func nextStep() -> Step? {
        guard !planned.isEmpty else {
            current = nil
            return nil
        }
        let step = planned.removeFirst()
        if case .table = step {
            // The weights of this round: a logistic of each fit around the median of the fits.
            var sorted: [Double] = []
            sorted.reserveCapacity(fits.count)
            for i in fits.indices where hasTerms[i] { sorted.append(fits[i]) }
            sorted.sort()
            median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            feedback = ModelTable<Double>(filler: 0)
            feedbackTotal = 0
        }
        current = step
        return step
    }

    /// One comment (`i`, in thread order) of the pass ``nextStep()`` returned.
    package mutating func run(_ step: Step, _ i: Int, _ t: [DriftTerm]) {
        switch step {
        case .table:
            add(t, weight: weight(i))
        case .fits:
            var none: [Double]? = nil
            if let e = feedbackSum(t, weight: weight(i), ratios: &none) { fits[i] = scorer.fit(e) }
        case .centre:
            guard !t.isEmpty else { return }
            var none: [Double]? = nil
            if let e = feedbackSum(t, weight: weight(i), ratios: &none) {
                centreTotal += raisedByOffTopic(scorer.squash(agreed(e, t)), i, t)
            } else {
                centreTotal += 0.5
            }
            centreCount += 1
        }
    }

    /// The final pass: comment `i`'s drift score (`text` its tokens, for the explanation terms).
    /// `thread` false skips the thread drift (a pass that needs only `drift` and `confidence`, such
    /// as the trend's second pass, must not grow the thread model twice).
    package mutating func score(
        _ i: Int, _ t: [DriftTerm], text: TokenizedText, explain: Bool, thread grow: Bool = true
    )
        -> DriftScore
    {
        let p = scorer.parameters
        var score = DriftScore()
        score.termCount = t.count
        if grow {
            if hasArticle { score.articleDrift = scorer.squash(articleModel.evidence(t)) }
            if !thread.isEmpty { score.threadDrift = scorer.squash(thread.evidence(t)) }
            thread.add(t)
        }
        var ratios: [Double]? = explain ? [] : nil
        if let e = feedbackSum(t, weight: weight(i), ratios: &ratios) {
            score.confidence = scorer.confidence(e.count) * (hasArticle ? 1 : p.noArticleConfidence)
            if let ratios { (score.onTopicTerms, score.offTopicTerms) = scorer.explainTerms(t, ratios, text) }
            score.drift = scorer.squash(hasArticle ? agreed(e, t) : e)
            if hasArticle { score.drift = raisedByOffTopic(score.drift, i, t) }
        }
        // Centring (``DriftScorer/centre(_:terms:)``) with the other comments' total from the centre pass.
        let k = p.threadCentring
        if hasArticle, k > 0, centreCount > 1, !t.isEmpty {
            let m = Double(centreCount - 1)
            let others = (centreTotal - score.drift) / m
            let shifted = score.drift - k * m / (m + 1) * (others - 0.5)
            score.drift = min(1, max(0, shifted))
        }
        return score
    }

    /// `e` raised by the comment's agreement (``DriftAgreement``).
    private func agreed(_ e: TopicModel.Evidence, _ t: [DriftTerm]) -> TopicModel.Evidence {
        guard scorer.agrees else { return e }
        let stop = scorer.background.stopwordLogProbability
        let shift = agreement.shift(
            DriftAgreement.Vector(t, stop: stop), model: articleModel, norm: articleNorm, stop: stop,
            parameters: scorer.parameters)
        return scorer.raised(e, by: shift)
    }

    private func weight(_ i: Int) -> Double {
        hasArticle ? scorer.feedbackWeight(fits[i], median: median) : 1
    }

    private mutating func add(_ t: [DriftTerm], weight w: Double) {
        for term in t { feedback.update(term.key, initial: 0) { $0 += w } }
        feedbackTotal += w * Double(t.count)
    }

    /// One comment's summed log ratio under the article model plus the other comments' words
    /// (``DriftScorer/feedbackSums(articleModel:terms:lookups:firstLookup:weights:explain:scores:)``
    /// for one comment); nil without content words or anything to compare them with.
    private func feedbackSum(_ t: [DriftTerm], weight w: Double, ratios: inout [Double]?) -> TopicModel.Evidence? {
        let p = scorer.parameters
        guard !t.isEmpty else { return nil }
        let articleMass = p.feedbackMass * max(articleModel.total, p.minimumFeedbackMass)
        var own: ModelTable<Double>? = nil
        if t.count > 24 {
            var table = ModelTable<Double>(minimumCapacity: t.count, filler: 0)
            for term in t { table.update(term.key, initial: 0) { $0 += 1 } }
            own = table
        }
        let others = feedbackTotal - w * Double(t.count)
        guard let (mass, scale) = scorer.feedbackMass(others: others, articleMass: articleMass, hasArticle: hasArticle)
        else { return nil }
        var e = TopicModel.Evidence()
        ratios?.reserveCapacity(t.count)
        for j in t.indices {
            let key = t[j].key
            let ownCount: Double
            if let own {
                ownCount = own[key] ?? 0
            } else {
                var n = 0
                for term in t where term.key == key { n += 1 }
                ownCount = Double(n)
            }
            let extra = scale * max(0, (feedback[key] ?? 0) - w * ownCount)
            let r = articleModel.evidence(articleModel.lookup(t, j), extraCount: extra, extraTotal: mass)
            e.add(r)
            ratios?.append(r.weight > 0 ? r.ratio : .nan)
        }
        return e
    }
}
