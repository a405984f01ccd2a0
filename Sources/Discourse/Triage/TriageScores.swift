/// The triage verdict for one comment: a strength per category, the overall `toxicity`, the
/// combined `priority` a moderation queue sorts by, and the `reasons` behind it.
public struct TriageScores: Sendable, Equatable {
    /// Overall rudeness: insults, profanity, threats and identity attacks combined (0..1).
    public var toxicity: Double = 0
    public var insult: Double = 0
    public var profanity: Double = 0
    public var threat: Double = 0
    public var identityAttack: Double = 0
    public var shouting: Double = 0
    public var spam: Double = 0
    /// How urgently a moderator should look (0..1): toxicity, with threats, identity attacks and
    /// spam raised, and the optional sentiment and drift inputs.
    public var priority: Double = 0
    /// Categories that fired, strongest first.
    public var reasons: [TriageCategory] = []
    /// The terms behind the scores, strongest first (filled only when asked to explain).
    public var evidence: [TriageEvidence] = []

    public init() {}

    /// A comment with nothing to report.
    public static let none = TriageScores()

    /// The score of `category` (sentiment and drift are inputs, not kept here: 0).
    public func value(_ category: TriageCategory) -> Double {
        switch category {
        case .insult: return insult
        case .profanity: return profanity
        case .threat: return threat
        case .identityAttack: return identityAttack
        case .shouting: return shouting
        case .spam: return spam
        case .negative, .drift: return 0
        }
    }

    /// `reasons` joined by `;` (the CSV and JSON form).
    public var reasonList: String { reasons.map(\.rawValue).joined(separator: ";") }
}

/// One piece of evidence: which category, what text, how strong after its context was weighed.
public struct TriageEvidence: Sendable, Equatable {
    public var category: TriageCategory
    /// The words as written in the comment (or a description such as "3 links").
    public var text: String
    public var strength: Double

    public init(category: TriageCategory, text: String, strength: Double) {
        self.category = category
        self.text = text
        self.strength = strength
    }
}
