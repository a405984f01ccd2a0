/// A text split into tokens once, shared by every scorer (segmenter features, sentiment, drift,
/// triage) so that no stage scans the characters again.
package struct TokenizedText: Sendable {
    /// The text's UTF-8 bytes after HTML entities were decoded; token `start`/`end` point here.
    package let bytes: [UInt8]
    /// Lowercased forms of all tokens, back to back; token `normStart`/`normEnd` point here.
    package let normalized: [UInt8]
    package let tokens: [Token]
    /// Number of sentences (at least 1 when there is any token).
    package let sentenceCount: Int
    /// The whole text was `> quote` lines (every line of it, when it has several).
    package let isQuoteLine: Bool

    @inlinable package var count: Int { tokens.count }
    @inlinable package var isEmpty: Bool { tokens.isEmpty }
    @inlinable package subscript(i: Int) -> Token { tokens[i] }

    init(bytes: [UInt8], normalized: [UInt8], tokens: [Token], sentenceCount: Int, isQuoteLine: Bool) {
        self.bytes = bytes
        self.normalized = normalized
        self.tokens = tokens
        self.sentenceCount = sentenceCount
        self.isQuoteLine = isQuoteLine
    }

    /// The token's surface text as written.
    package func surface(_ i: Int) -> String {
        let t = tokens[i]
        return String(decoding: bytes[Int(t.start)..<Int(t.end)], as: UTF8.self)
    }

    /// The token's normalised (lowercased) text.
    package func norm(_ i: Int) -> String {
        let t = tokens[i]
        return String(decoding: normalized[Int(t.normStart)..<Int(t.normEnd)], as: UTF8.self)
    }

    /// Normalised bytes of token `i`, for byte-level checks without a `String`.
    @inlinable
    package func withNorm<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let t = tokens[i]
        return normalized.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(t.normStart)..<Int(t.normEnd)]))
        }
    }

    /// Key of the `count` tokens starting at `from`, joined by single spaces (see ``TermHash``).
    package func key(from: Int, count n: Int) -> UInt64 {
        guard n > 0, from + n <= tokens.count else { return TermHash.seed }
        if n == 1 { return tokens[from].key }
        return normalized.withUnsafeBufferPointer { buffer in
            var h = tokens[from].key
            for j in (from + 1)..<(from + n) {
                let t = tokens[j]
                h = TermHash.add(h, 0x20)
                h = TermHash.add(h, UnsafeBufferPointer(rebasing: buffer[Int(t.normStart)..<Int(t.normEnd)]))
            }
            return h
        }
    }

    /// Extends the key `hash` (of some tokens ending before `j`) by token `j`.
    @inlinable
    package func extend(_ hash: UInt64, with j: Int) -> UInt64 {
        let t = tokens[j]
        return normalized.withUnsafeBufferPointer { buffer in
            TermHash.add(
                TermHash.add(hash, 0x20), UnsafeBufferPointer(rebasing: buffer[Int(t.normStart)..<Int(t.normEnd)]))
        }
    }

    /// Number of word tokens.
    package var wordCount: Int {
        var n = 0
        for t in tokens where t.kind == .word { n += 1 }
        return n
    }
}
