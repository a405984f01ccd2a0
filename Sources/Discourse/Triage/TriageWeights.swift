import Foundation

/// The constants of the triage stage: how category strengths combine into `toxicity` and
/// `priority`, and how context scales a piece of evidence. One place, so they are documented and
/// tested together.
///
/// With ∪ the noisy-or, a ∪ b = 1 − (1 − a)(1 − b):
///
///     toxicity = insult ∪ (profanity × profanity-weight) ∪ threat ∪ identity_attack
///     priority = d·toxicity ∪ (threat × threatBoost) ∪ (identity_attack × identityBoost) ∪ s·(spam × spam)
///                ∪ d·(shouting × shoutingInPriority) ∪ d·(negativity × negativity)
///                ∪ d·min(wordsCap, (opinion × opinion) ∪ (heated × heated)) ∪ (drift × drift)
///     d        = min(1, (dilutionWords / words)^dilutionExponent)
///     s        = d when dilutesSpam and the comment makes no offer, else 1
///
/// so toxicity is 0 exactly when its four parts are, and a part never lowers a score. `d` is the
/// dilution of a long comment's heat (`dilution(words:)`): one rude word in a long argued
/// comment makes it less urgent than the same word alone, and so does a link or a contact phrase
/// (`dilutesSpam`), unless the comment makes an offer (a money promise or a phone number beside a
/// promotion), which is spam at any length; threats and identity attacks keep their own terms
/// undiluted, so a long threat still reaches the flag. `negativity`
/// (the sentiment's negative share) and `drift` are inputs from other stages (`TriageSignals`);
/// `opinion` is the strength of the evidence of category `negative` (insulting words said of a
/// thing, or in an ordinary sense), `heated` that of the evidence of category `heated` (`HeatedWords`).
/// The combination weights were chosen by cross-validation on the toxicity dev sets
/// (`scripts/fit-triage-weights`); `spam` is 1 by principle (a spam comment needs a moderator as it is).
public struct TriageWeights: Sendable, Equatable {
    /// Profanity counts a little less than a direct insult towards toxicity.
    public var profanity = 0.6
    /// Threats and identity attacks are raised above their share of toxicity: they are the
    /// comments a moderator must see first.
    public var threatBoost = 0.5
    /// Extra priority weight of an identity attack, beyond its part in toxicity.
    public var identityBoost = 0.3
    /// Spam enters priority as it is, so a clear spam comment (spam >= 0.5) is flagged on its own.
    public var spam = 1.0
    /// Shouting alone is rude but rarely needs a moderator.
    public var shoutingInPriority = 0.3
    /// Negative tone raises priority a little; it ranks comments no word list reaches.
    public var negativity = 0.3
    /// Insulting words said of things or in their ordinary sense ("ridiculous fee", "what lies"):
    /// evidence of category `negative`, no insult, but heated enough to rank a comment up. At most
    /// 0.5 by principle, so an opinion alone never reaches the flag threshold; chosen in 0…0.5 by
    /// cross-validation.
    public var opinion = 0.5
    /// Heated words (``HeatedWords``): coverage beyond the rules, so no more than an opinion. At most
    /// 0.5 by principle, so heated words alone never reach the flag threshold; chosen in 0…0.5 by
    /// cross-validation (`scripts/fit-triage-weights`).
    package var heated = 0.5
    /// A heated word counts from this rate on (the share of its uses annotators marked), scaled so
    /// that the floor counts 0 and a word marked in every use 1. Chosen in {0.4, 0.5} by
    /// cross-validation; `Lexicons/heated-words.tsv` keeps rates from 0.4 on.
    package var heatedFloor = 0.4
    /// Opinion words and heated words together count at most this in `priority` (the same word is
    /// often both: "this tax is stupid"). 0.4 by principle: words that no rule reads as aimed at
    /// anyone stay under the flag threshold, also beside the negative tone of an ordinary comment
    /// (0.4 ∪ 0.3 × a negative share of 1/3 < 0.5).
    package var wordsCap = 0.4
    /// Whether spam is diluted in a long comment like its heat (``dilution(words:)``): a link or a
    /// contact phrase inside a long argued comment is how readers cite and talk. A comment that
    /// makes an offer (a money promise or a phone number beside a promotion) keeps its spam whole
    /// at any length: a long sales pitch is still spam. Chosen by cross-validation
    /// (`scripts/fit-triage-weights`).
    package var dilutesSpam = true
    /// Off-topic comments are worth a look, not urgent.
    public var drift = 0.15
    /// Comments of up to this many words keep their heat whole; longer ones are diluted
    /// (``dilution(words:)``). 30 words (two or three sentences) covers every short moderation
    /// case; chosen in {20, 30, 40} by cross-validation (`scripts/fit-triage-weights`).
    package var dilutionWords = 30.0
    /// How fast a longer comment's heat is diluted: `d = (dilutionWords / words)^dilutionExponent`.
    /// 0 turns dilution off, 1 makes heat a density (per word); chosen in {0, 0.5, 0.75, 1} by
    /// cross-validation.
    package var dilutionExponent = 1.0
    /// A category is named in `reasons` from this strength on.
    public var reasonThreshold = 0.15
    /// The sentiment and drift inputs are named from this value on.
    public var signalReasonThreshold = 0.5

    // MARK: Context

    /// An insulting adjective or dismissive noun said of a thing ("ridiculous fee", "this plan is
    /// stupid") is an opinion, not an insult: its insult weight is scaled by this (0: none; it
    /// counts as opinion evidence instead).
    public var thing = 0.0
    /// A threat pattern with no person in sight ("I will destroy the argument") keeps this share.
    public var untargetedThreat = 0.4
    /// A harm verb aimed at a body part ("smash their teeth in", "break your legs") is this strong.
    public var bodyPartAct = 0.9
    /// A harm verb at least this strong ("shoot", "hurt") threatens any person after it; weaker ones
    /// ("knock", "break", "beat") only "you" or a body part.
    public var verbNeedsNoBody = 0.5
    /// Threat or exclusion under negation ("I would never hurt you", "should not be deported").
    public var negatedThreat = 0.3
    /// Words talked about rather than used ("he said he would kill", "calling people idiots").
    public var mention = 0.35

    /// The shipped weights (fitted by `scripts/fit-triage-weights`).
    public init() {}

    /// The share of its heat that a comment of `words` word tokens keeps in `priority`: 1 up to
    /// ``dilutionWords`` words, then `(dilutionWords / words)^dilutionExponent`. Annotators and
    /// moderators judge a comment as a whole, and the same insulting word weighs less inside a long
    /// argument than said alone (on the toxicity dev sets labelled comments are shorter).
    package func dilution(words: Int) -> Double {
        guard dilutionExponent > 0, Double(words) > dilutionWords, dilutionWords > 0 else { return 1 }
        return pow(dilutionWords / Double(words), dilutionExponent)
    }
}
