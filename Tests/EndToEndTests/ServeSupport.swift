import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A `comments serve --port 0` child process for one test; killed when stopped or released.
final class ServerProcess {
    let process = Process()
    let port: Int
    private let stdout = Pipe()

    /// `stderr`: a pipe to write the request log to (then not `--quiet`); the null device without.
    init(_ arguments: [String] = [], stderr: Pipe? = nil) throws {
        process.executableURL = CommandRunner.binary
        process.arguments = ["serve", "--port", "0"] + (stderr == nil ? ["--quiet"] : []) + arguments
        process.standardOutput = stdout
        process.standardError = stderr ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read the `listening on` line (generous: the machine may be loaded).
        let handle = stdout.fileHandleForReading
        nonisolated(unsafe) var line = ""
        let ready = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var seen = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                seen.append(chunk)
                if seen.contains(0x0A) { break }
            }
            line = String(decoding: seen, as: UTF8.self)
            ready.signal()
        }
        guard ready.wait(timeout: .now() + 30) == .success,
            let range = line.range(of: "listening on http://127.0.0.1:"),
            let port = Int(line[range.upperBound...].prefix { $0.isNumber })
        else {
            process.terminate()
            throw ServeTestError("server did not report its port: \(line.debugDescription)")
        }
        self.port = port
    }

    /// SIGTERM, then the exit status (SIGKILL after `timeout` seconds).
    @discardableResult
    func stop(timeout: Double = 15) -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    func client() throws -> RawClient { try RawClient(port: port) }

    /// Runs curl against this server; returns status, body and curl's stderr.
    func curl(_ arguments: [String]) throws -> (status: Int, body: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["curl", "-s", "--max-time", "30", "-o", "-", "-w", "\n%{http_code}"] + arguments
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        let statusLine = text.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        text = String(text.dropLast(statusLine.count + 1))
        return (Int(statusLine) ?? -1, text, String(decoding: errData, as: UTF8.self))
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
}

struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A blocking TCP client on 127.0.0.1 with poll()-based timeouts, for raw HTTP exchanges.
final class RawClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] }
        /// `error.status` of a JSON error body.
        var errorStatus: String? { (json?["error"] as? [String: Any])?["status"] as? String }
    }

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
            throw ServeTestError("connect: \(errno)")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw ServeTestError("send failed: \(errno)") }
            sent += n
        }
    }

    /// Half-closes: the server sees the end of the request stream.
    func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads more bytes; false on EOF, error or timeout.
    private func fill(timeout: Double) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, Int32(timeout * 1000)) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = recv(fd, &chunk, chunk.count, 0)
        guard n > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }

    /// The next response (1xx included), or nil if the connection closed or nothing came in time.
    func response(timeout: Double = 20) -> Response? {
        let deadline = Date().addingTimeInterval(timeout)
        var headEnd: Int?
        while true {
            if buffer.count >= 4 {
                for i in 0...(buffer.count - 4)
                where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 {
                    headEnd = i + 4
                    break
                }
            }
            if headEnd != nil { break }
            guard fill(timeout: max(0.01, deadline.timeIntervalSinceNow)) else { return nil }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let length = status < 200 ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < headEnd! + length {
            guard fill(timeout: max(0.01, deadline.timeIntervalSinceNow)) else { return nil }
        }
        let body = Array(buffer[headEnd!..<(headEnd! + length)])
        buffer.removeFirst(headEnd! + length)
        return Response(status: status, headers: headers, body: body)
    }

    /// Whether the server closed the connection (EOF) within `timeout` with no more bytes.
    func closedByServer(timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, Int32(max(10, deadline.timeIntervalSinceNow * 1000))) > 0 else { return false }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { return true }
        }
        return false
    }

    /// A POST with a JSON body as a request string.
    static func post(_ path: String, _ body: String, headers: [String] = []) -> String {
        let extra = headers.map { $0 + "\r\n" }.joined()
        return
            "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\(extra)Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }

    static func get(_ path: String, headers: [String] = []) -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n"
    }
}
