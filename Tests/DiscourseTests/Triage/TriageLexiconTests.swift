import Testing

@testable import Discourse

@Suite("Triage lexicon")
struct TriageLexiconTests {
    @Test func embeddedListsLoad() {
        let lexicon = TriageLexicon.embedded
        #expect(lexicon.termCount > 2000)
        #expect(lexicon.maxLength >= 4)
        let idiot = lexicon.entries(TermHash.of(term: "idiot")) ?? []
        #expect(idiot.contains { $0.kind == .insultPerson })
        let phrase = lexicon.entries(TermHash.of(term: "I know where you live")) ?? []
        #expect(phrase.contains { $0.kind == .threatPhrase })
    }

    @Test func everyAmbiguousEntryIsInTheProfanityOrInsultList() throws {
        let profanity = try EmbeddedLexicon.table("profanity.tsv")
        let insults = try EmbeddedLexicon.table("insults.tsv")
        let terms = Set((profanity.rows + insults.rows).map { TermHash.of(term: $0[0]) })
        let ambiguous = try EmbeddedLexicon.table("profanity-ambiguous.tsv")
        for row in ambiguous.rows {
            #expect(
                terms.contains(TermHash.of(term: row[0])),
                "\(row[0]) (line \(row.line)) is in neither profanity.tsv nor insults.tsv")
        }
    }

    @Test func profanityKeepsItsLicenceNotice() throws {
        let text = try EmbeddedLexicon.text("profanity.tsv")
        #expect(text.contains("Copyright (c) 2021 Surge AI"))
        #expect(text.contains("Permission is hereby granted"))
    }

    @Test func ignoredAmbiguousWordsAreDroppedAndTargetedOnesFlagged() {
        let lexicon = TriageLexicon.embedded
        #expect(lexicon.entries(TermHash.of(term: "peter"))?.contains { $0.kind == .profanity } != true)
        let tramp = lexicon.entries(TermHash.of(term: "tramp")) ?? []
        #expect(tramp.contains { $0.kind == .profanity && $0.ambiguity == .targeted })
    }

    @Test func severityMapsIntoUnitRange() {
        #expect(TriageLexicon.strength(severity: 1) < TriageLexicon.strength(severity: 2))
        #expect(TriageLexicon.strength(severity: 3) <= 1)
        #expect(TriageLexicon.strength(severity: 1) > 0.3)
    }

    @Test func badRowsNameTheirLine() throws {
        func load(insults: String) throws(LexiconError) -> TriageLexicon {
            let empty3 = try TSVTable(path: "t.tsv", text: "term\tkind\tweight\n")
            return try TriageLexicon(
                profanity: TSVTable(path: "p.tsv", text: "term\tcanonical\tcategories\tseverity\n"),
                ambiguous: TSVTable(path: "a.tsv", text: "term\tuse\n"),
                insults: TSVTable(path: "insults.tsv", text: insults), threats: empty3, identity: empty3, spam: empty3,
                cues: TSVTable(path: "c.tsv", text: "term\tkind\n"))
        }
        #expect(throws: LexiconError.self) { try load(insults: "term\tkind\tweight\nidiot\tnoun\t0.5\n") }
        do {
            _ = try load(insults: "term\tkind\tweight\n# comment\nidiot\tperson\t7\n")
            Issue.record("a weight of 7 was accepted")
        } catch {
            #expect(error == .badLine(path: "insults.tsv", line: 3, reason: "weight must be a number 0...1, got '7'"))
        }
        let ok = try load(insults: "term\tkind\tweight\nnitwit\tperson\t0.5\n")
        #expect(ok.entries(TermHash.of(term: "nitwit"))?.first?.weight == 0.5)
    }

    /// The key filter may skip a probe only for a key no table has: every term and every prefix of
    /// a multiword term passes it, and most other words do not.
    @Test func keyFilterPassesEveryTermAndPrefix() {
        let lexicon = TriageLexicon.embedded
        for (key, _) in lexicon.lookup.entries { #expect(lexicon.keyFilter.mayContain(key)) }
        for prefix in ["I know where", "I know", "kill two"] {
            let key = TermHash.of(term: prefix)
            #expect(lexicon.isPrefix(key) && lexicon.keyFilter.mayContain(key), "\(prefix)")
        }
        let others = (0..<2000).map { TermHash.of(term: "zq\($0)xv") }
        let passing = others.filter { lexicon.keyFilter.mayContain($0) }.count
        #expect(passing < 100)
        var filter = TriageKeyFilter()
        #expect(!filter.mayContain(TermHash.of(term: "idiot")))
        filter.insert(TermHash.of(term: "idiot"))
        #expect(filter.mayContain(TermHash.of(term: "idiot")))
    }

    /// A community phrase gets its prefixes into the filter too, or the n-gram scan would stop
    /// at its first word.
    @Test func communityPhraseIsMatchedPastTheFilter() throws {
        let terms = try CommunityTerms(path: "c.tsv", text: "term\tcategory\tstrength\nzorbly wumpus\tinsult\t0.9\n")
        let lexicon = TriageLexicon.embedded.adding([terms])
        let matches = TriageMatches.find(in: Tokenizer.tokenize("you zorbly wumpus"), lexicon: lexicon)
        #expect(matches.hits.contains { $0.start == 1 && $0.end == 3 && $0.entry.kind == .insultPerson })
    }
}
