import Foundation

/// The line model: log-odds that one line is reader-comment text rather than article text, as a sum
/// of weighted, capped features (see ``SegmenterParameter`` for each weight and
/// `Lexicons/segmenter-weights.tsv` for its value), plus the boundary model that reads the same
/// features on the two lines a boundary separates.
///
/// Weights are copied out of ``SegmenterWeights`` once per file, zero weights dropped.
struct LineModel: Sendable {
    let prior: Double
    /// (feature, weight, its column in ``columns``) for every line feature with a weight.
    let terms: [(SegmenterParameter, Double, column: Int)]
    /// The features whose values a file's ``LineValues`` hold: every one with a line weight or a
    /// `relative:`, `scaled:` or `zscore:` weight, in ``SegmenterParameter/lineFeatures`` order.
    let columns: [SegmenterParameter]
    /// Weights of features read on the last article line (the line before a boundary).
    let lastLine: [(SegmenterParameter, Double)]
    /// Weights of features read on the first comment line (the line at a boundary).
    let firstLine: [(SegmenterParameter, Double)]

    init(_ w: SegmenterWeights) {
        prior = w[.prior]
        let columns = SegmenterParameter.lineFeatures.filter { p in
            w[p] != 0 || (w.relative[p] ?? 0) != 0 || (w.scaled[p] ?? 0) != 0 || (w.zscore[p] ?? 0) != 0
        }
        self.columns = columns
        terms = columns.enumerated().compactMap { j, p in w[p] == 0 ? nil : (p, w[p], j) }
        lastLine = SegmenterParameter.lineFeatures.compactMap { p in w.lastLine[p].map { (p, $0) } }
        firstLine = SegmenterParameter.lineFeatures.compactMap { p in w.firstLine[p].map { (p, $0) } }
    }

    /// A line that reads as a heading: short, no sentence ending, no question.
    static func isHeading(_ x: LineFeatures) -> Bool {
        x.words >= 1 && x.words <= 10 && !x.endsLikeSentence && x.questions == 0 && x.exclamations == 0
            && x.smileys == 0 && !x.endsWithColon
    }

    /// The share of words that are capitalised inside a sentence (names: news prose is full of them).
    static func properNounShare(_ x: LineFeatures) -> Double {
        x.words < 6 ? 0 : Double(x.capitalizedWords) / Double(x.words)
    }

    /// The value of line feature `p` on a line: a capped count, a 0/1 flag or a share.
    static func value(_ p: SegmenterParameter, _ x: LineFeatures, _ c: LineContext) -> Double {
        @inline(__always) func capped(_ v: UInt8, _ cap: UInt8) -> Double { Double(min(v, cap)) }
        @inline(__always) func flag(_ b: Bool) -> Double { b ? 1 : 0 }
        switch p {
        case .firstPerson: return capped(x.firstPerson, 3)
        case .firstPersonPlural: return capped(x.firstPersonPlural, 3)
        case .secondPerson: return capped(x.secondPerson, 2)
        case .reactionOpener: return flag(x.reactionOpener)
        case .addressOpener: return flag(x.addressOpener)
        case .metaReference: return capped(x.metaReferences, 2)
        case .praise: return capped(x.praise, 2)
        case .question: return capped(x.questions, 2)
        case .exclamation: return capped(x.exclamations, 3)
        case .smiley: return capped(x.smileys, 2)
        case .straightMarks: return capped(x.straightMarks, 3)
        case .curlyMarks: return capped(x.curlyMarks, 3)
        case .typographicDashes: return capped(x.typographicDashes, 3)
        case .ellipsis: return capped(x.ellipses, 2)
        case .repeatedMarks: return capped(x.repeatedMarks, 2)
        case .informalTyping: return capped(x.informalTyping, 3)
        case .unterminated: return flag(x.unterminated)
        case .chatWords: return capped(x.chatWords, 2)
        case .lowercaseStart: return flag(x.startsLowercase)
        case .shouting: return capped(x.allCapsWords, 3)
        case .elongated: return capped(x.elongatedWords, 2)
        case .url: return capped(x.urls, 1)
        case .mention: return capped(x.mentions, 1)
        case .quoteLine: return flag(x.quoteLine)
        case .reporting: return capped(x.reporting, 3)
        case .register: return Double(max(-2, min(2, x.register)))
        case .boilerplate: return flag(x.boilerplate)
        case .closing: return flag(x.closing)
        case .callToComment: return flag(x.callToComment)
        case .endsWithColon: return flag(x.endsWithColon)
        case .listItem: return flag(x.listItem)
        case .heading: return flag(isHeading(x))
        case .shortLine: return flag(x.words <= 3)
        case .longLine: return flag(x.words >= 60)
        case .logWords: return log2(1 + Double(x.words))
        case .properNouns: return properNounShare(x)
        case .numbers: return capped(x.numbers, 3)
        case .otherLanguage: return flag(c.foreign)
        case .echo: return flag(c.echo)
        case .namesAuthor: return flag(c.namesAuthor)
        default: return 0
        }
    }

    /// Line `i`'s comment log-odds from its values (filled by ``LineValues/fill(_:_:_:)``); with
    /// `parts`, also the named contributions.
    func score(_ values: LineValues, line i: Int, parts: inout [(feature: String, weight: Double)]?) -> Double {
        var total = prior
        parts?.append((SegmenterParameter.prior.label, prior))
        for (p, weight, column) in terms {
            let v = values[line: i, column: column]
            guard v != 0 else { continue }
            total += weight * v
            parts?.append((p.label, weight * v))
        }
        return total
    }

    /// The boundary's evidence from the last article line (`last`) and the first comment line
    /// (`first`); with `parts`, the named contributions.
    func boundary(
        last: (LineFeatures, LineContext)?, first: (LineFeatures, LineContext)?,
        parts: inout [(feature: String, weight: Double)]?
    ) -> Double {
        var total = 0.0
        if let (x, c) = last {
            for (p, weight) in lastLine {
                let v = Self.value(p, x, c)
                guard v != 0 else { continue }
                total += weight * v
                parts?.append(("last article line: " + p.label, weight * v))
            }
        }
        if let (x, c) = first {
            for (p, weight) in firstLine {
                let v = Self.value(p, x, c)
                guard v != 0 else { continue }
                total += weight * v
                parts?.append(("first comment line: " + p.label, weight * v))
            }
        }
        return total
    }
}
