@testable import Discourse

/// Scores one text with the built-in lexicons (no article, no repeats).
func triage(_ text: String, context: TriageContext = .empty, signals: TriageSignals = TriageSignals()) -> TriageScores {
    TriageScorer().score(Tokenizer.tokenize(text), context: context, signals: signals, explain: true)
}

/// Kinds of abusive terms the matcher finds in `text`, with how they were found.
func abusiveHits(_ text: String) -> [(TriageLexicon.Kind, MatchRoute)] {
    TriageMatches.find(in: Tokenizer.tokenize(text), lexicon: .embedded).hits
        .filter { $0.entry.kind.isAbusive }
        .map { ($0.entry.kind, $0.route) }
}
