/// The triage verdict for one comment: a strength per category, the overall `toxicity`, the
/// combined `priority` a moderation queue sorts by, and the `reasons` behind it.
public struct TriageScores: Sendable, Equatable {
    /// Overall rudeness: the noisy-or of insult, profanity (scaled by
    /// ``TriageWeights/profanity``), threat and identity attack (0..1); 0 when all four are 0.
    public var toxicity: Double = 0
    /// A rude word or frame aimed at a person (0..1).
    public var insult: Double = 0
    /// Swearing, aimed or not (0..1).
    public var profanity: Double = 0
    /// A threat or wish of harm (0..1).
    public var threat: Double = 0
    /// An attack on, or exclusion of, a group of people (0..1).
    public var identityAttack: Double = 0
    /// Capitals and repeated punctuation (0..1).
    public var shouting: Double = 0
    /// Promotion, links to unknown domains, contact bait, repeated posts (0..1).
    public var spam: Double = 0
    /// How urgently a moderator should look (0..1): the noisy-or of toxicity, the extra weight of
    /// threats and identity attacks, spam, shouting, and the optional sentiment and drift inputs
    /// (see ``TriageWeights`` for the formula).
    public var priority: Double = 0
    /// Categories that fired, strongest first.
    public var reasons: [TriageCategory] = []
    /// The terms behind the scores, strongest first (filled only when asked to explain).
    public var evidence: [TriageEvidence] = []

    /// Scores of a comment with nothing to report (every score 0).
    public init() {}

    /// A comment with nothing to report.
    public static let none = TriageScores()

    /// The score of `category` (sentiment and drift are inputs, heated words only evidence, not kept here: 0).
    public func value(_ category: TriageCategory) -> Double {
        switch category {
        case .insult: return insult
        case .profanity: return profanity
        case .threat: return threat
        case .identityAttack: return identityAttack
        case .shouting: return shouting
        case .spam: return spam
        case .negative, .heated, .drift: return 0
        }
    }

    /// `reasons` joined by `;` (the CSV and JSON form).
    public var reasonList: String { reasons.map(\.rawValue).joined(separator: ";") }
}

/// One piece of evidence: which category, what text, where it is, how strong after its context was
/// weighed.
///
/// `begin` and `end` are offsets into the comment text in UTF-16 code units, `end` exclusive: the
/// convention of Perspective API's span scores and of JavaScript strings, so a moderation UI can
/// highlight `text.slice(begin, end)` directly. An accented letter written precomposed counts 1, an
/// emoji outside the Basic Multilingual Plane counts 2.
public struct TriageEvidence: Sendable, Equatable {
    /// The category the span counts for.
    public var category: TriageCategory
    /// The words as written in the comment, or a description of what was counted ("3 links",
    /// "capitals"); the span then covers the counted part of the text.
    public var text: String
    /// How strongly the span counts (0..1), after its frame and target were weighed.
    public var strength: Double
    /// First UTF-16 code unit of the span in the comment text.
    public var begin: Int
    /// One past the last UTF-16 code unit of the span.
    public var end: Int

    /// Evidence for `category`: `text` as written, its `strength`, and its UTF-16 span.
    public init(category: TriageCategory, text: String, strength: Double, begin: Int = 0, end: Int = 0) {
        self.category = category
        self.text = text
        self.strength = strength
        self.begin = begin
        self.end = end
    }
}
