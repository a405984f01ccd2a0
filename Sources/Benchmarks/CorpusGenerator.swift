import Discourse
import Foundation

/// `comments-bench corpus DIR [--files N] [--source DIR]`: writes N article-with-comments files for
/// the export benchmark. Paragraphs come from ../shared/corpora (real news and comment prose) when
/// present, else from the built-in generator; the layout mirrors real pages (header lines, article
/// paragraphs, a boilerplate line, then comments), and a third of the files have no comments.
enum CorpusGenerator {
    static func run(_ arguments: [String]) throws {
        guard let directory = arguments.first, !directory.hasPrefix("-") else {
            throw BenchmarkError("usage: comments-bench corpus DIR [--files N] [--source DIR]")
        }
        var files = 10_000
        var source = "../shared/corpora"
        var i = 1
        while i + 1 < arguments.count {
            if arguments[i] == "--files", let n = Int(arguments[i + 1]) { files = n }
            if arguments[i] == "--source" { source = arguments[i + 1] }
            i += 2
        }
        let news = paragraphs("\(source)/news-wikinews.txt") ?? BenchmarkSupport.generated(count: 3_000)
        let comments = paragraphs("\(source)/comments-civilcomments.txt") ?? BenchmarkSupport.generated(count: 5_000)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var state: UInt64 = 2026
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(1, n)))
        }
        var bytes = 0
        for f in 0..<files {
            var lines = ["The Example Times", "Story \(f): \(news[next(news.count)].prefix(60))", "By Staff Reporter"]
            for _ in 0..<(12 + next(16)) { lines.append(news[next(news.count)]) }
            lines.append("Also Read: more stories from our newsroom")
            if f % 3 != 0 {
                for _ in 0..<(6 + next(40)) { lines.append(comments[next(comments.count)]) }
            }
            let text = lines.joined(separator: "\n") + "\n"
            bytes += text.utf8.count
            try text.write(
                toFile: "\(directory)/page-\(String(format: "%05d", f)).txt", atomically: false, encoding: .utf8)
        }
        print("wrote \(files) files, \(BenchmarkSupport.format(Double(bytes) / 1e6)) MB, to \(directory)")
    }

    static func paragraphs(_ path: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = TextLines.split(String(decoding: data, as: UTF8.self)).filter { !$0.isEmpty }
        return lines.isEmpty ? nil : lines
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
