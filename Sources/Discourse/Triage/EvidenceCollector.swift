/// Collects evidence per category; the strongest piece counts fully, the next ones less. The same
/// term said twice counts once (at its stronger reading): repeating a word is not new evidence.
///
/// Every piece carries the tokens it rests on, so `--explain` can give its span in the comment.
struct EvidenceCollector {
    let text: TokenizedText
    let explain: Bool
    /// The strongest strength of each (category, key), in the order first seen. A flat list searched
    /// linearly: a comment has a handful of pieces, and the nested dictionaries this replaced
    /// (`[category: [key: strength]]`, built for every comment) cost more than the search.
    var strengths: [Piece] = []
    /// Where each (category, key) sits in `strengths`, built once the list outgrows a linear search
    /// (a long comment naming hundreds of listed words would make that search quadratic).
    private var index: [PieceKey: Int]?
    private static let indexFrom = 32
    var items: [(evidence: TriageEvidence, start: Int, end: Int)] = []

    init(text: TokenizedText, explain: Bool) {
        self.text = text
        self.explain = explain
    }

    /// One counted piece: a category's strongest strength for one key.
    struct Piece {
        var category: TriageCategory
        var key: UInt64
        var strength: Double
    }

    private struct PieceKey: Hashable {
        var category: TriageCategory
        var key: UInt64
    }

    /// The place of (category, key) in `strengths`, if counted already.
    /// - Complexity: O(1) once `index` is built, else O(pieces) up to ``indexFrom``.
    private func place(_ category: TriageCategory, _ key: UInt64) -> Int? {
        if let index { return index[PieceKey(category: category, key: key)] }
        return strengths.firstIndex { $0.key == key && $0.category == category }
    }

    /// Each further piece of evidence counts this much less than the one before.
    static let decay = 0.6

    /// Evidence resting on tokens `start..<end`, labelled by their words.
    mutating func add(_ category: TriageCategory, _ strength: Double, _ start: Int, _ end: Int) {
        guard start >= 0, end > start, end <= text.count else { return }
        record(
            category, strength, key: text.key(from: start, count: end - start), start: start, end: end,
            label: explain ? surface(start, end) : "")
    }

    /// Evidence counted over tokens `start..<end` and described by `label` ("3 links", "capitals").
    /// Evidence counted under `counted` (strengths of one key count once) but shown as `label`.
    mutating func add(
        _ category: TriageCategory, _ strength: Double, label: String, countedAs counted: String? = nil,
        _ start: Int, _ end: Int
    ) {
        guard start >= 0, end > start, end <= text.count else { return }
        record(
            category, strength, key: TermHash.of(normalized: counted ?? label), start: start, end: end, label: label)
    }

    private mutating func record(
        _ category: TriageCategory, _ strength: Double, key: UInt64, start: Int, end: Int, label: String
    ) {
        guard strength > 0 else { return }
        let s = min(1, strength)
        var previous: Double?
        if let i = place(category, key) {
            previous = strengths[i].strength
            strengths[i].strength = max(strengths[i].strength, s)
        } else {
            strengths.append(Piece(category: category, key: key, strength: s))
            if index != nil {
                index?[PieceKey(category: category, key: key)] = strengths.count - 1
            } else if strengths.count > Self.indexFrom {
                var built: [PieceKey: Int] = [:]
                for (i, p) in strengths.enumerated() { built[PieceKey(category: p.category, key: p.key)] = i }
                index = built
            }
        }
        guard explain else { return }
        if let previous {
            guard s > previous,
                let i = items.firstIndex(where: {
                    $0.evidence.category == category && $0.evidence.text.lowercased() == label.lowercased()
                })
            else { return }
            items[i] = (TriageEvidence(category: category, text: label, strength: s), start, end)
        } else {
            items.append((TriageEvidence(category: category, text: label, strength: s), start, end))
        }
    }

    func surface(_ start: Int, _ end: Int) -> String {
        let a = Int(text[start].start)
        let b = Int(text[end - 1].end)
        return String(decoding: text.bytes[a..<b], as: UTF8.self)
    }

    func value(_ category: TriageCategory) -> Double {
        guard strengths.contains(where: { $0.category == category }) else { return 0 }
        var keep = 1.0
        var factor = 1.0
        // Strongest first; equal strengths are equal numbers, so the product does not depend on
        // which of them comes first.
        for s in strengths.compactMap({ $0.category == category ? $0.strength : nil }).sorted(by: >) {
            keep *= 1 - s * factor
            factor *= Self.decay
        }
        return 1 - keep
    }

    /// The evidence, strongest first, each with its span in UTF-16 code units of the comment text.
    /// - Complexity: O(bytes + items log items), once per explained comment.
    func finished() -> [TriageEvidence] {
        guard !items.isEmpty else { return [] }
        // UTF-16 offset of every byte position: a lead byte of a four-byte sequence is two code
        // units (a surrogate pair), other lead bytes one, continuation bytes none.
        let bytes = text.bytes
        var offsets = [Int](repeating: 0, count: bytes.count + 1)
        var units = 0
        for (i, b) in bytes.enumerated() {
            offsets[i] = units
            if b & 0xC0 != 0x80 { units += b >= 0xF0 ? 2 : 1 }
        }
        offsets[bytes.count] = units
        return items.map { item in
            var e = item.evidence
            e.begin = offsets[Int(text[item.start].start)]
            e.end = offsets[Int(text[item.end - 1].end)]
            return e
        }
        .enumerated().sorted {
            $0.element.strength != $1.element.strength
                ? $0.element.strength > $1.element.strength : $0.offset < $1.offset
        }
        .map(\.element)
    }
}
