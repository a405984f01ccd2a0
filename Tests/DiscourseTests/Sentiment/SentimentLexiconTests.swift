import Testing

@testable import Discourse

@Suite("Sentiment lexicon loader")
struct SentimentLexiconTests {
    func parse(_ text: String) throws(LexiconError) -> SentimentTerms {
        try SentimentTerms(path: "mine.tsv", text: text)
    }

    @Test func parsesTermsAndPhrases() throws {
        let terms = try parse("term\tvalence\n# a comment\ngreat\t3.1\nno problem\t+1.5\nmeh\t-0.4\n")
        #expect(terms.entries.map(\.term) == ["great", "no problem", "meh"])
        #expect(terms.entries[1].length == 2)
        #expect(terms.entries[1].key == TermHash.of(term: "no problem"))
        #expect(terms.entries[1].valence == 1.5)
        #expect(terms.entries[1].line == 4)
    }

    @Test func badLinesNameTheFileAndLine() {
        let cases: [(String, Int, String)] = [
            ("term\tvalence\ngood\n", 2, "no valence"),
            ("term\tvalence\ngood\t1\nbad\tvery\n", 3, "not a number"),
            ("term\tvalence\ngood\t5\n", 2, "outside -4"),
            ("term\tvalence\n*)\t1\n", 2, "markdown"),
            ("term\tvalence\none two three four five six seven eight nine\t1\n", 2, "at most 8"),
        ]
        for (text, line, reason) in cases {
            do {
                _ = try parse(text)
                Issue.record("accepted \(text.debugDescription)")
            } catch {
                guard case .badLine(let path, let found, let message) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(path == "mine.tsv")
                #expect(found == line, "\(text.debugDescription)")
                #expect(message.contains(reason), "\(message)")
                #expect(error.description.hasPrefix("mine.tsv:\(line): "))
            }
        }
    }

    @Test func headerIsRequired() {
        #expect(throws: LexiconError.self) { try parse("good\t1\n") }
        #expect(throws: LexiconError.self) { try parse("") }
    }

    @Test func laterEntryWins() throws {
        var lexicon = SentimentLexicon()
        lexicon.add(try parse("term\tvalence\nsick\t-2\nsick\t1.5\n"))
        #expect(lexicon.valence(of: "sick") == 1.5)
    }

    @Test func userFileOverridesBuiltInAndZeroSilences() throws {
        let base = SentimentLexicon.embedded
        #expect(base.valence(of: "sick")! < 0)
        let mine = base.adding([try parse("term\tvalence\nsick\t2\ngood\t0\n")])
        #expect(mine.valence(of: "sick") == 2)
        #expect(SentimentScorer(lexicon: mine).score("that trick was sick").compound > 0)
        #expect(SentimentScorer(lexicon: mine).score("good").compound == 0)
        // The built-in lexicon itself is unchanged.
        #expect(base.valence(of: "sick")! < 0)
    }

    @Test func multiwordUserEntriesMatchText() throws {
        let mine = SentimentLexicon.embedded.adding([try parse("term\tvalence\nover the moon\t3.5\n")])
        let s = SentimentScorer(lexicon: mine).score("I am over the moon about it", explain: true)
        #expect(s.contributions?.first?.term == "over the moon")
    }

    @Test func modifiersFileIsChecked() {
        #expect(throws: LexiconError.self) {
            try SentimentModifiers(path: "m.tsv", text: "term\trole\tvalue\nvery\tintensifier\t0.3\n")
        }
        #expect(throws: LexiconError.self) {
            try SentimentModifiers(path: "m.tsv", text: "term\trole\tvalue\nnot\tnegator\t2\n")
        }
        #expect(throws: LexiconError.self) {
            try SentimentModifiers(path: "m.tsv", text: "term\trole\tvalue\nvery\tbooster\tlots\n")
        }
    }

    @Test func builtInLexiconLoadsEveryLayer() {
        let lexicon = SentimentLexicon.embedded
        #expect(lexicon.valence(of: "good")! > 0)  // VADER
        #expect(lexicon.valence(of: "hypocrite")! < 0)  // sentiment-words.tsv
        #expect(lexicon.valence(of: "no problem")! > 0)  // sentiment-phrases.tsv
        #expect(lexicon.valence(of: "😡")! < 0)  // sentiment-emoji.tsv
        #expect(lexicon.role(of: "not")?.role == .negator)  // sentiment-modifiers.tsv
        #expect(lexicon.role(of: "however")?.role == .contrast)
        #expect(lexicon.maxPhraseLength <= SentimentTerms.maxPhraseLength)
    }

    @Test func importedVaderFileHasOneLinePerTerm() throws {
        // scripts/import-sentiment-lexicon merges terms the source rates twice (or in two cases),
        // so no line of the imported file silently overrides another.
        let table = try EmbeddedLexicon.table("sentiment-vader.tsv", expectedHeader: ["term", "valence"])
        var seen = Set<UInt64>()
        for row in table.rows {
            let key = TermHash.of(term: row[0])
            #expect(seen.insert(key).inserted, "\(row[0]) on line \(row.line) repeats a term")
        }
        #expect(table.rows.count > 7000)
    }

    @Test func tableGrowsAndFindsEveryKey() {
        var table = SentimentTable(minimumCapacity: 4)
        for k in 1...5000 {
            table.update(UInt64(k) &* 0x9E37_79B9_7F4A_7C15) {
                $0.valence = Float(k % 7) - 3
                $0.hasValence = true
            }
        }
        #expect(table.count == 5000)
        for k in 1...5000 {
            #expect(table.lookup(UInt64(k) &* 0x9E37_79B9_7F4A_7C15)?.valence == Float(k % 7) - 3)
        }
        #expect(table.lookup(12345) == nil)
        table.update(0) { $0.hasValence = true }
        #expect(table.lookup(0)?.hasValence == true)
    }
}
