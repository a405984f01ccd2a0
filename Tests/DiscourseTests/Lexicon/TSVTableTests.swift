import Testing

@testable import Discourse

@Suite("TSVTable")
struct TSVTableTests {
    @Test func parsesHeaderRowsAndSkipsComments() throws {
        let table = try TSVTable(path: "x.tsv", text: "# note\nterm\tvalue\n\ngood\t1.5\n# more\nbad \t -2\n")
        #expect(table.header == ["term", "value"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].line == 4)
        #expect(table.rows[1][0] == "bad")
        #expect(TSVTable.number(table.rows[1][1]) == -2)
        #expect(table.rows[1][5] == "")
    }

    @Test func wrongHeaderNamesFileAndExpectation() {
        #expect(throws: LexiconError.badHeader(path: "x.tsv", expected: ["term", "value"], found: ["word", "score"])) {
            try TSVTable(path: "x.tsv", text: "word\tscore\n", expectedHeader: ["term", "value"])
        }
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: LexiconError.self) { try TSVTable(path: "e.tsv", text: "# only a comment\n") }
    }

    @Test func numbersAreStrict() {
        #expect(TSVTable.number("+2") == 2)
        #expect(TSVTable.number("1,5") == nil)
        #expect(TSVTable.number("nan") == nil)
        #expect(TSVTable.number("") == nil)
    }

    @Test func embeddedLexiconsAreCompiledIn() throws {
        #expect(EmbeddedLexicon.names.contains("segmenter-cues.tsv"))
        #expect(throws: LexiconError.missingEmbedded(name: "nope.tsv")) { try EmbeddedLexicon.text("nope.tsv") }
    }
}
