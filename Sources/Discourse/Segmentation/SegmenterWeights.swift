/// Every number of the segmenter's model, by name: the weights of the line model (log-odds that a line
/// is a reader comment), the section and boundary terms, and the few structural parameters.
///
/// The values live in `Lexicons/segmenter-weights.tsv` (with a note per row) rather than in code, so
/// they can be read, audited and refitted without touching the model; `scripts/fit-segmenter` is how
/// the fitted rows were chosen (cross-validated on the segmentation dev set, see its header).
package enum SegmenterParameter: String, CaseIterable, Sendable {
    // Line model: each is multiplied by a capped count or a 0/1 flag of ``LineFeatures``.
    case prior
    case firstPerson = "first_person"
    case firstPersonPlural = "first_person_plural"
    case secondPerson = "second_person"
    case reactionOpener = "reaction_opener"
    case addressOpener = "address_opener"
    case metaReference = "meta_reference"
    case praise
    case question
    case exclamation
    case smiley
    case straightMarks = "straight_marks"
    case curlyMarks = "curly_marks"
    case typographicDashes = "typographic_dashes"
    case ellipsis
    case repeatedMarks = "repeated_marks"
    case informalTyping = "informal_typing"
    case unterminated
    case chatWords = "chat_words"
    case lowercaseStart = "lowercase_start"
    case shouting
    case elongated
    case url
    case mention
    case quoteLine = "quote_line"
    case reporting
    /// Mean comment-vs-news word log-odds (`Lexicons/segmenter-register.tsv`).
    case register
    case boilerplate
    case closing
    case callToComment = "call_to_comment"
    case endsWithColon = "ends_with_colon"
    case listItem = "list_item"
    case heading
    case shortLine = "short_line"
    case longLine = "long_line"
    /// The line's length, log2(1 + words): a continuous length, so the section terms can compare
    /// a section's lines with the article's own (reader comments are shorter or longer than the
    /// paragraphs above them, whichever the article's habit is). Its weights are free in sign.
    case logWords = "log_words"
    case properNouns = "proper_nouns"
    case numbers
    /// A long line in another language than the article's first paragraphs.
    case otherLanguage = "other_language"
    /// Repeats five words in a row from an earlier line (quotes the article or another comment).
    case echo
    /// Names the author of the byline ("Great post Todd").
    case namesAuthor = "names_author"
    /// Section term: straight marks after an article set with curly ones (per line of the section).
    case typographyContrast = "typography_contrast"
    /// Section terms: a prior on the section's length, for a section of exactly one, two or three
    /// ordinary text lines (a longer one gets none). A third of the pages with comments have one to
    /// three; without a prior of their own, their few lines had to outweigh the same margin as a
    /// section of thirty.
    case sectionOneLine = "section_one_line"
    case sectionTwoLines = "section_two_lines"
    case sectionThreeLines = "section_three_lines"
    /// Furniture: a line that is comment furniture (local cue or repeating template).
    case furniture
    /// Furniture that does not repeat ("Hibu said:", "Permalink", one dated name line): weaker.
    case loneFurniture = "lone_furniture"
    /// A text line between two furniture runs of a repeating template (comment text by structure).
    case insideTemplate = "inside_template"
    /// A template whose furniture follows each comment: the lines just before its first instance are
    /// probably the first comment's text.
    case afterWindow = "after_window"
    // Structure.
    /// The best boundary must beat "no comments" by this much summed evidence.
    case noCommentsMargin = "no_comments_margin"
    /// Confidence is the probability that the decision is exactly right, a logistic of the decision's
    /// evidence fitted on cross-validated decisions (`scripts/fit-segmenter`): when comments were found,
    /// of the margin over "no comments" and the gap to the runner-up boundary (capped at 10) ...
    case calibrationCommentsBias = "calibration_comments_bias"
    case calibrationCommentsMargin = "calibration_comments_margin"
    case calibrationCommentsGap = "calibration_comments_gap"
    /// ... when none were found, of how far the best boundary fell short of the margin ...
    case calibrationNoneBias = "calibration_none_bias"
    case calibrationNoneMargin = "calibration_none_margin"
    /// ... and when a repeating furniture template fixed the section, a constant.
    case calibrationTemplateBias = "calibration_template_bias"
    /// A date shape must repeat this often to count as a furniture template.
    case templateRepeats = "template_repeats"

    /// How `--explain` names the feature.
    package var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// The parameters that are line features (a value on every line; see ``LineModel``), in order.
    package static let lineFeatures: [SegmenterParameter] = allCases.filter {
        switch $0 {
        case .prior, .typographyContrast, .sectionOneLine, .sectionTwoLines, .sectionThreeLines, .furniture,
            .loneFurniture, .insideTemplate, .afterWindow,
            .noCommentsMargin, .calibrationCommentsBias, .calibrationCommentsMargin, .calibrationCommentsGap,
            .calibrationNoneBias, .calibrationNoneMargin, .calibrationTemplateBias, .templateRepeats:
            return false
        default:
            return true
        }
    }
}

