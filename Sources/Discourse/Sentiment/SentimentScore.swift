/// The sentiment of one comment: a compound score, its label, and how the comment's words divide
/// into positive, neutral and negative.
public struct SentimentScore: Sendable, Equatable {
    /// -1 (most negative) … +1 (most positive); see `SentimentScorer` for how sentences combine.
    public var compound: Double
    /// Share of the comment's sentiment mass that is positive (0 … 1).
    public var positive: Double
    /// Share that is neutral: words that carry no sentiment, each weighing like a mild word (0 … 1).
    public var neutral: Double
    /// Share that is negative (0 … 1). `positive + neutral + negative == 1`.
    public var negative: Double
    /// With `--explain`: every term that moved the score, in text order, with its final contribution.
    public var contributions: [SentimentContribution]?

    /// A score from its parts (`positive + neutral + negative` should be 1).
    public init(
        compound: Double, positive: Double, neutral: Double, negative: Double,
        contributions: [SentimentContribution]? = nil
    ) {
        self.compound = compound
        self.positive = positive
        self.neutral = neutral
        self.negative = negative
        self.contributions = contributions
    }

    /// A comment with nothing to score (no words, or only quoted or struck text).
    public static let neutralScore = SentimentScore(compound: 0, positive: 0, neutral: 1, negative: 0)

    /// Positive, negative or neutral, by VADER's ±0.05 thresholds on `compound`.
    public var label: SentimentLabel { SentimentLabel(compound: compound) }
}

/// The three-way reading of a compound score.
public enum SentimentLabel: String, Sendable, CaseIterable {
    case positive, neutral, negative

    /// Compound at or above this is positive (VADER's recommended threshold, which the evaluation uses).
    public static let positiveThreshold = 0.05
    /// Compound at or below this is negative.
    public static let negativeThreshold = -0.05

    /// The label of a compound score.
    public init(compound: Double) {
        if compound >= Self.positiveThreshold {
            self = .positive
        } else if compound <= Self.negativeThreshold {
            self = .negative
        } else {
            self = .neutral
        }
    }
}

/// One term's part in a comment's score, for `--explain`.
public struct SentimentContribution: Sendable, Equatable {
    /// The term as written (a word, a phrase, an emoji, or "!" for exclamation emphasis).
    public var term: String
    /// Its final contribution to the comment's raw sum, in valence units, after every rule (boosters,
    /// negation, caps, contrast weights) was applied.
    public var value: Double
    /// The rules that changed it, e.g. ["negated", "booster"]; empty when the lexicon value stands.
    public var rules: [String]

    /// A term's contribution and the rules that shaped it.
    public init(term: String, value: Double, rules: [String] = []) {
        self.term = term
        self.value = value
        self.rules = rules
    }

    /// "not good -1.41 (negated)".
    public var description: String {
        let sign = value >= 0 ? "+" : ""
        let why = rules.isEmpty ? "" : " (" + rules.joined(separator: ", ") + ")"
        return "\(term) \(sign)\(NumberFormat.fixed(value, digits: 2))\(why)"
    }
}
