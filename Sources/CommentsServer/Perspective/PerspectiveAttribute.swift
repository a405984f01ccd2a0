import Discourse

/// The attributes `comments:analyze` answers, each read off the CLI's own scores (README "Column
/// reference"). They are lexicon heuristics in 0 … 1, not calibrated probabilities; they are sent
/// with `type: "PROBABILITY"` because that is the only score type Perspective clients know.
package enum PerspectiveAttribute: String, CaseIterable, Sendable {
    /// `toxicity`.
    case toxicity = "TOXICITY"
    /// No model of its own: the stronger of `threat`, `identity_attack` and `toxicity` squared, so
    /// mild rudeness scores low and only strong toxicity, threats or attacks on a group come near 1.
    case severeToxicity = "SEVERE_TOXICITY"
    /// `insult`.
    case insult = "INSULT"
    /// `profanity`.
    case profanity = "PROFANITY"
    /// `threat`.
    case threat = "THREAT"
    /// `identity_attack`.
    case identityAttack = "IDENTITY_ATTACK"
    /// `spam` (links, promotional phrases, character floods; repetition only within one request).
    case spam = "SPAM"
    /// Beyond Perspective: `drift` against the article sent in `context` (0.5 = no evidence; short
    /// comments are pulled towards 0.5). Refused without a context.
    case offTopic = "OFF_TOPIC"
    /// Beyond Perspective: `(sentiment + 1) / 2`, so 0 is most negative, 0.5 neutral, 1 most
    /// positive. A rescaled compound score, not a probability.
    case sentiment = "SENTIMENT"

    /// Whether the attribute needs the article (`context.entries`).
    package var needsArticle: Bool { self == .offTopic }

    package func score(_ row: ScoredComment) -> Double {
        let t = row.triage
        let value: Double
        switch self {
        case .toxicity: value = t.toxicity
        case .severeToxicity: value = max(t.threat, t.identityAttack, t.toxicity * t.toxicity)
        case .insult: value = t.insult
        case .profanity: value = t.profanity
        case .threat: value = t.threat
        case .identityAttack: value = t.identityAttack
        case .spam: value = t.spam
        case .offTopic: value = row.drift.drift
        case .sentiment: value = (row.sentiment.compound + 1) / 2
        }
        return value.isFinite ? min(1, max(0, value)) : 0
    }
}
