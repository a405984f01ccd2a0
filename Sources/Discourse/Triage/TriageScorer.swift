/// Scores one comment for moderation: insult, profanity, threat, identity attack, shouting, spam,
/// then the overall toxicity and the queue priority.
///
/// Lexicon and rule heuristics, not a trained model. Each category collects the strength of every
/// piece of evidence after its context was weighed (target, negation, mention, quoted from the
/// article), and combines them so that the strongest piece counts fully and each further one less
/// (a long comment with many mild words does not outrank one direct insult).
public struct TriageScorer: Sendable {
    public var lexicon: TriageLexicon
    public var weights: TriageWeights

    public init(lexicon: TriageLexicon = .embedded, weights: TriageWeights = TriageWeights()) {
        self.lexicon = lexicon
        self.weights = weights
    }

    /// Scores `text`. `context` holds the article and repeated texts of its file; `signals` the
    /// optional sentiment and drift inputs; `explain` keeps the evidence.
    public func score(
        _ text: TokenizedText, context: TriageContext = .empty, signals: TriageSignals = TriageSignals(),
        explain: Bool = false
    ) -> TriageScores {
        var evidence = EvidenceCollector(text: text, explain: explain)
        if !text.isEmpty {
            let matches = TriageMatches.find(in: text, lexicon: lexicon)
            let excluded = excludedTokens(text, context: context)
            let frames = FrameReader(text: text, matches: matches)
            let abuse = scoreAbuse(matches, frames: frames, excluded: excluded, into: &evidence)
            scoreThreats(text, matches: matches, frames: frames, excluded: excluded, into: &evidence)
            scoreIdentity(text, matches: matches, excluded: excluded, abuse: abuse, into: &evidence)
            ShoutingScore.add(text, into: &evidence)
            SpamScore.add(text, matches: matches, copies: context.copies(of: text), into: &evidence)
        }
        return combine(evidence, signals: signals)
    }

    /// Tokens whose words are someone else's: `> quoted` lines, `~~struck~~` text, and runs of words
    /// the article also has.
    func excludedTokens(_ text: TokenizedText, context: TriageContext) -> [Bool] {
        var excluded = text.tokens.map { $0.flags.contains(.quoted) || $0.flags.contains(.struck) }
        if let fromArticle = context.fromArticle(text) {
            for i in 0..<excluded.count where fromArticle[i] { excluded[i] = true }
        }
        return excluded
    }

    // MARK: Insult and profanity

