import Testing

@testable import Discourse

@Suite("Background model")
struct BackgroundModelTests {
    let model = BackgroundModel.embedded

    @Test func embeddedTableLoadsWithCommonAndRareWords() {
        #expect(model.count > 40_000)
        let the = model.logProbability(TermHash.of(normalized: "the"))
        let pyongyang = model.logProbability(TermHash.of(normalized: "pyongyang"))
        #expect(the > pyongyang)
        #expect(pyongyang > model.unknownLogProbability)
        #expect(model.logProbability(TermHash.of(normalized: "qzxvbrmpt")) == model.unknownLogProbability)
    }

    @Test func stopwordsComeFromFrequencyNotAList() {
        for word in ["the", "and", "of", "is"] {
            let stop = model.isStopword(TermHash.of(normalized: word))
            #expect(stop, "\(word)")
        }
        for word in ["nuclear", "pyongyang", "salsa", "government"] {
            let stop = model.isStopword(TermHash.of(normalized: word))
            #expect(!stop, "\(word)")
        }
    }

    /// The table is keyed by hashing its words as written, so every word must be exactly one
    /// word token of the tokenizer with the same normalised form, or its entry is never found.
    @Test func everyEntryIsOneTokenizerWordInNormalisedForm() throws {
        let table = try EmbeddedLexicon.table("background-en.tsv", expectedHeader: BackgroundModel.header)
        var bad: [String] = []
        for row in table.rows {
            let word = row[0]
            let tokens = Tokenizer.tokenize(word)
            if tokens.count != 1 || tokens[0].kind != .word || tokens.norm(0) != word { bad.append(word) }
        }
        #expect(bad.isEmpty, "not single normalised tokens: \(bad.prefix(10))")
        #expect(table.rows.count == model.count)
    }

    @Test func malformedTablesAreRejectedWithTheLine() {
        #expect(throws: LexiconError.self) { try BackgroundModel(tsv: "term\tfreq\nx\t1\n", path: "t.tsv") }
        #expect(
            throws: LexiconError.badLine(path: "t.tsv", line: 3, reason: "expected a word, a tab and a Zipf frequency")
        ) {
            try BackgroundModel(tsv: "# comment\nword\tzipf\nthe\tmany\n", path: "t.tsv")
        }
        let ok = try? BackgroundModel(tsv: "word\tzipf\nthe\t7.73\nzebra\t3.5\n", path: "t.tsv")
        #expect(ok?.count == 2)
        #expect(abs((ok?.logProbability(TermHash.of(normalized: "zebra")) ?? 0) - (3.5 - 9) * 2.302585) < 1e-3)
    }
}
