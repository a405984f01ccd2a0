import Foundation
import Testing

/// `comments completion bash|zsh|fish` and `comments man`, generated from the command specs.
@Suite("Completion and man page")
struct CompletionAndManTests {
    static func shell(_ path: String, _ script: String) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-c", script]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// What bash completes for `words` (the last one being completed) with the generated script.
    static func complete(_ words: [String], script: String) throws -> [String] {
        let array = words.map { "'\($0)'" }.joined(separator: " ")
        let r = try shell(
            "/bin/bash",
            """
            source '\(script)' || exit 3
            COMP_WORDS=(\(array)); COMP_CWORD=\(words.count - 1)
            _comments
            printf '%s\\n' "${COMPREPLY[@]}"
            """)
        #expect(r.status == 0)
        return r.out.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesSubcommandsOptionsAndValues() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let r = try CommandRunner.run(["completion", "bash"])
        #expect(r.status == 0)
        let script = try CommandRunner.temporaryFile(Data(r.stdout.utf8), name: "comments.bash")
        #expect(try Self.shell("/bin/bash", "source '\(script)' && complete -p comments").status == 0)
        #expect(try Self.complete(["comments", "sc"], script: script) == ["score"])
        #expect(Set(try Self.complete(["comments", "s"], script: script)) == ["score", "segment", "serve"])
        #expect(try Self.complete(["comments", "score", "--form"], script: script) == ["--format"])
        #expect(try Self.complete(["comments", "score", "--format", "js"], script: script) == ["json", "jsonl"])
        #expect(try Self.complete(["comments", "segment", "-f", ""], script: script) == ["table", "json", "jsonl"])
        #expect(try Self.complete(["comments", "completion", "z"], script: script) == ["zsh"])
        // Only the options a command declares.
        #expect(try Self.complete(["comments", "export", "--no-c"], script: script).isEmpty)
    }

    @Test func zshAndFishScriptsNameEverySubcommand() throws {
        let zsh = try CommandRunner.run(["completion", "zsh"])
        #expect(zsh.status == 0 && zsh.stdout.hasPrefix("#compdef comments"))
        let fish = try CommandRunner.run(["completion", "fish"])
        #expect(fish.status == 0)
        for sub in CLIConventionsTests.subcommands {
            #expect(zsh.stdout.contains("'\(sub):"), "zsh \(sub)")
            #expect(fish.stdout.contains("-a \(sub) "), "fish \(sub)")
        }
        #expect(fish.stdout.contains("-s f -l format -x -a 'table csv json jsonl'"))
        for (path, shell) in [("/usr/bin/zsh", "zsh"), ("/usr/bin/fish", "fish")]
        where FileManager.default.isExecutableFile(atPath: path) {
            let file = try CommandRunner.temporaryFile(
                Data((shell == "zsh" ? zsh : fish).stdout.utf8), name: "c.\(shell)")
            #expect(
                try Self.shell(path, shell == "zsh" ? "zsh -n '\(file)'" : "fish --no-execute '\(file)'").status == 0)
        }
        let bad = try CommandRunner.run(["completion", "powershell"])
        #expect(bad.status == 2)
        #expect(try CommandRunner.run(["completion"]).status == 2)
    }

    @Test func manPageHasEveryCommandAndOption() throws {
        let r = try CommandRunner.run(["man"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix(".TH COMMENTS 1 "))
        for sub in CLIConventionsTests.subcommands where sub != "man" {
            #expect(r.stdout.contains(".SS \"comments \(sub)"), "\(sub)")
        }
        #expect(r.stdout.contains(".B \"\\-f, \\-\\-format <format>\""))
        // No line may start with a control character that is not a macro of ours.
        for line in r.stdout.split(separator: "\n") where line.hasPrefix(".") || line.hasPrefix("'") {
            #expect(
                ["TH", "SH", "SS", "TP", "PP", "B ", "I ", "RI"].contains(String(line.dropFirst().prefix(2))), "\(line)"
            )
        }
        // Rendered by groff when it is installed (not needed to run the suite).
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let page = try CommandRunner.temporaryFile(Data(r.stdout.utf8), name: "comments.1")
        // Warnings (stderr) first, then the page without overstrike, so that words can be searched.
        let rendered = try Self.shell(
            "/bin/sh", "groff -k -man -Tutf8 -ww '\(page)' 2>&1 >/dev/null; groff -k -man -Tutf8 -P-cbou '\(page)'")
        #expect(rendered.status == 0)
        #expect(rendered.out.contains("COMMANDS") && rendered.out.contains("--format"))
        #expect(!rendered.out.contains("warning:"), "\(rendered.out.prefix(300))")
    }
}
