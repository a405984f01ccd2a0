/// The tokens of a ``TokenizedText``: a read-only collection over its block.
package struct TextTokens: RandomAccessCollection, @unchecked Sendable {
    /// The block, held so that `base` stays valid.
    package let storage: TextStorage
    /// The first element.
    package let base: UnsafePointer<Token>
    /// Number of elements.
    package let count: Int

    @inlinable init(_ storage: TextStorage, _ base: UnsafePointer<Token>, _ count: Int) {
        self.storage = storage
        self.base = base
        self.count = count
    }

    @inlinable package var startIndex: Int { 0 }
    @inlinable package var endIndex: Int { count }
    @inlinable package var indices: Range<Int> { 0..<count }
    @inlinable package func index(after i: Int) -> Int { i &+ 1 }
    @inlinable package func index(before i: Int) -> Int { i &- 1 }
    @inlinable package func makeIterator() -> Iterator { Iterator(storage: storage, position: base, end: base + count) }

    /// Walks the elements by pointer (the block stays alive while the iterator holds it).
    package struct Iterator: IteratorProtocol {
        /// The block, held so that the pointers stay valid.
        package let storage: TextStorage
        /// The next element.
        package var position: UnsafePointer<Token>
        /// Just past the last element.
        package let end: UnsafePointer<Token>

        @inlinable init(storage: TextStorage, position: UnsafePointer<Token>, end: UnsafePointer<Token>) {
            self.storage = storage
            self.position = position
            self.end = end
        }

        @inlinable package mutating func next() -> Token? {
            guard position < end else { return nil }
            defer { position += 1 }
            return position.pointee
        }
    }

    @inlinable package subscript(i: Int) -> Token {
        precondition(i >= 0 && i < count, "token index out of range")
        return base[i]
    }

    /// Calls `body` with the tokens in place (valid only inside `body`).
    @inlinable
    package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Token>) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    /// The elements in place: they are contiguous, so generic algorithms take the fast path.
    @inlinable
    package func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Token>) throws -> R) rethrows -> R? {
        try withUnsafeBufferPointer(body)
    }
}
