/// The phrase pass of ``LineFeatures/init(text:cues:)``: multiword cues found from each token's
/// cue bits (looked up once by the token pass).
extension LineFeatures {
    /// Calls to comment, praise, talk about the post and reporting phrases, longest match first.
    /// - Complexity: O(tokens); a token with no cue bits is skipped without a lookup.
    mutating func scanPhrases(_ text: TokenizedText, cues: SegmenterCues, bits: [UInt32]) {
        var i = 0
        while i < text.count {
            let b = bits[i]
            if b == 0 {
                i += 1
                continue
            }
            let (call, p, m, r) = cues.match4(text, at: i, bits: b, .callToComment, .praise, .metaReference, .reporting)
            if call > 0 { callToComment = true }
            if p > 0 {
                Self.bump(&praise)
                if i == 0 { reactionOpener = true }
                // "Great post Rand", "Thanks Tony!": praise, then a name.
                if i == 0, Self.isName(text, p, cues: cues) { addressOpener = true }
                i += p
                continue
            }
            if m > 0 {
                Self.bump(&metaReferences)
                i += m
                continue
            }
            if r > 0 {
                Self.bump(&reporting)
                i += r
                continue
            }
            i += 1
        }
    }
}
