/// The rule numbers of the triage stage beside the combination weights: how strong a piece of
/// evidence is before it is combined. Fixed by principle (a clear signal alone stays under the flag
/// threshold of 0.5, two different signals cross it; a weaker reading counts less than a stronger
/// one), not fitted; kept here so that every number of the stage is in one documented place.
extension TriageWeights {
    /// The numbers of the spam score, fixed by principle (a clear signal alone stays under the flag
    /// threshold of 0.5, two different signals cross it) rather than fitted.
    enum Spam {
        /// Phrases at least this strong count on their own.
        static let strongPhrase = 0.4
        /// A link to a domain neither listed as a site nor by its top-level domain.
        static let unknownDomain = 0.3
        /// A link at least this strong (an unusual top-level domain, a hyphenated name, a shortener)
        /// promotes: it lets amounts, phone numbers and weak phrases count.
        static let unlistedLink = 0.3
        /// Share of their strength that character, word and emoji floods count.
        static let flood = 0.6
        /// A link to a hyphenated domain name ("easy-cash-now.biz").
        static let hyphenatedDomain = 0.45
        /// An amount of money with a rate or an earning verb ("$300 a day", "made 8000 dollars").
        static let moneyPromise = 0.45
        /// Nine or more digits in a row of numbers ("+44 7700 900123", "0800 123 456").
        static let phoneDigits = 9
        static let phoneNumber = 0.35
        /// The same text posted again in the file: 2 copies count this much, each further one more.
        static let repeatBase = 0.35
        static let repeatStep = 0.15
        static let repeatMax = 0.85
        /// Floods: a run of the same word from `wordFloodRun` words on counts `wordFloodBase`, each
        /// further word `wordFloodStep` more, at most `wordFloodMax` (all times `flood`).
        static let wordFloodRun = 4
        static let wordFloodBase = 0.3
        static let wordFloodStep = 0.05
        static let wordFloodMax = 0.6
        /// A letter repeated `letterFloodRun` times ("soooooo") counts `letterFlood`, from
        /// `longLetterFloodRun` on `longLetterFlood`.
        static let letterFloodRun = 6
        static let letterFlood = 0.2
        static let longLetterFloodRun = 10
        static let longLetterFlood = 0.35
        /// A run of `punctuationFloodRun` punctuation marks.
        static let punctuationFloodRun = 20
        static let punctuationFlood = 0.15
        /// `emojiFloodCount` emoji or more: `emojiFloodBase`, each further one `emojiFloodStep`, at
        /// most `emojiFloodMax`.
        static let emojiFloodCount = 6
        static let emojiFloodBase = 0.2
        static let emojiFloodStep = 0.03
        static let emojiFloodMax = 0.5

        static let currencyWords = TermSet(
            ["dollars", "dollar", "usd", "pounds", "gbp", "euros", "eur", "bucks", "k"].map {
                TermHash.of(normalized: $0)
            })
        static let rateWords = TermSet(
            [
                "hour", "hourly", "day", "daily", "week", "weekly", "month", "monthly", "per", "each", "every",
                "guaranteed", "online",
            ].map { TermHash.of(normalized: $0) })
        static let earnWords = TermSet(
            ["earn", "earns", "earned", "earning", "make", "makes", "made", "making", "win", "won", "get", "paid"]
                .map { TermHash.of(normalized: $0) })
    }

    /// The numbers of the shouting score (``ShoutingScore``).
    enum Shouting {
        /// Capitals count by letters of words of at least this many letters (one-letter words and
        /// "I" never shout).
        static let minimumWordLength = 2
        /// With `minimumWords` words or more, the share of capital letters shouts from `ratioFloor`
        /// on, fully at `ratioFloor + ratioSpan`.
        static let minimumWords = 3
        static let ratioFloor = 0.35
        static let ratioSpan = 0.45
        /// Shorter comments shout from `shortCapitals` capital letters on, at `shortFactor` times
        /// their share of capitals ("NO" does not, "LOSERS" does).
        static let shortCapitals = 5
        static let shortFactor = 0.6
        /// A run of `runWords` or more capitalised words of `runWordLength`+ letters shouts at least
        /// `runBase`, each further word `runStep` more, at most `runMax`.
        static let runWordLength = 3
        static let runWords = 3
        static let runBase = 0.3
        static let runStep = 0.1
        static let runMax = 0.6
        /// Runs of `!`/`?`: two marks count `twoMarks`, three or more `manyMarks`; the evidence label
        /// shows at most `labelMarks` of them.
        static let twoMarks = 0.2
        static let manyMarks = 0.35
        static let labelMarks = 5
    }

    /// How the insult, threat and identity rules weigh a piece of evidence in its frame.
    enum Rules {
        /// A swear word that is no insult word aimed at someone ("you asshole") counts this share as
        /// an insult; a slur counts this share as an insult too.
        static let aimedSwearInsult = 0.85
        /// A dismissive noun ("drivel") with nobody in sight keeps this share of its weight.
        static let untargetedContent = 0.6
        /// A mild swear word ("damn") is this much abuse near a group's name.
        static let swearAbuse = 0.5
        /// Target multipliers of an insulting word (``TargetFrame/Target``): none, a named person,
        /// a standalone label ("Idiot."), an exclamation ("what a moron"), the reader ("you idiot": 1).
        static let noTarget = 0.5
        static let namedTarget = 0.85
        static let standaloneTarget = 0.9
        static let exclamativeTarget = 0.95
        /// A negation just before an insulting word ("not an idiot") keeps this share.
        static let negatedInsult = 0.5
        /// A harm verb without intent, aimed at "you" or at a pronoun at the start of a sentence
        /// ("beat you up"), threatens this much of its act; a strong verb at the start of a sentence
        /// aimed at a person less.
        static let addressedAct = 0.75
        static let sentenceStartAct = 0.6
        /// Harm verbs at least this strong may take "a"/"the" + noun as their target ("shoot the guy").
        static let articleTargetVerb = 0.8
        /// Abuse near a group's name without a generaliser ("all", "every") counts this share as an
        /// identity attack; a dehumanising word this share of its weight.
        static let ungeneralizedAbuse = 0.85
        static let dehumanizing = 0.9
    }
}
