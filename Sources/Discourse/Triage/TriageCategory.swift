/// The moderation categories, named as moderators know them from Perspective API and Detoxify.
///
/// Ours are lexicon and rule heuristics, not a trained model: each is a 0..1 strength of the
/// evidence found, not a calibrated probability.
public enum TriageCategory: String, CaseIterable, Sendable, Comparable {
    /// Second-person or named-target insults ("you idiot", "Harper is a fool", "what a moron").
    case insult
    /// Swear words and obscenities (Surge AI list plus mild words such as "damn").
    case profanity
    /// Threats of violence ("I will find you", "should be shot").
    case threat
    /// Slurs and attacks on groups of people.
    case identityAttack = "identity_attack"
    /// Capitals and repeated punctuation.
    case shouting
    /// Links, promotion, text repeated within the file, character floods.
    case spam
    /// Strongly negative tone (from the sentiment scorer, when it is wired in).
    case negative
    /// Words annotators mostly marked as the rude part of rude comments (`HeatedWords`): evidence
    /// that raises priority, never toxicity.
    case heated
    /// Off-topic with respect to the article (from the drift scorer, when it is wired in).
    case drift

    /// Categories order as they are declared (the order reasons are listed in on a tie).
    public static func < (a: TriageCategory, b: TriageCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
