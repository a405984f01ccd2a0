/// The surface or normalised bytes of a ``TokenizedText``: a read-only collection over its block
/// (indexed from 0, as the `[UInt8]` it replaces), kept alive by the reference it holds.
package struct TextBytes: RandomAccessCollection, @unchecked Sendable {
    /// The block, held so that `base` stays valid.
    package let storage: TextStorage
    /// The first element.
    package let base: UnsafePointer<UInt8>
    /// Number of elements.
    package let count: Int

    @inlinable init(_ storage: TextStorage, _ base: UnsafePointer<UInt8>, _ count: Int) {
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
        package var position: UnsafePointer<UInt8>
        /// Just past the last element.
        package let end: UnsafePointer<UInt8>

        @inlinable init(storage: TextStorage, position: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) {
            self.storage = storage
            self.position = position
            self.end = end
        }

        @inlinable package mutating func next() -> UInt8? {
            guard position < end else { return nil }
            defer { position += 1 }
            return position.pointee
        }
    }

    @inlinable package subscript(i: Int) -> UInt8 {
        precondition(i >= 0 && i < count, "byte index out of range")
        return base[i]
    }

    /// Calls `body` with the bytes in place (valid only inside `body`).
    @inlinable
    package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    /// The elements in place: they are contiguous, so generic algorithms take the fast path.
    @inlinable
    package func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try withUnsafeBufferPointer(body)
    }
}
