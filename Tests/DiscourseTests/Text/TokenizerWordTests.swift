import Testing

@testable import Discourse

/// The plain-word path reads words eight bytes at a time, and short texts are scanned into per-thread
/// scratch memory; these tests hold both to the token a letter-by-letter reading gives, at every
/// position a word can take relative to a chunk and to the end of the text.
@Suite("Tokenizer: words read by the chunk")
struct TokenizerWordTests {
    /// The expected token of a word of ASCII letters and apostrophes, worked out letter by letter.
    struct Expected: Equatable {
        var norm: String
        var key: UInt64
        var flags: TokenFlags

        init(word: String) {
            let letters = word.utf8.filter { $0 != 0x27 }
            let upper = letters.filter { ASCII.isUpper($0) }.count
            var flags: TokenFlags = []
            var run = 0
            var last: UInt8 = 0
            for b in letters {
                let l = b | 0x20
                run = l == last ? run + 1 : 1
                last = l
                if run >= 3 { flags.insert(.elongated) }
            }
            if upper >= 2 && upper == letters.count {
                flags.insert(.allCaps)
            } else if ASCII.isUpper(word.utf8.first!) {
                flags.insert(.capitalized)
            }
            norm = String(decoding: word.utf8.map { ASCII.lower($0) }, as: UTF8.self)
            key = TermHash.of(normalized: norm)
            self.flags = flags
        }
    }

    func actual(_ t: TokenizedText, _ i: Int) -> Expected {
        var e = Expected(word: "x")
        e.norm = t.norm(i)
        e.key = t[i].key
        e.flags = t[i].flags.subtracting([.spaceBefore])
        return e
    }

