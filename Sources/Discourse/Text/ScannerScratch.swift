#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Scratch memory the tokenizer's ``Scanner`` writes into, one block per thread, allocated on a
/// thread's first comment and kept until the thread ends.
///
/// Why: a comment's tokens need up to one 32-byte slot per byte before their count is known, and
/// `withUnsafeTemporaryAllocation` takes anything above 1 KB from the heap, so two thirds of all
/// comments paid a malloc and a free for scratch on top of the block they keep. Per thread
/// (a pthread key, no lock, no reference counting) because scanners run on several threads at once;
/// the scanner never suspends, so nothing else on the thread uses the block meanwhile.
struct ScannerScratch {
    /// Longest text, in bytes, scanned here; longer ones (article bodies) use temporary memory.
    static let maximumText = 8_192

    /// `2 * maximumText + 16` bytes of normalised forms.
    let norm: UnsafeMutablePointer<UInt8>
    /// `maximumText + 8` tokens: every token covers at least one byte.
    let tokens: UnsafeMutablePointer<Token>
    /// The block of the last text tokenized here, kept to be written again for the next text when
    /// nobody else holds it any more (see ``TextStorage/make(tokens:bytes:normalized:sentenceCount:isQuoteLine:reusing:)``).
    var spare: TextStorage? = nil
    /// Its room, in token slots.
    var spareSlots = 0

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { block in
            #if canImport(Darwin)
                let block: UnsafeMutableRawPointer? = block
            #endif
            guard let scratch = block?.assumingMemoryBound(to: ScannerScratch.self) else { return }
            scratch.pointee.norm.deallocate()
            scratch.pointee.tokens.deallocate()
            scratch.deinitialize(count: 1)
            scratch.deallocate()
        }
        precondition(status == 0, "pthread_key_create failed (\(status)): too many thread-specific keys")
        return key
    }()

    /// The calling thread's block.
    @inline(__always)
    static func current() -> UnsafeMutablePointer<ScannerScratch> {
        let key = Self.key
        if let block = pthread_getspecific(key) { return block.assumingMemoryBound(to: ScannerScratch.self) }
        return make(key)
    }

    @inline(never)
    private static func make(_ key: pthread_key_t) -> UnsafeMutablePointer<ScannerScratch> {
        let block = UnsafeMutablePointer<ScannerScratch>.allocate(capacity: 1)
        block.initialize(
            to: ScannerScratch(
                norm: .allocate(capacity: 2 * maximumText + 16), tokens: .allocate(capacity: maximumText + 8)))
        pthread_setspecific(key, block)
        return block
    }
}
