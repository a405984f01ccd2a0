import Discourse
import Foundation

/// Progress of a batch run on stderr: only when stderr is a terminal and `--quiet` was not given,
/// sized to that terminal, redrawn at most four times a second, and erased before any other output
/// and when the run ends (see ``Output``).
final class ProgressBar {
    /// Shortest time between two redraws.
    static let interval: UInt64 = 250_000_000
    private let enabled: Bool
    private let total: Int?
    private let start = DispatchTime.now().uptimeNanoseconds
    /// The first draw waits one interval too, so a short run never flashes a bar.
    private lazy var lastDraw: UInt64 = start
    private(set) var done = 0
    private(set) var comments = 0

    init(terminal: Terminal, quiet: Bool, total: Int?) {
        enabled = terminal.stderrIsTerminal && !quiet
        self.total = total
    }

    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    func advance(comments newComments: Int) {
        done += 1
        comments += newComments
        guard enabled, done != total else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw >= Self.interval else { return }
        lastDraw = now
        // Re-read each time: the terminal may have been resized. One column is left free so that
        // no terminal wraps the line early.
        let width = Terminal.stderrWidth - 1
        let line = ProgressLine.render(done: done, total: total, comments: comments, elapsed: elapsed, width: width)
        Output.progress(DisplayWidth.truncate(line, to: width))
    }

    /// Erases the bar so that messages and the shell prompt start on a clean line.
    func finish() {
        Output.eraseProgress()
    }
}
