/// The working state of one ``FurnitureLayout/detect(features:tokens:blank:repeats:)`` run: the
/// candidate furniture lines, their kinds, and the lines attached to template instances.
struct FurnitureScan {
    let f: [FurnitureLine]
    let blank: [Bool]
    let repeats: Int
    var n: Int { f.count }
    /// The template kind of each candidate line (nil: not a candidate).
    var kinds: KindTable
    var counts: [UInt64: Int] = [:]
    /// Candidates in the first lines that are the article's own byline or dateline.
    var excluded: [Bool]
    /// Template instance → lines attached to it (names, comment numbers, titles).
    var attached: [Int: [Int]] = [:]
    var templateKinds: Set<UInt64> = []

    init(lines: [FurnitureLine], blank: [Bool], repeats: Int) {
        f = lines
        self.blank = blank
        self.repeats = repeats
        kinds = KindTable(count: lines.count)
        excluded = [Bool](repeating: false, count: lines.count)
    }

    /// The kind of a candidate furniture line: short dated lines, "by X" lines, and locally obvious
    /// furniture ("X says:", "3 hours ago", "Reply"). A kind that repeats is a template.
    func kindOf(_ i: Int) -> UInt64? {
        let x = f[i]
        if x.saysColon && x.words <= 12 { return FurnitureLayout.saysKind }
        if x.hasAgo && x.words <= 12 { return FurnitureLayout.agoKind }
        if x.isLocalFurniture { return x.shape }
        if x.postedBy && x.words <= 16 { return FurnitureLayout.postedByKind }
        if x.dateShape != 0, x.words <= 14, x.tokens <= 28, x.nameWords <= 4, x.questions == 0,
            x.exclamations == 0, x.metaReferences == 0, x.praise == 0, x.firstPerson == 0, x.secondPerson == 0,
            !x.listItem || x.words <= 6, !x.dateInParens
        {
            return x.dateShape
        }
        return nil
    }

    /// Step 1: candidates and their kinds, minus the article's byline, minus kinds whose instances
    /// all stand in one block.
    mutating func findCandidates() {
        for i in 0..<n where !blank[i] {
            kinds[i] = kindOf(i)
            if let k = kinds[i] { counts[k, default: 0] += 1 }
        }
        // The first three lines hold the article's own byline and dateline ("by Paulo Coelho on July
        // 21, 2012", "5 Nov 2012"): those never count. Other candidates there count only when the next
        // one follows closely or their kind repeats with a clock time (a comment right under the title).
        var nonBlankSeen = 0
        for a in 0..<n where !blank[a] {
            nonBlankSeen += 1
            if nonBlankSeen > 3 { break }
            guard let kind = kinds[a] else { continue }
            var next = a + 1
            while next < n, kinds[next] == nil { next += 1 }
            let closeFollower =
                (next < n && next - a <= 4
                    && (kinds[next] == kind || (kinds[next].map { counts[$0, default: 0] } ?? 0) >= repeats))
                || (counts[kind, default: 0] >= repeats && f[a].hasTime)
            let byline = kind == FurnitureLayout.postedByKind || f[a].dateOnly
            if byline || !closeFollower {
                counts[kind, default: 1] -= 1
                kinds[a] = nil
                excluded[a] = true
            }
        }
        // A kind repeats only when its instances stand apart: a block of adjacent lines ("By Maria
        // Gonzalez" / "Published March 14") is one byline, not two comments.
        var groups: [UInt64: Int] = [:]
        var previousKind: UInt64? = nil
        for i in 0..<n where !blank[i] {
            if let k = kinds[i], k != previousKind { groups[k, default: 0] += 1 }
            previousKind = kinds[i]
        }
        for (k, c) in counts where c >= repeats && groups[k, default: 0] < 2 { counts[k] = 1 }
    }

