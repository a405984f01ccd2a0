import Discourse
import Foundation

/// `comments export INPUT... --csv OUT | --jsonl OUT | -o OUT`: one row per comment for research
/// corpora, files analysed in parallel, rows written in input order as soon as each input is done.
enum ExportCommand {
    enum Format: Sendable {
        case csv, jsonl
    }

    static let csvOut = Value<String>.text(
        "--csv", valueName: "out", hint: .file, help: "Write CSV (RFC 4180, UTF-8) to <out> ('-' for stdout).")
    static let jsonlOut = Value<String>.text(
        "--jsonl", valueName: "out", hint: .file,
        help: "Write JSON Lines (one object per comment) to <out> ('-' for stdout).")
    static let output = Value<String>.text(
        "--output", short: "o", valueName: "out", hint: .file,
        help: "Write to <out>; the format comes from its extension (.csv, .jsonl).")
    static let summary = Value<String>.text(
        "--summary", valueName: "out", hint: .file,
        help: "Also write one CSV row per input (failures included) to <out> ('-' for stdout).")
    static let excel = Flag("--excel", help: "Start CSV files with a UTF-8 byte-order mark (what Excel expects).")
    static let strict = Flag(
        "--strict", help: "Exit 1 when a record of a stdin document stream is malformed (default: go on, exit 0).")

    static let spec = CommandSpec(
        name: "export",
        abstract: "Write every comment of every input, with all its scores, to CSV or JSON Lines.",
        discussion: [
            "Inputs are files, directories (searched for *.txt) and - for standard input. On stdin, documents are separated by a line holding only a form feed (\\f), or given as JSON Lines: {\"id\": …, \"text\": \"<article then comments>\"} or {\"id\": …, \"article\": \"…\", \"comments\": [\"…\"]} (or \"comments\" alone, as --all-comments). So 'comments export --jsonl - -' is a streaming filter (e.g. the map step of Hadoop Streaming): a document without \"id\" is named by a hash of its content; a malformed record is reported on stderr with its record number, line and id, counted, written to JSON Lines output as {\"id\": …, \"record\": N, \"line\": N, \"error\": \"…\"}, and the run goes on (exit 0; 1 with --strict). Each document's rows are written as soon as it is done.",
            "Rows come out in input order whatever --jobs is. Ctrl-C stops after the input being written: the output ends with a complete row.",
            "Exit codes: 0 all inputs analysed (malformed stream records included, unless --strict), 1 some input failed (reported, and a summary row), 2 usage error, 130 interrupted.",
        ],
        arguments: [InputOptions.argument],
        options: [
            csvOut.spec, jsonlOut.spec, output.spec, summary.spec, excel.spec, CSVOptions.noFormulaGuard.spec,
            FlagThreshold.option.spec, strict.spec,
        ] + InputOptions.specs + BatchOptions.specs + [BatchOptions.minConfidence.spec],
        customUsage: "comments export <input> ... (--csv <out> | --jsonl <out> | -o <out>) [<options>]",
        requiresArgument: true)

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        let (format, path) = try destination(parsed)
        let summaryPath = parsed[summary]
        if path == "-" && summaryPath == "-" {
            throw UsageError(
                message: "the rows and --summary cannot both go to stdout; write one of them to a file",
                command: spec.name)
        }
        let options = try InputOptions.analysisOptions(parsed, command: spec.name)
        // With a second core to use, the models are built while the folders are searched.
        if BatchOptions.jobCount(parsed) > 1 { ModelWarmUp.start() }
        let items = InputOptions.inputs(parsed)
        let rowsOption = parsed[csvOut] != nil ? "--csv" : parsed[jsonlOut] != nil ? "--jsonl" : "-o"
        try SameFile.check(
            outputs: [(rowsOption, path)] + (summaryPath.map { [("--summary", $0)] } ?? []),
            inputs: InputOptions.readPaths(parsed, items: items), command: spec.name)
        let threshold = FlagThreshold.value(parsed)
        let terminal = Terminal.current(color: .never)
        let csv = CSVOptions.writer(parsed)
        let bom = parsed[excel] ? "\u{FEFF}" : ""
        let columns = CommentColumns.all(explain: options.explain)

