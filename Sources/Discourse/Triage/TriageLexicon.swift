/// Every word list the triage scorer reads (`Lexicons/profanity.tsv`, `profanity-ambiguous.tsv`,
/// `insults.tsv`, `threats.tsv`, `identity-terms.tsv`, `spam-patterns.tsv`, `triage-cues.tsv`),
/// hashed once into one table keyed like ``Token/key`` so matching a comment costs a few dictionary
/// lookups per token and no string.
///
/// Terms are tokenized with the same ``Tokenizer`` as comments, so "half-witted", "you're" and
/// "@ssfucker" get exactly the keys the text they must match gets.
package struct TriageLexicon: Sendable {
    /// What a matched term means to the scorer.
    package enum Kind: UInt8, Sendable, CaseIterable {
        case profanity, insultPerson, insultQuality, insultContent, dismissal, swear
        /// A slur added by a community lexicon (`identity_attack`): an identity attack on its own.
        case slur
        case threatPhrase, threatIntent, threatHarm, threatPassive, threatHarmed, threatWish, threatOutcome
        /// A body part ("teeth", "skull"): a harm verb aimed at someone's body part is a violent act.
        case threatBody
        case identityGroup, identityDehumanizing, identityExclusion, identityGeneralizer
        /// A verb that removes people ("deport", "send back", "go back"), a participle after a passive
        /// cue ("deported", "banned"), where the people are sent ("where you came from", "your own
        /// country"), a group stereotype after a copula ("criminals"), and a noun that turns a group
        /// adjective into people ("black people").
        case identityExpel, identityExpelled, identityOrigin, identityStereotype, identityPeople
        /// A call for action before a removal verb ("should deport"), and the particle that makes a
        /// bare verb a removal ("send … back").
        case identityModal, identityParticle
        case spamMoney, spamContact, spamPromo
        /// An idiom or allow-listed name or phrase: no term inside it counts ("kill two birds",
        /// "Scunthorpe", a reclaimed word in a community lexicon).
        case allow
        case secondPerson, thirdPerson, copula, filler, exclamative, negation, mention
        /// A noun for a person ("guy", "mayor"), a possessive ("his", "their"), a function word that
        /// is no noun ("and", "to"): they tell an insult about a person from an opinion about a thing.
        case person, possessive, function
        /// The writer ("I", "I'm", "me"): an insult the writer says of themself insults nobody.
        case firstPerson

        @inlinable package var bit: UInt64 { 1 << UInt64(rawValue) }

        /// Kinds that are abusive by themselves (the rest need a pattern around them).
        package var isAbusive: Bool {
            switch self {
            case .profanity, .insultPerson, .insultQuality, .insultContent, .dismissal, .swear, .slur: return true
            default: return false
            }
        }

        /// Spam phrase kinds.
        package var isSpam: Bool { self == .spamMoney || self == .spamContact || self == .spamPromo }

        /// Kinds that answer for the same output category: a community entry replaces all of them.
        var family: UInt8 {
            switch self {
            case .insultPerson, .insultQuality, .insultContent, .dismissal: return 100
            case .profanity, .swear: return 101
            case .spamMoney, .spamContact, .spamPromo: return 102
            default: return rawValue
            }
        }
    }

    /// The categories the Surge AI list gives a profane term.
    package struct ProfanityGroups: OptionSet, Sendable, Hashable {
        package let rawValue: UInt16
        package init(rawValue: UInt16) { self.rawValue = rawValue }

        package static let sexual = ProfanityGroups(rawValue: 1 << 0)
        package static let bodily = ProfanityGroups(rawValue: 1 << 1)
        package static let generalInsult = ProfanityGroups(rawValue: 1 << 2)
        package static let racial = ProfanityGroups(rawValue: 1 << 3)
        package static let orientationGender = ProfanityGroups(rawValue: 1 << 4)
        package static let religious = ProfanityGroups(rawValue: 1 << 5)
        package static let disability = ProfanityGroups(rawValue: 1 << 6)
        package static let animal = ProfanityGroups(rawValue: 1 << 7)
        package static let physical = ProfanityGroups(rawValue: 1 << 8)
        package static let political = ProfanityGroups(rawValue: 1 << 9)

        static func parse(_ text: String) -> ProfanityGroups {
            var groups: ProfanityGroups = []
            // Split the UTF-8 bytes, not the Characters: splitting a String finds grapheme breaks
            // for every character, which made this parse 1.4% of a 300-file export's start-up.
            for part in text.utf8.split(separator: UInt8(ascii: ";")) {
                switch String(decoding: part, as: UTF8.self).trimmingASCIISpaces() {
                case "sexual anatomy / sexual acts": groups.insert(.sexual)
                case "bodily fluids / excrement": groups.insert(.bodily)
                case "other / general insult": groups.insert(.generalInsult)
                case "racial / ethnic slurs": groups.insert(.racial)
                case "sexual orientation / gender": groups.insert(.orientationGender)
                case "religious offense": groups.insert(.religious)
                case "mental disability", "physical disability": groups.insert(.disability)
                case "animal references": groups.insert(.animal)
                case "physical attributes": groups.insert(.physical)
                case "political": groups.insert(.political)
                default: break
                }
            }
            return groups
        }
    }

    /// How a profane term that is also an ordinary word is treated (`profanity-ambiguous.tsv`).
    package enum Ambiguity: UInt8, Sendable {
        case none
        /// Counts only when aimed at someone or written obfuscated.
        case targeted
    }

    package struct Entry: Sendable {
        package var kind: Kind
        /// 0..1 (for profanity: severity mapped by ``TriageLexicon/strength(severity:)``).
        package var weight: Double
        /// Tokens the term spans.
        package var length: Int
        /// For profanity: the source's categories; empty otherwise.
        package var groups: ProfanityGroups = []
        /// For profanity: the source's severity, 1...3; 0 otherwise.
        package var severity: Double = 0
        package var ambiguity: Ambiguity = .none
    }

    /// A single-word abusive term in normalised ASCII, for matching obfuscated spellings.
    struct PlainWord: Sendable {
        var bytes: [UInt8]
        var key: UInt64
    }

    var table: [UInt64: [Entry]] = [:]
    /// `table` frozen for the hot path (no re-hashing of the already mixed keys).
    var lookup = TermTable<[Entry]>()
    /// Keys of every proper prefix of a multiword term, so an n-gram scan stops as soon as no
    /// longer term can start with the words read so far.
    var prefixes = TermSet()
    /// Every key of ``lookup`` and ``prefixes`` in one bit filter, tested before either is probed:
    /// most tokens of a comment are neither a term nor the start of one, and one bit test skips
    /// both probes (the n-gram scan and the inflection stems probed two tables for every word).
    var keyFilter = TriageKeyFilter()
    /// Single-word abusive terms by length in bytes.
    var plainWords: [Int: [PlainWord]] = [:]
    /// Longest term in tokens, so n-gram scans know where to stop.
    package private(set) var maxLength = 1
    /// Kind bits of single words read only around a hit (person nouns, possessives, function
    /// words, removal particles, body parts), kept out of ``lookup`` so the scan of every token does not pay
    /// for some of the most frequent English words.
    package internal(set) var wordKinds: [UInt64: UInt64] = [:]
    static let offTableKinds: Set<Kind> = [
        .person, .possessive, .function, .identityParticle, .threatBody, .firstPerson,
    ]

    /// Link hosts by key of their lowercase name: a known site ("bbc.co.uk", "gov"), a link
    /// shortener, or a top-level domain, with how much a link to it counts as spam.
    var domains: [UInt64: Domain] = [:]

    /// What a link's host says about spam (`spam-patterns.tsv` kinds `site`, `shortener`, `tld`).
    struct Domain: Sendable {
        enum Kind: Sendable { case site, shortener, tld }
        var kind: Kind
        var weight: Double
    }

    /// The lists compiled into the binary. Parsed once, on first use.
    package static let embedded: TriageLexicon = {
        do {
            return try TriageLexicon(
                profanity: EmbeddedLexicon.table(
                    "profanity.tsv", expectedHeader: ["term", "canonical", "categories", "severity"]),
                ambiguous: EmbeddedLexicon.table("profanity-ambiguous.tsv", expectedHeader: ["term", "use"]),
                insults: EmbeddedLexicon.table("insults.tsv", expectedHeader: ["term", "kind", "weight"]),
                threats: EmbeddedLexicon.table("threats.tsv", expectedHeader: ["term", "kind", "weight"]),
                identity: EmbeddedLexicon.table("identity-terms.tsv", expectedHeader: ["term", "kind", "weight"]),
                spam: EmbeddedLexicon.table("spam-patterns.tsv", expectedHeader: ["term", "kind", "weight"]),
                cues: EmbeddedLexicon.table("triage-cues.tsv", expectedHeader: ["term", "kind"]))
        } catch {
            fatalError("built-in lexicon is broken: \(error)")
        }
    }()

    /// Profanity strength in 0..1 from the source's 1...3 severity: mild words still count (0.48),
    /// severe ones almost fully (0.94).
    package static func strength(severity: Double) -> Double {
        min(1, max(0, 0.25 + 0.23 * severity))
    }

    package init(
        profanity: TSVTable, ambiguous: TSVTable, insults: TSVTable, threats: TSVTable, identity: TSVTable,
        spam: TSVTable, cues: TSVTable
    ) throws(LexiconError) {
        var ambiguity: [UInt64: String] = [:]
        for row in ambiguous.rows {
            guard row[1] == "targeted" || row[1] == "ignore" else {
                throw .badLine(
                    path: ambiguous.path, line: row.line, reason: "use must be targeted or ignore, got '\(row[1])'")
            }
            ambiguity[try Self.key(row[0], table: ambiguous, row: row).key] = row[1]
        }
        for row in profanity.rows {
            let (key, length) = try Self.key(row[0], table: profanity, row: row)
            guard let severity = TSVTable.number(row[3]), (0...3).contains(severity) else {
                throw .badLine(
                    path: profanity.path, line: row.line, reason: "severity must be a number 0...3, got '\(row[3])'")
            }
            let use = ambiguity[key]
            if use == "ignore" { continue }
            var entry = Entry(kind: .profanity, weight: Self.strength(severity: severity), length: length)
            entry.groups = .parse(row[2])
            entry.severity = severity
            entry.ambiguity = use == "targeted" ? .targeted : .none
            add(entry, key: key, term: row[0])
        }
        let insultKinds: [String: Kind] = [
            "person": .insultPerson, "quality": .insultQuality, "content": .insultContent, "dismissal": .dismissal,
            "swear": .swear,
        ]
        try load(insults, kinds: insultKinds)
        // Insults that are also ordinary words ("lying", "sick") count only in an insulting frame.
        for (key, use) in ambiguity where use == "targeted" {
            guard var list = table[key] else { continue }
            for i in list.indices where list[i].kind != .profanity && list[i].kind.isAbusive {
                list[i].ambiguity = .targeted
            }
            table[key] = list
        }
        try load(
            threats,
            kinds: [
                "phrase": .threatPhrase, "intent": .threatIntent, "harm": .threatHarm, "passive": .threatPassive,
                "harmed": .threatHarmed, "wish": .threatWish, "outcome": .threatOutcome, "body": .threatBody,
                "idiom": .allow,
            ])
        try load(
            identity,
            kinds: [
                "group": .identityGroup, "dehumanizing": .identityDehumanizing, "exclusion": .identityExclusion,
                "generalizer": .identityGeneralizer, "expel": .identityExpel, "expelled": .identityExpelled,
                "origin": .identityOrigin, "stereotype": .identityStereotype, "people": .identityPeople,
                "modal": .identityModal, "particle": .identityParticle,
            ])
        try load(
            spam, kinds: ["promo": .spamPromo, "money": .spamMoney, "contact": .spamContact, "product": .spamPromo],
            domains: ["site": .site, "shortener": .shortener, "tld": .tld])
        try load(
            cues,
            kinds: [
                "second-person": .secondPerson, "third-person": .thirdPerson, "copula": .copula, "filler": .filler,
                "exclamative": .exclamative, "negation": .negation, "mention": .mention, "person": .person,
                "possessive": .possessive, "function": .function, "first-person": .firstPerson,
            ], weighted: false)
        freeze()
    }

    /// Rebuilds the hot-path table after `table` changed.
    private mutating func freeze() {
        lookup = TermTable(minimumCapacity: table.count)
        for (key, list) in table {
            lookup[key] = list
            keyFilter.insert(key)
        }
    }

    /// This lexicon with community entries layered over it, later files winning (see
    /// ``CommunityTerms``): a term re-rated in a category replaces the built-in weight of that kind.
    package func adding(_ files: [CommunityTerms]) -> TriageLexicon {
        guard !files.isEmpty else { return self }
        var copy = self
        for file in files {
            for entry in file.entries {
                let tokens = Tokenizer.tokenize(entry.term)
                let key = tokens.key(from: 0, count: tokens.count)
                var list = copy.table[key] ?? []
                list.removeAll { $0.kind.family == entry.kind.family }
                copy.table[key] = list
                copy.add(
                    Entry(kind: entry.kind, weight: entry.weight, length: tokens.count), key: key, term: entry.term)
            }
        }
        copy.freeze()
        return copy
    }

    private mutating func load(
        _ table: TSVTable, kinds: [String: Kind], domains domainKinds: [String: Domain.Kind] = [:],
        weighted: Bool = true
    ) throws(LexiconError) {
        for row in table.rows {
            var weight = 1.0
            if weighted {
                guard let w = TSVTable.number(row[2]), (0...1).contains(w) else {
                    throw .badLine(
                        path: table.path, line: row.line, reason: "weight must be a number 0...1, got '\(row[2])'")
                }
                weight = w
            }
            if let domainKind = domainKinds[row[1]] {
                domains[Self.hostKey(Array(row[0].lowercased().utf8))] = Domain(kind: domainKind, weight: weight)
                continue
            }
            let (key, length) = try Self.key(row[0], table: table, row: row)
            guard let kind = kinds[row[1]] else {
                let known = (Array(kinds.keys) + Array(domainKinds.keys)).sorted().joined(separator: ", ")
                throw .badLine(
                    path: table.path, line: row.line, reason: "unknown kind '\(row[1])' (expected one of \(known))")
            }
            if length == 1, Self.offTableKinds.contains(kind) {
                wordKinds[key, default: 0] |= kind.bit
                continue
            }
            add(Entry(kind: kind, weight: weight, length: length), key: key, term: row[0])
        }
    }

    /// Key of a lowercase host name or domain suffix ("bbc.co.uk", "biz").
    static func hostKey<C: Collection<UInt8>>(_ bytes: C) -> UInt64 { TermHash.of(bytes) }

    /// What the lexicon knows about a lowercase host: the longest listed site suffix
    /// ("news.bbc.co.uk" → "bbc.co.uk"), else a shortener, else its top-level domain; nil when none.
    func domain(host: [UInt8]) -> Domain? {
        var tld: Domain?
        var i = 0
        while i < host.count {
            let suffix = host[i...]
            if let d = domains[Self.hostKey(suffix)] {
                if d.kind != .tld { return d }
                if tld == nil { tld = d }
            }
            guard let dot = host[i...].firstIndex(of: 0x2E) else { break }
            i = dot + 1
        }
        return tld
    }

    /// Adds `entry`; a second entry of the same kind for the same key keeps the stronger weight
    /// (the Surge list spells some terms twice with different case).
    private mutating func add(_ entry: Entry, key: UInt64, term: String) {
        if entry.length > 1 { addPrefixes(term) }
        var list = table[key] ?? []
        if let i = list.firstIndex(where: { $0.kind == entry.kind }) {
            if entry.weight > list[i].weight { list[i] = entry }
        } else {
            list.append(entry)
        }
        table[key] = list
        maxLength = max(maxLength, entry.length)
        if entry.length == 1, entry.kind.isAbusive {
            let bytes = Array(Tokenizer.tokenize(term).norm(0).utf8)
            if bytes.count >= 3, bytes.allSatisfy(ASCII.isLower),
                !(plainWords[bytes.count]?.contains { $0.key == key } ?? false)
            {
                plainWords[bytes.count, default: []].append(PlainWord(bytes: bytes, key: key))
            }
        }
    }

    private static func key(
        _ term: String, table: TSVTable, row: TSVTable.Row
    ) throws(LexiconError) -> (
        key: UInt64, length: Int
    ) {
        let tokens = Tokenizer.tokenize(term)
        guard !tokens.isEmpty else { throw .badLine(path: table.path, line: row.line, reason: "empty term") }
        return (tokens.key(from: 0, count: tokens.count), tokens.count)
    }

    /// Records the prefixes of a multiword term (see ``prefixes``).
    private mutating func addPrefixes(_ term: String) {
        let tokens = Tokenizer.tokenize(term)
        guard tokens.count > 1 else { return }
        for n in 1..<tokens.count {
            let key = tokens.key(from: 0, count: n)
            prefixes.insert(key)
            keyFilter.insert(key)
        }
    }

    /// True when some multiword term continues the n-gram `key`.
    @inline(__always) package func isPrefix(_ key: UInt64) -> Bool { prefixes.contains(key) }

    /// Entries for a term key (single token or n-gram), or nil.
    @inline(__always) package func entries(_ key: UInt64) -> [Entry]? { lookup[key] }

    /// Bitmask of the kinds a key has.
    package func kinds(_ key: UInt64) -> UInt64 {
        guard let list = table[key] else { return 0 }
        var mask: UInt64 = 0
        for e in list { mask |= e.kind.bit }
        return mask
    }

    /// Number of distinct term keys (for tests and `--explain`).
    package var termCount: Int { table.count }

    /// Abusive single words whose letters agree with `pattern` where it holds a letter; `*` (0x2A)
    /// stands for any letter. Used for `f*ck`, `sh**`, `a**`.
    func wildcardMatches(_ pattern: [UInt8]) -> [UInt64] {
        guard let candidates = plainWords[pattern.count] else { return [] }
        var found: [UInt64] = []
        for word in candidates {
            var ok = true
            for (a, b) in zip(pattern, word.bytes) where a != 0x2A && a != b {
                ok = false
                break
            }
            if ok { found.append(word.key) }
        }
        return found
    }
}

