import Discourse
import Foundation

/// Shared helpers: load texts, time a closure, print figures.
enum BenchmarkSupport {
    /// Non-empty lines of the given files, or a generated corpus when no file is given.
    static func texts(_ paths: [String], minimum: Int = 100_000) throws -> [String] {
        var lines: [String] = []
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            lines += TextLines.split(String(decoding: data, as: UTF8.self)).filter { !$0.isEmpty }
        }
        if lines.isEmpty { lines = generated(count: 2_000) }
        var cycled = lines
        while cycled.count < minimum { cycled += lines }
        return Array(cycled.prefix(max(minimum, lines.count)))
    }

    /// Comment-like sentences from a fixed vocabulary (deterministic).
    static func generated(count: Int) -> [String] {
        let openers = [
            "I think", "Great post!", "Honestly,", "You are so wrong,", "LOL", "Thanks for this.", "Not bad,",
        ]
        let middles = [
            "the minister's plan is not good for the economy", "this article is really very helpful :)",
            "nobody asked for another tax on small business", "what a load of nonsense from the council 😡",
            "the photos are amazing and the recipe works", "I can't believe they didn't see this coming",
        ]
        let endings = ["", "!!!", "?", " - just my two cents.", " Well done.", " #news"]
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        return (0..<count).map { _ in
            "\(openers[next(openers.count)]) \(middles[next(middles.count)])\(endings[next(endings.count)])"
        }
    }

    /// Seconds taken by `body`, best of `repeats` runs.
    static func time(repeats: Int = 7, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    static func megabytes(_ texts: [String]) -> Double {
        Double(texts.reduce(0) { $0 + $1.utf8.count + 1 }) / 1_000_000
    }

    static func format(_ x: Double, _ digits: Int = 1) -> String { NumberFormat.fixed(x, digits: digits) }
}

enum TokenizerBenchmark {
    static func run(_ paths: [String]) throws {
        let texts = try BenchmarkSupport.texts(paths)
        let mb = BenchmarkSupport.megabytes(texts)
        var tokens = 0
        let seconds = BenchmarkSupport.time {
            tokens = 0
            for text in texts { tokens += Tokenizer.tokenize(text).count }
        }
        print("tokenizer: \(texts.count) texts, \(BenchmarkSupport.format(mb)) MB, \(tokens) tokens")
        print(
            "  \(BenchmarkSupport.format(mb / seconds)) MB/s, \(BenchmarkSupport.format(Double(texts.count) / seconds, 0)) texts/s, \(BenchmarkSupport.format(Double(tokens) / seconds / 1e6, 2)) M tokens/s"
        )
    }
}