        let output: OutputFile
        var summary: OutputFile?
        do {
            output = try OutputFile(path: path)
            summary = try summaryPath.map(OutputFile.init(path:))
            if format == .csv { try output.write(bom + csv.header(columns)) }
            try summary?.write(bom + csv.record(SummaryColumns.all.map(\.name)))
        } catch {
            Output.error("comments export: \(error)")
            return .someInputFailed
        }
        defer {
            output.close()
            summary?.close()
        }

        Interrupt.install()
        let runner = try InputRunner.configured(parsed, options: options, items: items, terminal: terminal)
        let summaryOptions = SummaryOptions(flagThreshold: threshold)
        var writeError: Error?
        var written = 0
        // Bytes, not a string: the CSV rows are written as bytes and go to the file as they are.
        let render: @Sendable (BatchOutcome) -> [UInt8] = { outcome in
            guard case .analysed(let report, _) = outcome else {
                guard format == .jsonl, case .failed(_, let error) = outcome else { return [] }
                return Array((ErrorRecord.jsonl(error) ?? "").utf8)
            }
            guard format == .csv else { return Array(ScoreRenderer.jsonl(report, columns: columns).utf8) }
            var rows = CSVBytes()
            ScoreRenderer.csvRows(report, writer: csv, columns: columns, into: &rows)
            return rows.bytes
        }
        let streaming = RowStreaming(
            trend: summary != nil, flagThreshold: threshold,
            render: { row, file in
                format == .csv
                    ? ScoreRenderer.csvRow(row, file: file, writer: csv, columns: columns)
                    : ScoreRenderer.jsonlRow(row, file: file, columns: columns)
            },
            write: { rows in
                // Ctrl-C inside a streamed file: stop at the last full chunk of rows.
                guard !Interrupt.requested else { return false }
                do {
                    try output.write(rows)
                    return true
                } catch {
                    writeError = error
                    return false
                }
            })
        let result = runner.runOutcomes(items, render: render, streaming: streaming) { outcome, rows in
            do {
                if !rows.isEmpty { try output.write(rows) }
                if let summary {
                    let named = Self.namedByID(outcome)
                    let cells = SummaryColumns.all.map {
                        csv.cell($0.value(named, options: summaryOptions), kind: $0.kind)
                    }
                    try summary.write(csv.record(cells))
                }
            } catch {
                writeError = error
                return false
            }
            written += 1
            return !Interrupt.requested
        }
        if let writeError {
            Output.error("comments export: \(writeError)")
            return .someInputFailed
        }
        if result.stopped {
            // Short enough for an 80-column terminal with a five-digit count.
            Output.error(
                "comments export: interrupted after \(written) input\(written == 1 ? "" : "s"); output ends at a full row"
            )
            return .interrupted
        }
        if result.badRecords > 0 {
            let n = result.badRecords
            Output.error(
                "comments export: \(n) malformed record\(n == 1 ? "" : "s") in the input stream"
                    + (format == .jsonl ? ", written as error records" : ", left out of the rows"))
        }
        return result.failed || (result.badRecords > 0 && parsed[strict]) ? .someInputFailed : .success
    }

    /// A malformed record of a stdin stream named by its id when it has one (not "-"), so that its
    /// summary row joins its error record and the rows of the other documents by `file`.
    static func namedByID(_ outcome: BatchOutcome) -> BatchOutcome {
        guard case .failed(_, let error) = outcome, case .badRecord(_, _, _, let id?, _) = error else { return outcome }
        return .failed(name: id, error: error)
    }

    /// The format and path from --csv, --jsonl or -o (exactly one).
    static func destination(_ parsed: ParsedArguments) throws -> (format: Format, path: String) {
        var choices: [(Format, String)] = []
        if let p = parsed[csvOut] { choices.append((.csv, p)) }
        if let p = parsed[jsonlOut] { choices.append((.jsonl, p)) }
        if let p = parsed[output] {
            let lower = p.lowercased()
            if lower.hasSuffix(".csv") {
                choices.append((.csv, p))
            } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
                choices.append((.jsonl, p))
            } else {
                throw UsageError(
                    message: "-o \(p): cannot tell the format from the extension; use .csv or .jsonl, or --csv/--jsonl",
                    command: "export")
            }
        }
        guard choices.count == 1 else {
            throw UsageError(
                message: choices.isEmpty
                    ? "say where to write: --csv OUT, --jsonl OUT or -o OUT" : "give only one of --csv, --jsonl, -o",
                command: "export")
        }
        return choices[0]
    }
}
