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
