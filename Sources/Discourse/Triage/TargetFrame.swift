/// Who an abusive word is aimed at, and whether the writer asserts it: the difference between
/// "you are an idiot" (an insult), "he isn't an idiot" (negated), "calling people idiots is wrong"
/// (a mention) and "the idiot box" (no target).
package struct TargetFrame: Sendable, Equatable {
    package enum Target: Int, Sendable, Comparable {
        /// Nothing in the sentence points the word at anyone.
        case none
        /// A subject joined by a copula ("Harper is a fool", "this guy's a moron"), or a short verdict
        /// sentence of a few words ("Fox scum.", "Lisa looks foolish").
        case named
        /// The word is the whole sentence ("Moron.", "Pathetic!").
        case standalone
        /// "what a moron", "bunch of idiots", "these clowns", "how stupid".
        case exclamative
        /// "you idiot", "you're a fool", "idiot, you".
        case second

        package static func < (a: Target, b: Target) -> Bool { a.rawValue < b.rawValue }

        /// How much of a word's insult weight counts with this target.
        package var multiplier: Double {
            switch self {
            case .none: return TriageWeights.Rules.noTarget
            case .named: return TriageWeights.Rules.namedTarget
            case .standalone: return TriageWeights.Rules.standaloneTarget
            case .exclamative: return TriageWeights.Rules.exclamativeTarget
            case .second: return 1
            }
        }
    }

    /// What the subject of a copula is ("Harper is a fool": a person; "this plan is stupid": a
    /// thing; "I'm such an idiot": the writer); unknown when no copula frames the word.
    package enum Subject: Sendable, Equatable { case unknown, person, thing, writer }

    package var target: Target = .none
    package var subject: Subject = .unknown
    /// A negation stands just before the word ("not an idiot", "isn't stupid").
    package var negated = false
    /// The word is talked about rather than used ("calling people idiots", "the word 'moron'").
    package var mention = false

    /// Factor for negation and mention together, with the mention share of `weights` (the scorer's
    /// own, so a community's or a fitted mention weight is honoured).
    package func assertion(_ weights: TriageWeights) -> Double {
        (negated ? TriageWeights.Rules.negatedInsult : 1) * (mention ? weights.mention : 1)
    }

    /// Tokens looked at before the word for a target, a negation, a mention.
    static let targetWindow = 6
    static let negationWindow = 4
    static let mentionWindow = 5
}

/// Reads ``TargetFrame``s off a comment's tokens and the cue masks of its ``TriageMatches``.
struct FrameReader {
    let text: TokenizedText
    let matches: TriageMatches
    /// Per token: covered by an abusive term (so "stupid" in "you stupid idiot" is skipped over).
    let abusive: [Bool]
    /// Per sentence: words that are neither abusive nor cue words, and word tokens; counted on the
    /// first frame read (see ``SentenceCounts``).
    private let counts = SentenceCounts()

    typealias Kind = TriageLexicon.Kind

    init(text: TokenizedText, matches: TriageMatches) {
        self.text = text
        self.matches = matches
        var abusive = [Bool](repeating: false, count: text.count)
        for hit in matches.hits where hit.entry.kind.isAbusive {
            for k in hit.start..<hit.end { abusive[k] = true }
        }
        self.abusive = abusive
    }

    /// The per-sentence word counts, filled on first use. Most comments have hits, but few have one
    /// whose frame is read (an abusive word, a threat), and counting every word of every comment
    /// (a probe of the interjections for each) was most of the frame reader's cost.
    private final class SentenceCounts {
        var other: [Int] = []
        var words: [Int] = []
        var done = false
    }

    /// Per sentence: (words that are neither abusive nor cue words, word tokens).
    func sentenceCounts() -> (other: [Int], words: [Int]) {
        if counts.done { return (counts.other, counts.words) }
        let cues =
            Kind.filler.bit | Kind.exclamative.bit | Kind.secondPerson.bit | Kind.copula.bit
            | Kind.negation.bit | Kind.thirdPerson.bit
        var other = [Int](repeating: 0, count: max(1, text.sentenceCount))
        var words = [Int](repeating: 0, count: max(1, text.sentenceCount))
        for i in 0..<text.count where text[i].kind == .word || text[i].kind == .number {
            let s = min(Int(text[i].sentence), other.count - 1)
            words[s] += 1
            let isCue = (matches.startMask[i] | matches.endMask[i]) & cues != 0
            if !abusive[i] && !isCue && !Self.isInterjection(text, i) { other[s] += 1 }
        }
        counts.other = other
        counts.words = words
        counts.done = true
        return (other, words)
    }

    /// "oh", "wow", "lol", "ok": words that add nothing to who is addressed.
    static func isInterjection(_ text: TokenizedText, _ i: Int) -> Bool {
        interjections.contains(text[i].key)
    }

    static let interjections = TermSet(
        [
            "oh", "wow", "lol", "ok", "okay", "yes", "yeah", "no", "well", "ah", "hey", "sigh", "omg", "haha", "please",
            "really", "just", "again", "ever", "thing",
        ]
        .map { TermHash.of(normalized: $0) })

