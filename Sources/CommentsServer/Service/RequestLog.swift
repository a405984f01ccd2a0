import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The request log (one line per request, on stderr) that never holds up serving: lines go into a
/// bounded buffer that a thread of its own writes out. When stderr is not read (a pipe nobody
/// drains), the buffer fills and further lines are dropped and counted; once stderr drains again
/// the log says how many were lost. Writing on the serving threads, as before, stopped every
/// worker (and the drain after SIGTERM) as soon as the pipe was full.
///
/// A pipe is written through a non-blocking descriptor of its own (reopened from
/// `/proc/self/fd`, so the flags of the shared descriptor are untouched) and never filled past
/// its last 4 KiB, so that a last message written the ordinary, blocking way (the CLI's
/// "stopped") still fits. A socket is written with `MSG_DONTWAIT`; anything else (a file, a
/// terminal) with plain write(2), on the log's thread.
package final class RequestLog: Sendable {
    struct State {
        var buffer: [UInt8] = []
        var unreported = 0
        var closed = false
    }

    enum Kind {
        case pipe, socket, other
    }

    let fd: Int32
    private let writeFD: Int32
    private let kind: Kind
    /// Bytes held before lines are dropped.
    let capacity: Int
    /// Room left free in a pipe for a last blocking message.
    static let pipeReserve = 4096
    /// fcntl's F_GETPIPE_SZ (Linux; not exported by the Glibc module).
    static let getPipeSize: Int32 = 1032
    private let state = Mutex(State())
    private let dropped = Atomic<Int>(0)
    private let wake = DispatchSemaphore(value: 0)
    private let idle = DispatchSemaphore(value: 0)

    /// Starts the log's thread, writing to `fd`.
    package init(fd: Int32 = 2, capacity: Int = 256 * 1024) {
        self.fd = fd
        self.capacity = max(1024, capacity)
        var info = stat()
        let mode = fstat(fd, &info) == 0 ? info.st_mode & S_IFMT : 0
        if mode == S_IFIFO {
            kind = .pipe
            let own = open("/proc/self/fd/\(fd)", O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            writeFD = own >= 0 ? own : fd
        } else {
            kind = mode == S_IFSOCK ? .socket : .other
            writeFD = fd
        }
        let thread = Thread { [self] in run() }
        thread.name = "comments-serve-log"
        thread.start()
    }

    deinit {
        if writeFD != fd { Glibc.close(writeFD) }
    }

    /// Lines dropped so far because the buffer was full.
    package var droppedLines: Int { dropped.load(ordering: .relaxed) }

    /// Queues `line` (ending in a line break) or, when the buffer is full, drops and counts it.
    /// Never blocks on the output.
    package func append(_ line: String) {
        let bytes = Array(line.utf8)
        let signal = state.withLock { s -> Bool in
            guard !s.closed else { return false }
            guard s.buffer.count + bytes.count <= capacity else {
                s.unreported += 1
                dropped.add(1, ordering: .relaxed)
                return false
            }
            let wasEmpty = s.buffer.isEmpty
            s.buffer.append(contentsOf: bytes)
            return wasEmpty
        }
        if signal { wake.signal() }
    }

    /// Waits (at most `timeout` seconds) for the buffer to be written out, then ends the thread.
    package func close(timeout: Double) {
        let deadline = DispatchTime.now() + timeout
        // The deadline is checked on every pass: `idle` also holds signals from earlier idle
        // moments, each of which ends a wait at once.
        while state.withLock({ !$0.buffer.isEmpty && !$0.closed }), DispatchTime.now() < deadline {
            _ = idle.wait(timeout: min(deadline, DispatchTime.now() + 0.05))
        }
        state.withLock { $0.closed = true }
        wake.signal()
    }

    private func run() {
        var chunk: [UInt8] = []
        while true {
            let (closed, empty) = state.withLock { s in
                chunk.removeAll(keepingCapacity: true)
                chunk.append(contentsOf: s.buffer.prefix(64 * 1024))
                return (s.closed, s.buffer.isEmpty)
            }
            if closed { return }
            if empty {
                idle.signal()
                wake.wait()
                continue
            }
            let written = writeSome(chunk)
            state.withLock { s in
                s.buffer.removeFirst(min(written, s.buffer.count))
                if s.buffer.isEmpty && s.unreported > 0 {
                    let notice =
                        "comments serve: \(s.unreported) request log line\(s.unreported == 1 ? "" : "s") dropped "
                        + "(stderr was not read; counted in comments_log_lines_dropped_total)\n"
                    s.buffer.append(contentsOf: Array(notice.utf8))
                    s.unreported = 0
                }
            }
            // Stderr is full: look again shortly (new lines wake the thread sooner, harmlessly).
            if written == 0 { _ = wake.wait(timeout: .now() + 0.05) }
        }
    }

    /// Writes what the output takes now of `bytes`, for a pipe whole lines only (so a line is never
    /// cut by the room running out, and a last message after it starts on a line of its own); the
    /// count written, 0 when it takes nothing now.
    private func writeSome(_ bytes: [UInt8]) -> Int {
        var length = bytes.count
        if kind == .pipe {
            var unread: Int32 = 0
            let size = Int(fcntl(writeFD, Self.getPipeSize))
            if size > 0 && ioctl(writeFD, UInt(FIONREAD), &unread) == 0 {
                length = min(length, size - Int(unread) - min(Self.pipeReserve, size / 4))
            }
            guard length > 0 else { return 0 }
            if length < bytes.count {
                guard let lastBreak = bytes[..<length].lastIndex(of: 0x0A) else { return 0 }
                length = lastBreak + 1
            }
        }
        while true {
            let n = bytes.withUnsafeBytes { p -> Int in
                switch kind {
                case .socket: return send(writeFD, p.baseAddress, length, Int32(MSG_DONTWAIT | MSG_NOSIGNAL))
                case .pipe, .other: return Glibc.write(writeFD, p.baseAddress, length)
                }
            }
            if n >= 0 { return n }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return 0 }
            // A closed or broken stderr: the lines have nowhere to go; drop them, do not stop.
            return bytes.count
        }
    }
}
