import Testing

@testable import Discourse

@Suite("Tokenizer")
struct TokenizerTests {
    func norms(_ text: String) -> [String] {
        let t = Tokenizer.tokenize(text)
        return (0..<t.count).map { t.norm($0) }
    }

    func kinds(_ text: String) -> [TokenKind] {
        Tokenizer.tokenize(text).tokens.map(\.kind)
    }

    @Test func wordsAreLowercasedAndApostrophesKept() {
        #expect(norms("I DON'T like it") == ["i", "don't", "like", "it"])
        #expect(norms("don’t") == ["don't"])
    }

    @Test func punctuationRunsAreOneToken() {
        let t = Tokenizer.tokenize("Wow!!!! really??")
        #expect(t.count == 4)
        #expect(t.surface(1) == "!!!!")
        #expect(t[1].kind == .punctuation)
    }

    @Test func urlsMentionsHashtagsEmoticons() {
        #expect(
            kinds("see https://example.com/a?b=1. @bob #news :) <3") == [
                .word, .url, .punctuation, .mention, .hashtag, .emoticon, .emoticon,
            ])
    }

    @Test func emojiSequencesAreOneToken() {
        let t = Tokenizer.tokenize("nice 👍🏽 family 👨‍👩‍👧 flag 🇨🇦!")
        #expect(t.tokens.map(\.kind) == [.word, .emoji, .word, .emoji, .word, .emoji, .punctuation])
    }

    @Test func markdownSetsFlags() {
        let struck = Tokenizer.tokenize("this is ~~great~~ awful")
        #expect(struck.count == 4)
        #expect(struck[2].flags.contains(.struck))
        #expect(!struck[3].flags.contains(.struck))
        let quoted = Tokenizer.tokenize("> you are wrong")
        #expect(quoted.isQuoteLine)
        #expect(quoted.tokens.allSatisfy { $0.flags.contains(.quoted) })
        let emphasis = Tokenizer.tokenize("this is *really* good")
        #expect(emphasis.count == 4)
        #expect(emphasis[2].flags.contains(.emphasized))
        #expect(!emphasis[3].flags.contains(.emphasized))
    }

    @Test func obfuscatedWordsStayWhole() {
        #expect(norms("what the f*ck, a$$ and sh1t") == ["what", "the", "f*ck", ",", "a$$", "and", "sh1t"])
        let t = Tokenizer.tokenize("f*ck")
        #expect(t[0].flags.contains(.obfuscated))
    }

    @Test func casingAndElongation() {
        let t = Tokenizer.tokenize("GREAT Harper sooo")
        #expect(t[0].flags.contains(.allCaps))
        #expect(t[1].flags.contains(.capitalized))
        #expect(t[2].flags.contains(.elongated))
    }

    @Test func hyphenatedWordsSplitButJoined() {
        let t = Tokenizer.tokenize("down-to-earth")
        #expect((0..<t.count).map { t.norm($0) } == ["down", "to", "earth"])
        #expect(t[1].flags.contains(.hyphenJoined))
        #expect(t.key(from: 0, count: 3) == TermHash.of(term: "down to earth"))
    }

    @Test func underscoresJoinWordsButMarkEmphasisAtTheEdges() {
        #expect(norms("posted by kernel_hacker") == ["posted", "by", "kernel_hacker"])
        let t = Tokenizer.tokenize("_really_ good")
        #expect((0..<t.count).map { t.norm($0) } == ["really", "good"])
        #expect(t[0].flags.contains(.emphasized))
    }

    @Test func sentencesAreCounted() {
        let t = Tokenizer.tokenize("Good. Bad! Why? ok")
        #expect(t.sentenceCount == 4)
        #expect(Tokenizer.tokenize("It costs 3.5 dollars").sentenceCount == 1)
    }

    @Test func htmlEntitiesAreDecoded() {
        #expect(norms("don&#39;t &amp; won&rsquo;t") == ["don't", "&", "won't"])
        #expect(Tokenizer.tokenize("&gt; quoted").isQuoteLine)
    }

    @Test func numbersAndCurrency() {
        #expect(kinds("$100 10% 1,000 3.5") == [.number, .number, .number, .number])
        #expect(norms("$100") == ["$100"])
    }

    @Test func multiwordKeysMatchTermHash() {
        let t = Tokenizer.tokenize("it was Kind  Of good")
        #expect(t.key(from: 2, count: 2) == TermHash.of(term: "kind of"))
        #expect(t.extend(t[2].key, with: 3) == TermHash.of(normalized: "kind of"))
    }

    @Test func neverCrashesOnOddText() {
        for text in [
            "", " ", "\u{FFFD}\u{FFFD}", "'''", "***", "~~", ">", "@", "#", "$", "&#0;", "&#xFFFFFFFF;", "a'",
            "\u{200D}\u{200D}", "🇨", String(repeating: "a", count: 10000),
        ] {
            _ = Tokenizer.tokenize(text)
        }
    }
}
