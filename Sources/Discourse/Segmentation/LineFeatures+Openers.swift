/// The passes of ``LineFeatures/init(text:cues:)`` that find a line speaking to someone: a reaction
/// opener ("Thanks Tony!"), an address ("@name", "Hi Rand,", "Eric – your analysis"), a vocative at a
/// sentence end ("…, Sara.").
extension LineFeatures {
    /// Reaction and address openers.
    mutating func readOpeners(_ text: TokenizedText, cues: SegmenterCues, wordCount: Int) {
        let first = text[0]
        let reaction = cues.match(text, at: 0, in: .reaction)
        if reaction > 0 {
            reactionOpener = true
            if Self.isName(text, reaction, cues: cues) { addressOpener = true }  // "Thanks Tony!"
        }
        if first.kind == .mention || cues.match(text, at: 0, in: .address) > 0 {
            addressOpener = true
        } else if wordCount > 3 {
            // "Rand, have you read…", "Eric – your analysis…", "Wes - I agree": one or two names, then a
            // comma or a dash.
            var k = 0
            while k < min(2, text.count), text[k].kind == .word, text[k].flags.contains(.capitalized) { k += 1 }
            if k > 0, k + 1 < text.count, text[k].kind == .punctuation {
                let ascii = text.normalized[Int(text[k].normStart)]
                let nameFirst =
                    !cues.contains(text[0].key, in: .reaction) && !cues.contains(text[0].key, in: .stopword)
                    && !cues.contains(text[0].key, in: .month) && !cues.contains(text[0].key, in: .weekday)
                // What follows must talk to the person: "you", "I agree", "thanks", "have you read".
                let next = text[k + 1].key
                let addressing =
                    cues.contains(next, in: .secondPerson) || cues.contains(next, in: .reaction)
                    || cues.match(text, at: k + 1, in: .praise) > 0
                let speaking = addressing || cues.contains(next, in: .firstPerson) || addressFollowers.contains(next)
                if nameFirst,
                    (ascii == 0x2C && speaking) || (ascii == 0x2D && text[k].flags.contains(.spaceBefore) && addressing)
                {
                    addressOpener = true
                }
            }
        }
    }

    /// A vocative at a sentence end, when the line does not open with an address.
    mutating func readVocative(_ text: TokenizedText, cues: SegmenterCues) {
        let bytes = text.bytes
        // A vocative at a sentence end: "You made your point there, Sara."
        if !addressOpener {
            var k = 1
            while k + 1 < text.count {
                if text[k].kind == .punctuation, bytes[Int(text[k].start)] == 0x2C, Self.isName(text, k + 1, cues: cues)
                {
                    let after = k + 2
                    if after == text.count
                        || (text[after].kind == .punctuation && ASCII.isSentenceEnd(bytes[Int(text[after].start)]))
                        || text[after].kind == .emoticon || text[after].kind == .emoji
                    {
                        addressOpener = true
                        break
                    }
                }
                k += 1
            }
        }
    }
}
