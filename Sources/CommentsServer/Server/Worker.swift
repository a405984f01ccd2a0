import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One worker thread: a poll() loop over its connections. Connections arrive through `inbox`
/// (the accept thread pokes `wake`), answers from the analysis pool through `completions` (the
/// pool thread pokes `wake`); everything else is confined to the worker's thread.
final class Worker: @unchecked Sendable {
    let wake: (read: Int32, write: Int32)
    /// Connections this worker holds (read by the accept thread to balance).
    let load = Atomic<Int>(0)
    private let inbox = Mutex<[(fd: Int32, peer: String)]>([])
    private let completions = Mutex<[Completion]>([])
    private var connections: [Connection] = []
    private let readSize = 64 * 1024
    /// Answers waiting to be sent above this stop the reading of more requests.
    private let outputHighWater = 256 * 1024
    /// Requests answered for one connection before the others get their turn (pipelining).
    private let requestsPerTurn = 32
    /// How long at most a closing connection's unread input is drained so the client sees the
    /// answer, and after how long without input it is closed sooner.
    private let lingerSeconds = 2.0
    private let lingerQuietSeconds = 0.25

    init() throws {
        wake = try HTTPServer.pipe()
    }

    deinit {
        close(wake.read)
        close(wake.write)
    }

    func add(fd: Int32, peer: String) {
        load.add(1, ordering: .relaxed)
        inbox.withLock { $0.append((fd, peer)) }
        HTTPServer.poke(wake.write)
    }

    /// Called on an analysis thread: hands the answer to the worker that owns the connection.
    fileprivate func complete(_ completion: Completion) {
        // One poke per batch: a list already waiting has its poke on the way.
        let first = completions.withLock { list -> Bool in
            list.append(completion)
            return list.count == 1
        }
        if first { HTTPServer.poke(wake.write) }
    }

