extension TriageScorer {
    /// Threat patterns inside one sentence (`threats.tsv`):
    /// - a listed phrase ("I know where you live", "kill yourself");
    /// - intent, a violent act and a target: an intent cue ("I will", "someone should", "I'm going
    ///   to", also after a condition: "if I see you again I will …") before a harm verb, with a
    ///   person after it ("smash their teeth in", "hurt you", "shoot the mayor");
    /// - a harm verb aimed at "you", or an imperative harm verb that opens its sentence with a target;
    /// - a passive or seeing cue then a harmed participle ("should be shot", "want to see him hanged",
    ///   "should be lined up and shot");
    /// - a wish then an outcome ("hope you die", "may your house burn").
    ///
    /// A harm verb aimed at a body part ("break your legs") is a violent act whatever the verb's own
    /// weight. Idioms ("killing me", "kill two birds") are allow-listed phrases, so nothing in them
    /// counts. Negation ("I would never hurt you") and mention ("he said he would kill") weaken.
    func scoreThreats(
        _ text: TokenizedText, matches: TriageMatches, frames: FrameReader, excluded: [Bool],
        into evidence: inout EvidenceCollector
    ) {
        let w = weights
        guard let reader = ThreatReader(text, matches: matches, weights: w) else { return }
        for hit in matches.hits {
            if (hit.start..<hit.end).contains(where: { excluded[$0] }) { continue }
            guard var found = reader.strength(of: hit), found.strength > 0 else { continue }
            if reader.negated(found.from, hit.start) { found.strength *= w.negatedThreat }
            let f = frames.frame(start: found.from, end: hit.end)
            if f.mention { found.strength *= w.mention }
            evidence.add(.threat, found.strength, found.from, max(found.to, hit.end))
        }
    }
}

/// Reads the threat patterns of one comment: where its intent, passive and outcome cues end or
/// start, and, for each threat hit, how strong a threat it makes and which tokens it spans.
struct ThreatReader {
    typealias Kind = TriageLexicon.Kind

    let text: TokenizedText
    let matches: TriageMatches
    let weights: TriageWeights
    /// Strongest intent cue ("I will", "someone should") ending at each token.
    var intentEnd: [Int: Double] = [:]
    /// Strongest passive or seeing cue ("should be", "want to see him") ending at each token.
    var passiveEnd: [Int: Double] = [:]
    /// Strongest outcome ("die", "burn") starting at each token.
    var outcomeStart: [Int: Double] = [:]

    static let personBits =
        Kind.secondPerson.bit | Kind.thirdPerson.bit | Kind.identityGroup.bit | Kind.insultPerson.bit
        | Kind.identityGeneralizer.bit | Kind.person.bit | Kind.possessive.bit

    /// Nil when the comment has no threat cue at all (the common case: nothing to read).
    init?(_ text: TokenizedText, matches: TriageMatches, weights: TriageWeights) {
        self.text = text
        self.matches = matches
        self.weights = weights
        for hit in matches.hits {
            switch hit.entry.kind {
            case .threatIntent: intentEnd[hit.end - 1] = max(intentEnd[hit.end - 1] ?? 0, hit.entry.weight)
            case .threatPassive: passiveEnd[hit.end - 1] = max(passiveEnd[hit.end - 1] ?? 0, hit.entry.weight)
            case .threatOutcome: outcomeStart[hit.start] = max(outcomeStart[hit.start] ?? 0, hit.entry.weight)
            default: break
            }
        }
        guard
            !(intentEnd.isEmpty && passiveEnd.isEmpty && outcomeStart.isEmpty)
                || matches.hits.contains(where: { $0.entry.kind == .threatPhrase || $0.entry.kind == .threatHarm })
        else { return nil }
    }

    /// The threat `hit` makes: its strength (before negation and mention) and its span, or nil
    /// when the hit is no threat pattern.
    func strength(of hit: TriageHit) -> (strength: Double, from: Int, to: Int)? {
        let weight = hit.entry.weight
        switch hit.entry.kind {
        case .threatPhrase:
            return (weight, hit.start, hit.end)
        case .threatHarm:
            return harm(hit)
        case .threatHarmed:
            // "should be shot", "should be lined up and shot", "want to see him hanged".
            guard let k = cue(in: passiveEnd, before: hit.start), let pw = passiveEnd[k] else {
                return (0, hit.start, hit.end)
            }
            return (pw * weight, matches.endStart[k], hit.end)
        case .threatWish:
            for j in hit.end..<min(text.count, hit.end + 5) where sameSentence(j, hit.start) {
                if let ow = outcomeStart[j] { return (weight * ow, hit.start, j + 1) }
            }
            return (0, hit.start, hit.end)
        default:
            return nil
        }
    }