    /// Step 2: the kinds that make a template, and the lines next to most of their instances: names
    /// ("Ruben Turtulici" / "Jul 20 2012"), comment numbers ("2"), titles. A date-only kind
    /// ("November 8, 2012,") is furniture only with them.
    mutating func findTemplates() {
        var byKind: [UInt64: [Int]] = [:]
        for i in 0..<n {
            if let k = kinds[i], counts[k, default: 0] >= repeats { byKind[k, default: []].append(i) }
        }
        for (kind, instances) in byKind {
            var hasAttachment = false
            for side in [-1, 1] {
                var beside: [Int] = []
                for a in instances {
                    let j = a + side
                    if j >= 0, j < n, !blank[j], kinds[j] == nil, !excluded[j],
                        FurnitureLayout.isLabel(f[j], before: side < 0)
                    {
                        beside.append(j)
                    }
                }
                if beside.count >= 2, Double(beside.count) >= 0.6 * Double(instances.count) {
                    hasAttachment = true
                    for j in Self.sameShape(beside, f) { attached[j - side, default: []].append(j) }
                }
            }
            // Bare dates repeat in articles too (datelines, dated lists); bare timestamps with a clock
            // time ("October 16, 2012 11:57 AM" under each comment) do not.
            let dateOnly = instances.allSatisfy { f[$0].dateOnly }
            let timestamps = instances.allSatisfy { f[$0].hasDate && f[$0].hasTime }
            if !dateOnly || hasAttachment || timestamps { templateKinds.insert(kind) }
        }
        // A bare date right next to most instances of a template ("Becky says:" / "Feb 12, 2020") is
        // part of it.
        for (kind, instances) in byKind where !templateKinds.contains(kind) {
            let beside = instances.filter { a in
                [a - 1, a + 1].contains { j in
                    j >= 0 && j < n && kinds[j].map { $0 != kind && templateKinds.contains($0) } ?? false
                }
            }
            if beside.count >= 2, Double(beside.count) >= 0.6 * Double(instances.count) { templateKinds.insert(kind) }
        }
    }

    /// The lines beside a template's instances, less any line whose shape (name, count, title) no
    /// other line there shares: a short comment ("Go join your buddy") that happens to stand above
    /// "Reply" where the vote counts usually are is text, not a title.
    static func sameShape(_ beside: [Int], _ f: [FurnitureLine]) -> [Int] {
        guard beside.count >= 3 else { return beside }
        var counts: [FurnitureLayout.Part: Int] = [:]
        for j in beside { counts[FurnitureLayout.Part(f[j]), default: 0] += 1 }
        return beside.filter { counts[FurnitureLayout.Part(f[$0]), default: 0] >= 2 }
    }

    /// The instances of template kinds, in line order.
    func templateAnchors() -> [Int] {
        (0..<n).filter { i in kinds[i].map { templateKinds.contains($0) } ?? false }
    }

    /// No template: a lone furniture line still counts when it is obviously one ("X says:") or names
    /// someone with a date and a time ("hernan zenteno November 12, 2012 at 1:43 pm"), but only after
    /// some article text: a dated byline above the article is the article's.
    mutating func loneAnchors() -> [Int] {
        var anchors: [Int] = []
        var longLines = 0
        for i in 0..<n where !blank[i] {
            if kinds[i] == nil, f[i].words >= 10 { longLines += 1 }
            guard longLines >= 1, kinds[i] != nil else { continue }
            let x = f[i]
            // Page chrome ("Permalink", "Share") alone proves nothing; a speaker or a dated name does.
            let votes = x.furnitureOnly && x.numbers > 0  // "Montemalone 44 pts"
            if x.saysColon || x.hasAgo || votes || (x.hasDate && x.hasTime && x.nameWords > 0) {
                anchors.append(i)
            } else if x.dateOnly, x.hasTime, i > 0, !blank[i - 1], f[i - 1].nameLike, !f[i - 1].postedBy,
                kinds[i - 1] == nil
            {
                anchors.append(i)  // "Alan Tay" / "7 Aug 12 at 11:21 pm"
            }
        }
        // After a lone instance, other furniture-like lines ("October 9, 2012 3:04 PM" after "Emily
        // said...") belong to the same comments.
        if let first = anchors.first {
            anchors = [first] + ((first + 1)..<max(first + 1, n)).filter { kinds[$0] != nil }
        }
        // A lone instance keeps the name line just before it.
        for a in anchors where a > 0 && !blank[a - 1] && kinds[a - 1] == nil && f[a - 1].nameLike && f[a - 1].words <= 4
        {
            attached[a, default: []].append(a - 1)
        }
        return anchors
    }

