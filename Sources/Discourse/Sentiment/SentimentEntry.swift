/// What a word or phrase does to the sentiment of the words around it (`Lexicons/sentiment-modifiers.tsv`).
package enum SentimentRole: String, Sendable, CaseIterable {
    /// Carries no modifying role (it may still carry a valence).
    case none
    /// Raises (value > 0: "very", "extremely") or lowers (value < 0: "slightly", "kind of") the intensity
    /// of the next sentiment word; the value is added to that word's magnitude.
    case booster
    /// Opens a negation scope ("not", "never", "without"); the value (0..1) is its strength, so "hardly"
    /// can negate less than "not".
    case negator
    /// "but", "however": what follows outweighs what came before in the sentence (or, at the start of
    /// a sentence, the sentences before).
    case contrast
    /// "although", "despite": the clause it opens is conceded, so it weighs less than the rest.
    case concession
    /// Starts a new clause ("because", "which", "when"): ends a negation scope, nothing else.
    case clause
    /// An interjection ("lol", "ugh", "wow"): like an emoticon it stands outside the sentence, so
    /// nothing negates or boosts it, and it ends a negation scope.
    case interjection
}

/// The scorer's view of one lexicon key: its valence, its role, and whether longer phrases start here.
///
/// One lookup per token gives everything the rules need; phrases are stored under their multiword
/// ``TermHash`` key, and their first word's entry records the longest phrase that starts with it.
struct SentimentEntry: Sendable {
    /// Valence on VADER's scale (-4 … +4); meaningful when `hasValence`.
    var valence: Float = 0
    var hasValence = false
    var role: SentimentRole = .none
    var roleValue: Float = 0
    /// Number of tokens of this term (1 for a word, 2 for "no problem" …); 0 when the key is only the
    /// start of longer phrases and no term of its own.
    var length: UInt8 = 0
    /// Longest phrase (in tokens) that starts with this key, or 0 when none does.
    var longestPhrase: UInt8 = 0
    /// One bit per token that continues a phrase from this key (bit `nextBit(token.key)`): most
    /// phrase starts ("the", "a", "not") are followed by a word no phrase continues with, and this
    /// rules them out before any hashing.
    var nextMask: UInt16 = 0

    @inline(__always)
    static func nextBit(_ key: UInt64) -> UInt16 { 1 << UInt16(truncatingIfNeeded: key >> 60) }

    /// True when the key is a term (it has a valence or a role), not only the start of a phrase.
    @inline(__always) var isTerm: Bool { hasValence || role != .none }
}
