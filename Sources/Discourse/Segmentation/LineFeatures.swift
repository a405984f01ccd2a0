/// What the segmenter reads off one line: register cues (person, reactions, punctuation habits),
/// article cues (reporting verbs, typographic punctuation), and furniture cues (dates, "says:").
///
/// Counts come from the line's tokens, so the line is scanned once, by the tokenizer.
public struct LineFeatures: Sendable {
    public var tokens = 0
    public var words = 0
    public var firstPerson = 0
    public var secondPerson = 0
    public var questions = 0
    public var exclamations = 0
    /// Emoticons and emoji.
    public var smileys = 0
    /// Straight `'` and `"` (what readers type).
    public var straightQuotes = 0
    /// Curly quotes, en/em dashes and ellipses (what publishers set).
    public var typographic = 0
    public var urls = 0
    public var mentions = 0
    public var allCapsWords = 0
    public var startsLowercase = false
    /// The line opens with a reaction word ("Great", "Thanks", "Wow", "LOL").
    public var reactionOpener = false
    /// The line opens by addressing someone ("Hi Rand,", "@name", "Dear X", "Rand,").
    public var addressOpener = false
    /// Phrases about the post or its author ("great post", "thanks for sharing", "I agree").
    public var metaReferences = 0
    /// Reporting verbs and news register ("said", "according to", "percent").
    public var reporting = 0
    /// The line opens with a boilerplate cue ("Also Read", "Source:", "Related Stories").
    public var boilerplate = false
    /// A date, a time, or "N hours ago" appears.
    public var hasDate = false
    public var hasTime = false
    public var hasAgo = false
    /// Ends with "says:", "said:" or "wrote:".
    public var saysColon = false
    /// Furniture words ("Reply", "Report", "Permalink") and nothing much else.
    public var furnitureOnly = false
    /// Hash of the line's shape (see ``LineShape``), for finding templates that repeat per comment.
    public var shape: UInt64 = 0
    /// The shape is only capitalised words (a name on its own line).
    public var nameLike = false

    public init() {}

    /// Looks like comment furniture on its own, before any template evidence.
    public var looksLikeFurniture: Bool {
        guard words <= 12 else { return false }
        return furnitureOnly || saysColon || hasAgo || hasDate || hasTime
    }

