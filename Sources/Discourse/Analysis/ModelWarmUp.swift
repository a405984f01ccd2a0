import Foundation

/// Builds the compiled-in models on a thread of their own while the caller does other start-up
/// work (expanding folders, checking paths, the segmenter's and sentiment's tables).
///
/// Why: every embedded lexicon is parsed once, on first use, and an ``Analyzer`` touches them one
/// after the other on one thread: some 0.2 G instructions before the first file is read, all of it
/// serial, which held back a 2-core export's speed-up. The drift models (background and
/// association tables) and the triage lexicon are about half of it; parsed here at the same time,
/// they are ready (or being finished) when the analyzer asks for them. Each model is still built
/// exactly once (`static let` initialisation is thread-safe) and is the same value either way.
package enum ModelWarmUp {
    /// Starts building the drift and triage models in the background and returns at once.
    /// Call it only when another core is free to use (more than one job).
    package static func start() {
        let thread = Thread {
            _ = DriftScorer()
            _ = TriageScorer()
        }
        thread.name = "comments: models"
        thread.start()
    }
}
