import Foundation

/// A smoothed unigram + bigram language model of the content words of some texts (an article,
/// a conversation so far), compared against a ``BackgroundModel``.
///
/// Unigrams use Dirichlet smoothing with the background as prior,
/// `P(w) = (c(w) + mu * Pbg(w)) / (N + mu)`, so a word the texts never use keeps its background
/// probability scaled by `mu / (N + mu)`. Bigrams are interpolated Witten-Bell style,
/// `P(w | h) = l(h) * c(h w) / c(h) + (1 - l(h)) * P(w)` with `l(h) = b * c(h) / (c(h) + T(h))`
/// (`T(h)`: distinct words seen after `h`), so a phrase the article uses ("nuclear talks") earns more
/// than its two words apart. Adding texts is incremental and costs time linear in their length.
///
/// Two mixtures reach words the texts never use (after Berger & Lafferty's translation language
/// model): `P'(w) = (1 - a - m) * P(w) + a * T(w) + m * Meta(w)`, where `T(w) = sum_v P(v) * P(w | v)`
/// translates the article's words `v` into the words they predict (``AssociationModel``; set once by
/// ``addAssociations(_:)``) and `Meta` is the class of words about the piece itself (``MetaWords``).
/// The Dirichlet prior of each word is its ``DriftTerm/prior``, so an unpredicted topical word
/// counts against the topic.
package struct TopicModel: Sendable {
    var counts = ModelTable<Double>(filler: 0)
    /// Sum of all counts.
    package private(set) var total: Double = 0
    var bigrams = ModelTable<Double>(filler: 0)
    var histories = ModelTable<History>(filler: History())
    /// Dirichlet prior mass: how many background words the texts' own words must outweigh.
    package var mu: Double
    /// Largest weight a bigram estimate can get.
    package var bigramWeight: Double
    /// Translated probability `T(w)` of the words the texts' words predict (sums to at most 1).
    var translations = ModelTable<Double>(filler: 0)
    /// Weight `a` of the translations (0 until ``addAssociations(_:)`` found any).
    package private(set) var translationWeight: Double = 0
    /// Weight `m` of the meta words (0: no meta class).
    package var metaWeight: Double = 0
    /// Share `s` of a comment's words the topic is assumed to produce; the rest is general English
    /// (see ``DriftParameters/topicShare``). 1: every word is compared as if the topic wrote it.
    package var topicShare: Double = 1
    /// Weight of a word general English does not know when this model has never seen it either
    /// (see ``DriftParameters/unknownWordWeight``). 1: such a word counts like any other.
    package var unknownWordWeight: Double = 1

    struct History: Sendable {
        var count: Double = 0
        var followers: Double = 0
    }

    package init(mu: Double = 2000, bigramWeight: Double = 0.5) {
        self.mu = mu
        self.bigramWeight = bigramWeight
    }

    /// Weighted count of the content word with key `key`.
    package func count(of key: UInt64) -> Double { counts[key] ?? 0 }

    /// Number of distinct content words.
    package var vocabularySize: Int { counts.count }

    /// True when no content word was added yet.
    package var isEmpty: Bool { total == 0 }

    /// Makes room for about `terms` more content words, so that adding them never rehashes.
    package mutating func reserve(_ terms: Int) {
        counts.reserve(terms)
        bigrams.reserve(terms)
        histories.reserve(terms)
    }

    /// Adds the content words of one text (one article line, one comment), each counting `weight`.
    package mutating func add(_ terms: [DriftTerm], weight: Double = 1) {
        guard weight > 0 else { return }
        for (i, term) in terms.enumerated() {
            counts.update(term.key, initial: 0) { $0 += weight }
            total += weight
            if i > 0, term.continuesPhrase {
                let h = terms[i - 1].key
                let isNew = bigrams.update(Self.pairKey(h, term.key), initial: 0) { $0 += weight }
                histories.update(h, initial: History()) {
                    $0.count += weight
                    if isNew { $0.followers += 1 }
                }
            }
        }
    }

    /// Fixes the translations `T(w)` from the words counted so far (call it after adding the
    /// article), with weight `weight`. Linear in the distinct words times their neighbours.
    package mutating func addAssociations(_ associations: AssociationModel, weight: Double) {
        addAssociations(associations, weight: weight, vocabulary: nil)
    }

    /// As ``addAssociations(_:weight:)``, keeping `T(w)` only for the words `vocabulary` may hold (a
    /// superset of the only ones the caller will look up; each is the same sum, in the same order,
    /// as without it) and
    /// setting the mixture weight as without it, so every probability looked up is the same.
    mutating func addAssociations(_ associations: AssociationModel, weight: Double, vocabulary: KeyFilter?) {
        guard weight > 0, total > 0 else { return }
        var table = ModelTable<Double>(minimumCapacity: vocabulary == nil ? counts.count * 4 : counts.count, filler: 0)
        let total = self.total
        var predicts = false
        counts.forEach { key, c in
            associations.forEachNeighbour(of: key) { b, w in
                predicts = true
                if let vocabulary, !vocabulary.mayContain(b) { return }
                table.update(b, initial: 0) { $0 += c / total * w }
            }
        }
        guard predicts else { return }
        translations = table
        translationWeight = weight
    }

    /// `log P(w | previous) - log Pbg(w)` for term `i` of `terms`: how many nats better this model
    /// explains the word than general English does. `extraCount`/`extraTotal` add pseudo-counts
    /// from outside (relevance feedback) to the unigram estimate.
    @inline(__always)
    func logRatio(_ terms: [DriftTerm], _ i: Int, extraCount: Double = 0, extraTotal: Double = 0) -> Double {
        logRatio(lookup(terms, i), extraCount: extraCount, extraTotal: extraTotal)
    }

    /// Key of the bigram (a, b): a mix of both word keys (FNV keys are well spread already).
    @inline(__always)
    static func pairKey(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &+ 0x632B_E59B_D9B4_E019).rotateLeft(29)
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotateLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
