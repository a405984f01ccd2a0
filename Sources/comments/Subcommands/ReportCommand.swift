import Discourse
import Foundation

/// `comments report INPUT... -o OUT`: self-contained HTML pages (see ``HTMLReport``).
enum ReportCommand {
    static let output = Value<String>.text(
        "--output", short: "o", valueName: "out", hint: .file,
        help:
            "One input: the page to write ('-' for stdout). Several inputs or a directory: a folder for index.html and one page per input."
    )

    static let spec = CommandSpec(
        name: "report",
        abstract:
            "Write a self-contained HTML report: the article, where comments start, a chart of the thread, the scored comments.",
        discussion: [
            "Pages need nothing else to display: no scripts, fonts or stylesheets are fetched, so they work offline and as mail attachments. Sorting the comment table uses a few lines of inline script; with scripts off the table stays in thread order.",
            "Exit codes: 0 all inputs reported, 1 some input failed (it is listed in the index), 2 usage error.",
        ],
        arguments: [InputOptions.argument],
        options: [output.spec, FlagThreshold.option.spec] + InputOptions.specs + BatchOptions.specs,
        requiresArgument: true)

    /// Where the pages go: one file (or stdout), or a folder with an index.
    enum Destination: Equatable {
        case page(String)
        case standardOutput
        case folder(String)
    }

    /// One input that is not a directory makes one page at `-o` (unless `-o` is an existing
    /// folder); anything else makes a folder, and `-o` must then be able to be one.
    static func destination(_ out: String, positionals: [String], items: [InputItem]) throws -> Destination {
        let one = items.count == 1 && positionals.count == 1 && !isDirectory(positionals[0])
        if one {
            if out == "-" { return .standardOutput }
            return isDirectory(out) ? .folder(out) : .page(out)
        }
        func refuse(_ why: String) -> UsageError {
            UsageError(
                message: "-o \(out): \(why); several inputs make a folder with index.html and one page each",
                command: "report")
        }
        if out == "-" { throw refuse("cannot write several pages to stdout") }
        if out.lowercased().hasSuffix(".html") { throw refuse("names a page") }
        if FileManager.default.fileExists(atPath: out) && !isDirectory(out) { throw refuse("is an existing file") }
        return .folder(out)
    }

    static func run(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ArgumentParser.parse(arguments, spec: spec)
        guard let out = parsed[output] else {
            throw UsageError(
                message: "say where to write: -o report.html (one input), -o - or -o OUTDIR", command: spec.name)
        }
        let options = try InputOptions.analysisOptions(parsed, command: spec.name)
        let items = InputOptions.inputs(parsed)
        let reportOptions = HTMLReport.Options(flagThreshold: FlagThreshold.value(parsed))
        let terminal = Terminal.current(color: .never)
        let destination = try destination(out, positionals: parsed.positionals, items: items)
        let single = destination != .folder(out)
        let written = single ? out : (out as NSString).appendingPathComponent("index.html")
        try SameFile.check(
            outputs: [("-o", written)], inputs: InputOptions.readPaths(parsed, items: items), command: spec.name)
        let runner = try InputRunner.configured(parsed, options: options, items: items, terminal: terminal)

        if !single {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                Output.error("comments report: \(out): cannot create the folder (\(error.localizedDescription))")
                return .someInputFailed
            }
        }
        var entries: [HTMLReport.IndexEntry] = []
        var usedNames: Set<String> = ["index.html"]
        var writeFailed = false
        var pagesWritten = 0
        // One page at `-o FILE` or `-o -`: standard input may still turn out to be a stream of
        // several documents (form feeds, JSON Lines), so the page is held until the input ends,
        // and a second document stops the run before anything is written.
        var heldPage: (html: String, entry: HTMLReport.IndexEntry)?
        var severalDocuments = false
        let result = runner.runOutcomes(items) { outcome in
            if single && (heldPage != nil || !entries.isEmpty) {
                severalDocuments = true
                return false
            }
            switch outcome {
            case .failed(let name, let error):
                entries.append(HTMLReport.IndexEntry(file: name, link: nil, error: error.description))
            case .analysed(let report, let document):
                let lines = TextLines.split(document.text)
                let pageName = single ? "" : uniqueName(for: report.file, used: &usedNames)
                let path = single ? out : (out as NSString).appendingPathComponent(pageName)
                let html = HTMLReport.page(
                    report, lines: lines, options: reportOptions, indexLink: single ? nil : "index.html")
                let entry = HTMLReport.IndexEntry(report: report, link: pageName, options: reportOptions)
                if single {
                    heldPage = (html, entry)
                    return true
                }
                guard write(html, to: path) else {
                    writeFailed = true
                    return false
                }
                entries.append(entry)
                pagesWritten += 1
            }
            return true
        }
        if severalDocuments {
            throw UsageError(
                message: "-o \(out): the input holds several documents (a form-feed or JSON Lines stream), "
                    + "so nothing was written; for a page each, give an existing folder (mkdir OUTDIR; -o OUTDIR)",
                command: spec.name)
        }
        if let (html, entry) = heldPage {
            if destination == .standardOutput {
                Output.write(html)
            } else if !write(html, to: out) {
                writeFailed = true
            }
            if !writeFailed {
                entries.append(entry)
                pagesWritten += 1
            }
        }
        if !single && !writeFailed {
            let index = (out as NSString).appendingPathComponent("index.html")
            do {
                try OutputFile.writeWhole(HTMLReport.index(entries, options: reportOptions), to: index)
            } catch {
                Output.error("comments report: \(OutputFile.message(error, path: index))")
                writeFailed = true
            }
        }
        // One input that failed leaves no page: saying "wrote" would send the user to a stale file.
        if !parsed[BatchOptions.quiet] && !writeFailed && destination != .standardOutput
            && (!single || pagesWritten > 0)
        {
            Output.error("comments report: wrote \(written)")
        }
        return result.failed || result.badRecords > 0 || writeFailed ? .someInputFailed : .success
    }

    /// Writes one page to `path`; false (after saying why on stderr) when it cannot be written.
    private static func write(_ html: String, to path: String) -> Bool {
        do {
            try OutputFile.writeWhole(html, to: path)
            return true
        } catch {
            Output.error("comments report: \(OutputFile.message(error, path: path))")
            return false
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// "news/2026/page.txt" → "news_2026_page.html", made unique with "-2", "-3" ….
    static func uniqueName(for file: String, used: inout Set<String>) -> String {
        var base = file.hasSuffix(".txt") ? String(file.dropLast(4)) : file
        while base.hasPrefix("./") || base.hasPrefix("../") { base = String(base.drop { $0 == "." || $0 == "/" }) }
        let safe = String(base.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
        var name = (safe.isEmpty || safe == "_" ? "stdin" : safe) + ".html"
        var n = 2
        while used.contains(name) {
            name = (safe.isEmpty ? "stdin" : safe) + "-\(n).html"
            n += 1
        }
        used.insert(name)
        return name
    }
}
