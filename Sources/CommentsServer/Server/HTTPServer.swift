import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// HTTP/1.1 over POSIX sockets: one accept thread hands connections to a fixed pool of workers;
/// each worker runs a poll() loop over non-blocking sockets, so a slow or broken client never
/// holds up the others. The workers read, parse and write; requests that take real work go to the
/// ``AnalysisPool`` and their answers come back to the connection's worker (through its wake
/// pipe), so a long analysis holds up no other connection either. Timeouts come from the poll
/// deadlines; ``stop()`` stops accepting, lets in-flight requests finish (bounded by the drain
/// timeout) and ends the threads.
package final class HTTPServer: Sendable {
    package let configuration: ServerConfiguration
    let handler: any HTTPHandler
    private let listenFD: Int32
    /// The port actually bound (the chosen one when configured with 0).
    package let port: Int
    /// `host:port` as a URL authority (`[::1]:8080` for IPv6).
    package let authority: String
    private let stopping = Atomic<Bool>(false)
    private let acceptDone = Atomic<Bool>(false)
    private let started = Atomic<Bool>(false)
    private let openConnections = Atomic<Int>(0)
    private let wakeAccept: (read: Int32, write: Int32)
    private let workers: [Worker]
    let pool: AnalysisPool
    /// Workers still running; the last one to end shuts the pool down.
    private let workersRunning = Atomic<Int>(0)
    private let group = DispatchGroup()
    private let stoppedReported = Atomic<Bool>(false)
    /// Connections admitted at once: the configured cap, lowered to fit the file limit (see
    /// ``connectionCap(configured:fileLimit:workers:)``).
    package let maxConnections: Int
    /// A descriptor held in reserve (on /dev/null) and given up when accept fails for lack of
    /// descriptors, so the waiting client can be accepted, answered 503 and closed instead of
    /// hanging in the backlog. Used only by the accept thread.
    private let spareFD = Atomic<Int32>(-1)

    /// Binds and listens (so the port is known and connections queue) without serving yet.
    package init(configuration: ServerConfiguration, handler: any HTTPHandler) throws {
        self.configuration = configuration
        self.handler = handler
        let bound = try Self.listen(host: configuration.host, port: configuration.port)
        listenFD = bound.fd
        port = bound.port
        authority = bound.ipv6 ? "[\(configuration.host)]:\(bound.port)" : "\(configuration.host):\(bound.port)"
        wakeAccept = try Self.pipe()
        var workers: [Worker] = []
        for _ in 0..<configuration.workers { workers.append(try Worker()) }
        self.workers = workers
        pool = AnalysisPool(threads: configuration.analysisThreads, capacity: configuration.analysisQueue)
        let fileLimit = Self.raiseFileLimit()
        maxConnections = Self.connectionCap(
            configured: configuration.maxConnections, fileLimit: fileLimit, workers: configuration.workers)
        if maxConnections < configuration.maxConnections {
            Self.warn(
                "comments serve: warning: at most \(maxConnections) connections at once, not "
                    + "\(configuration.maxConnections): the file descriptor limit is \(fileLimit) "
                    + "(raise it with `ulimit -n`)\n")
        }
        spareFD.store(Self.openSpare(), ordering: .relaxed)
    }

    deinit {
        close(wakeAccept.read)
        close(wakeAccept.write)
        let spare = spareFD.load(ordering: .relaxed)
        if spare >= 0 { close(spare) }
    }

    /// Descriptors kept out of the connection budget: standard streams, the listening socket, the
    /// wake pipes (two per worker, two for accepting), the spare, the feedback file, and room for
    /// what the runtime opens.
    static func reservedDescriptors(workers: Int) -> Int { 32 + 2 * workers }

    /// The connection cap that fits `fileLimit` descriptors: every connection holds one, and a
    /// connection past the limit cannot be accepted at all (its client would wait in the backlog
    /// instead of getting 503). Never below 1.
    static func connectionCap(configured: Int, fileLimit: Int, workers: Int) -> Int {
        max(1, min(configured, fileLimit - reservedDescriptors(workers: workers)))
    }

    /// Raises the soft limit on open files to the hard limit (the default soft limit, often 1024,
    /// is below the default connection cap) and returns the soft limit now in force.
    static func raiseFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return Int.max }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur >= rlim_t(Int.max) ? Int.max : Int(limit.rlim_cur)
    }

    private static func openSpare() -> Int32 { open("/dev/null", O_RDONLY | O_CLOEXEC) }

    private static func warn(_ text: String) {
        var text = text
        text.withUTF8 { p in _ = write(2, p.baseAddress, p.count) }
    }

    /// Starts the accept thread and the workers.
    package func start() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        signal(SIGPIPE, SIG_IGN)
        pool.start(group: group)
        workersRunning.store(workers.count, ordering: .releasing)
        for worker in workers {
            Self.startThread("comments-serve-worker", in: group) { [self] in
                worker.run(server: self)
                // The pool outlives the workers: a worker waits for the answers of its in-flight
                // analyses before it ends.
                if workersRunning.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { pool.shutdown() }
            }
        }
        Self.startThread("comments-serve-accept", in: group) { [self] in acceptLoop() }
    }

    /// Starts a named thread running `body`, inside `group` until `body` returns.
    static func startThread(_ name: String, in group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread {
            body()
            group.leave()
        }
        thread.name = name
        thread.start()
    }

    /// Stop accepting, finish what is in flight, then let ``wait()`` return. Safe from any thread
    /// (and from a signal handler's dispatch source), any number of times.
    package func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        Self.poke(wakeAccept.write)
        for worker in workers { Self.poke(worker.wake.write) }
    }

    /// Blocks until every thread has ended after ``stop()``.
    package func wait() {
        group.wait()
        if !stoppedReported.exchange(true, ordering: .acquiringAndReleasing) { handler.stopped() }
    }

    var isStopping: Bool { stopping.load(ordering: .acquiring) }
    var isAcceptDone: Bool { acceptDone.load(ordering: .acquiring) }

    func connectionClosed() {
        openConnections.subtract(1, ordering: .relaxed)
        handler.connectionClosed()
    }

    // MARK: Accepting

    private func acceptLoop() {
        var next = 0
        var fds = [
            pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeAccept.read, events: Int16(POLLIN), revents: 0),
        ]
        while !isStopping {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, 1000)
            if ready < 0 && errno != EINTR { break }
            if isStopping { break }
            guard fds[0].revents != 0 else { continue }
            acceptPending(&next)
        }
        // Connections the kernel completed before the stop are in flight too: take them (a worker
        // answers what they already sent, with Connection: close) rather than reset them.
        acceptPending(&next)
        close(listenFD)
        acceptDone.store(true, ordering: .releasing)
        for worker in workers { Self.poke(worker.wake.write) }
    }

    /// Accepts every connection queued on the listening socket and hands each to a worker.
    private func acceptPending(_ next: inout Int) {
        while true {
            var address = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    accept(listenFD, $0, &length)
                }
            }
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                if errno == EMFILE || errno == ENFILE {
                    // Out of descriptors: refuse the waiting client with the spare one, rather
                    // than leave it (and every client behind it) hanging in the backlog.
                    if refuseWithSpare() { continue }
                    usleep(10_000)
                } else if errno == ENOBUFS || errno == ENOMEM {
                    usleep(10_000)  // out of memory: let connections close before retrying
                }
                break
            }
            Self.setNonBlocking(fd)
            let peer = Self.describe(address)
            if openConnections.load(ordering: .relaxed) >= maxConnections {
                refuse(fd)
                continue
            }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            openConnections.add(1, ordering: .relaxed)
            handler.connectionOpened()
            // The least loaded worker, ties broken round-robin.
            var best = next % workers.count
            for k in 0..<workers.count {
                let i = (next + k) % workers.count
                if workers[i].load.load(ordering: .relaxed) < workers[best].load.load(ordering: .relaxed) { best = i }
            }
            next += 1
            workers[best].add(fd: fd, peer: peer)
        }
    }

    /// Answers 503 on a connection not admitted, and closes it.
    private func refuse(_ fd: Int32) {
        let bytes = handler.refusal().serialized(keepAlive: false)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        shutdown(fd, Int32(SHUT_WR))
        close(fd)
    }

    /// Gives up the spare descriptor to accept one waiting connection, refuses it, and takes the
    /// spare back; false when there was no spare or nothing to accept.
    private func refuseWithSpare() -> Bool {
        let spare = spareFD.exchange(-1, ordering: .relaxed)
        guard spare >= 0 else {
            spareFD.store(Self.openSpare(), ordering: .relaxed)
            return false
        }
        close(spare)
        let fd = accept(listenFD, nil, nil)
        if fd >= 0 { refuse(fd) }
        spareFD.store(Self.openSpare(), ordering: .relaxed)
        return fd >= 0
    }

    // MARK: Socket helpers

    private static func listen(host: String, port: Int) throws -> (fd: Int32, port: Int, ipv6: Bool) {
        guard (0...65535).contains(port) else { throw ServerError("port \(port) is not in 0...65535") }
        let name = host == "localhost" ? "127.0.0.1" : host
        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        let ipv6: Bool
        if inet_pton(AF_INET, name, &v4.sin_addr) == 1 {
            ipv6 = false
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = in_port_t(UInt16(port).bigEndian)
        } else if inet_pton(AF_INET6, name, &v6.sin6_addr) == 1 {
            ipv6 = true
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = in_port_t(UInt16(port).bigEndian)
        } else {
            throw ServerError("--host '\(host)' is not an IP address (give e.g. 127.0.0.1 or ::1)")
        }
        let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket: \(String(cString: strerror(errno)))") }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let result: Int32
        if ipv6 {
            result = withUnsafePointer(to: &v6) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            result = withUnsafePointer(to: &v4) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ServerError("cannot listen on \(host):\(port): \(reason)")
        }
        guard Glibc.listen(fd, 1024) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ServerError("listen: \(reason)")
        }
        setNonBlocking(fd)
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let boundPort = withUnsafePointer(to: &address) { p -> Int in
            if ipv6 {
                return p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            }
            return p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                Int(UInt16(bigEndian: $0.pointee.sin_port))
            }
        }
        return (fd, boundPort, ipv6)
    }

    static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else { throw ServerError("pipe: \(String(cString: strerror(errno)))") }
        setNonBlocking(fds[0])
        setNonBlocking(fds[1])
        return (fds[0], fds[1])
    }

    /// O_NONBLOCK, and close-on-exec so a child process never inherits a socket.
    static func setNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    static func poke(_ fd: Int32) {
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }

    static func describe(_ address: sockaddr_storage) -> String {
        var address = address
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(address.ss_family)
        return withUnsafePointer(to: &address) { p -> String in
            if family == AF_INET6 {
                return p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { a in
                    var addr = a.pointee.sin6_addr
                    inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count))
                    return
                        "[\(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))]:\(UInt16(bigEndian: a.pointee.sin6_port))"
                }
            }
            return p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { a in
                var addr = a.pointee.sin_addr
                inet_ntop(AF_INET, &addr, &buffer, socklen_t(buffer.count))
                return
                    "\(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)):\(UInt16(bigEndian: a.pointee.sin_port))"
            }
        }
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
