#if canImport(Glibc)
    import Glibc
#endif

/// Hands the allocator's free pages back to the system between the passes over a huge input.
///
/// glibc keeps the memory of freed blocks for reuse, and after a large array is freed it serves
/// blocks of that size from its heap rather than from fresh mappings, so a pass's freed tables stay
/// resident while the next pass allocates its own: a page segmented in passes peaked some 30 MB
/// above what it held (#12). `malloc_trim` returns every whole free page; it costs a few
/// milliseconds, once per pass. Swift's Glibc module does not declare it (it lives in
/// `<malloc.h>`), so it is looked up once by name; where it is missing (Darwin, musl) this does
/// nothing.
package enum FreeMemory {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: Trim.self)
        #else
            return nil
        #endif
    }()

    package static func release() {
        _ = trim?(0)
    }
}
