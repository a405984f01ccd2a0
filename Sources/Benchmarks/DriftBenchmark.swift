import Discourse
import Foundation

/// Topic drift: parse time of the background table, MB/s of building an article model, MB/s of
/// scoring comments (article, thread and feedback models together), on pre-tokenized text.
enum DriftBenchmark {
    static func run(_ paths: [String]) throws {
        let texts = try BenchmarkSupport.texts(paths)
        // The tokenizer's speed on the same text in the same conditions (as `comments-bench tokenizer`
        // measures it), so the drift figures can be read as a ratio even on a busy machine.
        var tokenCount = 0
        let tokenize = BenchmarkSupport.time(repeats: 3) {
            tokenCount = 0
            for text in texts { tokenCount += Tokenizer.tokenize(text).count }
        }
        let tokens = texts.map(Tokenizer.tokenize)
        let mb = BenchmarkSupport.megabytes(texts)

        let tsv = try EmbeddedLexicon.text("background-en.tsv")
        var words = 0
        let parse = BenchmarkSupport.time(repeats: 5) {
            words = (try? BackgroundModel(tsv: tsv, path: "background-en.tsv"))?.count ?? 0
        }
        let tableMB = BenchmarkSupport.format(Double(tsv.utf8.count) / 1e6, 2)
        print(
            "drift: background table \(words) words, \(tableMB) MB, parsed in \(BenchmarkSupport.format(parse * 1000)) ms"
        )

        let scorer = DriftScorer(background: .embedded)
        var total = 0.0
        let build = BenchmarkSupport.time {
            total = scorer.articleModel(tokens).total
        }
        print("  article model: \(texts.count) lines, \(BenchmarkSupport.format(mb)) MB, \(Int(total)) content words")
        print(
            "    \(BenchmarkSupport.format(mb / build)) MB/s (tokenizing the same text: \(BenchmarkSupport.format(mb / tokenize)) MB/s)"
        )

        // Files of 60 comments against an article of 40 lines, as a typical news page.
        let article = scorer.articleModel(Array(tokens.prefix(40)))
        let comments = Array(tokens.dropFirst(40))
        let commentMB = BenchmarkSupport.megabytes(Array(texts.dropFirst(40)))
        var sum = 0.0
        let score = BenchmarkSupport.time(repeats: 5) {
            sum = 0
            var start = 0
            while start < comments.count {
                let file = Array(comments[start..<min(start + 60, comments.count)])
                for s in scorer.score(articleModel: article, comments: file).scores { sum += s.drift }
                start += 60
            }
        }
        let meanDrift = BenchmarkSupport.format(sum / Double(max(comments.count, 1)), 3)
        print(
            "  comment scoring: \(comments.count) comments in files of 60, \(BenchmarkSupport.format(commentMB)) MB, mean drift \(meanDrift)"
        )
        let perSecond = BenchmarkSupport.format(Double(comments.count) / score, 0)
        print(
            "    \(BenchmarkSupport.format(commentMB / score)) MB/s, \(perSecond) comments/s, \(BenchmarkSupport.format(score / tokenize * mb / commentMB, 2))x the tokenizer's time"
        )
    }
}
