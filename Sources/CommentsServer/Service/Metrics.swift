import Discourse
import Synchronization

/// Counters for `GET /metrics` in the Prometheus text format (version 0.0.4): requests and errors
/// by endpoint and status, a latency histogram per endpoint, comments scored, open connections.
/// Label values come from fixed sets (endpoint names, the statuses the server answers), so the
/// number of series is bounded whatever clients send.
package final class Metrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    package static let buckets: [Double] = [
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
    ]

    struct Key: Hashable {
        var endpoint: String
        var status: Int
    }

    struct Histogram {
        var counts = [Int](repeating: 0, count: Metrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    struct State {
        var requests: [Key: Int] = [:]
        var latency: [String: Histogram] = [:]
        var commentsScored = 0
    }

    private let state = Mutex(State())
    private let openConnections = Atomic<Int>(0)
    private let acceptedConnections = Atomic<Int>(0)
    private let refusedConnections = Atomic<Int>(0)

    package init() {}

    package func record(endpoint: String, status: Int, seconds: Double, commentsScored: Int = 0) {
        let bucket = Self.buckets.firstIndex { seconds <= $0 }
        state.withLock { s in
            s.requests[Key(endpoint: endpoint, status: status), default: 0] += 1
            var h = s.latency[endpoint] ?? Histogram()
            if let bucket { h.counts[bucket] += 1 }
            h.sum += seconds
            h.count += 1
            s.latency[endpoint] = h
            s.commentsScored += commentsScored
        }
    }

    package func connectionOpened() {
        openConnections.add(1, ordering: .relaxed)
        acceptedConnections.add(1, ordering: .relaxed)
    }

    package func connectionClosed() { openConnections.subtract(1, ordering: .relaxed) }

    /// A connection turned away because the server was at its connection cap.
    package func connectionRefused() { refusedConnections.add(1, ordering: .relaxed) }

    package var open: Int { openConnections.load(ordering: .relaxed) }

    /// How many requests have been answered with `status` at `endpoint` (for tests).
    package func count(endpoint: String, status: Int) -> Int {
        state.withLock { $0.requests[Key(endpoint: endpoint, status: status)] ?? 0 }
    }

    /// The page; `logLinesDropped` comes from the request log (see ``RequestLog``).
    package func render(logLinesDropped: Int = 0) -> String {
        let s = state.withLock { $0 }
        var out = ""
        out += "# HELP comments_http_requests_total Requests answered, by endpoint and HTTP status.\n"
        out += "# TYPE comments_http_requests_total counter\n"
        let keys = s.requests.keys.sorted { ($0.endpoint, $0.status) < ($1.endpoint, $1.status) }
        for k in keys {
            out += "comments_http_requests_total{endpoint=\"\(k.endpoint)\",status=\"\(k.status)\"} \(s.requests[k]!)\n"
        }
        out += "# HELP comments_http_errors_total Requests answered with a 4xx or 5xx status, by endpoint and status.\n"
        out += "# TYPE comments_http_errors_total counter\n"
        for k in keys where k.status >= 400 {
            out += "comments_http_errors_total{endpoint=\"\(k.endpoint)\",status=\"\(k.status)\"} \(s.requests[k]!)\n"
        }
        out +=
            "# HELP comments_http_request_duration_seconds Time from a complete request to its answer, by endpoint.\n"
        out += "# TYPE comments_http_request_duration_seconds histogram\n"
        for endpoint in s.latency.keys.sorted() {
            let h = s.latency[endpoint]!
            var cumulative = 0
            for (i, bound) in Self.buckets.enumerated() {
                cumulative += h.counts[i]
                out +=
                    "comments_http_request_duration_seconds_bucket{endpoint=\"\(endpoint)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "comments_http_request_duration_seconds_bucket{endpoint=\"\(endpoint)\",le=\"+Inf\"} \(h.count)\n"
            out +=
                "comments_http_request_duration_seconds_sum{endpoint=\"\(endpoint)\"} \(NumberFormat.fixed(h.sum, digits: 6))\n"
            out += "comments_http_request_duration_seconds_count{endpoint=\"\(endpoint)\"} \(h.count)\n"
        }
        out += "# HELP comments_comments_scored_total Comment texts scored (summaries and sentence spans).\n"
        out += "# TYPE comments_comments_scored_total counter\n"
        out += "comments_comments_scored_total \(s.commentsScored)\n"
        out += "# HELP comments_connections_open Client connections open now.\n"
        out += "# TYPE comments_connections_open gauge\n"
        out += "comments_connections_open \(openConnections.load(ordering: .relaxed))\n"
        out += "# HELP comments_connections_accepted_total Client connections accepted.\n"
        out += "# TYPE comments_connections_accepted_total counter\n"
        out += "comments_connections_accepted_total \(acceptedConnections.load(ordering: .relaxed))\n"
        out += "# HELP comments_connections_refused_total Connections answered 503 at the connection cap.\n"
        out += "# TYPE comments_connections_refused_total counter\n"
        out += "comments_connections_refused_total \(refusedConnections.load(ordering: .relaxed))\n"
        out += "# HELP comments_log_lines_dropped_total Request log lines dropped because stderr was not read.\n"
        out += "# TYPE comments_log_lines_dropped_total counter\n"
        out += "comments_log_lines_dropped_total \(logLinesDropped)\n"
        return out
    }
}
