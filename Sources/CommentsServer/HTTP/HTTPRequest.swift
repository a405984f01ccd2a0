/// One HTTP/1.x request as the parser delivered it: the body is complete (Content-Length or
/// decoded chunks) and header names are lowercased.
package struct HTTPRequest: Sendable, Equatable {
    package enum Version: String, Sendable, Equatable {
        case http10 = "HTTP/1.0"
        case http11 = "HTTP/1.1"
    }

    package var method: String
    /// The request target as sent (`/v1alpha1/comments:analyze?key=…`).
    package let target: String
    /// The path part of the target, percent-decoded (`/v1alpha1/comments%3Aanalyze` routes like
    /// `/v1alpha1/comments:analyze`); an absolute-form target (`http://host/path`) gives its path.
    package let path: String
    package var version: Version
    /// Header fields in the order received; names lowercased, values trimmed.
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]

    package init(
        method: String, target: String, version: Version = .http11, headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) {
        self.method = method
        self.target = target
        self.path = Self.path(of: target)
        self.version = version
        self.headers = headers
        self.body = body
    }

    package static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.target == b.target && a.version == b.version && a.body == b.body
            && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }

    /// The first value of header `name` (lowercase).
    package func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    static func path(of target: String) -> String {
        let utf8 = target.utf8
        if utf8.first == UInt8(ascii: "/"), !utf8.contains(UInt8(ascii: "%")) {
            guard let q = utf8.firstIndex(of: UInt8(ascii: "?")) else { return target }
            return String(target[..<q])
        }
        var raw =
            target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        // Absolute form (`http://host:port/path`), as sent to proxies.
        for scheme in ["http://", "https://"] where raw.lowercased().hasPrefix(scheme) {
            let rest = raw.dropFirst(scheme.count)
            raw = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        return PercentDecoding.decode(raw, plusIsSpace: false)
    }

    /// The query parameters, percent-decoded, in order.
    package var query: [(name: String, value: String)] {
        guard let q = target.firstIndex(of: "?") else { return [] }
        return target[target.index(after: q)...].split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decode(String(parts[0]), plusIsSpace: true)
            let value = parts.count > 1 ? PercentDecoding.decode(String(parts[1]), plusIsSpace: true) : ""
            return (name, value)
        }
    }

    package func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Whether the connection stays open after the answer: HTTP/1.1 unless `Connection: close`,
    /// HTTP/1.0 only with `Connection: keep-alive`.
    package var keepAlive: Bool {
        let tokens = headers.filter { $0.name == "connection" }.flatMap {
            $0.value.lowercased().split(separator: ",").map { $0.trimmingSpaces }
        }
        switch version {
        case .http11: return !tokens.contains("close")
        case .http10: return tokens.contains("keep-alive")
        }
    }
}

enum PercentDecoding {
    /// `%XX` escapes decoded as UTF-8 bytes (invalid sequences become U+FFFD); a malformed escape
    /// stays as written.
    static func decode(_ text: String, plusIsSpace: Bool) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return text
        }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b == UInt8(ascii: "%"), i + 2 < utf8.count, let hi = hexValue(utf8[i + 1]),
                let lo = hexValue(utf8[i + 2])
            {
                bytes.append(hi << 4 | lo)
                i += 3
            } else {
                bytes.append(plusIsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Substring {
    var trimmingSpaces: String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
