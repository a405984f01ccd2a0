#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// What the process is attached to: decides table vs machine formats, colour and progress output.
struct Terminal {
    var stdoutIsTerminal: Bool
    var stderrIsTerminal: Bool
    /// Columns of the terminal (COLUMNS, else the tty size, else 100).
    var width: Int
    /// Colour on stdout: only on a terminal and when `NO_COLOR` is unset or empty.
    var color: Bool

    static func current(noColorFlag: Bool = false) -> Terminal {
        let out = isatty(STDOUT_FILENO) == 1
        let err = isatty(STDERR_FILENO) == 1
        let environment = ProcessInfo.processInfo.environment
        var width = 100
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 20 {
            width = columns
        } else if out {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
                width = Int(size.ws_col)
            }
        }
        let noColor = (environment["NO_COLOR"].map { !$0.isEmpty } ?? false) || noColorFlag
            || environment["TERM"] == "dumb"
        return Terminal(stdoutIsTerminal: out, stderrIsTerminal: err, width: width, color: out && !noColor)
    }
}

/// Buffered writes to stdout and stderr (C stdio: one buffer, flushed before any error message so
/// the two streams interleave in order on a terminal).
enum Output {
    nonisolated(unsafe) static let out = fdopen(STDOUT_FILENO, "w")!
    nonisolated(unsafe) static let err = fdopen(STDERR_FILENO, "w")!

    static func write(_ text: String) {
        var copy = text
        copy.withUTF8 { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count, out)
        }
    }

    static func error(_ text: String) {
        fflush(out)
        var copy = text.hasSuffix("\n") ? text : text + "\n"
        copy.withUTF8 { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count, err)
        }
        fflush(err)
    }

    /// Writes to stderr without a newline (the progress bar redraws in place).
    static func progress(_ text: String) {
        var copy = text
        copy.withUTF8 { buffer in
            _ = fwrite(buffer.baseAddress, 1, buffer.count, err)
        }
        fflush(err)
    }

    static func flush() {
        fflush(out)
    }
}
