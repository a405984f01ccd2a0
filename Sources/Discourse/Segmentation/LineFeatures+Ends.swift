/// The pass of ``LineFeatures/init(text:cues:)`` that reads the line's first and last tokens.
extension LineFeatures {
    /// How the line opens and ends: lowercase start, `> quote`, final colon, sentence ending, list item.
    mutating func readEnds(_ text: TokenizedText, wordCount: Int) {
        let bytes = text.bytes
        let first = text[0]
        let last = text[text.count - 1]
        let lastByte = bytes[Int(last.start)]
        startsLowercase = first.kind == .word && ASCII.isLower(bytes[Int(first.start)])
        quoteLine = text.isQuoteLine
        endsWithColon = last.kind == .punctuation && lastByte == 0x3A
        if last.kind == .emoticon || last.kind == .emoji {
            endsLikeSentence = true
        } else if last.kind == .punctuation {
            let ascii = text.normalized[Int(last.normStart)]
            endsLikeSentence =
                ascii == 0x2E || ascii == 0x21 || ascii == 0x3F || ascii == 0x22 || ascii == 0x27
                || ascii == 0x29
        }
        if first.kind == .punctuation || first.kind == .symbol {
            let ascii = text.normalized[Int(first.normStart)]
            // "• item", "* item", "- item" (not "-Jodi", which is a sign-off)
            let bullet = ascii == 0x2A && first.flags.contains(.typographic)
            let asciiBullet = (ascii == 0x2A || ascii == 0x2D) && text.count > 1 && text[1].flags.contains(.spaceBefore)
            listItem = bullet || (asciiBullet && wordCount > 3)
        } else if first.kind == .number, text.count > 2, text[1].kind == .punctuation, text[1].length == 1 {
            let c = bytes[Int(text[1].start)]
            listItem = (c == 0x2E || c == 0x29) && text[2].kind == .word
        }

    }
}
