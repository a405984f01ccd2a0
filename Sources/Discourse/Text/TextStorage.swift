/// The one heap block of a ``TokenizedText``: a header with the counts, then the tokens, then the
/// surface bytes and the normalised bytes back to back (in the tail room of the token elements).
///
/// Written once by the ``Scanner`` and only read afterwards, so it is safe to share between threads;
/// `ManagedBuffer` cannot be declared `Sendable`, so the types that hold a block say
/// `@unchecked Sendable` for it.
package final class TextStorage: ManagedBuffer<TextStorage.Header, Token> {
    /// The counts of the block's three parts and the text's two facts (see ``TokenizedText``).
    package struct Header {
        /// Number of tokens, at the start of the elements.
        package var tokenCount: Int
        /// Number of surface bytes, right after the tokens.
        package var byteCount: Int
        /// Number of normalised bytes, right after the surface bytes.
        package var normalizedCount: Int
        /// Number of sentences (at least 1 when there is any token).
        package var sentenceCount: Int
        /// The whole text was `> quote` lines.
        package var isQuoteLine: Bool

    }

    /// The text of no bytes and no tokens, shared (an empty line costs no allocation).
    nonisolated(unsafe) static let empty = make(
        tokens: UnsafeBufferPointer(start: nil, count: 0), bytes: UnsafeBufferPointer(start: nil, count: 0),
        normalized: UnsafeBufferPointer(start: nil, count: 0), sentenceCount: 0, isQuoteLine: false)

    /// A block holding copies of `tokens`, `bytes` and `normalized`.
    /// - Complexity: O(n) in the total size: one allocation and three copies.
    static func make(
        tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>,
        normalized: UnsafeBufferPointer<UInt8>, sentenceCount: Int, isQuoteLine: Bool
    ) -> TextStorage {
        let stride = MemoryLayout<Token>.stride
        let byteSlots = (bytes.count + normalized.count + stride - 1) / stride
        let header = Header(
            tokenCount: tokens.count, byteCount: bytes.count, normalizedCount: normalized.count,
            sentenceCount: sentenceCount, isQuoteLine: isQuoteLine)
        let block = unsafeDowncast(
            create(minimumCapacity: tokens.count + byteSlots) { _ in header }, to: TextStorage.self)
        block.withUnsafeMutablePointerToElements { elements in
            if let source = tokens.baseAddress { elements.initialize(from: source, count: tokens.count) }
            let raw = UnsafeMutableRawPointer(elements + tokens.count)
            if let source = bytes.baseAddress { raw.copyMemory(from: source, byteCount: bytes.count) }
            if let source = normalized.baseAddress {
                (raw + bytes.count).copyMemory(from: source, byteCount: normalized.count)
            }
        }
        return block
    }

    /// The header, read through its address: `ManagedBuffer.header` is a class property, and every
    /// access to it paid a dynamic exclusivity check (`swift_beginAccess`), 5 % of an export.
    @inlinable package var counts: Header { withUnsafeMutablePointerToHeader { $0.pointee } }

    /// The first token.
    @inlinable package var tokenBase: UnsafePointer<Token> {
        withUnsafeMutablePointerToElements { UnsafePointer($0) }
    }

    /// The first surface byte.
    @inlinable package var surface: UnsafePointer<UInt8> {
        withUnsafeMutablePointerToElements { elements in
            UnsafeRawPointer(elements + counts.tokenCount).assumingMemoryBound(to: UInt8.self)
        }
    }

    /// The first normalised byte.
    @inlinable package var normalizedBase: UnsafePointer<UInt8> { surface + counts.byteCount }
}
