import Foundation

/// Runs the built `comments` executable, for end-to-end tests of the command-line contract.
///
/// The binary sits next to the test bundle in the build products folder (SwiftPM builds it because
/// this test target depends on the `comments` target).
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [
            products.appending(path: "comments"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "comments"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// The package root (for Samples/).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func sample(_ name: String) -> String {
        packageRoot.appending(path: "Samples").appending(path: name).path
    }

    /// Runs `comments arguments…`, feeding `stdin` when given; environment is inherited minus colour.
    /// - Parameter directory: the working directory (default: the test's own), so that outputs can
    ///   name inputs by paths relative to it.
    static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], directory: URL? = nil,
        executable: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["COLUMNS"] = "120"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read both pipes concurrently so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `script` with /bin/sh, `$0` being the `comments` binary (for closed descriptors:
    /// `"$0" score x.txt >&-`); stdout and stderr are what the script leaves on them.
    /// - Parameter unprivileged: run as user nobody when the tests run as root (so that a mode 000
    ///   folder is unreadable); nil when that is not possible here.
    static func shell(_ script: String, directory: URL? = nil, unprivileged: Bool = false) throws -> Result? {
        var arguments = ["-c", script, binary.path]
        if unprivileged && geteuid() == 0 {
            let setpriv = "/usr/bin/setpriv"
            guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh"] + arguments
            return try run(arguments, directory: directory, executable: URL(fileURLWithPath: setpriv))
        }
        return try run(arguments, directory: directory, executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// Writes `contents` to a fresh temporary file and returns its path.
    static func temporaryFile(_ contents: Data, name: String = "input.txt") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appending(path: "comments-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appending(path: name)
        try contents.write(to: url)
        return url.path
    }
}