    /// Adds insult, profanity and slur evidence; returns where abuse was found and how strong it
    /// was (identity attacks look for abuse near a group's name).
    func scoreAbuse(
        _ matches: TriageMatches, frames: FrameReader, excluded: [Bool], into evidence: inout EvidenceCollector
    ) -> [(start: Int, end: Int, strength: Double)] {
        let text = frames.text
        var found: [(start: Int, end: Int, strength: Double)] = []
        var seen = Set<Int>()  // one verdict per token span start and kind group
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
            switch entry.kind {
            case .profanity:
                if entry.ambiguity == .targeted && !(targeted || obfuscated) { continue }
                let strength = entry.weight * (f.mention ? 0.35 : 1)
                evidence.add(.profanity, strength, hit.start, hit.end)
                let insulting: TriageLexicon.ProfanityGroups = [
                    .generalInsult, .disability, .animal, .physical, .racial,
                ]
                // A swear word aimed at someone insults them ("you asshole", "Harper is an asshole"),
                // but "this traffic is shit" only swears: a named target needs a person noun, which
                // English marks with "a"/"an".
                let aimed =
                    f.target >= .standalone || (f.target == .named && frames.indefiniteArticle(before: hit.start))
                if !entry.groups.isDisjoint(with: insulting) || aimed {
                    let factor = entry.groups.isDisjoint(with: insulting) ? 0.85 : 1
                    let s = entry.weight * factor * f.target.multiplier * f.assertion
                    evidence.add(.insult, s, hit.start, hit.end)
                    abuse = max(abuse, s)
                }
                if entry.groups.contains(.racial)
                    || (entry.groups.contains(.orientationGender) && entry.severity >= 2.2)
                {
                    evidence.add(.identityAttack, strength, hit.start, hit.end)
                }
                abuse = max(abuse, strength)
            case .swear:
                let s = entry.weight * (f.mention ? 0.35 : 1)
                evidence.add(.profanity, s, hit.start, hit.end)
                abuse = max(abuse, s * 0.5)
            case .dismissal:
                let s = entry.weight * f.assertion
                evidence.add(.insult, s, hit.start, hit.end)
                abuse = s
            case .insultPerson, .insultQuality, .insultContent:
                var multiplier = f.target.multiplier
                if entry.kind == .insultContent, f.target == .none { multiplier = 0.6 }
                let s = entry.weight * multiplier * f.assertion
                evidence.add(.insult, s, hit.start, hit.end)
                abuse = s
            default:
                continue
            }
            seen.insert(hit.start * 8 + (entry.kind == .profanity ? 1 : 0))
            found.append((hit.start, hit.end, abuse))
        }
        return found
    }

    // MARK: Threat

    /// Threat patterns inside one sentence: a listed phrase; an intent cue then a harm verb (with a
    /// target after it); a harm verb aimed at "you"; an imperative harm verb with a target; "should
    /// be" then a harmed participle; a wish then an outcome ("hope you die").
    func scoreThreats(
        _ text: TokenizedText, matches: TriageMatches, frames: FrameReader, excluded: [Bool],
        into evidence: inout EvidenceCollector
    ) {
        typealias Kind = TriageLexicon.Kind
        var intentEnd: [Int: Double] = [:]
        var passiveEnd: [Int: Double] = [:]
        var outcomeStart: [Int: Double] = [:]
        for hit in matches.hits {
            switch hit.entry.kind {
            case .threatIntent: intentEnd[hit.end - 1] = max(intentEnd[hit.end - 1] ?? 0, hit.entry.weight)
            case .threatPassive: passiveEnd[hit.end - 1] = max(passiveEnd[hit.end - 1] ?? 0, hit.entry.weight)
            case .threatOutcome: outcomeStart[hit.start] = max(outcomeStart[hit.start] ?? 0, hit.entry.weight)
            default: break
            }
        }
        let n = text.count
        func sameSentence(_ a: Int, _ b: Int) -> Bool { text[a].sentence == text[b].sentence }
        /// A negation before `i` or between `i` and `end` ("I would never kill you").
        func negated(_ i: Int, _ end: Int) -> Bool {
            for k in i..<end where matches.endMask[k] & Kind.negation.bit != 0 { return true }
            var k = i - 1
            var steps = 0
            while k >= 0, steps < 3, sameSentence(k, i) {
                if matches.endMask[k] & Kind.negation.bit != 0 { return true }
                k -= 1
                steps += 1
            }
            return false
        }
        /// A person after a harm verb: a pronoun, a name, a group, an insulting noun.
        func targetAfter(_ end: Int, allowArticle: Bool) -> Bool {
            var j = end
            var steps = 0
            while j < n, steps < 3, sameSentence(j, end - 1) {
                let t = text[j]
                let mask = matches.startMask[j]
                if mask
                    & (Kind.secondPerson.bit | Kind.thirdPerson.bit | Kind.identityGroup.bit | Kind.insultPerson.bit
                        | Kind.identityGeneralizer.bit) != 0
                {
                    return true
                }
                if t.kind == .word, t.flags.contains(.capitalized) { return true }
                if allowArticle, Self.determiners.contains(t.key), j + 1 < n, text[j + 1].kind == .word { return true }
                if t.kind != .word { return false }
                j += 1
                steps += 1
            }
            return false
        }
        func isSentenceStart(_ i: Int) -> Bool {
            var k = i - 1
            while k >= 0, sameSentence(k, i) {
                let t = text[k]
                if t.kind == .word || t.kind == .number { return FrameReader.isInterjection(text, k) && k == 0 }
                k -= 1
            }
            return true
        }
        for hit in matches.hits {
            if (hit.start..<hit.end).contains(where: { excluded[$0] }) { continue }
            let w = hit.entry.weight
            var strength = 0.0
            var from = hit.start
            switch hit.entry.kind {
            case .threatPhrase:
                strength = w
            case .threatHarm:
                var intent = 0.0
                var k = hit.start - 1
                var steps = 0
                while k >= 0, steps < 4, sameSentence(k, hit.start) {
                    if let iw = intentEnd[k] {
                        intent = iw
                        from = matches.endStart[k]
                        break
                    }
                    k -= 1
                    steps += 1
                }
                let secondNext =
                    (hit.end < n && matches.startMask[hit.end] & Kind.secondPerson.bit != 0)
                    || (hit.end + 1 < n && matches.startMask[hit.end + 1] & Kind.secondPerson.bit != 0
                        && matches.startMask[hit.end] & Kind.filler.bit != 0)
                if intent > 0 {
                    strength = min(intent, w) * (targetAfter(hit.end, allowArticle: false) ? 1 : 0.4)
                } else if secondNext {
                    strength = 0.75 * w
                } else if isSentenceStart(hit.start), targetAfter(hit.end, allowArticle: w >= 0.8) {
                    strength = 0.6 * w
                }
            case .threatHarmed:
                var k = hit.start - 1
                var steps = 0
                while k >= 0, steps < 2, sameSentence(k, hit.start) {
                    if let pw = passiveEnd[k] {
                        strength = pw * w
                        from = matches.endStart[k]
                        break
                    }
                    k -= 1
                    steps += 1
                }
            case .threatWish:
                for j in hit.end..<min(n, hit.end + 3) where sameSentence(j, hit.start) {
                    if let ow = outcomeStart[j] {
                        strength = w * ow
                        break
                    }
                }
            default:
                continue
            }
            guard strength > 0 else { continue }
            if negated(from, hit.start) { strength *= 0.3 }
            let f = frames.frame(start: from, end: hit.end)
            if f.mention { strength *= 0.35 }
            evidence.add(.threat, strength, from, hit.end)
        }
    }

    // MARK: Identity attack

    /// A group named together with an insult, a slur, a dehumanising word or an exclusion phrase
    /// near it in the same sentence. A group named on its own is never an attack.
    func scoreIdentity(
        _ text: TokenizedText, matches: TriageMatches, excluded: [Bool],
        abuse: [(start: Int, end: Int, strength: Double)], into evidence: inout EvidenceCollector
    ) {
        let groups = matches.hits.filter {
            $0.entry.kind == .identityGroup && !(($0.start..<$0.end).contains { excluded[$0] })
        }
        guard !groups.isEmpty else { return }
        var generalizerEnd = Set<Int>()
        for hit in matches.hits where hit.entry.kind == .identityGeneralizer { generalizerEnd.insert(hit.end - 1) }
        let window = Self.identityWindow
        func near(_ a: Int, _ b: Int, _ group: TriageHit) -> Bool {
            text[a].sentence == text[group.start].sentence
                && (abs(a - group.start) <= window || abs(b - 1 - (group.end - 1)) <= window)
        }
        for group in groups {
            let generalized = generalizerEnd.contains(group.start - 1) || generalizerEnd.contains(group.start - 2)
            var strength = 0.0
            for a in abuse where near(a.start, a.end, group) {
                strength = max(strength, a.strength * (generalized ? 1 : 0.85))
            }
            for hit in matches.hits where near(hit.start, hit.end, group) {
                if (hit.start..<hit.end).contains(where: { excluded[$0] }) { continue }
                switch hit.entry.kind {
                case .identityDehumanizing: strength = max(strength, hit.entry.weight * 0.9)
                case .identityExclusion: strength = max(strength, hit.entry.weight)
                default: break
                }
            }
            if strength > 0 { evidence.add(.identityAttack, strength * group.entry.weight, group.start, group.end) }
        }
    }

    static let determiners = TermSet(
        ["the", "that", "this", "these", "those"].map { TermHash.of(normalized: $0) })

    /// Tokens between a group's name and the abuse that makes it an attack.
    static let identityWindow = 6

    // MARK: Combining

    func combine(_ evidence: EvidenceCollector, signals: TriageSignals) -> TriageScores {
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
        s.toxicity = Self.union([
            s.insult, w.profanity * s.profanity, s.threat, s.identityAttack, w.shoutingInToxicity * s.shouting,
            w.negativity * negativity,
        ])
        s.priority = Self.union([
            s.toxicity, w.threatBoost * s.threat, w.identityBoost * s.identityAttack, w.spam * s.spam,
            w.shoutingInPriority * s.shouting, w.drift * drift,
        ])
        var reasons: [(TriageCategory, Double)] = [
            (.insult, s.insult), (.profanity, s.profanity), (.threat, s.threat), (.identityAttack, s.identityAttack),
            (.shouting, s.shouting), (.spam, s.spam),
        ].filter { $0.1 >= w.reasonThreshold }
        if negativity >= w.signalReasonThreshold { reasons.append((.negative, negativity)) }
        if drift >= w.signalReasonThreshold { reasons.append((.drift, drift)) }
        s.reasons = reasons.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
        s.evidence = evidence.items.sorted { $0.strength > $1.strength }
        return s
    }

    /// Probability-style union: 1 − ∏(1 − xᵢ).
    static func union(_ values: [Double]) -> Double {
        var keep = 1.0
        for v in values { keep *= 1 - min(1, max(0, v)) }
        return 1 - keep
    }
}

