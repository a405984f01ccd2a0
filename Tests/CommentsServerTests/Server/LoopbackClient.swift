import Discourse
import Foundation

@testable import CommentsServer

#if canImport(Glibc)
    import Glibc
#endif

/// A ``CommentsService`` behind an ``HTTPServer`` on 127.0.0.1 (a free port), in this process;
/// stopped and waited for by ``stop()``.
final class LoopbackServer {
    let service: CommentsService
    let server: HTTPServer

    init(maxConnections: Int = 64, workers: Int = 1) throws {
        service = CommentsService(analyzer: Analyzer(), configuration: .init(quiet: true))
        server = try HTTPServer(
            configuration: ServerConfiguration(
                host: "127.0.0.1", port: 0, workers: workers, maxConnections: maxConnections),
            handler: service)
        server.start()
    }

    func stop() {
        server.stop()
        server.wait()
    }

    func client() throws -> LoopbackClient { try LoopbackClient(port: server.port) }
}

/// A blocking TCP client on 127.0.0.1; every read waits at most `timeout` seconds (a bound so a
/// broken server fails the test instead of hanging it, not a timed assertion).
final class LoopbackClient {
    let fd: Int32
    private var buffer: [UInt8] = []
    /// The head (status line and fields) of the last response read.
    private(set) var lastHead = ""

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw LoopbackError("connect: errno \(errno)")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw LoopbackError("send: errno \(errno)") }
            sent += n
        }
    }

    /// Status and body of the next response; nil when the connection closed or nothing came.
    func response(timeout: Double = 30) -> (status: Int, body: String)? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = headEnd() {
                let head = String(decoding: buffer[0..<end], as: UTF8.self)
                lastHead = head
                let lines = head.components(separatedBy: "\r\n")
                let parts = lines[0].split(separator: " ")
                guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
                let lengthLine = lines.first { $0.lowercased().hasPrefix("content-length:") }
                let length = lengthLine.flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) } ?? 0
                while buffer.count < end + length {
                    guard fill(until: deadline) else { return nil }
                }
                let body = String(decoding: buffer[end..<end + length], as: UTF8.self)
                buffer.removeFirst(end + length)
                return (status, body)
            }
            guard fill(until: deadline) else { return nil }
        }
    }

    func get(_ path: String) throws -> (status: Int, body: String)? {
        try send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        return response()
    }

    private func headEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for i in 0...(buffer.count - 4)
        where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 {
            return i + 4
        }
        return nil
    }

    private func fill(until deadline: Date) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ms = Int32(max(10, deadline.timeIntervalSinceNow * 1000))
        guard poll(&p, 1, ms) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = recv(fd, &chunk, chunk.count, 0)
        guard n > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }
}

struct LoopbackError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The value of an unlabelled series in a Prometheus text page.
func metric(_ page: String, _ name: String) -> Int? {
    for line in page.split(separator: "\n") where line.hasPrefix(name + " ") {
        return Int(line.dropFirst(name.count + 1))
    }
    return nil
}
