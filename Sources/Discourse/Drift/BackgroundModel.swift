import Foundation

/// Unigram probabilities of general English: what a text about nothing in particular looks like.
///
/// Drift asks how much better a topic model explains a comment than this model does, so shared
/// words that everybody uses ("the", "think", "people") earn little, and shared rare words
/// ("Pyongyang") earn a lot. The embedded table is `Lexicons/background-en.tsv` (word frequencies
/// of the `wordfreq` package, CC BY-SA 4.0; see `Lexicons/README.md`), keyed by ``TermHash`` of the
/// normalised word exactly as the tokenizer produces it.
package struct BackgroundModel: Sendable {
    /// Natural-log probability per word key.
    var logProbabilities: ModelTable<Float>
    /// Log probability of a word the table does not know: rarer than its rarest entry, so an
    /// unknown name shared with the article counts as strongly as a rare word.
    package let unknownLogProbability: Double
    /// Words at least this frequent (about the 100 most common English words) are stopwords: they
    /// say nothing about a topic and are left out of every drift model.
    package let stopwordLogProbability: Double

    package static let header = ["word", "zipf"]

    /// The table compiled into the binary, parsed once on first use (a byte scan, a few ms).
    package static let embedded: BackgroundModel = {
        do {
            let text = try EmbeddedLexicon.text("background-en.tsv")
            return try BackgroundModel(tsv: text, path: "Lexicons/background-en.tsv")
        } catch {
            fatalError("built-in lexicon is broken: \(error)")
        }
    }()

    /// A model from explicit probabilities (tests, other languages).
    package init(
        probabilities: [String: Double], unknownProbability: Double = 1e-8, stopwordProbability: Double = 1e-3
    ) {
        var table = ModelTable<Float>(minimumCapacity: probabilities.count, filler: 0)
        for (word, p) in probabilities {
            table.update(TermHash.of(normalized: word), initial: Float(Foundation.log(p))) { _ in }
        }
        logProbabilities = table
        unknownLogProbability = Foundation.log(unknownProbability)
        stopwordLogProbability = Foundation.log(stopwordProbability)
    }

    /// Parses a `word<TAB>zipf` table (Zipf = log10 of occurrences per billion words). Words must be
    /// written in normalised form (lowercase, straight apostrophes), as the regeneration script does.
    package init(tsv text: String, path: String, unknownProbability: Double = 1e-8, stopwordProbability: Double = 1e-3)
        throws(LexiconError)
    {
        var table = ModelTable<Float>(minimumCapacity: text.utf8.count / 12, filler: 0)
        var text = text
        let result: Result<Void, LexiconError> = text.withUTF8 { bytes in
            Self.parse(bytes, path: path, into: &table)
        }
        if case .failure(let error) = result { throw error }
        logProbabilities = table
        unknownLogProbability = Foundation.log(unknownProbability)
        stopwordLogProbability = Foundation.log(stopwordProbability)
    }

    /// Number of words in the table.
    package var count: Int { logProbabilities.count }

    /// Natural-log probability of the word with key `key`.
    package func logProbability(_ key: UInt64) -> Double {
        if let lp = logProbabilities[key] { return Double(lp) }
        return unknownLogProbability
    }

    /// True when the word is too common to tell topics apart.
    package func isStopword(_ key: UInt64) -> Bool {
        guard let lp = logProbabilities[key] else { return false }
        return Double(lp) >= stopwordLogProbability
    }

    /// Line-by-line byte scan: `#` lines skipped, the header checked, `word\tzipf` rows hashed as they are.
    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, into table: inout ModelTable<Float>
    ) -> Result<Void, LexiconError> {
        let ln10 = Foundation.log(10.0)
        var i = 0
        var line = 0
        var sawHeader = false
        let n = bytes.count
        while i < n {
            line += 1
            var end = i
            while end < n, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > i, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            defer { i = end + 1 }
            if lineEnd == i || bytes[i] == 0x23 { continue }
            var tab = i
            while tab < lineEnd, bytes[tab] != 0x09 { tab += 1 }
            if !sawHeader {
                let fields = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<lineEnd]), as: UTF8.self)
                    .split(separator: "\t").map(String.init)
                guard Array(fields.prefix(2)) == header else {
                    return .failure(.badHeader(path: path, expected: header, found: fields))
                }
                sawHeader = true
                continue
            }
            guard tab < lineEnd, tab > i, let zipf = decimal(bytes, from: tab + 1, to: lineEnd) else {
                return .failure(.badLine(path: path, line: line, reason: "expected a word, a tab and a Zipf frequency"))
            }
            let key = TermHash.add(TermHash.seed, UnsafeBufferPointer(rebasing: bytes[i..<tab]))
            let lp = Float((zipf - 9) * ln10)
            table.update(key, initial: lp) { $0 = lp }
        }
        guard sawHeader else {
            return .failure(.badLine(path: path, line: 1, reason: "empty lexicon: expected a header row"))
        }
        return .success(())
    }

    /// Parses `-?digits(.digits)?` without allocating.
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double? {
        var i = start
        var negative = false
        if i < end, bytes[i] == 0x2D {
            negative = true
            i += 1
        }
        var value = 0.0
        var scale = 0.0
        var digits = 0
        while i < end {
            let b = bytes[i]
            if b >= 0x30, b <= 0x39 {
                if scale == 0 {
                    value = value * 10 + Double(b - 0x30)
                } else {
                    value += Double(b - 0x30) * scale
                    scale /= 10
                }
                digits += 1
            } else if b == 0x2E, scale == 0 {
                scale = 0.1
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }
}
