/// Tokens written in place into scratch memory the caller owns, without Array's per-append
/// uniqueness and growth checks. Past capacity, appends are dropped and `overflowed` is
/// set, so the caller can run again with more room.
struct TokenBuffer {
    let base: UnsafeMutablePointer<Token>
    let capacity: Int
    var count = 0
    var overflowed = false

    init(_ buffer: UnsafeMutableBufferPointer<Token>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    @inline(__always)
    mutating func append(_ token: Token) {
        guard count < capacity else {
            overflowed = true
            return
        }
        (base + count).initialize(to: token)
        count &+= 1
    }

    mutating func removeLast() -> Token? {
        guard count > 0 else { return nil }
        count -= 1
        return base[count]
    }
}
