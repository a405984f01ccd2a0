import Discourse
import Foundation

// comments-bench: speed figures for the library's stages, printed as text (never a timed test).
//
//     swift run -c release comments-bench <benchmark> [FILE...]
//
// Each benchmark reads the given text files (one text per line) or a generated corpus, runs one stage,
// and prints throughput. Build in release mode: debug figures mean nothing.

let registry: [(name: String, about: String, run: ([String]) throws -> Void)] = [
    ("tokenizer", "tokenize every line; MB/s and tokens/s", TokenizerBenchmark.run),
    ("drift", "article model building and comment drift scoring; MB/s", DriftBenchmark.run),
    ("corpus", "write a corpus of article-with-comments files (for scripts/bench-export)", CorpusGenerator.run),
    ("sentiment", "tokenize and score sentiment of every line; comments/s and MB/s", SentimentBenchmark.run),
]

let arguments = Array(CommandLine.arguments.dropFirst())
let wantsHelp = arguments.contains("--help") || arguments.contains("-h")
guard !wantsHelp, let name = arguments.first, let benchmark = registry.first(where: { $0.name == name }) else {
    print("usage: comments-bench <benchmark> [FILE...]\n")
    for b in registry { print("  \(b.name.padding(toLength: 12, withPad: " ", startingAt: 0))\(b.about)") }
    exit(arguments.isEmpty || wantsHelp ? 0 : 2)
}
do {
    try benchmark.run(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("comments-bench: \(error)\n".utf8))
    exit(1)
}