    func has(_ mask: UInt64, _ kind: Kind) -> Bool { mask & kind.bit != 0 }

    /// The frame of the term spanning tokens `start..<end`.
    func frame(start: Int, end: Int) -> TargetFrame {
        var f = TargetFrame()
        let n = text.count
        let sentence = text[start].sentence
        // Quote marks right around the word: 'idiot', "moron".
        if start > 0, end < n, isQuoteMark(start - 1), isQuoteMark(end) { f.mention = true }
        // Negation and mention just before.
        var k = start - 1
        var steps = 0
        while k >= 0, steps < TargetFrame.mentionWindow, text[k].sentence == sentence {
            let mask = matches.endMask[k]
            if steps < TargetFrame.negationWindow, has(mask, .negation) { f.negated = true }
            if has(mask, .mention) { f.mention = true }
            k -= 1
            steps += 1
        }
        (f.target, f.subject) = target(start: start, end: end)
        return f
    }

    /// True when token `i` names a person: a pronoun, a person noun, a group, an insult for a
    /// person, or a capitalised name that is no function word ("This", "It's").
    func isPersonal(_ i: Int) -> Bool {
        let mask = matches.startMask[i] | matches.endMask[i] | matches.wordBits(text, i)
        if mask & (Kind.secondPerson.bit | Kind.thirdPerson.bit | Kind.person.bit | Kind.identityGroup.bit) != 0 {
            return true
        }
        if abusive[i] { return true }
        return text[i].flags.contains(.capitalized) && mask & Kind.function.bit == 0
    }

    /// True when the word after `end` (past fillers) names a person ("lying politicians").
    func modifiesPerson(_ end: Int) -> Bool {
        guard end > 0, end < text.count, text[end].sentence == text[end - 1].sentence else { return false }
        var j = end
        while j < text.count, text[j].kind == .word, matches.startMask[j] & Kind.filler.bit != 0 { j += 1 }
        guard j < text.count, text[j].kind == .word else { return false }
        let mask = matches.startMask[j] | matches.wordBits(text, j)
        return mask & (Kind.person.bit | Kind.identityGroup.bit | Kind.thirdPerson.bit) != 0
            || (abusive[j] && mask & Kind.insultPerson.bit != 0)
    }

    /// True when the word after `end` (past fillers) is a noun for a thing: "ridiculous fee",
    /// "stupid rule" (and not "stupid people", "stupid and lazy", "stupid, you").
    func modifiesThing(_ end: Int) -> Bool {
        var j = end
        let n = text.count
        guard end > 0 else { return false }
        let sentence = text[end - 1].sentence
        while j < n, text[j].sentence == sentence, text[j].kind == .word {
            let mask = matches.startMask[j]
            if abusive[j] || mask & Kind.filler.bit != 0 {
                j += 1
                continue
            }
            if isPersonal(j) { return false }
            let words = mask | matches.wordBits(text, j)
            let functionLike =
                Kind.function.bit | Kind.copula.bit | Kind.negation.bit | Kind.possessive.bit | Kind.exclamative.bit
                | Kind.mention.bit
            return words & functionLike == 0 && !FrameReader.isInterjection(text, j)
        }
        return false
    }

    /// The strongest target the words around `start..<end` point to, and the copula's subject.
    func target(start: Int, end: Int) -> (TargetFrame.Target, TargetFrame.Subject) {
        let n = text.count
        let sentence = text[start].sentence
        var best = TargetFrame.Target.none
        var subject = TargetFrame.Subject.unknown
        // Looking back: "you [are] [such] [a] [stupid] idiot", "Harper is a fool", "what a moron".
        var k = start - 1
        var steps = 0
        var sawCopula = false
        var unknownBudget = 1
        while k >= 0, steps < TargetFrame.targetWindow, text[k].sentence == sentence {
            let t = text[k]
            let mask = matches.endMask[k]
            steps += 1
            if has(mask, .secondPerson) {
                best = .second
                break
            }
            if sawCopula {
                // "I was stupid", "makes me look like a fool": the writer's word about themself.
                if matches.wordBits(text, k) & Kind.firstPerson.bit != 0 {
                    subject = .writer
                    break
                }
                if t.kind == .word || t.kind == .number || has(mask, .thirdPerson) {
                    best = max(best, .named)
                    subject = isPersonal(matches.endStart[k]) || isPersonal(k) ? .person : .thing
                }
                break
            }
            if has(mask, .exclamative) {
                best = max(best, .exclamative)
                if writerBefore(matches.endStart[k] - 1, sentence: sentence) { subject = .writer }
                break
            }
            if has(mask, .copula) {
                sawCopula = true
                k = matches.endStart[k] - 1
                continue
            }
            if t.kind == .word, endsWithContraction(k) {
                // "Harper's a fool", "they're idiots" ("it's stupid": a thing).
                best = max(best, .named)
                subject = isPersonal(k) ? .person : .thing
                break
            }
            if has(mask, .filler) || has(mask, .negation) || abusive[k] {
                k = matches.endStart[k] - 1
                continue
            }
            if t.kind == .word, unknownBudget > 0 {
                // "I'm a fool": the first-person word holds the copula.
                if Self.firstPersonCopulas.contains(t.key) {
                    subject = .writer
                    break
                }
                unknownBudget -= 1
                k -= 1
                continue
            }
            break
        }
        // "What an idiot I am", "what a fool I was": the exclamation is the writer's about themself.
        if best == .exclamative, subject == .unknown, writerAfter(end, sentence: sentence) { subject = .writer }
        // Looking ahead: "idiot, you …", "morons like you".
        var j = end
        var ahead = 0
        while j < n, ahead < 3, text[j].sentence == sentence {
            if has(matches.startMask[j], .secondPerson) {
                best = .second
                break
            }
            if text[j].kind == .word, !(has(matches.startMask[j], .filler) || isLike(j)) { break }
            j += 1
            ahead += 1
        }
        // A sentence that is only the insult is aimed at whoever it answers.
        let (otherWords, sentenceWords) = sentenceCounts()
        let s = min(Int(sentence), otherWords.count - 1)
        if otherWords[s] == 0 {
            best = max(best, .standalone)
        } else if otherWords[s] <= 3, sentenceWords[s] <= 6 {
            best = max(best, .named)
        }
        if best == .second { subject = .person }
        return (best, subject)
    }