    public init(text: TokenizedText, cues: SegmenterCues) {
        tokens = text.count
        var shapeHash = TermHash.seed
        var lastShape: UInt8 = 0
        var furnitureWords = 0
        var otherWords = 0
        var capitalizedWords = 0
        var previousWasMonth = false
        for i in 0..<text.count {
            let t = text[i]
            var shapeSymbol: UInt8 = 0
            switch t.kind {
            case .word:
                words += 1
                let key = t.key
                if t.flags.contains(.allCaps) { allCapsWords += 1 }
                if i == 0, let first = text.bytes.first, ASCII.isLower(first) { startsLowercase = true }
                if cues.contains(key, in: .firstPerson) { firstPerson += 1 }
                if cues.contains(key, in: .secondPerson) { secondPerson += 1 }
                let isMonth = cues.contains(key, in: .month)
                if isMonth {
                    shapeSymbol = 0x4D  // M
                } else if cues.contains(key, in: .weekday) {
                    shapeSymbol = 0x44  // D
                } else if cues.contains(key, in: .meridiem) {
                    shapeSymbol = 0x61  // a
                    hasTime = hasTime || i > 0 && text[i - 1].kind == .number
                } else if t.flags.contains(.hasDigit) {
                    shapeSymbol = 0x30  // 0 (10th, 23AM)
                    if previousWasMonth { hasDate = true }
                } else if cues.contains(key, in: .furniture) {
                    furnitureWords += 1
                    shapeSymbol = 0x66  // f
                    if key == agoKey, i > 0, cues.contains(text[i - 1].key, in: .timeUnit) { hasAgo = true }
                } else if t.flags.contains(.capitalized) || t.flags.contains(.allCaps) {
                    capitalizedWords += 1
                    otherWords += 1
                    shapeSymbol = 0x43  // C
                } else {
                    otherWords += 1
                    shapeSymbol = 0x77  // w
                }
                previousWasMonth = isMonth
            case .number:
                shapeSymbol = 0x30
                if previousWasMonth { hasDate = true }
                if i + 1 < text.count, cues.contains(text[i + 1].key, in: .month) { hasDate = true }
                if i + 2 < text.count, text[i + 1].kind == .punctuation, text[i + 2].kind == .number {
                    let sep = text.normalized[Int(text[i + 1].normStart)]
                    if sep == 0x3A { hasTime = true }  // 9:59
                    if sep == 0x2F || (sep == 0x2D && text[i + 1].length == 1 && text[i].length <= 4) {
                        // 09/08/2012, 2012-11-05
                        if i + 4 < text.count, text[i + 3].kind == .punctuation, text[i + 4].kind == .number {
                            hasDate = true
                        }
                    }
                }
                previousWasMonth = false
            case .punctuation:
                let length = t.length
                if t.flags.contains(.typographic) {
                    typographic += 1
                    shapeSymbol = text.normalized[Int(t.normStart)]
                } else {
                    let c = text.bytes[Int(t.start)]
                    switch c {
                    case 0x3F: questions += 1
                    case 0x21: exclamations += length
                    case 0x27, 0x22: straightQuotes += 1
                    default: break
                    }
                    shapeSymbol = c
                }
            case .emoticon, .emoji:
                smileys += 1
                shapeSymbol = 0x45  // E
            case .url:
                urls += 1
                shapeSymbol = 0x75  // u
            case .mention:
                mentions += 1
                shapeSymbol = 0x40
            case .hashtag:
                shapeSymbol = 0x23
            case .symbol:
                shapeSymbol = text.bytes[Int(t.start)] < 0x80 ? text.bytes[Int(t.start)] : 0x73
            }
            // Straight apostrophes inside words ("don't") count as reader typing too.
            if t.kind == .word, !t.flags.contains(.nonASCII) {
                var k = Int(t.start)
                while k < Int(t.end) {
                    if text.bytes[k] == 0x27 { straightQuotes += 1 }
                    k += 1
                }
            } else if t.kind == .word, t.flags.contains(.nonASCII) {
                var k = Int(t.start)
                while k + 2 < Int(t.end) {
                    if text.bytes[k] == 0xE2, text.bytes[k + 1] == 0x80, text.bytes[k + 2] == 0x99 { typographic += 1 }
                    k += 1
                }
            }
            // Runs of names or words collapse, so "Chris Huang — July 10th" and "Caleb — July 9th" match.
            if shapeSymbol != 0, !(shapeSymbol == lastShape && (shapeSymbol == 0x43 || shapeSymbol == 0x77)) {
                shapeHash = TermHash.add(shapeHash, shapeSymbol)
            }
            lastShape = shapeSymbol
        }
        shape = shapeHash
        nameLike = tokens > 0 && tokens <= 4 && capitalizedWords == words && words >= 1 && words <= 4
        if text.count >= 2 {
            let last = text[text.count - 1]
            let beforeLast = text[text.count - 2]
            if text.bytes[Int(last.start)] == 0x3A, beforeLast.key == saysKey || beforeLast.key == saidKey
                || beforeLast.key == wroteKey
            {
                saysColon = true
            }
        }
        furnitureOnly = furnitureWords > 0 && otherWords == 0 && words <= 4
        if text.count > 0 {
            if cues.match(text, at: 0, in: .reaction) > 0 { reactionOpener = true }
            if text[0].kind == .mention || cues.match(text, at: 0, in: .address) > 0 {
                addressOpener = true
            } else if text.count >= 3, text[0].kind == .word, text[0].flags.contains(.capitalized),
                text[1].kind == .punctuation, text.bytes[Int(text[1].start)] == 0x2C, words > 3
            {
                addressOpener = true  // "Rand, have you read…"
            }
            let b = cues.match(text, at: 0, in: .boilerplate)
            if b > 0 {
                // "Source: AP", "Also Read", "Related Stories": a cue that opens a short line, or one
                // followed by a colon.
                let colon = b < text.count && text.bytes[Int(text[b].start)] == 0x3A
                boilerplate = colon || words <= 8
            }
        }
        var i = 0
        while i < text.count {
            let m = cues.match(text, at: i, in: .metaReference)
            if m > 0 {
                metaReferences += 1
                i += m
                continue
            }
            let r = cues.match(text, at: i, in: .reporting)
            if r > 0 {
                reporting += 1
                i += r
                continue
            }
            i += 1
        }
    }
}

let agoKey = TermHash.of(normalized: "ago")
let saysKey = TermHash.of(normalized: "says")
let saidKey = TermHash.of(normalized: "said")
let wroteKey = TermHash.of(normalized: "wrote")
