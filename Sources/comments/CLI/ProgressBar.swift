import Discourse
import Foundation

/// Progress of a batch run on stderr: only when stderr is a terminal and `--quiet` was not given,
/// redrawn at most ten times a second, and erased when the run ends.
final class ProgressBar {
    private let enabled: Bool
    private let total: Int?
    private let width: Int
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private(set) var done = 0
    private(set) var comments = 0
    private var drawn = false

    init(terminal: Terminal, quiet: Bool, total: Int?) {
        enabled = terminal.stderrIsTerminal && !quiet
        self.total = total
        width = terminal.width
    }

    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    func advance(comments newComments: Int) {
        done += 1
        comments += newComments
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 100_000_000 || done == total else { return }
        lastDraw = now
        let line = ProgressLine.render(done: done, total: total, comments: comments, elapsed: elapsed, width: width)
        Output.progress("\r\u{1B}[2K" + DisplayWidth.truncate(line, to: width - 1))
        drawn = true
    }

    /// Erases the bar so that messages and the shell prompt start on a clean line.
    func finish() {
        guard enabled, drawn else { return }
        Output.progress("\r\u{1B}[2K")
        drawn = false
    }

    /// Erases the bar before a message is printed to stderr; the next advance redraws it.
    func clear() {
        finish()
    }
}
