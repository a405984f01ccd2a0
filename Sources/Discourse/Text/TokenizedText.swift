/// A text split into tokens once, shared by every scorer (segmenter features, sentiment, drift,
/// triage) so that no stage scans the characters again.
///
/// Its tokens, surface bytes and normalised bytes live in one heap block (``TextStorage``): one
/// allocation and one release per text instead of three, which was a tenth of the cost of
/// tokenizing and scoring a comment. A copy costs one retain. Sendable because the block is never
/// written after the scanner made it (the compiler cannot see that through `ManagedBuffer`).
package struct TokenizedText: @unchecked Sendable {
    package let storage: TextStorage

    init(storage: TextStorage) {
        self.storage = storage
    }

    /// The text's UTF-8 bytes after HTML entities were decoded; token `start`/`end` point here.
    @inlinable package var bytes: TextBytes { TextBytes(storage, storage.surface, storage.counts.byteCount) }
    /// Lowercased forms of all tokens, back to back; token `normStart`/`normEnd` point here.
    @inlinable package var normalized: TextBytes {
        TextBytes(storage, storage.normalizedBase, storage.counts.normalizedCount)
    }
    @inlinable package var tokens: TextTokens { TextTokens(storage, storage.tokenBase, storage.counts.tokenCount) }
    /// Number of sentences (at least 1 when there is any token).
    @inlinable package var sentenceCount: Int { storage.counts.sentenceCount }
    /// The whole text was `> quote` lines (every line of it, when it has several).
    @inlinable package var isQuoteLine: Bool { storage.counts.isQuoteLine }

    @inlinable package var count: Int { storage.counts.tokenCount }
    @inlinable package var isEmpty: Bool { storage.counts.tokenCount == 0 }
    @inlinable package subscript(i: Int) -> Token {
        precondition(i >= 0 && i < storage.counts.tokenCount, "token index out of range")
        return storage.tokenBase[i]
    }

    /// The token's surface text as written.
    package func surface(_ i: Int) -> String {
        let t = self[i]
        return String(
            decoding: UnsafeBufferPointer(start: storage.surface + Int(t.start), count: Int(t.end - t.start)),
            as: UTF8.self)
    }

    /// The token's normalised (lowercased) text.
    package func norm(_ i: Int) -> String {
        withNorm(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The tokens and the normalised bytes in place, for a scorer's inner loop (valid only inside
    /// `body`): no reference counting per access.
    @inlinable
    package func withUnsafeTokens<R>(
        _ body: (_ tokens: UnsafeBufferPointer<Token>, _ normalized: UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        try withExtendedLifetime(storage) {
            try body(
                UnsafeBufferPointer(start: storage.tokenBase, count: storage.counts.tokenCount),
                UnsafeBufferPointer(start: storage.normalizedBase, count: storage.counts.normalizedCount))
        }
    }

    /// Normalised bytes of token `i`, for byte-level checks without a `String`.
    @inlinable
    package func withNorm<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let t = self[i]
        return body(
            UnsafeBufferPointer(start: storage.normalizedBase + Int(t.normStart), count: Int(t.normEnd - t.normStart)))
    }

    /// Key of the `count` tokens starting at `from`, joined by single spaces (see ``TermHash``).
    package func key(from: Int, count n: Int) -> UInt64 {
        guard n > 0, from >= 0, from + n <= count else { return TermHash.seed }
        if n == 1 { return self[from].key }
        var h = self[from].key
        for j in (from + 1)..<(from + n) { h = extend(h, with: j) }
        return h
    }

    /// Extends the key `hash` (of some tokens ending before `j`) by token `j`.
    @inlinable
    package func extend(_ hash: UInt64, with j: Int) -> UInt64 {
        withNorm(j) { TermHash.add(TermHash.add(hash, 0x20), $0) }
    }

    /// Number of word tokens.
    package var wordCount: Int {
        var n = 0
        for t in tokens where t.kind == .word { n += 1 }
        return n
    }
}
