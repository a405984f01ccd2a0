import Discourse
import Foundation

/// Options of every command that runs over many inputs.
enum BatchOptions {
    static let jobs = Value<Int>.integer(
        "--jobs", short: "j", in: 1...OrderedParallelMap.maximumJobs,
        help: "Analyse <n> files at once, at most 256. (default: the number of cores)")
    static let quiet = Flag(
        "--quiet", short: "q",
        help:
            "No progress bar and no warnings on stderr; errors still show (and files withheld by --min-confidence, where offered)."
    )

    static let specs: [OptionSpec] = [jobs.spec, quiet.spec]

    /// The number of inputs analysed at once: `--jobs`, or one per core.
    static func jobCount(_ parsed: ParsedArguments) -> Int {
        parsed[jobs] ?? ProcessInfo.processInfo.activeProcessorCount
    }

    /// `--min-confidence`, for the commands that write comment rows (score, triage, export).
    static let minConfidence = Value<Double>.number(
        "--min-confidence", in: 0...1,
        help: "Drop the comments of files whose segmentation confidence is below <x>; each is reported.")
}

/// Reads and analyses inputs on `jobs` threads and hands each result to the caller in input order,
/// reporting failures and warnings on stderr without stopping the run.
struct InputRunner {
    var analyzer: Analyzer
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    var quiet = false
    var progress: ProgressBar?
    /// Files whose segmentation confidence is below this keep no comments (`--min-confidence`).
    var minConfidence: Double?

    init(analyzer: Analyzer, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, quiet: Bool = false) {
        self.analyzer = analyzer
        self.jobs = jobs
        self.quiet = quiet
    }

    /// The runner of an analysing subcommand: `--jobs`, `--quiet`, and a progress bar when stderr is
    /// a terminal (with a total unless documents come from stdin).
    static func configured(
        _ parsed: ParsedArguments, options: AnalysisOptions, items: [InputItem], terminal: Terminal
    ) throws -> InputRunner {
        let quiet = parsed[BatchOptions.quiet]
        var runner = InputRunner(
            analyzer: try ModelFiles.analyzer(options: options, command: parsed.command.name),
            jobs: BatchOptions.jobCount(parsed), quiet: quiet)
        if parsed.command.options.contains(where: { $0.long == BatchOptions.minConfidence.spec.long }) {
            runner.minConfidence = parsed[BatchOptions.minConfidence]
        }
        runner.progress = ProgressBar(
            terminal: terminal, quiet: quiet, total: items.contains(.standardInput) ? nil : items.count)
        return runner
    }

    /// Calls `render` with each analysed report, in input order; returns the exit code. With
    /// `streaming`, large files have their rows written by it instead (their reports reach `render`
    /// without rows).
    func run(
        _ items: [InputItem], streaming: RowStreaming? = nil, render: (FileReport, Document) -> Void
    ) -> ExitCode {
        let result = runOutcomes(
            items, render: { _ in () }, streaming: streaming,
            handle: { outcome, _ in
                if case .analysed(let report, let document) = outcome { render(report, document) }
                return true
            })
        return result.failed || result.badRecords > 0 ? .someInputFailed : .success
    }

    /// Calls `handle` with every outcome (failures included, already reported), in input order.
    /// `handle` returns false to stop early (e.g. after Ctrl-C). `failed` is about inputs that could
    /// not be read; bad records of a stdin document stream are counted apart in `badRecords`.
    func runOutcomes(
        _ items: [InputItem], handle: (BatchOutcome) -> Bool
    ) -> (failed: Bool, stopped: Bool, badRecords: Int) {
        runOutcomes(items, render: { _ in () }, handle: { outcome, _ in handle(outcome) })
    }

