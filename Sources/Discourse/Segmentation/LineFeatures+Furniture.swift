/// The furniture passes of ``LineFeatures/init(text:cues:)``: whole-line shapes of comment furniture
/// ("X says:", "Reply", a name on its own line, "12 Comments", vote counts, "Posted by X").
extension LineFeatures {
    /// "says:" lines, furniture words only, name lines, ages, section headings and vote counts.
    mutating func readFurniture(_ text: TokenizedText, cues: SegmenterCues, _ pass: TokenPass) {
        let bytes = text.bytes
        let last = text[text.count - 1]
        let lastByte = bytes[Int(last.start)]
        let wordCount = pass.wordCount
        // Whole-line patterns.
        if text.count >= 2 {
            let beforeLast = text[text.count - 2]
            // "says:", "said…" / "said..." (Blogger); not "said." (a quotation in an article).
            let ellipsis =
                (lastByte == 0x2E && last.length >= 2)
                || (last.flags.contains(.typographic) && text.normalized[Int(last.normStart)] == 0x2E)
            if last.kind == .punctuation, lastByte == 0x3A || ellipsis,
                beforeLast.key == saysKey || beforeLast.key == saidKey || beforeLast.key == wroteKey
                    || beforeLast.key == writesKey
            {
                saysColon = wordCount <= 10
            }
        }
        if last.kind == .word, last.key == saysKey || last.key == saidKey || last.key == wroteKey, wordCount <= 6 {
            saysColon = true  // "Elena said" with the colon lost
        }
        furnitureOnly =
            pass.furnitureWords > 0 && pass.otherWords == 0 && wordCount <= 4 && exclamations == 0 && questions == 0
        if !furnitureOnly, wordCount <= 5, text.count >= 2, last.kind == .word, cues.contains(last.key, in: .furniture),
            text[text.count - 2].kind == .number
        {
            furnitureOnly = true  // "Montemalone 44 pts", "baroo 6 points"
        }
        // A name may end with an initial and its stop ("Chloe O.", "J. R. Smith" has no final stop).
        let endsWithInitial =
            text.count >= 2 && lastByte == 0x2E && last.length == 1
            && text[text.count - 2].kind == .word && text[text.count - 2].length == 1
            && text[text.count - 2].flags.contains(.capitalized)
        nameLike =
            wordCount >= 1 && wordCount <= 4 && tokens <= 6 && (!endsLikeSentence || endsWithInitial)
            && !endsWithColon && questions == 0 && exclamations == 0 && numbers == 0 && urls == 0
        if pass.compactAge && wordCount <= 6 { hasAgo = true }
        furnitureShape(text, cues: cues, furnitureWords: pass.furnitureWords, otherWords: pass.otherWords)
    }

    /// The section heading and vote count shapes (see ``sectionHeader``, ``voteCount``): every token
    /// a section cue, a furniture word, a number, punctuation or a symbol.
    mutating func furnitureShape(_ text: TokenizedText, cues: SegmenterCues, furnitureWords: Int, otherWords: Int) {
        guard words <= 6, questions == 0, exclamations == 0, urls == 0, mentions == 0 else { return }
        let last = text[text.count - 1]
        let sentenceEnd = last.kind == .punctuation && ASCII.isSentenceEnd(text.bytes[Int(last.start)])
        var sectionCues = 0
        var rest = 0
        var k = 0
        while k < text.count {
            let t = text[k]
            if t.kind == .word {
                let m = cues.match(text, at: k, in: .section)
                if m > 0 {
                    sectionCues += 1
                    k += m
                    continue
                }
                if !cues.contains(t.key, in: .furniture) { rest += 1 }
            } else if t.kind == .emoticon && ASCII.isDigit(text.bytes[Int(t.start)]) {
                // "Comments (8)": the tokenizer reads "8)" as an emoticon; here it is a count.
            } else if t.kind != .number && t.kind != .punctuation && t.kind != .symbol && t.kind != .emoji {
                rest += 1
            }
            k += 1
        }
        sectionHeader = sectionCues > 0 && rest == 0 && !sentenceEnd
        // "5", "12 points", "♥ 120 · Reply": a count, and furniture words at most.
        voteCount =
            numbers == 1 && otherWords == 0 && words <= 3 && !sentenceEnd && sectionCues == 0
            && !hasDate && !hasTime && !hasAgo
    }

    /// "Posted by X" and its kin (see ``postedBy``).
    mutating func readPostedBy(_ text: TokenizedText, wordCount: Int) {
        // "Posted by X", "Written by X, October 19", "by james on January 31, …", "Posted by: X | date".
        if wordCount <= 16 {
            var k = 0
            if text[0].key == postedKey || text[0].key == writtenKey || text[0].key == submittedKey
                || text[0].key == commentKey
            {
                k = 1
            }
            if k < text.count, text[k].key == byKey {
                postedBy = k == 1 || hasDate || hasTime || wordCount <= 6
            } else if hasDate || hasTime,
                text[0].key == postedKey || text[0].key == publishedKey || text[0].key == updatedKey
            {
                postedBy = true  // "Posted Aug 9th 2012 1:50PM", "updated 4:36 p.m. ET July 23, 2012"
            }
        }
    }
}
