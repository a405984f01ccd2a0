/// Scores one comment for moderation: insult, profanity, threat, identity attack, shouting, spam,
/// then the overall toxicity and the queue priority.
///
/// Lexicon and rule heuristics, not a trained model. Each category collects the strength of every
/// piece of evidence after its context was weighed (target, negation, mention, quoted from the
/// article), and combines them so that the strongest piece counts fully and each further one less
/// (a long comment with many mild words does not outrank one direct insult).
package struct TriageScorer: Sendable {
    package var lexicon: TriageLexicon
    package var weights: TriageWeights
    /// Coverage beside the rules: words that make a comment heated (``HeatedWords``).
    package var heatedWords: HeatedWords = .embedded

    package init(lexicon: TriageLexicon = .embedded, weights: TriageWeights = TriageWeights()) {
        self.lexicon = lexicon
        self.weights = weights
    }

    /// Scores `text`. `context` holds the article and repeated texts of its file; `signals` the
    /// optional sentiment and drift inputs; `explain` keeps the evidence.
    package func score(
        _ text: TokenizedText, context: TriageContext = .empty, signals: TriageSignals = TriageSignals(),
        explain: Bool = false
    ) -> TriageScores {
        var evidence = EvidenceCollector(text: text, explain: explain)
        var offers = false
        if !text.isEmpty {
            let matches = TriageMatches.find(in: text, lexicon: lexicon)
            let excluded = excludedTokens(text, context: context)
            let frames = FrameReader(text: text, matches: matches)
            let abuse = scoreAbuse(matches, frames: frames, excluded: excluded, into: &evidence)
            scoreThreats(text, matches: matches, frames: frames, excluded: excluded, into: &evidence)
            scoreIdentity(text, matches: matches, excluded: excluded, abuse: abuse, into: &evidence)
            var excludedOrAllowed = excluded
            for range in matches.allowed { for i in range { excludedOrAllowed[i] = true } }
            heatedWords.add(text, excluded: excludedOrAllowed, floor: weights.heatedFloor, into: &evidence)
            ShoutingScore.add(text, into: &evidence)
            offers = SpamScore.add(
                text, matches: matches, lexicon: lexicon, copies: context.copies(of: text), into: &evidence)
        }
        // A comment of no more tokens than the dilution's reference length is not diluted, so
        // only longer ones pay for counting their words.
        let words = Double(text.count) > weights.dilutionWords ? text.wordCount : text.count
        return combine(evidence, signals: signals, words: words, offers: offers)
    }

    /// Tokens whose words are someone else's: `> quoted` lines, `~~struck~~` text, and runs of words
    /// the article also has.
    ///
    /// A comment whose every word is quoted or struck is read whole: the quote marker or the
    /// strikethrough then frames no words of the writer's own, and a reader still sees every word,
    /// so `> you idiot` or `~~you idiot~~` alone must not hide abuse from the queue.
    func excludedTokens(_ text: TokenizedText, context: TriageContext) -> [Bool] {
        // One pass: mark the quoted and struck tokens, and see whether a word of the writer's own is left.
        var excluded = [Bool](repeating: false, count: text.count)
        var marked = false
        var ownWord = false
        for i in 0..<text.count {
            let t = text[i]
            if t.flags.contains(.quoted) || t.flags.contains(.struck) {
                excluded[i] = true
                marked = true
            } else if t.kind == .word {
                ownWord = true
            }
        }
        if marked && !ownWord { excluded = [Bool](repeating: false, count: excluded.count) }
        if let fromArticle = context.fromArticle(text) {
            for i in 0..<excluded.count where fromArticle[i] { excluded[i] = true }
        }
        return excluded
    }

    // MARK: Insult and profanity

    /// Adds insult, profanity and slur evidence; returns where abuse was found, how strong it was
    /// and whether it was aimed at the reader (identity attacks look for abuse near a group's name).
    func scoreAbuse(
        _ matches: TriageMatches, frames: FrameReader, excluded: [Bool], into evidence: inout EvidenceCollector
    ) -> [Abuse] {
        let text = frames.text
        var found: [Abuse] = []
        // One verdict per token span start and kind group: a short list searched linearly (a comment
        // has few abusive hits), hashed once it grows (a long run of listed words would make the
        // linear search quadratic).
        var seen = SeenSpans()
        for hit in matches.hits where hit.entry.kind.isAbusive {
            if (hit.start..<hit.end).contains(where: { excluded[$0] }) { continue }
            // Overlapping hits of the same word (a listed phrase and its words) count once, longest first.
            if seen.contains(hit.start * 8 + (hit.entry.kind == .profanity ? 1 : 0)) { continue }
            let entry = hit.entry
            let f = frames.frame(start: hit.start, end: hit.end)
            let targeted = f.target >= .named
            let obfuscated =
                hit.route == .obfuscated || hit.route == .spaced
                || (hit.start..<hit.end).contains { text[$0].flags.contains(.obfuscated) }
            var abuse = 0.0
            let w = weights
            // An insulting word the writer says of themself ("I'm such an idiot") insults nobody:
            // profanity still counts as profanity, nothing counts as an insult.
            let selfDirected = f.subject == .writer
            switch entry.kind {
            case .profanity:
                if entry.ambiguity == .targeted && !(targeted || obfuscated) { continue }
                let strength = entry.weight * (f.mention ? w.mention : 1)
                evidence.add(.profanity, strength, hit.start, hit.end)
                let insulting: TriageLexicon.ProfanityGroups = [
                    .generalInsult, .disability, .animal, .physical, .racial,
                ]
                // A swear word aimed at someone insults them ("you asshole", "Harper is an asshole"),
                // but "this traffic is shit" only swears: a named target needs a person noun, which
                // English marks with "a"/"an".
                let aimed =
                    f.target >= .standalone || (f.target == .named && frames.indefiniteArticle(before: hit.start))
                if !selfDirected, !entry.groups.isDisjoint(with: insulting) || aimed {
                    let factor = entry.groups.isDisjoint(with: insulting) ? TriageWeights.Rules.aimedSwearInsult : 1
                    let s = entry.weight * factor * f.target.multiplier * f.assertion(w)
                    evidence.add(.insult, s, hit.start, hit.end)
                    abuse = max(abuse, s)
                }
                if entry.groups.contains(.racial)
                    || (entry.groups.contains(.orientationGender) && entry.severity >= 2.2)
                {
                    evidence.add(.identityAttack, strength, hit.start, hit.end)
                }
                abuse = max(abuse, strength)
            case .slur:
                let s = entry.weight * f.assertion(w)
                evidence.add(.identityAttack, s, hit.start, hit.end)
                evidence.add(
                    .insult, s * TriageWeights.Rules.aimedSwearInsult * f.target.multiplier, hit.start, hit.end)
                abuse = s
            case .swear:
                let s = entry.weight * (f.mention ? w.mention : 1)
                evidence.add(.profanity, s, hit.start, hit.end)
                abuse = max(abuse, s * TriageWeights.Rules.swearAbuse)
            case .dismissal:
                let s = entry.weight * f.assertion(w)
                evidence.add(.insult, s, hit.start, hit.end)
                abuse = s
            case .insultPerson, .insultQuality, .insultContent:
                if selfDirected { continue }
                // A word that is also ordinary ("lying", "sick", "crap") insults only in an insulting
                // frame: addressed ("you're sick"), exclaimed ("what a lying…"), or put on a person
                // ("lying politicians"); "the scooter was lying", "he was sick" are no insults.
                var multiplier = f.target.multiplier
                if entry.kind == .insultContent, f.target == .none {
                    multiplier = TriageWeights.Rules.untargetedContent
                }
                // What the word says as an opinion: it still tells a moderator the comment is
                // heated, so it raises priority (category `negative`), but it is no insult.
                let opinion = entry.weight * multiplier * f.assertion(w)
                if entry.ambiguity == .targeted, !(f.target >= .exclamative || frames.modifiesPerson(hit.end)) {
                    evidence.add(.negative, opinion, hit.start, hit.end)
                    continue
                }
                // An opinion about a thing ("a ridiculous fee", "this plan is stupid") is negative
                // sentiment, not an insult. A person noun said of a thing without an article is used
                // as an adjective ("this article is racist"): an opinion too, unlike "he is a racist".
                let predicateOfThing =
                    entry.kind == .insultPerson && f.subject == .thing && !frames.indefiniteArticle(before: hit.start)
                if predicateOfThing || entry.kind != .insultPerson,
                    f.subject == .thing || (entry.kind == .insultQuality && frames.modifiesThing(hit.end))
                {
                    multiplier *= w.thing
                    evidence.add(.negative, opinion, hit.start, hit.end)
                }
                let s = entry.weight * multiplier * f.assertion(w)
                evidence.add(.insult, s, hit.start, hit.end)
                abuse = s
            default:
                continue
            }
            seen.insert(hit.start * 8 + (entry.kind == .profanity ? 1 : 0))
            found.append(Abuse(start: hit.start, end: hit.end, strength: abuse, atReader: f.target == .second))
        }
        return found
    }

    /// One abusive word as ``scoreAbuse(_:frames:excluded:into:)`` found it.
    struct Abuse {
        var start: Int
        var end: Int
        var strength: Double
        /// Said to the reader ("you're a bigot"): an insult of that person, not of a group named nearby.
        var atReader: Bool
    }

    // MARK: Combining

    /// The scores from the evidence and the other stages' signals; `words` (the comment's word
    /// tokens) sets the dilution of its heat (``TriageWeights/dilution(words:)``), and a comment
    /// that `offers` money or a phone number keeps its spam whole at any length.
    func combine(
        _ evidence: EvidenceCollector, signals: TriageSignals, words: Int, offers: Bool
    ) -> TriageScores {
        var s = TriageScores()
        s.insult = evidence.value(.insult)
        s.profanity = evidence.value(.profanity)
        s.threat = evidence.value(.threat)
        s.identityAttack = evidence.value(.identityAttack)
        s.shouting = evidence.value(.shouting)
        s.spam = evidence.value(.spam)
        let w = weights
        let negativity = min(1, max(0, signals.negativity ?? 0))
        let drift = min(1, max(0, signals.drift ?? 0))
        s.toxicity = Self.union([s.insult, w.profanity * s.profanity, s.threat, s.identityAttack])
        let opinion = evidence.value(.negative)
        let d = w.dilution(words: words)
        let wordsTerm = d * min(w.wordsCap, Self.union([w.opinion * opinion, w.heated * evidence.value(.heated)]))
        s.priority = Self.union([
            d * s.toxicity, w.threatBoost * s.threat, w.identityBoost * s.identityAttack,
            (w.dilutesSpam && !offers ? d : 1) * w.spam * s.spam,
            d * w.shoutingInPriority * s.shouting, d * w.negativity * negativity, wordsTerm, w.drift * drift,
        ])
        // Built by appending only what passes: most comments give no reason, and then no array of
        // (category, value) pairs is allocated, filtered or sorted at all.
        var reasons: [(TriageCategory, Double)] = []
        func consider(_ category: TriageCategory, _ value: Double) {
            if value >= w.reasonThreshold { reasons.append((category, value)) }
        }
        consider(.insult, s.insult)
        consider(.profanity, s.profanity)
        consider(.threat, s.threat)
        consider(.identityAttack, s.identityAttack)
        consider(.shouting, s.shouting)
        consider(.spam, s.spam)
        // Opinion and heated words raise priority as much as a mild insult can, so a moderator is
        // told why: they are the comment's negative tone in its own words. When an insult or
        // another toxic category fired, those words are already named by it.
        let wordsAlone = s.toxicity < w.reasonThreshold && wordsTerm >= w.reasonThreshold
        if negativity >= w.signalReasonThreshold || wordsAlone {
            reasons.append((.negative, wordsAlone ? max(negativity, wordsTerm) : negativity))
        }
        if drift >= w.signalReasonThreshold { reasons.append((.drift, drift)) }
        if !reasons.isEmpty {
            reasons.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            s.reasons = reasons.map(\.0)
        }
        s.evidence = evidence.finished()
        return s
    }

    /// Probability-style union (noisy-or): 1 − ∏(1 − xᵢ).
    static func union(_ values: [Double]) -> Double {
        var keep = 1.0
        for v in values { keep *= 1 - min(1, max(0, v)) }
        return 1 - keep
    }
}

/// A set of small integers that is a plain list while short and a hash set once it grows.
struct SeenSpans {
    private var list: [Int] = []
    private var set: Set<Int>?
    private static let hashFrom = 32

    /// - Complexity: O(1) amortized once hashed, else O(count) up to ``hashFrom``.
    func contains(_ value: Int) -> Bool { set?.contains(value) ?? list.contains(value) }

    mutating func insert(_ value: Int) {
        if set != nil {
            set?.insert(value)
            return
        }
        list.append(value)
        if list.count > Self.hashFrom {
            set = Set(list)
            list = []
        }
    }
}
