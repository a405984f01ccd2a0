import CommentsServer
import Discourse
import Dispatch
import Foundation

/// `comments serve`: an offline, Perspective-compatible moderation endpoint (see README "Replace
/// Perspective API").
enum ServeCommand {
    static let spec = CommandSpec(
        name: "serve",
        abstract: "Answer Perspective API (and /v1/analyze) requests over HTTP.",
        usage: "comments serve [--host ADDRESS] [--port N] [--api-key KEY | --api-key-file FILE] [options]",
        options: [
            OptionSpec("--host", value: "ADDRESS", help: "IP address to listen on (default 127.0.0.1)."),
            OptionSpec("--port", "-p", value: "N", help: "TCP port (default 8080; 0 picks a free port)."),
            OptionSpec("--api-key", value: "KEY", help: "Require ?key=KEY (or X-Goog-Api-Key) on every endpoint but /healthz."),
            OptionSpec("--api-key-file", value: "FILE", help: "The same, with the key read from FILE (first line)."),
            OptionSpec("--feedback", value: "FILE", help: "Append comments:suggestscore feedback to FILE as JSON Lines."),
            OptionSpec("--max-body", value: "BYTES", help: "Largest request body (default 65536); larger gets 413."),
            OptionSpec("--max-connections", value: "N", help: "Connections open at once (default 1024); more get 503."),
            OptionSpec("--request-timeout", value: "SECONDS", help: "Time to send one request (default 10); slower gets 408."),
            OptionSpec("--idle-timeout", value: "SECONDS", help: "Keep-alive connections idle longer are closed (default 60)."),
            OptionSpec("--workers", value: "N", help: "Worker threads (default: the number of cores)."),
            OptionSpec("--quiet", "-q", help: "No log line per request on stderr."),
        ],
        discussion: """
            Endpoints: POST /v1alpha1/comments:analyze, POST /v1alpha1/comments:suggestscore (Perspective's
            shapes), POST /v1/analyze (the JSON of 'comments score --format json'), GET /healthz, GET /metrics.
            Prints 'listening on http://HOST:PORT' on stdout once ready. Nothing is stored unless --feedback
            is given. SIGTERM or SIGINT: stop accepting, finish the requests in flight, exit 0.
            Exit codes: 0 stopped by SIGTERM/SIGINT, 1 could not listen or open a file, 2 usage error.
            """)

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        if let extra = parsed.positionals.first {
            throw UsageError(message: "serve takes no input ('\(extra)')", command: spec.name)
        }
        let command = spec.name
        var config = ServerConfiguration()
        config.host = parsed.value("--host") ?? "127.0.0.1"
        if let port = try parsed.integer("--port", atLeast: 0, command: command) {
            guard port <= 65535 else {
                throw UsageError(message: "--port expects a whole number in 0...65535, got '\(port)'", command: command)
            }
            config.port = port
        }
        config.limits.maxBody = try parsed.integer("--max-body", atLeast: 1, command: command) ?? config.limits.maxBody
        config.maxConnections =
            try parsed.integer("--max-connections", atLeast: 1, command: command) ?? config.maxConnections
        config.workers = try parsed.integer("--workers", atLeast: 1, command: command) ?? config.workers
        config.requestTimeout =
            try parsed.number("--request-timeout", in: 0.1...3600, command: command) ?? config.requestTimeout
        config.idleTimeout = try parsed.number("--idle-timeout", in: 0.1...86400, command: command) ?? config.idleTimeout

        if parsed.value("--api-key") != nil && parsed.value("--api-key-file") != nil {
            throw UsageError(message: "give --api-key or --api-key-file, not both", command: command)
        }
        var apiKey = parsed.value("--api-key")
        if let path = parsed.value("--api-key-file") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError(message: "--api-key-file: cannot read \(path)", command: command)
            }
            apiKey = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        if let key = apiKey, key.isEmpty {
            throw UsageError(message: "the API key is empty", command: command)
        }
        let feedback = try parsed.value("--feedback").map { try FeedbackLog(path: $0) }

        let analyzer = try ModelFiles.analyzer(options: AnalysisOptions(), command: command)
        // Load the lexicons and models now, not on the first request.
        _ = analyzer.analyze(Document(name: "warm-up", text: "Warm up the models.\nYou idiot, see http://x.example!", mode: .separateArticle("The council met.")))
        let service = CommentsService(
            analyzer: analyzer,
            configuration: .init(apiKey: apiKey, feedback: feedback, quiet: parsed.flag("--quiet")))
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
        signals.forEach { $0.cancel() }
        if !parsed.flag("--quiet") { Output.error("comments serve: stopped") }
        return .success
    }
}
