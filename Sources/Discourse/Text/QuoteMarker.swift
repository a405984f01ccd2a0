/// The one rule for a `> quote` line, shared by the scanner (which leaves quoted words out of the
/// scores) and the server's line joining (which must not join a quote line to the writer's own):
/// after leading blank space (not a line break), a `>` not followed by `:` or `=` (`>:(` and `>=`
/// are no quotes).
package enum QuoteMarker {
    /// Where the line starting at `start` has its first non-blank byte (or a line break, or its
    /// end), and whether a quote marker stands there.
    /// - Complexity: O(leading blank space).
    @inlinable package static func scan<C: RandomAccessCollection>(_ p: C, from start: Int) -> (at: Int, isQuote: Bool)
    where C.Element == UInt8, C.Index == Int {
        let n = p.endIndex
        var i = start
        while i < n, ASCII.isSpace(p[i]), p[i] != 0x0A, p[i] != 0x0D { i += 1 }
        let isQuote = i < n && p[i] == 0x3E && !(i + 1 < n && (p[i + 1] == 0x3A || p[i + 1] == 0x3D))
        return (i, isQuote)
    }
}
