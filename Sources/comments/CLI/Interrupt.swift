import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C during a long export: the first SIGINT asks the run to stop after the input being written,
/// so every output file ends at a complete row; a second SIGINT kills the process as usual.
enum Interrupt {
    private static let flag = Atomic<Bool>(false)
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    static var requested: Bool { flag.load(ordering: .relaxed) }

    static func install() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            flag.store(true, ordering: .relaxed)
            signal(SIGINT, SIG_DFL)
        }
        source.resume()
        Self.source = source
    }
}
