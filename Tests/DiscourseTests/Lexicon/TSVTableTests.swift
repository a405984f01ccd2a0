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

    /// ASCII lines are split on bytes, other lines by characters: both read the same fields, and a
    /// keycap emoji ("#" and a combining mark) is a term, not a comment.
    @Test func asciiAndUnicodeLinesSplitAlike() throws {
        let text = "\u{FEFF}term\tvalue\n café \t 1 \t\n#\u{FE0F}\u{20E3}\t2\n \t \nplain \t 3 \t\n\t\t\n"
        let table = try TSVTable(path: "x.tsv", text: text)
        #expect(table.header == ["term", "value"])
        #expect(table.rows.map(\.fields) == [["café", "1", ""], ["#\u{FE0F}\u{20E3}", "2"], ["plain", "3", ""]])
        #expect(table.rows.map(\.line) == [2, 3, 5])
    }

    @Test func wrongHeaderNamesFileAndExpectation() {
        #expect(throws: LexiconError.badHeader(path: "x.tsv", expected: ["term", "value"], found: ["word", "score"])) {
            try TSVTable(path: "x.tsv", text: "word\tscore\n", expectedHeader: ["term", "value"])
        }
    }

    /// A row wider than the header (a stray tab in a term, a column the loader would ignore) is an
    /// error naming its line; a tab at the end of a line is not.
    @Test func aRowWiderThanTheHeaderIsAnError() throws {
        let reason =
            "3 fields, but the header names 2 columns (term, valence): a tab inside a term, or a column too many?"
        #expect(throws: LexiconError.badLine(path: "l.tsv", line: 3, reason: reason)) {
            try TSVTable(path: "l.tsv", text: "term\tvalence\nfine\t1\ngood\t2\textra\n")
        }
        #expect(throws: LexiconError.self) { try TSVTable(path: "l.tsv", text: "term\tvalence\ncafé\t2\tx\n") }
        #expect(try TSVTable(path: "l.tsv", text: "term\tvalence\ngood\t2\t\t\n").rows.count == 1)
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: LexiconError.self) { try TSVTable(path: "e.tsv", text: "# only a comment\n") }
    }

    /// ASCII lines are split on bytes, others as characters: both must read a file the same way.
    /// A keycap emoji ("#️⃣") starts with "#" but is no comment line; a byte-order mark before the
    /// header is dropped; spaces around fields go, also next to non-ASCII text.
    @Test func nonASCIILinesReadLikeASCIIOnes() throws {
        let text = "\u{FEFF}term\tvalue\n#\u{FE0F}\u{20E3}\t2\n  café \t 1.5\ncafe\t 1.5 \n# comment\n\t \n"
        let table = try TSVTable(path: "x.tsv", text: text)
        #expect(table.header == ["term", "value"])
        #expect(table.rows.map(\.fields) == [["#\u{FE0F}\u{20E3}", "2"], ["café", "1.5"], ["cafe", "1.5"]])
        #expect(table.rows.map(\.line) == [2, 3, 4])
    }

    @Test func lineBreaksOfEveryKindEndALine() throws {
        let table = try TSVTable(path: "x.tsv", text: "a\tb\r\nx\t1\ry\t2\n\nz\t3")
        #expect(table.rows.map(\.fields) == [["x", "1"], ["y", "2"], ["z", "3"]])
        #expect(table.rows.map(\.line) == [2, 3, 5])
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
