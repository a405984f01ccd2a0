import Foundation

/// The comments so far of a thread, kept apart from the article's ``TopicModel``: the thread model
/// of `threadDrift` (the article plus every earlier comment) is the article model with these counts
/// added, read through the article's ``TopicModel/Lookup`` of each term.
///
/// Why apart: a copy of the article model that grows cost a copy of its three tables per file and a
/// second full lookup of every comment word in them, though only the counts of the comments' own
/// words change. Here a term's thread lookup is its article lookup (computed once for the feedback
/// rounds anyway) plus a probe of these small tables.
///
/// Exactness: every count is a whole number (each comment and article word counts 1), so adding the
/// comments' counts to the article's gives the same doubles as counting both in one table, whatever
/// the order, and every probability is computed by the same expression on the same values as
/// ``TopicModel/logRatio(_:extraCount:extraTotal:)`` on a grown copy: the scores are bit-identical.
///
/// - Complexity: adding a comment is O(its terms) probes of the growth tables (and of the
///   article's bigram table for a phrase); a term's thread evidence is one or two probes.
struct ThreadGrowth {
    /// Counts of the comments' words by thread-wide term id (``TermCounts``).
    private var counts: [Double]
    /// The grown part of each history, by the term id of the history word.
    private var histories: [TopicModel.History]
    /// Counts of the comments' phrases, keyed by the two term ids.
    private var bigrams: ModelTable<Double>
    /// Content words added so far.
    private(set) var total: Double = 0

    /// Room for the thread's `distinct` term ids and about `terms` phrases, so that adding them never
    /// rehashes.
    init(distinct: Int, reserving terms: Int) {
        counts = [Double](repeating: 0, count: distinct)
        histories = [TopicModel.History](repeating: TopicModel.History(), count: distinct)
        bigrams = ModelTable(minimumCapacity: terms, filler: 0)
    }

    @inline(__always)
    private static func pair(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }

    /// Adds one comment's terms (weight 1 each), whose ids in `ids` and article lookups in
    /// `lookups` start at `start`, as ``TopicModel/add(_:weight:)`` adds them to a copy of the article
    /// model: a phrase is a new follower of its history when neither the article (its lookup holds
    /// no count of the pair) nor an earlier comment has it.
    mutating func add(_ terms: [DriftTerm], ids: [Int32], lookups: [TopicModel.Lookup], start: Int) {
        for j in terms.indices {
            let id = ids[start + j]
            counts[Int(id)] += 1
            total += 1
            if j > 0, terms[j].continuesPhrase {
                let h = ids[start + j - 1]
                let isNew =
                    bigrams.update(Self.pair(h, id), initial: 0) { $0 += 1 } && lookups[start + j].pair == 0
                histories[Int(h)].count += 1
                if isNew { histories[Int(h)].followers += 1 }
            }
        }
    }

    /// The evidence of term `j` of `terms` (ids from `start` on in `ids`) under the article model
    /// grown by these comments, from the term's article lookup `l` (``TopicModel/lookup(_:_:)``).
    @inline(__always)
    func evidence(
        _ l: TopicModel.Lookup, _ terms: [DriftTerm], _ j: Int, ids: [Int32], start: Int, article: TopicModel
    ) -> (ratio: Double, weight: Double) {
        var l = l
        let id = ids[start + j]
        if j > 0, terms[j].continuesPhrase {
            let h = ids[start + j - 1]
            let grown = histories[Int(h)]
            if grown.count > 0 {
                // The history gained counts (and perhaps followers) from the comments: as a grown copy.
                let a = article.histories[terms[j - 1].key] ?? TopicModel.History()
                let count = a.count + grown.count
                let followers = a.followers + grown.followers
                l.lambda = article.bigramWeight * count / (count + followers)
                l.pair += bigrams[Self.pair(h, id)] ?? 0
                l.historyCount = count
            }
        }
        return article.evidence(l, extraCount: counts[Int(id)], extraTotal: total)
    }
}