    func run(server: HTTPServer) {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 16)
        defer { scratch.deallocate() }
        var fds: [pollfd] = []
        var drainDeadline: Double?
        let config = server.configuration
        while true {
            let now = HTTPServer.now()
            let arrived: [(fd: Int32, peer: String)] = inbox.withLock { list in
                let taken = list
                list.removeAll()
                return taken
            }
            for new in arrived {
                connections.append(Connection(fd: new.fd, peer: new.peer, limits: config.limits, now: now))
            }
            deliverCompletions(server: server, now: now)
            if server.isStopping {
                if drainDeadline == nil { drainDeadline = now + config.drainTimeout }
                for c in connections where !c.closed && c.isIdle {
                    // A request may sit unread in the socket: serve it (with Connection: close).
                    read(c, server: server, scratch: scratch, now: now)
                    if !c.closed && c.isIdle { finish(c, server: server) }
                }
                if let deadline = drainDeadline, now >= deadline {
                    for c in connections where !c.closed { finish(c, server: server) }
                }
                connections.removeAll { $0.closed }
                if connections.isEmpty && server.isAcceptDone && inbox.withLock({ $0.isEmpty }) { break }
            }

            fds.removeAll(keepingCapacity: true)
            fds.append(pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0))
            var nearest = now + 1
            for c in connections {
                var events: Int16 = 0
                if c.wantsRead(highWater: outputHighWater) { events |= Int16(POLLIN) }
                if c.hasOutput { events |= Int16(POLLOUT) }
                fds.append(pollfd(fd: c.fd, events: events, revents: 0))
                if let d = c.deadline(config, linger: lingerSeconds) { nearest = min(nearest, d) }
            }
            if let d = drainDeadline { nearest = min(nearest, d) }
            // Connections with pipelined requests still to answer: poll without waiting.
            let backlog = connections.contains { $0.backlogged && !$0.closed }
            let timeout = backlog ? 0 : Int32(max(0, min(1000, ((nearest - now) * 1000).rounded(.up) + 1)))
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 && errno != EINTR { break }
            let after = HTTPServer.now()
            if fds[0].revents != 0 {
                var sink = [UInt8](repeating: 0, count: 256)
                while Glibc.read(wake.read, &sink, sink.count) > 0 {}
            }
            if ready > 0 {
                for (i, c) in connections.enumerated() {
                    let revents = fds[i + 1].revents
                    guard revents != 0, !c.closed else { continue }
                    if revents & Int16(POLLOUT) != 0 { write(c, server: server, now: after) }
                    if !c.closed && revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                        read(c, server: server, scratch: scratch, now: after)
                    }
                }
            }
            for c in connections where c.backlogged && !c.closed {
                c.backlogged = false
                serve(c, server: server, now: after)
            }
            for c in connections where !c.closed { checkTimeouts(c, server: server, now: after) }
            connections.removeAll { $0.closed }
        }
        for c in connections where !c.closed { finish(c, server: server) }
        connections.removeAll()
    }

    // MARK: Per connection

    /// Sends the answers the analysis pool finished, each after the answers before it on its
    /// connection (a connection has one request in the pool at a time and reads no further
    /// request until its answer is queued), then goes on with the requests buffered behind it.
    private func deliverCompletions(server: HTTPServer, now: Double) {
        let done: [Completion] = completions.withLock { list in
            let taken = list
            list.removeAll()
            return taken
        }
        for completion in done {
            let c = completion.connection
            guard !c.closed, c.awaiting === completion.ticket else { continue }
            c.awaiting = nil
            c.lastActivity = now
            c.lastWriteProgress = now
            let keepAlive = completion.keepAlive && !completion.response.close && !server.isStopping
            c.append(completion.response.serialized(keepAlive: keepAlive, includeBody: completion.includeBody))
            if !keepAlive { c.closeAfterFlush = true }
            serve(c, server: server, now: now)
        }
    }

    /// Answers `request` at once, or queues it for the analysis pool (and reads no further request
    /// on this connection until its answer is back); 503 when the pool's queue is full.
    private func dispatch(_ request: HTTPRequest, on c: Connection, server: HTTPServer) {
        let handler = server.handler
        let includeBody = request.method != "HEAD"
        let inline = handler.answersInline(request)
        if !inline {
            let ticket = Ticket()
            let completion = Completion(
                connection: c, ticket: ticket, keepAlive: request.keepAlive, includeBody: includeBody)
            let peer = c.peer
            let submitted = server.pool.submit { [self] in
                // The connection was closed meanwhile (drain deadline, client gone): skip the work.
                guard !ticket.cancelled.load(ordering: .acquiring) else { return }
                var done = completion
                done.response = handler.respond(to: request, peer: peer)
                complete(done)
            }
            if submitted {
                c.awaiting = ticket
                return
            }
        }
        let response = inline ? handler.respond(to: request, peer: c.peer) : handler.busy(request, peer: c.peer)
        let keepAlive = request.keepAlive && !response.close && !server.isStopping
        c.append(response.serialized(keepAlive: keepAlive, includeBody: includeBody))
        if !keepAlive { c.closeAfterFlush = true }
    }

    private func read(_ c: Connection, server: HTTPServer, scratch: UnsafeMutableRawBufferPointer, now: Double) {
        if c.lingerUntil != nil {
            // Closing: discard what the client still sends until it closes too.
            while true {
                let n = recv(c.fd, scratch.baseAddress, scratch.count, 0)
                if n > 0 {
                    c.lingerUntil = min(c.lingerEnd, now + lingerQuietSeconds)
                    continue
                }
                if n < 0 && errno == EINTR { continue }
                if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
                finish(c, server: server)
                return
            }
        }
        guard !c.closeAfterFlush else { return }
        var reads = 0
        while reads < 4 {
            let n = recv(c.fd, scratch.baseAddress, scratch.count, 0)
            if n > 0 {
                c.parser.feed(UnsafeRawBufferPointer(rebasing: scratch[0..<n]))
                c.lastActivity = now
                reads += 1
                if n < scratch.count { break }
                continue
            }
            if n == 0 {
                c.readClosed = true
                break
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { break }
            finish(c, server: server)
            return
        }
        serve(c, server: server, now: now)
    }

    /// Answers every complete request buffered (in order), sending as it goes.
    private func serve(_ c: Connection, server: HTTPServer, now: Double) {
        guard !c.serving else { return }
        c.serving = true
        defer { c.serving = false }
        var answered = 0
        while !c.closed {
            var produced = false
            parsing: while !c.closeAfterFlush && c.awaiting == nil && c.pendingOutput < outputHighWater {
                if answered >= requestsPerTurn {
                    c.backlogged = true
                    break parsing
                }
                switch c.parser.next() {
                case .request(let request):
                    produced = true
                    answered += 1
                    c.requestStart = nil
                    dispatch(request, on: c, server: server)
                case .sendContinue:
                    produced = true
                    c.append(HTTPResponse.continueBytes)
                case .failure(let error):
                    produced = true
                    c.append(server.handler.respond(to: error, peer: c.peer).serialized(keepAlive: false))
                    c.closeAfterFlush = true
                    c.mayStillBeSending = true
                case .needMore:
                    break parsing
                }
            }
            if c.parser.hasPartialRequest && c.awaiting == nil {
                if c.requestStart == nil { c.requestStart = now }
            } else {
                c.requestStart = nil
            }
            if c.readClosed && !c.closeAfterFlush && c.awaiting == nil {
                // The client sent its last byte; answer what is complete, then close.
                c.closeAfterFlush = true
            }
            write(c, server: server, now: now)
            // Room again after sending: go on with pipelined requests still buffered.
            guard produced, !c.backlogged, !c.closed, !c.closeAfterFlush, c.awaiting == nil,
                c.pendingOutput < outputHighWater,
                c.parser.bufferedCount > 0
            else { return }
        }
    }

    private func write(_ c: Connection, server: HTTPServer, now: Double) {
        while c.hasOutput {
            let n = c.output.withUnsafeBytes { p in
                send(c.fd, p.baseAddress! + c.sent, p.count - c.sent, Int32(MSG_NOSIGNAL))
            }
            if n > 0 {
                c.sent += n
                c.lastWriteProgress = now
                continue
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { break }
            finish(c, server: server)
            return
        }
        if !c.hasOutput {
            c.output.removeAll(keepingCapacity: c.output.capacity <= 1 << 20)
            c.sent = 0
            if c.closeAfterFlush && c.lingerUntil == nil && c.awaiting == nil {
                // Half-close, then close once the client has nothing more in flight: closing
                // with unread input would reset the connection and could destroy the answer.
                shutdown(c.fd, Int32(SHUT_WR))
                c.lingerEnd = now + lingerSeconds
                c.lingerUntil = now + lingerQuietSeconds
                if c.readClosed || !c.mayStillBeSending && !Self.hasPendingInput(c.fd) {
                    finish(c, server: server)
                    return
                }
            }
        } else if c.sent > 64 * 1024 {
            c.output.removeFirst(c.sent)
            c.sent = 0
        }
        if !c.closed && !c.serving && !c.closeAfterFlush && c.parser.bufferedCount > 0 {
            // Output drained while requests waited behind the high-water mark.
            serve(c, server: server, now: now)
        }
    }

    /// Whether bytes wait unread in the socket (or it has already ended).
    private static func hasPendingInput(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) > 0
    }

    private func checkTimeouts(_ c: Connection, server: HTTPServer, now: Double) {
        let config = server.configuration
        if c.awaiting != nil {
            return  // the answer is being computed; the drain deadline still bounds it
        } else if let until = c.lingerUntil {
            if now >= until { finish(c, server: server) }
        } else if c.hasOutput {
            if now - c.lastWriteProgress > config.requestTimeout { finish(c, server: server) }
        } else if let start = c.requestStart, !c.closeAfterFlush {
            if now - start > config.requestTimeout {
                let error = HTTPError(408, "the request was not received within \(Int(config.requestTimeout)) s")
                c.append(server.handler.respond(to: error, peer: c.peer).serialized(keepAlive: false))
                c.closeAfterFlush = true
                c.mayStillBeSending = true
                c.lastWriteProgress = now
                write(c, server: server, now: now)
            }
        } else if c.isIdle, now - c.lastActivity > config.idleTimeout {
            finish(c, server: server)
        }
    }

    private func finish(_ c: Connection, server: HTTPServer) {
        guard !c.closed else { return }
        c.closed = true
        c.awaiting?.cancelled.store(true, ordering: .releasing)
        c.awaiting = nil
        close(c.fd)
        load.subtract(1, ordering: .relaxed)
        server.connectionClosed()
    }
}

