import Foundation
import Testing

/// The command line behaves as swift-argument-parser, getopt and clap users expect (issue #15).
@Suite("CLI conventions")
struct CLIConventionsTests {
    static let sample = "Samples/council-budget.txt"
    static let subcommands = [
        "score", "segment", "triage", "export", "report", "columns", "serve", "completion", "man",
    ]

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws
        -> CommandRunner.Result
    {
        try CommandRunner.run(arguments, stdin: stdin, environment: environment, directory: CommandRunner.packageRoot)
    }

    /// Display columns of `line` (emoji and CJK count two), as a terminal shows it.
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { width, s in
            let v = s.value
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            {
                return width + 2
            }
            return width + 1
        }
    }

    static func widest(_ text: String) -> (Int, String) {
        let lines = text.split(separator: "\n")
        let widest = lines.max { columns($0) < columns($1) } ?? ""
        return (columns(widest), String(widest))
    }

    @Test func aloneShowsHelpOnStdoutAndExitsZero() throws {
        let r = try Self.run([])
        #expect(r.status == 0)
        #expect(r.stdout.contains("SUBCOMMANDS:") && r.stdout.contains("USAGE: comments <subcommand>"))
        #expect(r.stderr.isEmpty)
    }

    @Test func unknownOptionSuggestsAndShowsUsage() throws {
        let r = try Self.run(["score", "--form", "csv", Self.sample])
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.first == "Error: unknown option '--form'. Did you mean '--format'?")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: comments score <input> ...") == true)
        #expect(lines.last?.contains("See 'comments score --help' for more information.") == true)
        #expect(r.stdout.isEmpty)
    }

    @Test func unknownSubcommandSuggests() throws {
        let r = try Self.run(["scroe", Self.sample])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("Error: unknown subcommand 'scroe'. Did you mean 'score'?"))
        let option = try Self.run(["--foo"])
        #expect(option.status == 2)
        #expect(option.stderr.hasPrefix("Error: unknown option '--foo'"))
        #expect(!option.stderr.contains("subcommand '--foo'"))
    }

    @Test func attachedAndBundledShortOptions() throws {
        let reference = try Self.run(["score", "--format", "csv", "--quiet", Self.sample])
        #expect(reference.status == 0)
        #expect(reference.stdout.hasPrefix("file,comment,"))
        for form in [["-fcsv"], ["-f=csv"], ["-qf", "csv"], ["-qfcsv"], ["--format=csv"]] {
            let r = try Self.run(["score"] + form + [Self.sample])
            #expect(r.status == 0, "\(form): \(r.stderr)")
            #expect(r.stdout == reference.stdout, "\(form)")
        }
        let jobs = try Self.run(["score", "-qj1", "-fcsv", Self.sample])
        #expect(jobs.stdout == reference.stdout)
    }

    @Test func unexpectedArgumentsAndRepeatedOptionsAreRefused() throws {
        let extra = try Self.run(["columns", "extra"])
        #expect(extra.status == 2)
        #expect(extra.stderr.hasPrefix("Error: unexpected argument 'extra'"))
        #expect(try Self.run(["serve", "extra"]).status == 2)
        #expect(try Self.run(["serve", "--analysis-threads", "0"]).status == 2)
        #expect(try Self.run(["serve", "--analysis-queue", "0"]).status == 2)
        let twice = try Self.run(["score", "-f", "csv", "--format", "json", Self.sample])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("--format given twice"))
        let badValue = try Self.run(["score", "--jobs", "0", Self.sample])
        #expect(badValue.status == 2)
        #expect(badValue.stderr.contains("--jobs expects a whole number in 1...256, got '0'"))
        let badChoice = try Self.run(["score", "-f", "xml", Self.sample])
        #expect(badChoice.stderr.contains("expects one of table, csv, json, jsonl, got 'xml'"))
    }

    @Test func helpLayoutAndWidth() throws {
        for sub in Self.subcommands {
            let r = try Self.run([sub, "--help"], environment: ["COLUMNS": "80"])
            #expect(r.status == 0, "\(sub)")
            #expect(r.stdout.contains("USAGE: comments \(sub)"), "\(sub)")
            #expect(r.stdout.contains("  -h, --help "), "\(sub)")
            let (width, line) = Self.widest(r.stdout)
            #expect(width <= 80, "\(sub) --help: \(width) columns: \(line)")
        }
        let score = try Self.run(["score", "--help"], environment: ["COLUMNS": "80"]).stdout
        #expect(score.contains("  -f, --format <format>   "))
        #expect(score.contains("ARGUMENTS:\n  <input> ...   "))
        #expect(score.contains("--color <when>") && score.contains("--no-color"))
        // Options only where they apply: export and report print no colour.
        for sub in ["export", "report", "columns"] {
            #expect(!(try Self.run([sub, "--help"]).stdout.contains("--no-color")), "\(sub)")
        }
        #expect(try Self.run(["export", "--no-color", "--csv", "-", Self.sample]).status == 2)
        // Narrow terminals wrap too.
        let narrow = try Self.run(["triage", "--help"], environment: ["COLUMNS": "50"]).stdout
        #expect(Self.widest(narrow).0 <= 50)
        let root = try Self.run(["--help"], environment: ["COLUMNS": "80"]).stdout
        #expect(Self.widest(root).0 <= 80)
        #expect(try Self.run(["help", "score"]).stdout == (try Self.run(["score", "--help"]).stdout))
        for asked in [["help", "help"], ["help", "--help"]] {
            let r = try Self.run(asked)
            let overview = try Self.run(["--help"]).stdout
            #expect(r.status == 0 && r.stdout == overview, "\(asked)")
        }
    }

    @Test func columnsFitTheTerminal() throws {
        let r = try Self.run(["columns"], environment: ["COLUMNS": "80"])
        #expect(r.status == 0)
        let (width, line) = Self.widest(r.stdout)
        #expect(width <= 80, "\(width): \(line)")
        #expect(r.stdout.contains("  priority  "))
    }

    @Test func tablesFitTheTerminal() throws {
        // A deep path makes the "where" column wider than the terminal leaves room for.
        let deep = try CommandRunner.temporaryFile(
            try Data(contentsOf: CommandRunner.packageRoot.appending(path: Self.sample)),
            name: "a-rather-long-directory-name-for-a-news-site-archive-page-2026.txt")
        for arguments in [
            ["triage", "--top", "10", "--format", "table", "Samples", deep],
            ["score", "--format", "table", "Samples", deep],
            ["segment", "--format", "table", "Samples", deep],
        ] {
            let r = try Self.run(arguments, environment: ["COLUMNS": "80"])
            #expect(r.status == 0)
            let (width, line) = Self.widest(r.stdout)
            #expect(width <= 80, "\(arguments[0]): \(width) columns: \(line)")
        }
    }

    @Test func colorChoice() throws {
        let always = try Self.run(["score", "--format", "table", "--color", "always", Self.sample])
        #expect(always.stdout.contains("\u{1B}["))
        let never = try Self.run(
            ["score", "--format", "table", "--color=never", Self.sample], environment: ["NO_COLOR": ""])
        #expect(!never.stdout.contains("\u{1B}["))
        #expect(try Self.run(["score", "--color", "sometimes", Self.sample]).status == 2)
    }

    @Test func segmentJSONLines() throws {
        let r = try Self.run([
            "segment", "--format", "jsonl", "Samples/council-budget.txt", "Samples/comments-only.txt",
        ])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["file"] is String)
        }
    }

    @Test func emptyStandardInputWarns() throws {
        let r = try Self.run(["score", "--format", "csv", "-"], stdin: Data())
        #expect(r.status == 0)
        #expect(r.stderr.contains("standard input is empty"))
        let quiet = try Self.run(["score", "--format", "csv", "--quiet", "-"], stdin: Data())
        #expect(!quiet.stderr.contains("empty"))
    }

    /// A document named by its "id" still came from stdin: no "standard input is empty".
    @Test func standardInputWithIDsIsNotEmpty() throws {
        let record = #"{"id": "doc1", "article": "The council met on Tuesday.", "comments": ["Great."]}"#
        let r = try Self.run(["export", "--jsonl", "-", "-"], stdin: Data((record + "\n").utf8))
        #expect(r.status == 0 && r.stdout.contains(#""file":"doc1""#))
        #expect(!r.stderr.contains("empty"), "\(r.stderr)")
    }

    /// Output that stdout did not take (a full disk) fails the run with a message, as `export` does.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func lostOutputIsAnError() throws {
        for arguments in [["score", "--format", "csv", Self.sample], ["columns"], ["--help"]] {
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = arguments
            process.currentDirectoryURL = CommandRunner.packageRoot
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            let err = Pipe()
            process.standardError = err
            try process.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(arguments)")
            #expect(message.contains("stdout: cannot write"), "\(arguments): \(message)")
        }
    }

    /// `--jobs` beyond the documented 256 is refused (it was silently capped), without overflowing.
    @Test func hugeJobCountsAreRefused() throws {
        let r = try Self.run(["score", "--format", "csv", "--jobs", "\(Int.max)", Self.sample])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr.contains("--jobs expects a whole number in 1...256"))
    }

    /// A comment cannot command the terminal: control characters in table cells are shown as U+FFFD.
    @Test func controlCharactersNeverReachTheTerminal() throws {
        let path = try CommandRunner.temporaryFile(Data("A comment in \u{1B}[31mred\u{1B}]0;title\u{07} here\n".utf8))
        for command in ["score", "segment", "triage"] {
            let r = try Self.run([command, "--all-comments", "--format", "table", path])
            #expect(r.status == 0)
            #expect(!r.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(command)")
            if command != "triage" {  // the triage table may list no comment below its priority floor
                #expect(r.stdout.contains("\u{FFFD}[31mred"), "\(command): \(r.stdout)")
            }
        }
    }

    /// Documents of a JSON Lines stream are named by their "id": the check for stdin went by the
    /// name ("-" or a content name) and warned that a stream of such documents was empty.
    @Test func aStreamOfDocumentsWithIdsIsNotEmpty() throws {
        let stream = #"{"id": "a1", "text": "The council met.\n\nGreat news for the town."}"# + "\n"
        for command in [["score", "--format", "csv"], ["export", "--jsonl", "-"], ["triage"]] {
            let r = try Self.run(command + ["--all-comments", "-"], stdin: Data(stream.utf8))
            #expect(r.status == 0, "\(command[0]): \(r.stderr)")
            #expect(!r.stderr.contains("empty"), "\(command[0]): \(r.stderr)")
            #expect(r.stdout.contains("a1"), "\(command[0])")
        }
    }

    @Test func twoCSVStreamsOnStdoutAreRefused() throws {
        let r = try Self.run(["export", "--csv", "-", "--summary", "-", Self.sample])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot both go to stdout"))
        #expect(r.stdout.isEmpty)
    }

    @Test func formulaGuardCanBeTurnedOffWhereverCSVIsWritten() throws {
        let input = Data("=HYPERLINK(\"http://x.example\") nice article\n-5 stars, would not read again\n".utf8)
        for command in [["score", "--format", "csv"], ["triage", "--format", "csv"], ["export", "--csv", "-"]] {
            let guarded = try Self.run(command + ["--all-comments", "-"], stdin: input)
            #expect(guarded.status == 0, "\(command[0]): \(guarded.stderr)")
            #expect(
                guarded.stdout.contains("\"'=HYPERLINK(") && guarded.stdout.contains("\"'-5 stars"), "\(command[0])")
            let raw = try Self.run(command + ["--all-comments", "--no-formula-guard", "-"], stdin: input)
            #expect(raw.status == 0, "\(command[0]): \(raw.stderr)")
            #expect(raw.stdout.contains("\"=HYPERLINK(") && raw.stdout.contains("\"-5 stars"), "\(command[0])")
            // Numbers are never guarded, so negative sentiment stays a number.
            #expect(!guarded.stdout.contains(",'-0."), "\(command[0])")
        }
    }
}
