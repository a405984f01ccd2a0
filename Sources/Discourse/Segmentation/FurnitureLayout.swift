/// Comment furniture found in one file: which lines are furniture, where the first comment's
/// furniture is, which side of its comment each furniture line sits on, and whether furniture comes
/// before each comment's text or after it.
///
/// Scraped comment sections repeat one template per comment ("Elena July 26, 2012 at 7:58 am",
/// "11. Jul, 2012 / Rishil says:", "Posted by: X | November 06, 2012 at 01:10 PM", "@name · 4h"). A
/// template is found by the *date shape* of short dated lines (the shape from the first date token
/// on, so the names before it do not matter) or by local furniture ("X says:", "3 hours ago",
/// "Reply") repeating in the file; name lines that stand next to most instances, or that repeat the
/// name of the next instance ("MicroSourcing" … "Posted by: MicroSourcing | …"), belong to it. Vote
/// counts next to furniture and section headings ("12 Comments", "Sort by: Newest") join it. Then
/// the file's own shape says which side is which (``FurnitureLayout/assignRoles``): the first
/// comment's header precedes any comment text, the last comment's trailer follows all of it, and
/// every run in between is split into a trailer and a header by those two shapes. Everything is
/// counted with hash tables: linear in the file.
package struct FurnitureLayout: Sendable {
    /// One flag per line.
    package var isFurniture: [Bool]
    /// One role per line (``FurnitureRole/none`` for text).
    package var roles: [FurnitureRole]
    /// First line of the first furniture run (an attached name line or section heading included).
    package var firstRun: Int?
    /// Number of template instances (repeating dated lines and local furniture like "X says:").
    package var instances: Int
    /// Furniture opens each comment (true: "Elena July 26 …" then text) or closes it (false: text
    /// then "by james on January 31, 2011 at 9:59 am.").
    package var precedesText: Bool
    /// The comment section starts at ``firstRun``: furniture opens each comment, or a section heading
    /// ("12 Comments") stands above the first comment of a layout whose furniture closes each comment.
    package var startsAtFirstRun: Bool
    /// Median number of text lines between two furniture runs: how long a comment usually is.
    package var typicalGap: Int

    /// A template repeats (so comments exist almost surely).
    package var hasTemplate: Bool { instances >= 2 }

    static let none = FurnitureLayout(lines: 0)

    init(lines n: Int) {
        isFurniture = [Bool](repeating: false, count: n)
        roles = [FurnitureRole](repeating: .none, count: n)
        firstRun = nil
        instances = 0
        precedesText = true
        startsAtFirstRun = true
        typicalGap = 1
    }

    /// - Parameters:
    ///   - repeats: how often a date shape must occur to count as a template.
    /// - Complexity: O(n) in the lines (hash tables; runs are split with a bounded alignment).
    package static func detect(
        features f: [LineFeatures], tokens: [TokenizedText], blank: [Bool], repeats: Int
    ) -> FurnitureLayout {
        detect(lines: f.map(FurnitureLine.init), blank: blank, repeats: repeats) { pairs in
            pairs.map { contains(tokens[$0.instance], tokens[$0.name]) }
        }
    }

    /// The layout from each line's ``FurnitureLine``; `nameMatches` answers, for (name line,
    /// instance) pairs, whether the instance's tokens hold the name's (``contains(_:_:)``), so that
    /// the tokens of a long page need not be kept (``Segmenter`` asks the source for them).
    static func detect(
        lines f: [FurnitureLine], blank: [Bool], repeats: Int,
        nameMatches: ([(name: Int, instance: Int)]) throws -> [Bool]
    ) rethrows -> FurnitureLayout {
        var layout = FurnitureLayout(lines: f.count)
        guard !f.isEmpty else { return layout }
        var scan = FurnitureScan(lines: f, blank: blank, repeats: repeats)
        scan.findCandidates()
        scan.findTemplates()
        var anchors = scan.templateAnchors()
        let firstTemplate = anchors.first
        if anchors.isEmpty {
            anchors = scan.loneAnchors()
        }
        guard !anchors.isEmpty else { return layout }
        layout.instances = firstTemplate == nil ? min(1, anchors.count) : anchors.count
        for a in anchors {
            layout.isFurniture[a] = true
            for j in scan.attached[a] ?? [] { layout.isFurniture[j] = true }
        }
        let nameMatched = try scan.markRepeatedNames(anchors, in: &layout, nameMatches: nameMatches)
        if firstTemplate != nil { scan.absorbCountsAndHeadings(in: &layout) }
        layout.assignRoles(scan, nameMatched: nameMatched)
        return layout
    }

    /// A name alone on a line, a bare comment number ("2"), or (before an instance) a short title.
    static func isLabel(_ x: FurnitureLine, before: Bool) -> Bool {
        if (x.nameLike && x.words <= 4) || (x.tokens == 1 && x.numbers == 1) { return true }
        guard before else { return false }
        return x.tokens <= 8 && x.questions == 0 && x.exclamations == 0 && (x.words == 0 || !x.endsLikeSentence)
            && !x.sectionHeader
    }

    /// The kind shared by every "by X" / "Posted by X" line.
    static let postedByKind = TermHash.of(normalized: "posted by")
    /// The kind shared by every "X says:" / "X said..." line, whatever the name's shape.
    static let saysKind = TermHash.of(normalized: "says")
    /// The kind shared by every "3 hours ago" / "@name · 4h" line.
    static let agoKind = TermHash.of(normalized: "ago")

    /// True when `needle`'s tokens occur contiguously in `haystack` (same keys).
    static func contains(_ haystack: TokenizedText, _ needle: TokenizedText) -> Bool {
        let m = needle.count
        guard m > 0, m <= haystack.count else { return false }
        let key = needle.key(from: 0, count: m)
        for k in 0...(haystack.count - m) where haystack[k].key == needle[0].key {
            if haystack.key(from: k, count: m) == key { return true }
        }
        return false
    }
}