/// One request handed to the analysis pool; cancelled when its connection closes first.
final class Ticket: Sendable {
    let cancelled = Atomic<Bool>(false)
}

/// An answer from the analysis pool on its way back to the connection's worker. The pool thread
/// only carries the connection; it is read and changed on the worker's thread alone.
struct Completion: @unchecked Sendable {
    let connection: Connection
    let ticket: Ticket
    let keepAlive: Bool
    let includeBody: Bool
    var response = HTTPResponse.text(500, "")
}

/// The state of one client connection (confined to its worker's thread).
final class Connection {
    let fd: Int32
    let peer: String
    var parser: HTTPRequestParser
    var output: [UInt8] = []
    var sent = 0
    /// Answer what is queued, then close (the client asked to, or the stream is unusable).
    var closeAfterFlush = false
    /// The client closed its sending side.
    var readClosed = false
    /// After the last answer was sent and the sending side shut: close by this time.
    var lingerUntil: Double?
    var lingerEnd = 0.0
    /// When the request now being received began (its timeout runs from here).
    var requestStart: Double?
    var lastActivity: Double
    var lastWriteProgress: Double
    var closed = false
    var serving = false
    /// Complete requests wait that were left for the next turn of the loop.
    var backlogged = false
    /// Closing because the request was refused or cut off: its remaining bytes may still come,
    /// so the close waits (up to the linger time) for the client to finish or hang up.
    var mayStillBeSending = false
    /// The request in the analysis pool, if any: no further request is read until it is answered.
    var awaiting: Ticket?

    init(fd: Int32, peer: String, limits: HTTPLimits, now: Double) {
        self.fd = fd
        self.peer = peer
        self.parser = HTTPRequestParser(limits: limits)
        self.lastActivity = now
        self.lastWriteProgress = now
    }

    var hasOutput: Bool { sent < output.count }
    var pendingOutput: Int { output.count - sent }

    /// Between requests with nothing to send.
    var isIdle: Bool {
        !hasOutput && !closeAfterFlush && lingerUntil == nil && awaiting == nil && !parser.hasPartialRequest
    }

    func append(_ bytes: [UInt8]) {
        if output.isEmpty { output = bytes } else { output.append(contentsOf: bytes) }
    }

    func wantsRead(highWater: Int) -> Bool {
        if lingerUntil != nil { return true }
        return awaiting == nil && !closeAfterFlush && !readClosed && pendingOutput < highWater
    }

    /// The next moment a timeout could fire.
    func deadline(_ config: ServerConfiguration, linger: Double) -> Double? {
        if let lingerUntil { return lingerUntil }
        if awaiting != nil { return nil }
        if hasOutput { return lastWriteProgress + config.requestTimeout }
        if let requestStart { return requestStart + config.requestTimeout }
        return lastActivity + config.idleTimeout
    }
}