/// The constants that turn category strengths into toxicity and priority, in one place so they are
/// documented and tested together.
public struct TriageWeights: Sendable, Equatable {
    /// Profanity counts a little less than a direct insult towards toxicity.
    public var profanity = 0.85
    /// Shouting alone is rude but rarely needs a moderator.
    public var shoutingInToxicity = 0.1
    /// Negative tone (sentiment input) raises toxicity a little; it ranks comments no word list reaches.
    public var negativity = 0.3
    /// Threats and identity attacks are raised above their share of toxicity: they are the
    /// comments a moderator must see first.
    public var threatBoost = 0.5
    public var identityBoost = 0.3
    public var spam = 0.6
    public var shoutingInPriority = 0.1
    /// Off-topic comments are worth a look, not urgent.
    public var drift = 0.15
    /// A category is named in `reasons` from this strength on.
    public var reasonThreshold = 0.15
    /// The sentiment and drift inputs are named from this value on.
    public var signalReasonThreshold = 0.5

    public init() {}
}

/// Collects evidence per category; the strongest piece counts fully, the next ones less. The same
/// term said twice counts once (at its stronger reading): repeating a word is not new evidence.
struct EvidenceCollector {
    let text: TokenizedText
    let explain: Bool
    var strengths: [TriageCategory: [UInt64: Double]] = [:]
    var items: [TriageEvidence] = []

