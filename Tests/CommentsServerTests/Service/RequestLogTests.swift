import Discourse
import Foundation
import Testing

@testable import CommentsServer

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Request log")
struct RequestLogTests {
    /// Request logging wrote to stderr on the serving threads, under one lock: once a pipe nobody
    /// read was full, every worker stopped (after ~1,500 requests) and so did the drain after
    /// SIGTERM. Now every request is answered, the lines that found no room are counted in
    /// /metrics, and the log says how many were dropped once its reader catches up.
    @Test func aStderrPipeNobodyReadsHoldsNothingUp() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        var readEnd = ends[0]
        defer {
            if readEnd >= 0 { close(readEnd) }
            close(ends[1])
        }
        let service = CommentsService(
            analyzer: Analyzer(), configuration: .init(quiet: false, logFD: ends[1], logBuffer: 4096))
        let server = try HTTPServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, workers: 1), handler: service)
        server.start()
        defer {
            // Were the server stuck in a write, closing the pipe would free it (EPIPE).
            close(readEnd)
            readEnd = -1
            server.stop()
            server.wait()
        }
        let client = try LoopbackClient(port: server.port)
        // A 64 KiB pipe holds about 1,400 lines: 3,000 requests overfill it and the buffer.
        var answered = 0
        for _ in 0..<3000 {
            guard try client.get("/healthz")?.status == 200 else { break }
            answered += 1
        }
        #expect(answered == 3000)
        let page = try #require(try client.get("/metrics")).body
        let dropped = try #require(metric(page, "comments_log_lines_dropped_total"))
        #expect(dropped > 0)
        #expect(dropped <= service.log?.droppedLines ?? 0)  // the /metrics line itself may be dropped after
        // The reader catches up: the log reports the loss (read a bounded amount).
        var text = ""
        var chunk = [UInt8](repeating: 0, count: 65536)
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        for _ in 0..<3000 where !text.contains("dropped") {
            let n = read(readEnd, &chunk, chunk.count)
            if n > 0 { text += String(decoding: chunk[0..<n], as: UTF8.self) } else { usleep(1000) }
        }
        #expect(text.contains("request log lines dropped"))
        #expect(text.contains("127.0.0.1:"))
        #expect(text.contains(" GET /healthz 200 "))
    }

    /// A new pipe: its read end, then its write end.
    static func pipeEnds() throws -> [Int32] {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        return ends
    }

    /// Everything waiting in the pipe `fd` now (it is made non-blocking).
    static func readWaiting(_ fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        while true {
            let n = read(fd, &chunk, chunk.count)
            guard n > 0 else { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// A pipe nobody reads gets whole lines only: when its room runs out mid-line the rest waits (and
    /// is dropped at close), so a last message written after the log starts on a line of its own.
    @Test func aFullPipeGetsWholeLinesOnly() throws {
        let ends = try Self.pipeEnds()
        defer { ends.forEach { close($0) } }
        let log = RequestLog(fd: ends[1], capacity: 1 << 18)
        // 35-byte lines: 189 KB is more than the pipe holds.
        for i in 0..<5400 { log.append("127.0.0.1:5 GET /healthz 200 \(String(i + 10000))\n") }
        usleep(200_000)
        log.close(timeout: 0.2)
        let bytes = Self.readWaiting(ends[0])
        #expect(!bytes.isEmpty)
        #expect(bytes.last == 0x0A)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("127.0.0.1:5 GET /healthz 200 1") && $0.count == 34 })
    }

    /// A line that found room is written whole, in order, and the log ends when asked.
    @Test func linesArriveInOrder() throws {
        let ends = try Self.pipeEnds()
        defer { ends.forEach { close($0) } }
        let log = RequestLog(fd: ends[1], capacity: 1 << 16)
        for i in 0..<100 { log.append("line \(i)\n") }
        log.close(timeout: 10)
        let text = String(decoding: Self.readWaiting(ends[0]), as: UTF8.self)
        #expect(text == (0..<100).map { "line \($0)\n" }.joined())
        #expect(log.droppedLines == 0)
    }
}
