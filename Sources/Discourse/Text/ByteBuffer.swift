/// A fixed-capacity byte buffer over memory the caller owns, without Array's per-append checks: the
/// tokenizer writes every normalised byte through it, so it is the innermost loop of the analyzer.
/// A write past capacity is dropped (it cannot happen for the tokenizer's sizing, and must not crash).
struct ByteBuffer {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        guard count < capacity else { return }
        base[count] = byte
        count &+= 1
    }

    @inline(__always)
    subscript(i: Int) -> UInt8 { base[i] }
}
