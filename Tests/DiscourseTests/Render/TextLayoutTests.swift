import Testing

@testable import Discourse

@Suite("Text layout: wrapping and table widths")
struct TextLayoutTests {
    @Test func wrapKeepsEveryLineWithinTheWidth() {
        let text = "Add or re-rate sentiment terms: TSV whose first line is the header term<TAB>valence, then one term"
        for width in [20, 33, 50, 80] {
            let wrapped = DisplayWidth.wrap(text, width: width, indent: 4)
            for line in wrapped.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= width, "\(width): \(line)")
                #expect(line.hasPrefix("    "))
            }
            // Nothing lost: the words come back in order (no word here is wider than 29 columns).
            if width >= 33 { #expect(wrapped.split(whereSeparator: \.isWhitespace).joined(separator: " ") == text) }
        }
    }

    @Test func hangingIndentAndLongWords() {
        let wrapped = DisplayWidth.wrap(
            "Error: " + String(repeating: "x", count: 30), width: 12, indent: 2, hanging: true)
        let lines = wrapped.split(separator: "\n")
        #expect(lines[0] == "Error:")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && $0.count <= 12 })
        #expect(lines.dropFirst().map { $0.dropFirst(2) }.joined() == String(repeating: "x", count: 30))
        // Wide characters count two columns.
        for line in DisplayWidth.wrap("😩😩😩 日本語の文章 ok", width: 6).split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= 6, "\(line)")
        }
    }

    /// A word far wider than a line is cut into full lines, nothing lost (it was cut by removing
    /// its characters one at a time, each removal copying the rest: 11 s for 16,000 characters).
    @Test func aVeryLongWordIsCutIntoFullLines() {
        let word = String(repeating: "abcdefghij", count: 2_000)
        let lines = DisplayWidth.wrap("file: " + word + " ok", width: 30, indent: 2).split(separator: "\n")
        #expect(lines.first == "  file:")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.count == 30 && $0.hasPrefix("  ") })
        // 20,000 = 714 lines of 28 and 8 left, the last line's with " ok".
        #expect(lines.last == "  " + word.suffix(8) + " ok")
        #expect(lines.dropFirst().map { $0.dropFirst(2) }.joined() == word + " ok")
    }

    /// A character wider than the whole room (2 columns in 1) gets a line of its own: the wrap
    /// waited for room that never came and looped for ever, a line longer on each turn.
    @Test func aCharacterWiderThanTheRoomGetsALineOfItsOwn() {
        #expect(DisplayWidth.wrap("日本 語", width: 1) == "日\n本\n語")
        #expect(DisplayWidth.wrap("a 😩b", width: 3, indent: 2) == "  a\n  😩\n  b")
    }

    @Test func summariesBreakBetweenClauses() {
        let line =
            "Samples/council-budget.txt: 14 lines, 7 article lines, 4 comments found (confidence 0.31), drift trend +0.1726/comment"
        let wrapped = DisplayWidth.wrapClauses(line, width: 80)
        #expect(
            wrapped
                == "Samples/council-budget.txt: 14 lines, 7 article lines,\n  4 comments found (confidence 0.31), drift trend +0.1726/comment"
        )
        #expect(DisplayWidth.wrapClauses(line, width: 200) == line)
    }

    @Test func tableNarrowsAWideFixedColumnToFit() {
        var table = TextTable(columns: [.init("#", alignRight: true), .init("where"), .init("text", flexible: true)])
        table.append(["1", String(repeating: "long/path/", count: 10) + "page.txt:7", "a comment that is long enough"])
        let out = table.render(width: 80, color: false)
        for line in out.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= 80, "\(line)")
        }
        #expect(out.contains("a comment"))
    }
}