    init(text: TokenizedText, explain: Bool) {
        self.text = text
        self.explain = explain
    }

    /// Each further piece of evidence counts this much less than the one before.
    static let decay = 0.6

    mutating func add(_ category: TriageCategory, _ strength: Double, _ start: Int, _ end: Int) {
        guard start >= 0, end > start, end <= text.count else { return }
        record(
            category, strength, key: text.key(from: start, count: end - start),
            label: explain ? surface(start, end) : "")
    }

    mutating func add(_ category: TriageCategory, _ strength: Double, label: String) {
        record(category, strength, key: TermHash.of(normalized: label), label: label)
    }

    private mutating func record(_ category: TriageCategory, _ strength: Double, key: UInt64, label: String) {
        guard strength > 0 else { return }
        let s = min(1, strength)
        let previous = strengths[category, default: [:]][key]
        strengths[category, default: [:]][key] = max(previous ?? 0, s)
        guard explain else { return }
        if let previous {
            guard s > previous,
                let i = items.firstIndex(where: {
                    $0.category == category && $0.text.lowercased() == label.lowercased()
                })
            else { return }
            items[i].strength = s
        } else {
            items.append(TriageEvidence(category: category, text: label, strength: s))
        }
    }

    func surface(_ start: Int, _ end: Int) -> String {
        let a = Int(text[start].start)
        let b = Int(text[end - 1].end)
        return String(decoding: text.bytes[a..<b], as: UTF8.self)
    }

    func value(_ category: TriageCategory) -> Double {
        guard let list = strengths[category] else { return 0 }
        var keep = 1.0
        var factor = 1.0
        for s in list.values.sorted(by: >) {
            keep *= 1 - s * factor
            factor *= Self.decay
        }
        return 1 - keep
    }
}
