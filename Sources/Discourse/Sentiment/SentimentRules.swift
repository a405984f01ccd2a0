/// The constants of the sentiment rules, in one place so that each can be documented and tested.
///
/// Valence units are VADER's (-4 … +4). Where a constant is VADER's published one it says so; the
/// others were set on the pooled dev sets as one global value each (never per item).
public struct SentimentRules: Sendable {
    /// Added to a word's magnitude when it is ALL CAPS in a text that also has lowercase words
    /// (VADER's 0.733): "GREAT" shouts, but in an all-caps text nothing stands out.
    public var capsIncrement: Float = 0.733
    /// Added to a word's magnitude when it is elongated ("sooo good", "haaate").
    public var elongationIncrement: Float = 0.3
    /// An elongated booster ("sooo", "reaaally") boosts this many times as much.
    public var elongatedBoosterFactor: Float = 1.5
    /// Added to a word's magnitude when it is *emphasized* in markdown.
    public var emphasisIncrement: Float = 0.3
    /// Negative words are multiplied by this. Lexicon ratings of positive words run high against how
    /// loosely people use them (the "Pollyanna" effect: "like", "want", "help" are everyday words), so
    /// a negative word says more about the writer than a positive word of the same rating.
    public var negativeWeight: Float = 1.25
    /// Boosters act on a sentiment word up to this many words after them, damped with distance.
    public var boosterReach = 3
    /// A booster's effect shrinks by this much per word of distance (VADER's 1, 0.95, 0.9).
    public var boosterDecayPerWord: Float = 0.05

    /// A negated positive word is multiplied by this (VADER uses -0.74 for both signs): "not good".
    public var negatedPositive: Float = -0.74
    /// A negated negative word is multiplied by this: "not bad" is mildly positive, not the mirror image
    /// of "bad", so negatives flip less than positives.
    public var negatedNegative: Float = -0.5
    /// A negation's scope: this many words after the negator (VADER looks only three words back), cut
    /// short by clause punctuation, a contrast or clause word, or another negator.
    public var negationScope = 4
    /// Whether a negation ends at the first word it flips ("not happy, just content").
    public var negateFirstOnly = true

    /// Contrast ("but", "however"): what came before in the sentence is multiplied by this …
    public var contrastBefore: Float = 0.5
    /// … and what follows by this (VADER's 0.5 / 1.5, but applied at every contrast word).
    public var contrastAfter: Float = 1.5
    /// A conceded clause ("although it is long, …") is multiplied by this; the rest of the sentence by
    /// `contrastAfter`.
    public var concessionWeight: Float = 0.5

    /// Words inside "double quotes" are often someone else's words or scare quotes: weight.
    public var quotedWeight: Float = 0.5
    /// A Capitalized word inside a run of Capitalized words, not opening its sentence, is most likely
    /// part of a name or title ("Widespread Panic", "Great Expectations"): weight.
    public var nameWeight: Float = 0.2

    /// Within a sentence, the strongest positive and the strongest negative term count in full and
    /// every other term is multiplied by this: one "amazing" says more than five mild words, which
    /// is how people rate sentences (1 is VADER's plain sum).
    public var secondaryWeight: Float = 0.4

    /// Each "!" in a sentence (up to `maxExclamations`) adds this in the direction of its sentiment (VADER).
    public var exclamationIncrement: Float = 0.292
    /// Exclamation marks after the fourth add no more emphasis (VADER's cap).
    public var maxExclamations = 4
    /// A sentence ending in "?" asks rather than asserts: its sum is multiplied by this.
    public var questionFactor: Float = 0.5

    /// Compound = S / sqrt(S² + alpha) (VADER's normalisation with its alpha of 15).
    public var alpha: Double = 15
    /// Raw sums smaller than this (in magnitude) map to a neutral compound (|compound| < 0.05); larger
    /// ones are normalised from the excess. 0 turns the band off.
    public var neutralBand: Double = 0.5
    /// How sentence sums combine into the comment's sum: the plain sum divided by the effective
    /// number of sentences that carry sentiment, (Σ|s|)² / Σs², raised to this power. The effective
    /// number is n for n equally strong sentences and near 1 when one sentence dominates. 0 is VADER's
    /// plain sum (long comments saturate); 0.5 lets agreement add up slowly; 1 is the mean.
    public var sentenceDamping: Double = 0.5
    /// Each neutral word weighs this much in the `neutral` share (a sentiment word weighs its |valence|).
    public var neutralWordWeight: Double = 1

    /// VADER's published constants, as ``standard``.
    public init() {}

    /// The rules `comments` uses.
    public static let standard = SentimentRules()
}
