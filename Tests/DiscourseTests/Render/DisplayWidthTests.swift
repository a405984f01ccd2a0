import Testing

@testable import Discourse

@Suite("Display width")
struct DisplayWidthTests {
    /// Bidirectional controls would reorder what the terminal shows; they go the way of C0/C1 controls.
    @Test func bidiControlsAreNeutralised() {
        for control in ["\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}", "\u{200F}", "\u{200E}", "\u{061C}"] {
            let text = "abc" + control + "def"
            #expect(DisplayWidth.printable(text) == "abc\u{FFFD}def")
            #expect(DisplayWidth.truncate(text, to: 20) == "abc\u{FFFD}def")
        }
        #expect(
            DisplayWidth.printable("caf\u{E9} \u{201C}quoted\u{201D} \u{2014}")
                == "caf\u{E9} \u{201C}quoted\u{201D} \u{2014}")
    }
}

@Suite("Display width: summary lines")
struct WrapClausesTests {
    let summary = "council-budget.txt: 14 lines, 6 article lines, 5 comments from line 10, confidence 0.79"

    /// The first line has the whole width; continuation lines are indented by two.
    @Test func hangingFirstLineHasTheWholeWidth() {
        let lines = DisplayWidth.wrap("aaaa bbbb cccc", width: 9, indent: 2, hanging: true).split(separator: "\n")
        #expect(lines == ["aaaa bbbb", "  cccc"])
    }

    /// A clause wider than the line is wrapped at its own spaces, never inside a word.
    @Test func narrowSummariesBreakBetweenWords() {
        for width in [21, 30, 50] {
            let wrapped = DisplayWidth.wrapClauses(summary, width: width)
            for line in wrapped.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= width) }
            let words = wrapped.split(whereSeparator: \.isWhitespace)
            #expect(words == summary.split(separator: " "))
        }
        #expect(
            DisplayWidth.wrapClauses(summary, width: 50).hasPrefix("council-budget.txt: 14 lines, 6 article lines,\n"))
    }
}
