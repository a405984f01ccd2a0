import Discourse
import Foundation

/// Sentiment throughput on one core: tokenize + score every comment (what `comments score` does for
/// each comment once the input is split), the scorer alone on pre-tokenized text, and the tokenizer
/// alone, in comments/s and MB/s.
///
/// Times are the thread's CPU time (best of several runs), not wall time: on a shared machine the
/// wall clock also counts the time other processes held the core. `scripts/bench-sentiment` times
/// Python's vaderSentiment the same way on the same texts.
enum SentimentBenchmark {
    static func run(_ paths: [String]) throws {
        if paths == ["--print-corpus"] {
            // The generated corpus, for scripts/bench-sentiment to time VADER on the same texts.
            for text in BenchmarkSupport.generated(count: 2_000) { print(text) }
            return
        }
        let texts = try BenchmarkSupport.texts(paths)
        let mb = BenchmarkSupport.megabytes(texts)
        let scorer = SentimentScorer()
        _ = scorer.score("warm up the lexicon")
        var checksum = 0.0
        let endToEnd = cpuTime {
            var sum = 0.0
            for text in texts { sum += scorer.score(Tokenizer.tokenize(text)).compound }
            checksum = sum
        }
        let tokenized = texts.map { Tokenizer.tokenize($0) }
        var sink = 0.0
        let scoreOnly = cpuTime {
            for t in tokenized { sink += scorer.score(t).compound }
        }
        let tokenizeOnly = cpuTime {
            var n = 0
            for text in texts { n &+= Tokenizer.tokenize(text).count }
            sink += Double(n)
        }
        let n = Double(texts.count)
        print(
            "sentiment: \(texts.count) comments, \(BenchmarkSupport.format(mb)) MB, one core, CPU time (checksum \(BenchmarkSupport.format(checksum, 3)))"
        )
        for (name, seconds) in [
            ("tokenize + score", endToEnd), ("score only", scoreOnly), ("tokenize only", tokenizeOnly),
        ] {
            print(
                "  \(name.padding(toLength: 17, withPad: " ", startingAt: 0))\(BenchmarkSupport.format(n / seconds, 0)) comments/s  \(BenchmarkSupport.format(mb / seconds)) MB/s"
            )
        }
        if sink.isNaN { print("") }
    }

    /// CPU seconds of the calling thread spent in `body`, best of `repeats` runs.
    static func cpuTime(repeats: Int = 7, _ body: () -> Void) -> Double {
        func now() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = now()
            body()
            best = min(best, now() - start)
        }
        return best
    }
}
