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

    /// Comments of the file being streamed, written so far (counted in ``advance(comments:)`` when
    /// it ends).
    private var inFile = 0

    /// One more file done, with its comments.
    func advance(comments newComments: Int) {
        done += 1
        comments += newComments
        inFile = 0
        guard done != total else { return }
        draw()
    }

    /// One more comment of a file being streamed: a run that is one large file (or ends with one)
    /// shows its progress as it goes, not only when a file ends.
    func commentWritten() {
        inFile += 1
        if inFile & 255 == 0 { draw() }  // the clock is read once per 256 comments
    }

    private func draw() {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw >= Self.interval else { return }
        lastDraw = now
        // Re-read each time: the terminal may have been resized. One column is left free so that
        // no terminal wraps the line early.
        let width = Terminal.stderrWidth - 1
        let line = ProgressLine.render(
            done: done, total: total, comments: comments + inFile, elapsed: elapsed, width: width)
        Output.progress(DisplayWidth.truncate(line, to: width))
    }

    /// Erases the bar so that messages and the shell prompt start on a clean line.
    func finish() {
        Output.eraseProgress()
    }
}