    /// ``runOutcomes(_:handle:)`` with a `render` step that runs on the worker threads right after
    /// each analysis (formatting rows is a tenth of an export's work; on the consuming thread it
    /// held back the speed-up), its result handed to `handle` in input order with the outcome.
    ///
    /// With `streaming`, a file at least ``RowStreaming/minimumBytes`` long is not analysed on a
    /// worker: when its turn comes, the consuming thread streams it (``CommentStream``; a page is
    /// segmented in passes over the file first), writing its rows through `streaming` as they are
    /// scored, and `handle` gets its report (no rows, their tally) and what `render` makes of it.
    func runOutcomes<Rendered: Sendable>(
        _ items: [InputItem], render: @escaping @Sendable (BatchOutcome) -> Rendered,
        streaming: RowStreaming? = nil, handle: (BatchOutcome, Rendered) -> Bool
    ) -> (failed: Bool, stopped: Bool, badRecords: Int) {
        let batch = BatchAnalyzer(analyzer: analyzer)
        var failed = false
        var badRecords = 0
        var stopped = false
        // Set when stdin yields a document, whatever it is named (a record's "id" names it):
        // `next` is only called under the map's own lock, and this is read after the map ends.
        var sawStandardInput = false
        let pull = BatchAnalyzer.items(items) { DocumentStream(fileDescriptor: 0) }
        let next: () -> BatchItem? = {
            let item = pull()
            if case .document? = item { sawStandardInput = true }
            return item
        }
        let minimum = minConfidence
        let streamAt = streaming.map(\.minimumBytes)
        let transform: @Sendable (BatchItem) -> Work<Rendered> = { item in
            if let streamAt, case .input(.file(let path)) = item, RowStreaming.size(of: path) >= streamAt {
                return .stream(path)
            }
            var outcome = batch.process(item)
            if let minimum, case .analysed(var report, let document) = outcome {
                report.withhold(belowConfidence: minimum)
                outcome = .analysed(report, document)
            }
            return .done(outcome, render(outcome))
        }
        OrderedParallelMap.run(jobs: jobs, next: next, transform: transform) { work in
            let outcome: BatchOutcome
            let rendered: Rendered
            var reported = false
            var writeFailed = false
            switch work {
            case .done(let o, let r):
                (outcome, rendered) = (o, r)
            case .stream(let path):
                (outcome, reported, writeFailed) = stream(path, streaming!, batch: batch)
                rendered = render(outcome)  // no rows: they were written as they came
            }
            if case .failed(_, let error) = outcome {
                if case .badRecord = error { badRecords += 1 } else { failed = true }
            }
            if !reported { for message in messages(outcome) { Output.error(message) } }
            // A streamed file whose rows stopped part-way (Ctrl-C, a failed write) is not handed
            // on: a summary row would call it done and count rows that were never written.
            let keepGoing = !writeFailed && handle(outcome, rendered)
            if case .analysed(let report, _) = outcome {
                progress?.advance(comments: report.commentCount)
            } else {
                progress?.advance(comments: 0)
            }
            if !keepGoing { stopped = true }
            return keepGoing
        }
        progress?.finish()
        if items.contains(.standardInput), !sawStandardInput, !stopped, !quiet {
            Output.error("comments: -: warning: standard input is empty")
        }
        Output.flush()
        return (failed, stopped, badRecords)
    }

    /// What stderr says about an outcome before its rows: the failure, or (unless `--quiet`) the
    /// input's warnings.
    func messages(_ outcome: BatchOutcome) -> [String] {
        switch outcome {
        case .failed(_, let error):
            return ["comments: \(error)"]
        case .analysed(let report, let document):
            // A withheld file is named even with --quiet, as a failed one is: its rows are missing.
            let withheld = report.withheld.map { ["comments: \(report.file): no rows: \($0)"] } ?? []
            guard !quiet else { return withheld }
            var messages: [String] = []
            if document.text.isEmpty {
                messages.append("comments: \(document.name): warning: file is empty")
            }
            messages += report.warnings.map { "comments: \($0)" }
            return messages + withheld
        }
    }
}

/// A worker's result: the analysed (and rendered) input, or a file the consumer streams.
enum Work<Rendered: Sendable>: Sendable {
    case done(BatchOutcome, Rendered)
    case stream(String)
}
