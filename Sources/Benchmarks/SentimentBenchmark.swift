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
        // `--repeats N` (default 7): fewer runs for profiling under callgrind, where one run is stable.
        var paths = paths
        var repeats = 7
        if let at = paths.firstIndex(of: "--repeats"), at + 1 < paths.count, let n = Int(paths[at + 1]), n > 0 {
            repeats = n
            paths.removeSubrange(at...(at + 1))
        }
        // `--only tokenize+score` (or `score`, `tokenize`): that measurement alone, for a profiler.
        var only: String? = nil
        if let at = paths.firstIndex(of: "--only"), at + 1 < paths.count {
            only = paths[at + 1]
            paths.removeSubrange(at...(at + 1))
        }
        let texts = try BenchmarkSupport.texts(paths)
        let mb = BenchmarkSupport.megabytes(texts)
        let scorer = SentimentScorer()
        _ = scorer.score("warm up the lexicon")
        var checksum = 0.0
        func runs(_ name: String) -> Int { only == nil || only == name ? repeats : 0 }
        let endToEnd = cpuTime(repeats: runs("tokenize+score")) {
            var sum = 0.0
            for text in texts { sum += scorer.score(Tokenizer.tokenize(text)).compound }
            checksum = sum
        }
        let tokenized = only == nil || only == "score" ? texts.map { Tokenizer.tokenize($0) } : []
        var sink = 0.0
        let scoreOnly = cpuTime(repeats: runs("score")) {
            for t in tokenized { sink += scorer.score(t).compound }
        }
        let tokenizeOnly = cpuTime(repeats: runs("tokenize")) {
            var n = 0
            for text in texts { n &+= Tokenizer.tokenize(text).count }
            sink += Double(n)
        }
        let n = Double(texts.count)
        print(
            "sentiment: \(texts.count) comments, \(BenchmarkSupport.format(mb)) MB, one core, CPU time (checksum \(BenchmarkSupport.format(checksum, 3)))"
        )
        // Every field of every token, hashed: a tokenizer change that alters any key, flag, offset or
        // normalised form changes this digest (compare it before and after a speed change).
        print("  token digest     \(String(tokenDigest(tokenized), radix: 16))")
        for (name, seconds) in [
            ("tokenize + score", endToEnd), ("score only", scoreOnly), ("tokenize only", tokenizeOnly),
        ] {
            print(
                "  \(name.padding(toLength: 17, withPad: " ", startingAt: 0))\(BenchmarkSupport.format(n / seconds, 0)) comments/s  \(BenchmarkSupport.format(mb / seconds)) MB/s"
            )
        }
        if sink.isNaN { print("") }
    }

    /// FNV-1a over every token's offsets, key, kind, flags and sentence and every text's normalised
    /// bytes, sentence count and quote flag.
    static func tokenDigest(_ texts: [TokenizedText]) -> UInt64 {
        var h = TermHash.seed
        func mix(_ x: UInt64) { h = (h ^ x) &* TermHash.prime }
        for t in texts {
            mix(UInt64(t.count))
            mix(UInt64(t.sentenceCount))
            mix(t.isQuoteLine ? 1 : 0)
            for token in t.tokens {
                mix(UInt64(UInt32(bitPattern: token.start)) | UInt64(UInt32(bitPattern: token.end)) << 32)
                mix(UInt64(UInt32(bitPattern: token.normStart)) | UInt64(UInt32(bitPattern: token.normEnd)) << 32)
                mix(token.key)
                mix(
                    UInt64(token.kind.rawValue) | UInt64(token.flags.rawValue) << 8 | UInt64(
                        UInt32(bitPattern: token.sentence)) << 32)
            }
            for b in t.normalized { mix(UInt64(b)) }
            mix(UInt64(t.bytes.count))
        }
        return h
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
