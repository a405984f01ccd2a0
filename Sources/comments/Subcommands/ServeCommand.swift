import CommentsServer
import Discourse
import Dispatch
import Foundation

/// `comments serve`: an offline, Perspective-compatible moderation endpoint (see README "Replace
/// Perspective API").
enum ServeCommand {
    static let host = Value<String>.text(
        "--host", valueName: "address", help: "IP address to listen on. (default: 127.0.0.1)")
    static let port = Value<Int>.integer(
        "--port", short: "p", in: 0...65535, help: "TCP port; 0 picks a free port. (default: 8080)")
    static let apiKey = Value<String>.text(
        "--api-key", valueName: "key", help: "Require ?key=<key> (or X-Goog-Api-Key) on every endpoint but /healthz.")
    static let apiKeyFile = Value<String>.text(
        "--api-key-file", valueName: "file", hint: .file, help: "The same, with the key read from <file> (first line).")
    static let feedback = Value<String>.text(
        "--feedback", valueName: "file", hint: .file,
        help: "Append comments:suggestscore feedback to <file> as JSON Lines.")
    static let maxBody = Value<Int>.integer(
        "--max-body", valueName: "bytes", in: 1...Int.max,
        help: "Largest request body; larger gets 413. (default: 65536)")
    static let maxConnections = Value<Int>.integer(
        "--max-connections", in: 1...Int.max, help: "Connections open at once; more get 503. (default: 1024)")
    static let requestTimeout = Value<Double>.number(
        "--request-timeout", valueName: "seconds", in: 0.1...3600,
        help: "Time to send one request; slower gets 408. (default: 10)")
    static let idleTimeout = Value<Double>.number(
        "--idle-timeout", valueName: "seconds", in: 0.1...86400,
        help: "Keep-alive connections idle longer are closed. (default: 60)")
    static let workers = Value<Int>.integer(
        "--workers", in: 1...Int.max, help: "Worker threads. (default: the number of cores)")
    static let analysisThreads = Value<Int>.integer(
        "--analysis-threads", in: 1...256, help: "Threads that score comments. (default: the number of cores)")
    static let analysisQueue = Value<Int>.integer(
        "--analysis-queue", valueName: "requests", in: 1...65536,
        help: "Requests waiting for a scoring thread; more get 503 with Retry-After. (default: 256)")
    static let quiet = Flag("--quiet", short: "q", help: "No log line per request on stderr.")

    static let spec = CommandSpec(
        name: "serve",
        abstract: "Answer Perspective API (and /v1/analyze) requests over HTTP.",
        discussion: [
            "Endpoints: POST /v1alpha1/comments:analyze, POST /v1alpha1/comments:suggestscore (Perspective's shapes), POST /v1/analyze (the JSON of 'comments score --format json'), GET /healthz, GET /metrics.",
            "Prints 'listening on http://HOST:PORT' on stdout once ready. Nothing is stored unless --feedback is given. SIGTERM or SIGINT: stop accepting, finish the requests in flight, exit 0.",
            "Exit codes: 0 stopped by SIGTERM/SIGINT, 1 could not listen or open a file, 2 usage error.",
        ],
        options: [
            host.spec, port.spec, apiKey.spec, apiKeyFile.spec, feedback.spec, maxBody.spec, maxConnections.spec,
            requestTimeout.spec, idleTimeout.spec, workers.spec, analysisThreads.spec, analysisQueue.spec, quiet.spec,
        ])

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        let command = spec.name
        var config = ServerConfiguration()
        config.host = parsed[host] ?? "127.0.0.1"
        if let port = parsed[Self.port] { config.port = port }
        config.limits.maxBody = parsed[maxBody] ?? config.limits.maxBody
        config.maxConnections = parsed[maxConnections] ?? config.maxConnections
        config.workers = parsed[workers] ?? config.workers
        config.analysisThreads = parsed[analysisThreads] ?? config.analysisThreads
        config.analysisQueue = parsed[analysisQueue] ?? config.analysisQueue
        config.requestTimeout = parsed[requestTimeout] ?? config.requestTimeout
        config.idleTimeout = parsed[idleTimeout] ?? config.idleTimeout

        if parsed[apiKey] != nil && parsed[apiKeyFile] != nil {
            throw UsageError(message: "give --api-key or --api-key-file, not both", command: command)
        }
        var key = parsed[apiKey]
        if let path = parsed[apiKeyFile] {
            // A file that cannot be opened is exit 1, as the help's exit codes say (not a usage error).
            let data: [UInt8]
            switch InputFiles.readFile(path) {
            case .success(let bytes): data = bytes
            case .failure(let error):
                Output.error("comments serve: --api-key-file: \(error)")
                return .someInputFailed
            }
            key = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        if let key, key.isEmpty {
            throw UsageError(message: "the API key is empty", command: command)
        }
        let feedbackLog = try parsed[feedback].map { try FeedbackLog(path: $0) }

        let analyzer = try ModelFiles.analyzer(options: AnalysisOptions(), command: command)
        // Load the lexicons and models now, not on the first request.
        _ = analyzer.analyze(
            Document(
                name: "warm-up", text: "Warm up the models.\nYou idiot, see http://x.example!",
                mode: .separateArticle("The council met.")))
        let service = CommentsService(
            analyzer: analyzer,
            configuration: .init(apiKey: key, feedback: feedbackLog, quiet: parsed[quiet]))
        let server = try HTTPServer(configuration: config, handler: service)
        let signals = [SIGTERM, SIGINT].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { server.stop() }
            source.resume()
            return source
        }
        server.start()
        Output.write("listening on http://\(server.authority)\n")
        Output.flush()
        server.wait()
        for source in signals { source.cancel() }
        if !parsed[quiet] { Output.error("comments serve: stopped") }
        return .success
    }
}
