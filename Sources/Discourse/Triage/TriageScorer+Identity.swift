extension TriageScorer {
    /// Identity attacks (`identity-terms.tsv`). A group named on its own is never an attack; in the
    /// same sentence, near its name, these make it one:
    /// - an insult or slur (unless it is said to the reader), a dehumanising word ("vermin", "like animals"), an exclusion phrase;
    /// - a removal verb ("send the refugees back", "deport every immigrant");
    /// - a passive cue and a removal participle ("Muslims should be banned", "… must be deported");
    ///   negated ("should not be deported") it is a defence and counts little;
    /// - a copula and a stereotype ("immigrants are criminals").
    ///
    /// Without any group word, telling people to go back where they came from is exclusion too: a
    /// removal verb followed by an origin ("go back to your own country", "send them back where they
    /// came from").
    func scoreIdentity(
        _ text: TokenizedText, matches: TriageMatches, excluded: [Bool],
        abuse: [Abuse], into evidence: inout EvidenceCollector
    ) {
        typealias Kind = TriageLexicon.Kind
        let w = weights
        func isExcluded(_ hit: TriageHit) -> Bool { (hit.start..<hit.end).contains { excluded[$0] } }
        let identityBits =
            Kind.identityGroup.bit | Kind.identityExpel.bit | Kind.identityExpelled.bit | Kind.identityOrigin.bit
            | Kind.identityDehumanizing.bit | Kind.identityExclusion.bit
        guard matches.hits.contains(where: { $0.entry.kind.bit & identityBits != 0 }) else { return }
        let relevant = matches.hits.filter { $0.entry.kind.bit & identityBits != 0 && !isExcluded($0) }
        guard !relevant.isEmpty else { return }
        func sameSentence(_ a: Int, _ b: Int) -> Bool { text[a].sentence == text[b].sentence }
        /// A removal verb said as a call: an imperative opening its sentence ("Deport them all", "Go
        /// back …"), or after a modal or intent ("should send them back", "we will kick them out");
        /// a bare verb ("send", "ship") also needs its particle ("back", "home", "out").
        func isCall(_ expel: TriageHit) -> Bool {
            if expel.end - expel.start == 1, expel.entry.weight < Self.bareExpelWeight {
                let upper = min(text.count, expel.end + 4)
                let particle = (expel.end..<upper).contains {
                    sameSentence($0, expel.start) && matches.wordBits(text, $0) & Kind.identityParticle.bit != 0
                }
                guard particle else { return false }
            }
            let callBits = Kind.identityModal.bit | Kind.threatIntent.bit | Kind.threatPassive.bit
            var k = expel.start - 1
            var steps = 0
            while k >= 0, steps < 3, sameSentence(k, expel.start) {
                if matches.endMask[k] & callBits != 0 { return true }
                if text[k].kind == .word, !FrameReader.isInterjection(text, k) { return false }
                k -= 1
                steps += 1
            }
            return k < 0 || !sameSentence(k, expel.start) || steps < 3
        }
        /// The strongest passive cue ending within three tokens before `i` ("should be", "will be").
        func passiveBefore(_ i: Int) -> Double {
            var best = 0.0
            for hit in matches.hits where hit.entry.kind == .threatPassive && hit.end <= i && i - hit.end <= 2 {
                best = max(best, hit.entry.weight)
            }
            return best
        }

        // Removal verb + origin, with or without a group: "go back where you came from".
        for expel in relevant where expel.entry.kind == .identityExpel && isCall(expel) {
            for origin in relevant where origin.entry.kind == .identityOrigin {
                guard origin.start >= expel.end, origin.start - expel.end <= Self.identityWindow,
                    sameSentence(origin.start, expel.start)
                else { continue }
                evidence.add(.identityAttack, origin.entry.weight * expel.entry.weight, expel.start, origin.end)
            }
        }

        let groups = relevant.filter { $0.entry.kind == .identityGroup }
        guard !groups.isEmpty else { return }
        var generalizerEnd = Set<Int>()
        for hit in matches.hits where hit.entry.kind == .identityGeneralizer { generalizerEnd.insert(hit.end - 1) }
        let window = Self.identityWindow
        func near(_ a: Int, _ b: Int, _ group: TriageHit) -> Bool {
            sameSentence(a, group.start)
                && (abs(a - group.start) <= window || abs(b - 1 - (group.end - 1)) <= window)
        }
        /// A negation between the group and `i`, or just before `i` ("should not be deported").
        func negatedBetween(_ group: TriageHit, _ i: Int) -> Bool {
            let lower = max(0, min(group.end, i - 3))
            guard lower < i else { return false }
            return (lower..<i).contains { matches.endMask[$0] & Kind.negation.bit != 0 }
        }
        /// A copula between the group and `i` ("immigrants are criminals", "Gypsies are all thieves").
        func copulaBetween(_ group: TriageHit, _ i: Int) -> Bool {
            guard group.end < i else { return false }
            return (group.end..<i).contains { matches.endMask[$0] & Kind.copula.bit != 0 }
        }
        for group in groups {
            let generalized = generalizerEnd.contains(group.start - 1) || generalizerEnd.contains(group.start - 2)
            // "black people", "Chinese women": the adjective names people for sure.
            let people =
                group.end < text.count && matches.startMask[group.end] & Kind.identityPeople.bit != 0
            let groupWeight = people ? 1 : group.entry.weight
            var best = StrongestCue()
            // Abuse said to the reader insults that reader, not the group ("if you are against gay
            // marriage, you're a bigot"), unless the group is the one addressed ("you stupid
            // Muslims", "idiots, you immigrants").
            let addressed = Self.addresses(group, matches: matches, abuse: abuse)
            for a in abuse where (!a.atReader || addressed) && near(a.start, a.end, group) {
                best.consider(a.strength * (generalized ? 1 : TriageWeights.Rules.ungeneralizedAbuse), a.start, a.end)
            }
            for hit in matches.hits where near(hit.start, hit.end, group) && !isExcluded(hit) {
                switch hit.entry.kind {
                case .identityDehumanizing:
                    best.consider(hit.entry.weight * TriageWeights.Rules.dehumanizing, hit.start, hit.end)
                case .identityExclusion:
                    best.consider(
                        hit.entry.weight * (negatedBetween(group, hit.start) ? w.negatedThreat : 1), hit.start, hit.end)
                case .identityExpel where isCall(hit):
                    best.consider(
                        hit.entry.weight * (negatedBetween(group, hit.start) ? w.negatedThreat : 1), hit.start, hit.end)
                case .identityExpelled:
                    // Only after a passive cue, as strong as the cue calls for it: "should be banned"
                    // (not "banned books"; "will be deported" reports more than it calls).
                    let passive = passiveBefore(hit.start)
                    guard passive > 0 else { break }
                    let negated = negatedBetween(group, hit.start) ? w.negatedThreat : 1
                    best.consider(hit.entry.weight * passive * negated, hit.start, hit.end)
                case .identityStereotype where copulaBetween(group, hit.start):
                    best.consider(hit.entry.weight, hit.start, hit.end)
                default: break
                }
            }
            guard let cue = best.cue else { continue }
            let start = min(group.start, cue.start)
            let end = max(group.end, cue.end)
            evidence.add(.identityAttack, best.strength * groupWeight, start, end)
        }
    }

    /// Whether `group` is the one addressed as "you" ("idiots, you immigrants"; "you stupid
    /// Muslims": "you" and one abusive word before it), so abuse said to the reader is said to it.
    static func addresses(_ group: TriageHit, matches: TriageMatches, abuse: [Abuse]) -> Bool {
        func secondPerson(_ i: Int) -> Bool {
            i >= 0 && matches.startMask[i] & TriageLexicon.Kind.secondPerson.bit != 0
        }
        let s = group.start
        return secondPerson(s - 1) || (secondPerson(s - 2) && abuse.contains { $0.start == s - 1 })
    }

    static let determiners = TermSet(
        ["the", "that", "this", "these", "those"].map { TermHash.of(normalized: $0) })

    /// Tokens between a group's name and the abuse that makes it an attack.
    static let identityWindow = 6
    /// A one-word removal verb weaker than this ("send", "ship") needs its particle ("back").
    static let bareExpelWeight = 0.75
}

/// The strongest identity-attack cue seen near one group mention: its strength and where it is.
/// A cue is kept only when it is stronger than every earlier one, so `cue` is nil until a cue of
/// positive strength is seen.
private struct StrongestCue {
    var strength = 0.0
    var cue: (start: Int, end: Int)?

    mutating func consider(_ s: Double, _ start: Int, _ end: Int) {
        if s > strength {
            strength = s
            cue = (start, end)
        }
    }
}
