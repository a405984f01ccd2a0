import Testing

@testable import Discourse

@Suite("TextLines")
struct TextLinesTests {
    @Test func splitsOnLFCRLFAndLoneCR() {
        #expect(TextLines.split("a\nb\r\nc\rd") == ["a", "b", "c", "d"])
    }

    @Test func finalNewlineDoesNotAddALine() {
        #expect(TextLines.split("a\nb\n") == ["a", "b"])
        #expect(TextLines.split("a\n\n") == ["a", ""])
        #expect(TextLines.split("") == [])
        #expect(TextLines.split("\n") == [""])
    }

    @Test func blankDetectionIncludesUnicodeSpaces() {
        #expect(TextLines.isBlank(" \t\u{00A0}\u{3000}"))
        #expect(!TextLines.isBlank(" x "))
    }

    @Test func longLinesAreCappedForAnalysisWithAWarning() {
        let long = String(repeating: "é", count: LineTokenizer.maximumAnalysedBytes)  // 2 bytes each
        let (tokens, warnings) = LineTokenizer.tokenize(["short", long], file: "f.txt")
        #expect(tokens.count == 2)
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 2)
        #expect(tokens[1].bytes.count <= LineTokenizer.maximumAnalysedBytes)
        #expect(tokens[1].bytes.count % 2 == 0, "cut on a character boundary")
    }
}