extension TermHash {
    /// Hash of already-normalised bytes (one token's form).
    static func of<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var h = seed
        for b in bytes { h = add(h, b) }
        return h
    }
}

/// A bit filter of ``TermHash`` keys: `mayContain` is false only for a key never inserted, so a
/// table probe it skips could not have found anything. Keys are only ever added (a key removed from
/// a table stays in the filter, which costs a probe and never changes a result).
///
/// 2^17 bits (16 KB) and two bits per key: with the embedded lexicon's keys and prefixes about one
/// absent key in a hundred passes.
struct TriageKeyFilter: Sendable {
    static let bitCount = 1 << 17
    private var words = [UInt64](repeating: 0, count: bitCount / 64)

    /// The key's two bits, from the top of a product with an odd constant other than the tables'
    /// slot multiplier, so filter and slot use different bits of the key.
    @inline(__always)
    private static func bits(_ key: UInt64) -> (Int, Int) {
        let m = key &* 0xD6E8_FEB8_6659_FD93
        let mask = UInt64(bitCount - 1)
        return (Int(truncatingIfNeeded: m >> 47), Int(truncatingIfNeeded: (m >> 20) & mask))
    }

    mutating func insert(_ key: UInt64) {
        let (a, b) = Self.bits(key)
        words[a >> 6] |= 1 << UInt64(a & 63)
        words[b >> 6] |= 1 << UInt64(b & 63)
    }

    /// False when `key` was never inserted; true for every inserted key (and rarely for others).
    @inline(__always)
    func mayContain(_ key: UInt64) -> Bool {
        let (a, b) = Self.bits(key)
        return words.withUnsafeBufferPointer { w in
            w[a >> 6] & (1 << UInt64(a & 63)) != 0 && w[b >> 6] & (1 << UInt64(b & 63)) != 0
        }
    }
}
