import Discourse
import Foundation

/// Routes requests to the endpoints, checks the API key, records metrics and logs one line per
/// request. Everything but the feedback file and the log is pure; it is shared by every worker.
package final class CommentsService: HTTPHandler, Sendable {
    package struct Configuration: Sendable {
        /// When set, every endpoint but `/healthz` needs `?key=` (or `X-Goog-Api-Key`) equal to it.
        package var apiKey: String?
        package var feedback: FeedbackLog?
        /// One line per request on stderr unless quiet.
        package var quiet: Bool
        /// Where the request log goes (stderr), and how many bytes of it wait at most for a slow
        /// reader before lines are dropped (see ``RequestLog``).
        package var logFD: Int32
        package var logBuffer: Int

        package init(
            apiKey: String? = nil, feedback: FeedbackLog? = nil, quiet: Bool = false, logFD: Int32 = 2,
            logBuffer: Int = 256 * 1024
        ) {
            self.apiKey = apiKey
            self.feedback = feedback
            self.quiet = quiet
            self.logFD = logFD
            self.logBuffer = logBuffer
        }
    }

    /// The endpoints, as named in metrics.
    package enum Endpoint: String, Sendable, CaseIterable {
        case analyze, suggestscore
        case nativeAnalyze = "v1_analyze"
        case healthz, metrics

        package var path: String {
            switch self {
            case .analyze: return "/v1alpha1/comments:analyze"
            case .suggestscore: return "/v1alpha1/comments:suggestscore"
            case .nativeAnalyze: return "/v1/analyze"
            case .healthz: return "/healthz"
            case .metrics: return "/metrics"
            }
        }

        package var methods: [String] {
            switch self {
            case .analyze, .suggestscore, .nativeAnalyze: return ["POST"]
            case .healthz, .metrics: return ["GET", "HEAD"]
            }
        }

        init?(path: String) {
            guard let e = Self.allCases.first(where: { $0.path == path }) else { return nil }
            self = e
        }
    }

    package let analyzer: Analyzer
    package let metrics: Metrics
    package let configuration: Configuration
    private let key: [UInt8]?
    /// Nil when quiet.
    package let log: RequestLog?

    package init(analyzer: Analyzer, configuration: Configuration = Configuration(), metrics: Metrics = Metrics()) {
        self.analyzer = analyzer
        self.configuration = configuration
        self.metrics = metrics
        self.key = configuration.apiKey.map { Array($0.utf8) }
        self.log =
            configuration.quiet ? nil : RequestLog(fd: configuration.logFD, capacity: configuration.logBuffer)
    }

    package func respond(to request: HTTPRequest, peer: String) -> HTTPResponse {
        let start = DispatchTime.now().uptimeNanoseconds
        let endpoint = Endpoint(path: request.path)
        var scored = 0
        var response: HTTPResponse
        do {
            (response, scored) = try route(request, endpoint: endpoint)
        } catch {
            response = error.response
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        metrics.record(
            endpoint: endpoint?.rawValue ?? "unknown", status: response.status, seconds: seconds, commentsScored: scored
        )
        logLine(
            peer: peer, method: request.method, path: request.path, status: response.status, bytes: response.body.count,
            seconds: seconds)
        return response
    }

    /// A request that could not be read: its JSON error answer (the connection closes after it).
    package func respond(to error: HTTPError, peer: String) -> HTTPResponse {
        var response = ServiceError(error.status, error.message).response
        response.close = true
        metrics.record(endpoint: "http", status: error.status, seconds: 0)
        logLine(peer: peer, method: "-", path: "-", status: error.status, bytes: response.body.count, seconds: 0)
        return response
    }

    /// Turned away at the connection cap.
    package func refusal() -> HTTPResponse {
        var response = ServiceError(503, "too many connections; try again later").response
        response.close = true
        metrics.connectionRefused()
        return response
    }

    /// Health checks, metrics and requests refused from their request line alone (no endpoint,
    /// wrong method) are answered on the poll thread; scoring and feedback go to the pool.
    package func answersInline(_ request: HTTPRequest) -> Bool {
        guard let endpoint = Endpoint(path: request.path), endpoint.methods.contains(request.method) else {
            return true
        }
        return endpoint == .healthz || endpoint == .metrics
    }

    /// The analysis queue is full: 503 with `Retry-After` (the connection stays usable).
    package func busy(_ request: HTTPRequest, peer: String) -> HTTPResponse {
        var response = ServiceError(503, "the server is busy scoring other comments; try again shortly").response
        response.headers.append(("Retry-After", "1"))
        let endpoint = Endpoint(path: request.path)?.rawValue ?? "unknown"
        metrics.record(endpoint: endpoint, status: 503, seconds: 0)
        logLine(
            peer: peer, method: request.method, path: request.path, status: 503, bytes: response.body.count, seconds: 0)
        return response
    }

    /// Writes out what the request log still holds (for at most a second), then ends its thread.
    package func stopped() { log?.close(timeout: 1) }

    /// Counted for `comments_connections_open` and `comments_connections_accepted_total`.
    package func connectionOpened() { metrics.connectionOpened() }

    package func connectionClosed() { metrics.connectionClosed() }

    private func route(_ request: HTTPRequest, endpoint: Endpoint?) throws(ServiceError) -> (HTTPResponse, Int) {
        guard let endpoint else { throw ServiceError(404, "no endpoint at \(request.path)", errorType: nil) }
        guard endpoint.methods.contains(request.method) else {
            var r = ServiceError(
                405, "\(request.method) is not allowed on \(endpoint.path); use \(endpoint.methods[0])"
            ).response
            r.headers.append(("Allow", endpoint.methods.joined(separator: ", ")))
            return (r, 0)
        }
        if endpoint != .healthz, let key {
            let given = request.queryValue("key") ?? request.header("x-goog-api-key") ?? ""
            guard Self.constantTimeEqual(Array(given.utf8), key) else {
                throw ServiceError(403, given.isEmpty ? "an API key is required (?key=…)" : "the API key is not valid")
            }
        }
        switch endpoint {
        case .healthz:
            return (.text(200, "ok"), 0)
        case .metrics:
            let page = metrics.render(logLinesDropped: log?.droppedLines ?? 0)
            return (.text(200, page, contentType: "text/plain; version=0.0.4; charset=utf-8"), 0)
        case .analyze:
            let decoded = try AnalyzeCommentRequest.decode(request.body)
            let (json, scored) = PerspectiveAnalysis.respond(decoded, analyzer: analyzer)
            return (.json(200, json), scored)
        case .nativeAnalyze:
            let (json, scored) = try NativeAnalyze.respond(request.body, analyzer: analyzer)
            return (.json(200, json), scored)
        case .suggestscore:
            let (record, json) = try SuggestScore.handle(request.body)
            if let feedback = configuration.feedback, !feedback.append(record) {
                throw ServiceError(500, "the feedback could not be written")
            }
            return (.json(200, json), 0)
        }
    }

    /// Equal bytes, in time that depends only on the lengths (no early exit on the first difference).
    package static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        let n = max(a.count, b.count)
        for i in 0..<n {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0
    }

    private func logLine(peer: String, method: String, path: String, status: Int, bytes: Int, seconds: Double) {
        guard let log else { return }
        let safePath = String(
            path.unicodeScalars.prefix(200).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        // Queued, never written here: a stderr nobody reads must not stop the server.
        log.append(
            "\(peer) \(method) \(safePath) \(status) \(bytes)B \(NumberFormat.fixed(seconds * 1000, digits: 3))ms\n")
    }
}