/// The segmenter's numbers (see `SegmenterParameter`), indexed by parameter, plus five families
/// of per-feature weights:
/// - `last:<feature>` weighs a line feature read on the last article line (the line before a
///   candidate boundary: "P.S. …", "What say you?", "Source: AP" end articles);
/// - `first:<feature>` one read on the first comment line ("Great post Todd", "@name");
/// - `relative:<feature>` one of the candidate comments measured against the candidate article's
///   own mean (`SectionTerms`): a switch of style is evidence wherever it happens, so a plain
///   comment under a formal story counts even where it would not count under a chatty blog;
/// - `scaled:<feature>` the same contrast divided by the square root of the lines after the boundary
///   (a standardised sum): a short trailing section of one to three comments gets its due, where the
///   plain sum grows with the section's length;
/// - `zscore:<feature>` the scaled contrast divided by the feature's standard deviation over the
///   article's own lines (a z-score against the article's profile): a feature the article varies
///   little in counts for much when the section departs from it, one the article uses freely (first
///   person in a chatty blog) for little.
public struct SegmenterWeights: Sendable {
    var values: [Double]
    package var lastLine: [SegmenterParameter: Double] = [:]
    package var firstLine: [SegmenterParameter: Double] = [:]
    package var relative: [SegmenterParameter: Double] = [:]
    package var scaled: [SegmenterParameter: Double] = [:]
    package var zscore: [SegmenterParameter: Double] = [:]

    /// The header a weights file must start with.
    public static let header = ["parameter", "value"]

    /// The weights compiled into the binary (`Lexicons/segmenter-weights.tsv`). A caller that
    /// reads another weights file passes `init(table:)`'s result to ``Segmenter`` instead.
    public static let standard: SegmenterWeights = {
        do {
            return try SegmenterWeights(table: EmbeddedLexicon.table("segmenter-weights.tsv", expectedHeader: header))
        } catch {
            // The file is compiled in and checked by the tests: a broken one is a build defect.
            fatalError("the built-in segmenter weights are broken: \(error)")
        }
    }()

    /// Every parameter must be given exactly once, so a forgotten row cannot silently become 0.
    /// Parses a weights file's `text` (the contents of `path`, header `parameter<TAB>value`); every
    /// parameter must be given exactly once.
    public init(path: String, text: String) throws(LexiconError) {
        try self.init(table: TSVTable(path: path, text: text, expectedHeader: Self.header))
    }

    package init(table: TSVTable) throws(LexiconError) {
        var values = [Double?](repeating: nil, count: SegmenterParameter.allCases.count)
        for row in table.rows {
            if let colon = row[0].firstIndex(of: ":") {
                let side = row[0][..<colon]
                let name = String(row[0][row[0].index(after: colon)...])
                guard let feature = SegmenterParameter(rawValue: name),
                    SegmenterParameter.lineFeatures.contains(feature),
                    ["last", "first", "relative", "scaled", "zscore"].contains(side)
                else {
                    throw .badLine(
                        path: table.path, line: row.line,
                        reason: "'\(row[0])' is not last:, first:, relative:, scaled: or zscore: and a line feature")
                }
                guard let value = TSVTable.number(row[1]) else {
                    throw .badLine(path: table.path, line: row.line, reason: "'\(row[1])' is not a number")
                }
                switch side {
                case "last": lastLine[feature] = value
                case "first": firstLine[feature] = value
                case "scaled": scaled[feature] = value
                case "zscore": zscore[feature] = value
                default: relative[feature] = value
                }
                continue
            }
            guard let parameter = SegmenterParameter(rawValue: row[0]) else {
                throw .badLine(path: table.path, line: row.line, reason: "unknown segmenter parameter '\(row[0])'")
            }
            guard let value = TSVTable.number(row[1]) else {
                throw .badLine(path: table.path, line: row.line, reason: "'\(row[1])' is not a number")
            }
            guard values[parameter.index] == nil else {
                throw .badLine(path: table.path, line: row.line, reason: "'\(row[0])' is given twice")
            }
            values[parameter.index] = value
        }
        if let missing = SegmenterParameter.allCases.first(where: { values[$0.index] == nil }) {
            throw .badLine(path: table.path, line: 0, reason: "no value for segmenter parameter '\(missing.rawValue)'")
        }
        self.values = values.map { $0 ?? 0 }
    }

    package subscript(_ parameter: SegmenterParameter) -> Double {
        get { values[parameter.index] }
        set { values[parameter.index] = newValue }
    }
}

extension SegmenterParameter {
    static let indexes: [SegmenterParameter: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
    /// Position in ``allCases`` (weights are read once per file, so a dictionary lookup is fine).
    var index: Int { Self.indexes[self]! }
}
