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

    /// A block holding copies of `tokens`, `bytes` and `normalized`, written into `scratch`'s spare
    /// block when nothing but the scratch holds it any more and it has room, else made anew (and
    /// kept as the spare when it is larger, or the old spare is still held elsewhere).
    ///
    /// Why: most callers tokenize a comment, score it and drop it before the next, so the block's
    /// allocation, release and free (a tenth of tokenizing and scoring a short comment) can be
    /// skipped. A block is written again only when its reference count shows that the scratch holds
    /// the sole reference, so no text anyone holds ever changes (the same check as copy-on-write).
    /// - Complexity: O(n) in the total size: three copies, and at most one allocation.
    static func make(
        tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>,
        normalized: UnsafeBufferPointer<UInt8>, sentenceCount: Int, isQuoteLine: Bool,
        reusing scratch: UnsafeMutablePointer<ScannerScratch>
    ) -> TextStorage {
        let stride = MemoryLayout<Token>.stride
        let slots = tokens.count + (bytes.count + normalized.count + stride - 1) / stride
        let unique = scratch.pointee.spare != nil && isKnownUniquelyReferenced(&scratch.pointee.spare)
        if unique, scratch.pointee.spareSlots >= slots, let block = scratch.pointee.spare {
            block.write(
                tokens: tokens, bytes: bytes, normalized: normalized, sentenceCount: sentenceCount,
                isQuoteLine: isQuoteLine)
            return block
        }
        let block = make(
            tokens: tokens, bytes: bytes, normalized: normalized, sentenceCount: sentenceCount,
            isQuoteLine: isQuoteLine)
        if !unique || slots > scratch.pointee.spareSlots {
            scratch.pointee.spare = block
            scratch.pointee.spareSlots = slots
        }
        return block
    }

    /// Writes the header and the three parts into this block, which has room for them.
    @inline(__always)
    private func write(
        tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>,
        normalized: UnsafeBufferPointer<UInt8>, sentenceCount: Int, isQuoteLine: Bool
    ) {
        withUnsafeMutablePointerToHeader {
            $0.pointee = Header(
                tokenCount: tokens.count, byteCount: bytes.count, normalizedCount: normalized.count,
                sentenceCount: sentenceCount, isQuoteLine: isQuoteLine)
        }
        withUnsafeMutablePointerToElements { elements in
            if let source = tokens.baseAddress { elements.update(from: source, count: tokens.count) }
            let raw = UnsafeMutableRawPointer(elements + tokens.count)
            if let source = bytes.baseAddress { raw.copyMemory(from: source, byteCount: bytes.count) }
            if let source = normalized.baseAddress {
                (raw + bytes.count).copyMemory(from: source, byteCount: normalized.count)
            }
        }
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