    /// True when the writer is the subject just before token `k` ("I'm such a fool", "I am such a
    /// fool", "I was such an idiot"), past at most one copula.
    func writerBefore(_ k: Int, sentence: Int32) -> Bool {
        guard k >= 0, text[k].sentence == sentence else { return false }
        if matches.wordBits(text, k) & Kind.firstPerson.bit != 0 {
            return Self.firstPersonCopulas.contains(text[k].key)
        }
        guard has(matches.endMask[k], .copula) else { return false }
        let j = matches.endStart[k] - 1
        return j >= 0 && text[j].sentence == sentence && matches.wordBits(text, j) & Kind.firstPerson.bit != 0
    }

    /// True when the writer is the subject just after the word at `k` ("what an idiot I am", "what a
    /// fool I was", "what a fool I'm"): a first-person word holding its copula or followed by one,
    /// and the clause ends there. "What an idiot I am dealing with", "what a moron I was arguing
    /// with" go on to name someone else: the writer is no subject of the word.
    func writerAfter(_ k: Int, sentence: Int32) -> Bool {
        guard k < text.count, text[k].sentence == sentence else { return false }
        guard matches.wordBits(text, k) & Kind.firstPerson.bit != 0 else { return false }
        var j = k + 1
        if !Self.firstPersonCopulas.contains(text[k].key) {
            guard j < text.count, text[j].sentence == sentence, has(matches.startMask[j], .copula) else { return false }
            j += 1
        }
        // The clause ends: the sentence does, a mark follows, or a word that adds only when or how.
        guard j < text.count, text[j].sentence == sentence, text[j].kind == .word else { return true }
        return Self.clauseEnders.contains(text[j].key)
    }

    /// Words after "what an idiot I am" that leave the writer the subject ("… sometimes", "… lol").
    static let clauseEnders = TermSet(
        ["again", "sometimes", "today", "yesterday", "too", "lol", "honestly", "really", "though", "haha", "tbh"]
            .map { TermHash.of(normalized: $0) })

    /// First-person words that hold their copula ("I'm", "Im").
    static let firstPersonCopulas = TermSet(["i'm", "im"].map { TermHash.of(normalized: $0) })

    /// "a" or "an" within the three tokens before `i` in its sentence ("is an utter asshole").
    func indefiniteArticle(before i: Int) -> Bool {
        var k = i - 1
        while k >= 0, k >= i - 3, text[k].sentence == text[i].sentence {
            if text[k].key == Self.aKey || text[k].key == Self.anKey { return true }
            k -= 1
        }
        return false
    }

    static let aKey = TermHash.of(normalized: "a")
    static let anKey = TermHash.of(normalized: "an")

    func isQuoteMark(_ i: Int) -> Bool {
        let t = text[i]
        guard t.kind == .punctuation, t.normEnd - t.normStart == 1 else { return false }
        let b = text.normalized[Int(t.normStart)]
        return b == 0x22 || b == 0x27
    }

    func isLike(_ i: Int) -> Bool { text[i].key == Self.likeKey }

    static let likeKey = TermHash.of(normalized: "like")

    /// The word ends in `'s` or `'re` (a contracted copula, or a possessive: both point at someone).
    func endsWithContraction(_ i: Int) -> Bool {
        text.withNorm(i) { p in
            let c = p.count
            guard c >= 4 else { return false }
            if p[c - 2] == 0x27 && p[c - 1] == 0x73 { return true }
            return c >= 5 && p[c - 3] == 0x27 && p[c - 2] == 0x72 && p[c - 1] == 0x65
        }
    }
}