    /// Words of 1 … 20 letters with capitals, repeats and apostrophes in varied places.
    static let words: [String] = {
        var words: [String] = []
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for length in 1...20 {
            for variant in 0..<12 {
                var bytes = (0..<length).map { _ in alphabet[next(26)] }
                switch variant % 6 {
                case 0: break
                case 1: bytes[0] &= 0xDF  // Capitalized
                case 2: bytes = bytes.map { $0 & 0xDF }  // ALL CAPS
                case 3:  // three of a letter somewhere (across a chunk edge for some lengths)
                    if length >= 3 {
                        let at = next(length - 2)
                        bytes[at + 1] = bytes[at]
                        bytes[at + 2] = bytes[at]
                    }
                case 4:  // two of a letter, then an apostrophe, then the same letter
                    if length >= 4 {
                        let at = next(length - 3)
                        bytes[at + 1] = bytes[at]
                        bytes[at + 2] = 0x27
                        bytes[at + 3] = bytes[at]
                    }
                default:  // mixed case with a pair
                    if length >= 2 {
                        bytes[length - 1] = bytes[length - 2] & 0xDF
                    }
                }
                words.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return words
    }()

    @Test func wordsMatchALetterByLetterReading() {
        for word in Self.words {
            // Offset the word by 0 … 9 bytes so it starts at every position within a chunk; end the
            // text right after it (the zero-padded tail) or follow it by punctuation and more text.
            for offset in 0..<10 {
                let lead = String(repeating: "1", count: offset)
                for text in [lead + " " + word, lead + " " + word + ", then more words here", lead + " " + word + "?"] {
                    let t = Tokenizer.tokenize(text)
                    let i = offset == 0 ? 0 : 1
                    #expect(actual(t, i) == Expected(word: word), "\(word) in \(text)")
                    #expect(t.surface(i) == word)
                }
            }
        }
    }

    @Test func runsOfWordsMatchALetterByLetterReading() {
        // After a word and the space after it, the words that follow take the run's own loop
        // (Scanner+WordRun), which hands back to the general scan at a long word, an apostrophe or
        // anything else: every word of the list in one text, separated by single spaces, the first
        // at every position within a chunk.
        for offset in 0..<9 {
            let text = String(repeating: "q", count: offset + 1) + " " + Self.words.joined(separator: " ")
            let t = Tokenizer.tokenize(text)
            #expect(t.count == Self.words.count + 1)
            for (k, word) in Self.words.enumerated() where k + 1 < t.count {
                #expect(actual(t, k + 1) == Expected(word: word), "\(word) after \(offset + 1) letters")
                #expect(t.surface(k + 1) == word)
                #expect(t[k + 1].flags.contains(.spaceBefore) && t[k + 1].sentence == 0)
            }
        }
        // A run ends before a mark (which has no space before it), and the sentence after a full
        // stop and a space starts with the next word.
        let t = Tokenizer.tokenize("so very good. Then ok")
        #expect((0..<t.count).map { t.norm($0) } == ["so", "very", "good", ".", "then", "ok"])
        #expect(t.tokens.map(\.sentence) == [0, 0, 0, 0, 1, 1])
        #expect(t.tokens.map { $0.flags.contains(.spaceBefore) } == [true, true, true, false, true, true])
        #expect(t[4].flags.contains(.capitalized))
    }

    @Test func longTextsGiveTheSameTokensAsShortOnes() {
        // Above the per-thread scratch limit the scan uses temporary memory; the tokens must not differ.
        let piece = "Great post, sooo GOOD!!! I don't agree... really?! Harper's plan #news :) "
        let short = Tokenizer.tokenize(piece)
        let repeats = ScannerScratch.maximumText / piece.utf8.count + 2
        let long = Tokenizer.tokenize(String(repeating: piece, count: repeats))
        #expect(long.count == short.count * repeats)
        for i in 0..<long.count {
            let s = short[i % short.count]
            let l = long[i]
            #expect(l.key == s.key && l.kind == s.kind && l.flags == s.flags && l.length == s.length)
            #expect(long.norm(i) == short.norm(i % short.count))
        }
    }

    @Test func commonMarksAndTheSpaceAfterThem() {
        let t = Tokenizer.tokenize("Well, ok. Really!! Why? no")
        #expect((0..<t.count).map { t.norm($0) } == ["well", ",", "ok", ".", "really", "!!", "why", "?", "no"])
        #expect(t.tokens.map(\.sentence) == [0, 0, 0, 0, 1, 1, 2, 2, 3])
        #expect(t[2].flags.contains(.spaceBefore))
        #expect(!t[1].flags.contains(.spaceBefore))
        // Without a space, a mark keeps the sentence going ("e.g.", "wow!great").
        #expect(Tokenizer.tokenize("wow!great").sentenceCount == 1)
    }

    @Test func marksInARunOfWords() {
        // A comma, full stop, "!" or "?" followed by a space is taken by the run of words
        // (Scanner+WordRun) as its own token, with the context of the words around it and no
        // space before it; a full stop, "!" or "?" ends the sentence there.
        let t = Tokenizer.tokenize("so good, very bad. ok ok! why? no!! yes.. fine")
        #expect(
            (0..<t.count).map { t.norm($0) } == [
                "so", "good", ",", "very", "bad", ".", "ok", "ok", "!", "why", "?", "no", "!!", "yes", "..", "fine",
            ])
        #expect(t.tokens.map(\.sentence) == [0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5])
        for i in 0..<t.count {
            let mark = t[i].kind == .punctuation
            #expect(t[i].flags.contains(.spaceBefore) == !mark, "\(t.norm(i))")
            #expect(t[i].key == TermHash.of(normalized: t.norm(i)))
            #expect(t.surface(i) == t.norm(i))
        }
        #expect(t.sentenceCount == 6)
        // The context flags of a quote line and of emphasis cover the marks as they cover the words.
        let quoted = Tokenizer.tokenize("> so good, very bad. ok")
        #expect(quoted.tokens.allSatisfy { $0.flags.contains(.quoted) })
        #expect(quoted.tokens.map(\.sentence) == [0, 0, 0, 0, 0, 0, 1])
        let emphasized = Tokenizer.tokenize("*so good, very bad. ok* no")
        #expect(
            emphasized.tokens.map { $0.flags.contains(.emphasized) } == [
                true, true, true, true, true, true, true, false,
            ])
        // At the end of the text, and before a second mark or no space, the general scan decides.
        let end = Tokenizer.tokenize("so good,")
        #expect((0..<end.count).map { end.norm($0) } == ["so", "good", ","])
        let tight = Tokenizer.tokenize("so good,,bad. e.g. ok")
        #expect((0..<tight.count).map { tight.norm($0) } == ["so", "good", ",,", "bad", ".", "e", ".", "g", ".", "ok"])
    }

    @Test func aDroppedTextsBlockIsWrittenAgainAndAKeptOneNeverChanges() {
        // The scanner writes the next text into the block of the last one when nobody holds that
        // block any more (no allocation); a text someone still holds keeps its tokens.
        var first: TokenizedText? = Tokenizer.tokenize("one two three four five six seven")
        let block = ObjectIdentifier(first!.storage)
        first = nil
        let second = Tokenizer.tokenize("eight nine")
        #expect(ObjectIdentifier(second.storage) == block)
        let third = Tokenizer.tokenize("ten, eleven")
        #expect(ObjectIdentifier(third.storage) != block)
        #expect((0..<second.count).map { second.norm($0) } == ["eight", "nine"])
        #expect(second.bytes.count == 10 && second.sentenceCount == 1)
        #expect((0..<third.count).map { third.norm($0) } == ["ten", ",", "eleven"])
        // A longer text than the spare block holds gets a block of its own, and is right.
        let long = String(repeating: "word ", count: 200)
        let big = Tokenizer.tokenize(long)
        #expect(big.count == 200 && big.norm(199) == "word")
        #expect((0..<second.count).map { second.norm($0) } == ["eight", "nine"])
    }
}