    /// A harm verb: with an intent cue before it, aimed at "you", or an imperative that opens its
    /// sentence with a target.
    func harm(_ hit: TriageHit) -> (strength: Double, from: Int, to: Int) {
        let n = text.count
        let weight = hit.entry.weight
        var from = hit.start
        var to = hit.end
        var intent = 0.0
        if let k = cue(in: intentEnd, before: hit.start), let iw = intentEnd[k] {
            intent = iw
            from = matches.endStart[k]
        }
        var act = weight
        // A pronoun inside the verb phrase is its target ("run him over", "beat you up").
        var target = (hit.start + 1..<hit.end).contains {
            matches.startMask[$0] & (Kind.secondPerson.bit | Kind.thirdPerson.bit) != 0
        }
        if let bodyEnd = bodyPartAfter(hit.end) {
            act = max(act, weights.bodyPartAct)
            target = true
            to = bodyEnd
        }
        let secondNext =
            (hit.end < n && matches.startMask[hit.end] & Kind.secondPerson.bit != 0)
            || (hit.end + 1 < n && matches.startMask[hit.end + 1] & Kind.secondPerson.bit != 0
                && matches.startMask[hit.end] & Kind.filler.bit != 0)
        // A weak verb ("knock", "break") is violent only against someone or a body part:
        // "I'll knock your teeth out", not "I'll knock on your door".
        let strongVerb = weight >= weights.verbNeedsNoBody
        let allowArticle = weight >= TriageWeights.Rules.articleTargetVerb
        var strength = 0.0
        if intent > 0 {
            target = target || secondNext || (strongVerb && targetAfter(hit.end, allowArticle: allowArticle))
            strength = min(intent, act) * (target ? 1 : weights.untargetedThreat)
        } else if secondNext || (target && isSentenceStart(hit.start)) {
            strength = TriageWeights.Rules.addressedAct * act
        } else if strongVerb, isSentenceStart(hit.start), targetAfter(hit.end, allowArticle: allowArticle) {
            strength = TriageWeights.Rules.sentenceStartAct * act
        }
        return (strength, from, to)
    }

    /// The nearest token within four words before `start`, in its sentence, where a cue of `cues`
    /// ends.
    func cue(in cues: [Int: Double], before start: Int) -> Int? {
        var k = start - 1
        var steps = 0
        while k >= 0, steps < 4, sameSentence(k, start) {
            if cues[k] != nil { return k }
            k -= 1
            steps += 1
        }
        return nil
    }

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

    /// End of a body part after a harm verb ending at `end`: a possessive or "you", at most one
    /// more word, then the body part ("your legs", "both your legs", "his stupid face").
    func bodyPartAfter(_ end: Int) -> Int? {
        let n = text.count
        var j = end
        var sawOwner = false
        var steps = 0
        while j < n, steps < 4, sameSentence(j, end - 1), text[j].kind == .word {
            if matches.wordBits(text, j) & Kind.threatBody.bit != 0 { return sawOwner ? j + 1 : nil }
            if (matches.startMask[j] | matches.wordBits(text, j))
                & (Kind.possessive.bit | Kind.secondPerson.bit | Kind.thirdPerson.bit) != 0
            {
                sawOwner = true
            }
            j += 1
            steps += 1
        }
        return nil
    }

    /// A person after a harm verb: a pronoun, a possessive, a group, a person noun or an insult
    /// within three words; a name right after the verb; "the"/"that" + noun when `allowArticle`.
    func targetAfter(_ end: Int, allowArticle: Bool) -> Bool {
        let n = text.count
        var j = end
        var steps = 0
        while j < n, steps < 3, sameSentence(j, end - 1) {
            let t = text[j]
            if (matches.startMask[j] | matches.wordBits(text, j)) & Self.personBits != 0 { return true }
            if steps == 0, t.kind == .word, t.flags.contains(.capitalized) { return true }
            if allowArticle, steps == 0, TriageScorer.determiners.contains(t.key), j + 1 < n,
                text[j + 1].kind == .word
            {
                return true
            }
            if t.kind != .word { return false }
            j += 1
            steps += 1
        }
        return false
    }

    /// Whether the token at `i` opens its sentence (an interjection before it does not count).
    func isSentenceStart(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, sameSentence(k, i) {
            let t = text[k]
            if t.kind == .word || t.kind == .number { return FrameReader.isInterjection(text, k) && k == 0 }
            k -= 1
        }
        return true
    }
}
