import Discourse
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--color auto|always|never`.
enum ColorChoice: String, CaseIterable, Sendable {
    /// On a terminal, unless `NO_COLOR` is set (or `TERM=dumb`).
    case auto
    case always
    case never
}

/// What the process is attached to: decides table vs machine formats, colour and progress output.
struct Terminal {
    var stdoutIsTerminal: Bool
    var stderrIsTerminal: Bool
    /// Columns for tables on stdout (COLUMNS, else the size of the terminal on stdout, else 100).
    var width: Int
    /// Colour on stdout.
    var color: Bool

    static func current(color choice: ColorChoice = .auto) -> Terminal {
        let out = isatty(STDOUT_FILENO) == 1
        let err = isatty(STDERR_FILENO) == 1
        let environment = ProcessInfo.processInfo.environment
        let width = columnsVariable ?? size(of: STDOUT_FILENO) ?? 100
        let color: Bool
        switch choice {
        case .always: color = true
        case .never: color = false
        case .auto:
            let noColor = (environment["NO_COLOR"].map { !$0.isEmpty } ?? false) || environment["TERM"] == "dumb"
            color = out && !noColor
        }
        return Terminal(stdoutIsTerminal: out, stderrIsTerminal: err, width: width, color: color)
    }

    /// The narrowest width tables and help are laid out for; a narrower terminal gets this many.
    static let minimumWidth = 21

    /// `COLUMNS` when it is set to a positive number (at least ``minimumWidth``).
    static var columnsVariable: Int? {
        ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).flatMap {
            $0 > 0 ? max($0, minimumWidth) : nil
        }
    }

    /// Columns of the terminal on `fd` (ioctl TIOCGWINSZ), nil when it is not a terminal.
    static func size(of fd: Int32) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return max(Int(size.ws_col), minimumWidth)
    }

    /// Width of help text: COLUMNS, else the terminal on stdout, else 80 (swift-argument-parser's).
    static var helpWidth: Int { columnsVariable ?? size(of: STDOUT_FILENO) ?? 80 }

    /// Width of the progress line: the terminal it is drawn on (stderr) itself, so that it never
    /// wraps whatever stdout is redirected to.
    static var stderrWidth: Int { size(of: STDERR_FILENO) ?? columnsVariable ?? 80 }
}

/// Buffered writes to stdout and stderr (C stdio), and the progress line on stderr.
///
/// The progress line is erased before anything else reaches the terminal: before a message on
/// stderr, and before output on stdout when stdout is a terminal too; stdout is flushed before the
/// line is drawn, so rows never land after it on the same screen line.
enum Output {
    /// Nil when descriptor 1 takes no writes (it was closed when the run began): every write fails.
    nonisolated(unsafe) static let out = fdopen(STDOUT_FILENO, "w")
    /// Nil when descriptor 2 takes no writes: messages are dropped.
    nonisolated(unsafe) static let err = fdopen(STDERR_FILENO, "w")
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
    /// Whether a progress line is on the screen now (written only from the consuming thread).
    nonisolated(unsafe) private static var progressShown = false

    /// Why stdout first failed to take output (full disk, closed descriptor), if it did.
    nonisolated(unsafe) private static var stdoutFailure: String?

    static func write(_ text: String) {
        if stdoutIsTerminal { eraseProgress() }
        guard let out else { return noteFailure(EBADF) }
        var copy = text
        copy.withUTF8 { buffer in
            if fwrite(buffer.baseAddress, 1, buffer.count, out) < buffer.count { noteFailure() }
        }
    }

    private static func noteFailure(_ code: Int32 = errno) {
        if stdoutFailure == nil { stdoutFailure = String(cString: strerror(code)) }
    }

    /// Flushes stdout and returns the command's exit code, or 1 with a message when any output was
    /// lost: a run whose rows did not all arrive must not look like a success to a script.
    static func finish(_ code: Int32) -> Int32 {
        flush()
        guard let reason = stdoutFailure else { return code }
        error("comments: stdout: cannot write (\(reason))")
        return code == ExitCode.success.rawValue ? ExitCode.someInputFailed.rawValue : code
    }

    /// Writes `text` as one line on stderr: a line break or other control character inside it (a
    /// file name may hold one) is shown escaped, so no name can start a line of its own that looks
    /// like another message. `multiline` keeps the line breaks of a text composed of several lines
    /// (its parts escaped with ``oneLine(_:)`` by the caller).
    static func error(_ text: String, multiline: Bool = false) {
        flush()
        eraseProgress()
        // A message may quote a file name or a line of input: shown, never obeyed by the terminal.
        guard let err else { return }
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        var copy = multiline ? DisplayWidth.printable(body + "\n", keepingLineBreaks: true) : oneLine(body) + "\n"
        copy.withUTF8 { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count, err)
        }
        fflush(err)
    }

    /// `text` with line breaks shown as `\n` and `\r`, tabs kept, other control characters U+FFFD.
    static func oneLine(_ text: String) -> String {
        let escaped =
            text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D })
            ? text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r") : text
        return DisplayWidth.printable(escaped, keepingLineBreaks: true)
    }

    /// Draws `line` in place of the previous progress line (the caller fits it to the width).
    static func progress(_ line: String) {
        flush()
        guard let err else { return }
        var copy = "\r\u{1B}[2K" + line
        copy.withUTF8 { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count, err)
        }
        fflush(err)
        progressShown = true
    }

    /// Removes the progress line, leaving the cursor at the start of an empty line.
    static func eraseProgress() {
        guard progressShown, let err else { return }
        progressShown = false
        var copy = "\r\u{1B}[2K"
        copy.withUTF8 { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count, err)
        }
        fflush(err)
    }

    static func flush() {
        if let out, fflush(out) != 0 { noteFailure() }
    }
}
