import Testing

@testable import Discourse

@Suite("Writers")
struct WritersTests {
    @Test func numbersAreLocaleIndependentAndFixed() {
        #expect(NumberFormat.fixed(0.5) == "0.5000")
        #expect(NumberFormat.fixed(-0.12345) == "-0.1235")
        #expect(NumberFormat.fixed(-0.00001) == "0.0000")
        #expect(NumberFormat.fixed(12.0, digits: 0) == "12")
        #expect(NumberFormat.fixed(.nan) == "nan")
    }

    @Test func jsonEscapesControlCharactersAndQuotes() {
        var out = ""
        JSONWriter.appendString("a\"b\\c\nd\u{01}e\u{2028}é", to: &out)
        #expect(out == #""a\"b\\c\nd\u0001e\u2028é""#)
    }

    @Test func jsonWriterKeepsKeyOrderAndCommas() {
        var w = JSONWriter()
        w.beginObject()
        w.field("b", .integer(1))
        w.field("a", .text("x"))
        w.key("list")
        w.beginArray()
        w.integer(1)
        w.integer(2)
        w.endArray()
        w.field("n", .null)
        w.endObject()
        #expect(w.output == #"{"b":1,"a":"x","list":[1,2],"n":null}"#)
    }

    @Test func csvQuotesOnlyWhenNeeded() {
        #expect(CSVWriter.quoted("plain") == "plain")
        #expect(CSVWriter.quoted("a,b") == "\"a,b\"")
        #expect(CSVWriter.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter().record(["a", "b"]) == "a,b\r\n")
    }

    @Test func formulaGuardOnlyTouchesFreeText() {
        let csv = CSVWriter()
        #expect(csv.cell(.text("=SUM(A1)"), kind: .text) == "'=SUM(A1)")
        #expect(csv.cell(.text("-this is fine"), kind: .text) == "'-this is fine")
        #expect(csv.cell(.text("@here"), kind: .text) == "'@here")
        #expect(csv.cell(.text("normal"), kind: .text) == "normal")
        #expect(csv.cell(.number(-0.5), kind: .number) == "-0.5000")
        #expect(csv.cell(.text("-label"), kind: .label) == "-label")
        #expect(CSVWriter(formulaGuard: false).cell(.text("=1+1"), kind: .text) == "=1+1")
        #expect(csv.cell(.text("-"), kind: .text) == "-", "stdin's name is ours, not a formula")
        let named = ContentName.of("a page", stream: "-")
        #expect(csv.cell(.text(named), kind: .text) == named, "a stdin document's content name is ours too")
        #expect(csv.cell(.text("-#12"), kind: .text) == "'-#12")
        #expect(csv.cell(.text("-#1+1"), kind: .text) == "'-#1+1")
    }

    @Test func displayWidthTruncatesWithoutSplittingCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.truncate("hello world", to: 8) == "hello w…")
        #expect(DisplayWidth.truncate("日本語テキスト", to: 5) == "日本…")
        #expect(DisplayWidth.truncate("a\nb", to: 10) == "a b")
        #expect(DisplayWidth.pad("ab", to: 4, right: true) == "  ab")
    }
}
