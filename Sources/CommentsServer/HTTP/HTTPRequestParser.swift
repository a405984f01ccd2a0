/// An incremental HTTP/1.x request parser: a value that is fed bytes as they arrive and hands out
/// complete requests in order (pipelining), a request to send `100 Continue`, or a typed error.
///
/// No I/O and no clock: the socket loop feeds it and owns the timeouts. What it accepts:
/// - request line `METHOD SP target SP HTTP/1.x` (CRLF or a bare LF ends a line; empty lines before
///   a request are skipped), header fields `name: value` (no folding, no space before the colon);
/// - bodies by `Content-Length` or `Transfer-Encoding: chunked` (decoded, trailers discarded);
///   A request with neither has no body (RFC 9112 §6.3), whatever its method.
/// - limits (``HTTPLimits``): body → 413 (at once when Content-Length says so, before any 100),
///   request-target longer than the header limit → 414 (RFC 9112 §3), header section → 431; other
///   versions → 505; unknown transfer codings → 501; `Expect` other
///   than `100-continue` → 417; anything else malformed → 400.
package struct HTTPRequestParser: Sendable {
    package enum Event: Sendable, Equatable {
        /// A complete request.
        case request(HTTPRequest)
        /// The head of a request with `Expect: 100-continue` was read and its body has not arrived:
        /// the server should send `HTTP/1.1 100 Continue` now. The request follows later.
        case sendContinue
        /// Nothing complete yet.
        case needMore
        /// The bytes cannot be a valid request; answer `error.status` and close.
        case failure(HTTPError)
    }

    private enum State: Sendable {
        case head
        case body(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(bytes: Int)
        case failed(HTTPError)
    }

    package let limits: HTTPLimits
    /// The most a Content-Length makes the parser reserve for the body before the bytes arrive.
    static let initialBodyReserve = 64 * 1024
    private var buffer: [UInt8] = []
    private var position = 0
    private var state = State.head
    /// Where the search for the end of the head resumes (bytes before it hold no blank line).
    private var scanned = 0
    private var pending: HTTPRequest?
    private var continueOwed = false
    /// How far the request line in progress has been checked for garbage, and whether that point
    /// is still inside the method.
    private var lineChecked = (index: 0, inMethod: true)

    package init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// Adds bytes read from the connection.
    package mutating func feed<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if position > 0 && position >= buffer.count / 2 {
            buffer.removeFirst(position)
            scanned -= position
            lineChecked.index = max(0, lineChecked.index - position)
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Bytes reserved for the body of the request being received (0 between requests).
    var pendingBodyCapacity: Int { pending?.body.capacity ?? 0 }

    /// Bytes received and not yet handed out as part of a request.
    package var bufferedCount: Int { buffer.count - position }

    /// Whether part of a request has been received (the request timeout is running).
    package var hasPartialRequest: Bool {
        switch state {
        case .head: return buffer[position...].contains { $0 != 0x0D && $0 != 0x0A }
        case .failed: return false
        default: return true
        }
    }

    /// The next event; call until it answers `.needMore` (or a failure, which repeats).
    package mutating func next() -> Event {
        while true {
            switch state {
            case .failed(let error):
                return .failure(error)
            case .head:
                switch parseHead() {
                case .failure(let error):
                    state = .failed(error)
                    return .failure(error)
                case .success(nil):
                    return .needMore
                case .success(.some):
                    continue
                }
            case .body(let remaining):
                let available = buffer.count - position
                if available < remaining {
                    if continueOwed {
                        continueOwed = false
                        return .sendContinue
                    }
                    return .needMore
                }
                pending!.body.append(contentsOf: buffer[position..<position + remaining])
                position += remaining
                return finish()
            case .chunkSize:
                guard let line = readLine(limit: 1024) else {
                    if case .failed(let error) = state { return .failure(error) }
                    if continueOwed {
                        continueOwed = false
                        return .sendContinue
                    }
                    return .needMore
                }
                continueOwed = false
                let sizeText = line.prefix { $0 != UInt8(ascii: ";") }.filter { $0 != 0x20 && $0 != 0x09 }
                guard !sizeText.isEmpty, sizeText.count <= 8, let size = Self.hex(sizeText) else {
                    return fail(.bad("bad chunk size"))
                }
                if size == 0 {
                    state = .trailers(bytes: 0)
                } else {
                    guard pending!.body.count + size <= limits.maxBody else {
                        return fail(HTTPError(413, "request body larger than \(limits.maxBody) bytes"))
                    }
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let available = buffer.count - position
                guard available > 0 else { return .needMore }
                let n = min(available, remaining)
                pending!.body.append(contentsOf: buffer[position..<position + n])
                position += n
                state = n == remaining ? .chunkDataEnd : .chunkData(remaining: remaining - n)
            case .chunkDataEnd:
                guard let line = readLine(limit: 2) else {
                    if case .failed(let error) = state { return .failure(error) }
                    return .needMore
                }
                guard line.isEmpty else { return fail(.bad("chunk data longer than its size")) }
                state = .chunkSize
            case .trailers(let bytes):
                guard let line = readLine(limit: limits.maxHeaderBytes - bytes) else {
                    if case .failed(let error) = state { return .failure(error) }
                    return .needMore
                }
                if line.isEmpty { return finish() }
                state = .trailers(bytes: bytes + line.count + 2)
            }
        }
    }

    private mutating func fail(_ error: HTTPError) -> Event {
        state = .failed(error)
        return .failure(error)
    }

    private mutating func finish() -> Event {
        let request = pending!
        pending = nil
        state = .head
        scanned = position
        lineChecked = (position, true)
        return .request(request)
    }

    /// One line (without CR LF) if complete; nil if not yet, or (state set to failed) if longer than `limit`.
    private mutating func readLine(limit: Int) -> ArraySlice<UInt8>? {
        guard let lf = buffer[position...].firstIndex(of: 0x0A) else {
            if buffer.count - position > limit + 1 {
                state = .failed(limit <= 2 ? .bad("chunk data longer than its size") : HTTPError(431, "line too long"))
            }
            return nil
        }
        var end = lf
        if end > position && buffer[end - 1] == 0x0D { end -= 1 }
        let line = buffer[position..<end]
        if line.count > limit {
            state = .failed(limit <= 2 ? .bad("chunk data longer than its size") : HTTPError(431, "line too long"))
            return nil
        }
        position = lf + 1
        return line
    }

    private static func hex(_ digits: [UInt8]) -> Int? {
        var value = 0
        for d in digits {
            guard let v = PercentDecoding.hexValue(d) else { return nil }
            value = value << 4 | Int(v)
        }
        return value
    }

    // MARK: Head

    /// Parses a complete head into `pending` and sets the body state; nil while incomplete.
    private mutating func parseHead() -> Result<Void?, HTTPError> {
        // Empty lines before a request line are skipped (RFC 9112 §2.2).
        while position < buffer.count, buffer[position] == 0x0D || buffer[position] == 0x0A {
            position += 1
        }
        scanned = max(scanned, position)
        if let error = checkRequestLinePrefix() { return .failure(error) }
        // Find the blank line that ends the head: LF (CR) LF.
        var end: Int?
        var i = max(scanned, position)
        while i < buffer.count {
            if buffer[i] == 0x0A {
                var j = i + 1
                if j < buffer.count && buffer[j] == 0x0D { j += 1 }
                if j < buffer.count && buffer[j] == 0x0A {
                    end = j + 1
                    break
                }
                if j >= buffer.count { break }
            }
            i += 1
        }
        guard let headEnd = end else {
            scanned = max(position, i)
            if buffer.count - position > limits.maxHeaderBytes {
                return .failure(HTTPError(431, "request header section larger than \(limits.maxHeaderBytes) bytes"))
            }
            return .success(nil)
        }
        if headEnd - position > limits.maxHeaderBytes + 4 {
            return .failure(HTTPError(431, "request header section larger than \(limits.maxHeaderBytes) bytes"))
        }
        let head = buffer[position..<headEnd]
        position = headEnd
        scanned = headEnd
        var lines = head.split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> ArraySlice<UInt8> in
            line.last == 0x0D ? line.dropLast() : line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let requestLine = lines.first else { return .failure(.bad("empty request")) }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .failure(.bad("malformed request line"))
        }
        let method = String(decoding: parts[0], as: UTF8.self)
        let target = parts[1]
        guard target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return .failure(.bad("malformed request target")) }
        let versionText = String(decoding: parts[2], as: UTF8.self)
        let version: HTTPRequest.Version
        switch versionText {
        case "HTTP/1.1": version = .http11
        case "HTTP/1.0": version = .http10
        default:
            if versionText.hasPrefix("HTTP/"), versionText.count == 8,
                versionText.utf8.dropFirst(5).enumerated().allSatisfy({
                    $0.offset == 1 ? $0.element == 0x2E : (0x30...0x39).contains($0.element)
                })
            {
                return .failure(HTTPError(505, "HTTP version \(versionText) is not supported; use HTTP/1.1"))
            }
            return .failure(.bad("malformed request line"))
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            if line.first == 0x20 || line.first == 0x09 { return .failure(.bad("obsolete header line folding")) }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .failure(.bad("header line without a colon"))
            }
            let name = line[line.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(Self.isTokenByte) else {
                return .failure(.bad("malformed header name"))
            }
            var value = line[(colon + 1)...]
            while let f = value.first, f == 0x20 || f == 0x09 { value = value.dropFirst() }
            while let l = value.last, l == 0x20 || l == 0x09 { value = value.dropLast() }
            guard value.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }) else {
                return .failure(.bad("control character in a header value"))
            }
            headers.append((String(decoding: name, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self)))
            if headers.count > limits.maxHeaderCount {
                return .failure(HTTPError(431, "more than \(limits.maxHeaderCount) header fields"))
            }
        }
        var request = HTTPRequest(
            method: method, target: String(decoding: target, as: UTF8.self), version: version, headers: headers)
        return bodyState(&request).map {
            pending = request
            return ()
        }
    }

    /// Decides how the body is framed from the headers and sets the state.
    private mutating func bodyState(_ request: inout HTTPRequest) -> Result<Void, HTTPError> {
        let lengths = request.headers.filter { $0.name == "content-length" }.map(\.value)
        let codings = request.headers.filter { $0.name == "transfer-encoding" }.flatMap {
            $0.value.lowercased().split(separator: ",").map { $0.trimmingSpaces }
        }
        var expectContinue = false
        if let expect = request.header("expect") {
            guard expect.lowercased() == "100-continue" else {
                return .failure(HTTPError(417, "only 'Expect: 100-continue' is supported"))
            }
            expectContinue = request.version == .http11
        }
        if !codings.isEmpty {
            guard lengths.isEmpty else { return .failure(.bad("both Content-Length and Transfer-Encoding")) }
            guard codings == ["chunked"] else {
                return .failure(
                    HTTPError(
                        501,
                        "transfer coding '\(codings.joined(separator: ", "))' is not supported; use chunked or Content-Length"
                    ))
            }
            guard request.version == .http11 else { return .failure(.bad("chunked transfer coding in HTTP/1.0")) }
            state = .chunkSize
            continueOwed = expectContinue
            return .success(())
        }
        if !lengths.isEmpty {
            let values = Set(lengths.flatMap { $0.split(separator: ",").map { $0.trimmingSpaces } })
            guard values.count == 1, let text = values.first, !text.isEmpty, text.count <= 18,
                text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let length = Int(text)
            else {
                return .failure(.bad("malformed Content-Length"))
            }
            guard length <= limits.maxBody else {
                return .failure(
                    HTTPError(413, "request body of \(length) bytes is larger than \(limits.maxBody) bytes"))
            }
            state = .body(remaining: length)
            continueOwed = expectContinue && length > 0
            // The declared length is only a claim, made before any body (or the API key) was
            // checked: reserving all of it let one header allocate up to `--max-body` bytes (a
            // fatal allocation failure past the machine's memory). Reserve a little; it grows.
            request.body.reserveCapacity(min(length, Self.initialBodyReserve))
            return .success(())
        }
        state = .body(remaining: 0)
        continueOwed = false
        return .success(())
    }

    /// Rejects garbage early, before a whole header section of it has arrived: the method must be
    /// a token and the request line may hold no control bytes.
    private mutating func checkRequestLinePrefix() -> HTTPError? {
        if lineChecked.index < position { lineChecked = (position, true) }
        var i = lineChecked.index
        var inMethod = lineChecked.inMethod
        defer { lineChecked = (i, inMethod) }
        while i < buffer.count {
            let b = buffer[i]
            if b == 0x0A || b == 0x0D { return nil }
            if inMethod {
                if b == 0x20 {
                    if i == position { return .bad("malformed request line") }
                    inMethod = false
                } else if !Self.isTokenByte(b) || i - position > 32 {
                    return .bad("malformed request line")
                }
            } else if b < 0x20 || b == 0x7F {
                return .bad("malformed request line")
            } else if i - position > limits.maxHeaderBytes {
                // The request line alone is longer than the whole head may be: say that the target
                // is too long (a client can shorten a query), not that the header fields are.
                return HTTPError(414, "request line longer than \(limits.maxHeaderBytes) bytes")
            }
            i += 1
        }
        return nil
    }

    /// RFC 9110 tchar.
    static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default: return false
        }
    }
}
