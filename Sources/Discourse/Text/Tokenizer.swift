/// Splits a text into ``Token``s by scanning its UTF-8 bytes once.
///
/// ASCII takes a fast path of byte comparisons; a non-ASCII scalar is decoded only where it occurs
/// (letters join words, emoji sequences become one token, typographic punctuation is flagged).
/// Reddit-style markup is read, not kept: `> quote` lines, `~~struck~~` and `*emphasis*` set flags
/// on the words they cover, so each scorer can decide what quoted or withdrawn words mean.
package enum Tokenizer {
    package static func tokenize(_ text: String) -> TokenizedText {
        // A native string's bytes in place; a copy (which retains and releases it) only for the rest.
        if let tokenized = text.utf8.withContiguousStorageIfAvailable({ tokenize(bytes: $0) }) { return tokenized }
        var copy = text
        return copy.withUTF8 { tokenize(bytes: $0) }
    }

    package static func tokenize(bytes input: UnsafeBufferPointer<UInt8>) -> TokenizedText {
        if let decoded = HTMLEntities.decode(input) {
            return decoded.withUnsafeBufferPointer { bytes in
                Scanner.tokenize(bytes)
            }
        }
        return Scanner.tokenize(input)
    }
}