    /// A name line that repeats the name of the next instance (Typepad: name, text, "Posted by: name").
    /// `nameMatches` says, for each (name line, instance) pair, whether the instance holds the name's
    /// tokens (``FurnitureLayout/contains(_:_:)``): asked once for all pairs, so a page read in
    /// passes reads the lines of the pairs once.
    func markRepeatedNames(
        _ anchors: [Int], in layout: inout FurnitureLayout,
        nameMatches: ([(name: Int, instance: Int)]) throws -> [Bool]
    ) rethrows -> Bool {
        guard anchors.count >= 2 else { return false }
        var pairs: [(name: Int, instance: Int)] = []
        var previous = -1
        for a in anchors {
            var j = previous + 1
            while j < a, blank[j] { j += 1 }
            if previous >= 0, j < a, kinds[j] == nil, f[j].nameLike { pairs.append((j, a)) }
            previous = a
        }
        guard !pairs.isEmpty else { return false }
        var matched = false
        for (pair, found) in zip(pairs, try nameMatches(pairs)) where found {
            layout.isFurniture[pair.name] = true
            matched = true
        }
        return matched
    }

    /// Once a template is found, vote counts ("5", "12 points") and section headings ("12 Comments",
    /// "Sort by: Newest", "Leave a reply") that touch its furniture, or stand anywhere after its first
    /// instance, are furniture too; so is local furniture ("Reply") after it.
    func absorbCountsAndHeadings(in layout: inout FurnitureLayout) {
        guard let first = layout.isFurniture.firstIndex(of: true) else { return }
        func extra(_ i: Int) -> Bool { f[i].voteCount || f[i].sectionHeader || f[i].isLocalFurniture }
        // Forwards: headings and local furniture anywhere after the first instance, then counts that
        // touch furniture ("5" above "Reply").
        for i in first..<n where !blank[i] && (f[i].sectionHeader || f[i].isLocalFurniture) {
            layout.isFurniture[i] = true
        }
        var counts = 0
        for i in first..<n where !blank[i] && f[i].voteCount && touchesFurniture(i, layout) {
            layout.isFurniture[i] = true
            counts += 1
        }
        // Where vote counts are furniture, one standing alone is too (the last comment's "148").
        if counts >= 2 {
            for i in first..<n where !blank[i] && f[i].voteCount { layout.isFurniture[i] = true }
        }
        // Backwards from the first instance: headings and counts right above it ("12 Comments" /
        // "Sort by: Newest" / "Kevin Marsh"), blank lines between allowed, never into the first three
        // lines (the article's own "4 Comments" under its title).
        var headerEnd = 0
        var seen = 0
        while headerEnd < n, seen < 3 {
            if !blank[headerEnd] { seen += 1 }
            headerEnd += 1
        }
        var j = first - 1
        while j >= headerEnd, blank[j] || (extra(j) && !excluded[j]) {
            if !blank[j] { layout.isFurniture[j] = true }
            j -= 1
        }
    }

    /// The nearest non-blank line above or below `i` is furniture.
    func touchesFurniture(_ i: Int, _ layout: FurnitureLayout) -> Bool {
        var a = i - 1
        while a >= 0, blank[a] { a -= 1 }
        var b = i + 1
        while b < n, blank[b] { b += 1 }
        return (a >= 0 && layout.isFurniture[a]) || (b < n && layout.isFurniture[b])
    }
}

/// The template kind of each line, or nil: an array of `UInt64?` in 9 bytes a line instead of 16
/// (a million-line page's furniture search holds one, #12).
struct KindTable {
    private var keys: [UInt64]
    private var present: [Bool]

    init(count: Int) {
        keys = [UInt64](repeating: 0, count: count)
        present = [Bool](repeating: false, count: count)
    }

    subscript(i: Int) -> UInt64? {
        get { present[i] ? keys[i] : nil }
        set {
            present[i] = newValue != nil
            keys[i] = newValue ?? 0
        }
    }
}
