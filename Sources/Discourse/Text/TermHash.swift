/// 64-bit FNV-1a over normalised UTF-8: the key of every lexicon, vocabulary and n-gram table.
///
/// Multiword keys hash the words joined by one space, and because FNV-1a is sequential a key for
/// "kind of" is built by continuing the hash of "kind" with " of": n-gram lookups cost no string.
/// With a few hundred thousand keys, the chance that two distinct terms collide is about 1e-9.
package enum TermHash {
    package static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inlinable
    package static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    @inlinable
    package static func add(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = hash
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    /// Hash of already-normalised text (lowercase, single spaces).
    package static func of(normalized text: String) -> UInt64 {
        var h = seed
        for b in text.utf8 { h = add(h, b) }
        return h
    }

    /// Hash of a term as a lexicon writes it, normalised exactly as the tokenizer normalises text:
    /// "Kind  Of" and "kind of" give the same key, as does "down-to-earth" and "down to earth".
    package static func of(term: String) -> UInt64 {
        let tokens = Tokenizer.tokenize(term)
        return tokens.key(from: 0, count: tokens.count)
    }
}
