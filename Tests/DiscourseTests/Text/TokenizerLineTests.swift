import Testing

@testable import Discourse

/// Texts of several lines (a comment of several paragraphs): what a line break means to tokens.
@Suite("Tokenizer: line breaks")
struct TokenizerLineTests {
    @Test func lineBreakEndsASentence() {
        let t = Tokenizer.tokenize("first paragraph without a stop\nsecond paragraph")
        #expect(t.sentenceCount == 2)
        #expect(t[t.count - 1].sentence == 1)
        #expect(Tokenizer.tokenize("one.\n\ntwo").sentenceCount == 2)
        #expect(Tokenizer.tokenize("\n\none line\n").sentenceCount == 1)
    }

    @Test func onlyQuotedLinesAreQuoted() {
        let t = Tokenizer.tokenize("> you are wrong\nno, you are")
        #expect(!t.isQuoteLine)
        #expect(t.tokens.filter { $0.flags.contains(.quoted) }.count == 3)
        #expect(!t[t.count - 1].flags.contains(.quoted))
        #expect(Tokenizer.tokenize("> one\n\n>two").isQuoteLine)
        #expect(Tokenizer.tokenize("\n> quoted after a blank line").isQuoteLine)
    }

    @Test func manyShortTokensFitWhateverTheirNumber() {
        // More tokens than the first guess of n/3 + 8: the tokenizer makes room and keeps them all.
        let text = String(repeating: "a ! ", count: 300)
        let t = Tokenizer.tokenize(text)
        #expect(t.count == 600)
        #expect(t.norm(599) == "!")
    }
}
