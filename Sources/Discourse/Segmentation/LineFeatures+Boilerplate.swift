/// The pass of ``LineFeatures/init(text:cues:)`` that finds a page's own lines: boilerplate ("Source:
/// AP", "Related Stories", an embedded tweet's signature) and the author's closing lines ("P.S.",
/// "Love, Paulo", "-Jodi").
extension LineFeatures {
    /// Boilerplate and closing lines (runs after ``readOpeners(_:cues:wordCount:)``: boilerplate is
    /// no reaction).
    mutating func readBoilerplateAndClosing(_ text: TokenizedText, cues: SegmenterCues, wordCount: Int) {
        let bytes = text.bytes
        let first = text[0]
        // "(Image Credits: AP)", "[Photo: Reuters]": the cue may sit inside a bracket.
        let opener =
            (first.kind == .punctuation && (bytes[Int(first.start)] == 0x28 || bytes[Int(first.start)] == 0x5B)) ? 1 : 0
        let b = opener < text.count ? cues.match(text, at: opener, in: .boilerplate) : 0
        if b > 0 {
            // "Source: AP", "Also Read", "Related Stories", "Stay connected to X on Instagram, …": a cue
            // that opens a short line, or one followed by a colon.
            let colon = opener + b < text.count && bytes[Int(text[opener + b].start)] == 0x3A
            boilerplate = colon || (wordCount <= 14 && firstPerson == 0 && secondPerson == 0)
        }
        // An embedded tweet's signature: "— ANI (@ANI) July 5, 2023".
        if first.kind == .punctuation, text.normalized[Int(first.normStart)] == 0x2D, mentions > 0, hasDate,
            wordCount <= 12
        {
            boilerplate = true
        }
        if !boilerplate { boilerplate = isPageTail(text, wordCount: wordCount) }
        if boilerplate { reactionOpener = false }  // "No stories found."
        // Closing lines: "P.S. …" at any length; sign-offs ("Love, Paulo", "Cheers", "Happy learning!")
        // only when short; "-Jodi" / "– Matt" (a dash and a name).
        let c = cues.match(text, at: 0, in: .closing)
        if c > 0 {
            let isPS = text[0].key == psKey || text[0].key == pKey || text[0].key == ppsKey
            // A sign-off is short ("Love, Paulo", "Cheers", "Until next time."); "Love the pictures,
            // you look great!" is a comment.
            closing = isPS || wordCount <= 3 || (wordCount <= 6 && c >= 2 && firstPerson == 0 && secondPerson == 0)
        } else if first.kind == .punctuation || first.kind == .symbol, text.normalized[Int(first.normStart)] == 0x2D,
            text.count >= 2, text.count <= 4, text[1].kind == .word, text[1].flags.contains(.capitalized)
        {
            closing = true
        }
    }

    /// The tails that publishers put under a story, beside the cue rows ("Contact:", "Disclosure:"):
    /// "Follow Acme News on Twitter" (a line opening with "follow" that names a social platform after
    /// "on"), and a press release's "About Acme Inc." (about and one to five capitalised words, no
    /// question or exclamation; "Inc." may end it).
    func isPageTail(_ text: TokenizedText, wordCount: Int) -> Bool {
        guard text.count >= 2, text[0].kind == .word else { return false }
        if text[0].key == followKey, wordCount <= 30 {
            for k in 1..<(text.count - 1) where text[k].key == onKey && socialPlatforms.contains(text[k + 1].key) {
                return true
            }
            return false
        }
        if text[0].key == aboutKey, wordCount >= 2, wordCount <= 6, questions == 0, exclamations == 0 {
            for k in 1..<text.count where text[k].kind == .word && !text[k].flags.contains(.capitalized) {
                return false
            }
            return true
        }
        return false
    }
}

let followKey = TermHash.of(normalized: "follow")
let aboutKey = TermHash.of(normalized: "about")
/// Social platforms a story's tail asks readers to follow it on.
let socialPlatforms = TermSet(
    [
        "twitter", "x", "facebook", "instagram", "linkedin", "youtube", "tiktok", "threads", "mastodon", "bluesky",
        "pinterest", "tumblr", "snapchat",
    ]
    .map { TermHash.of(normalized: $0) })
