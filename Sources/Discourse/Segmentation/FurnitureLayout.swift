/// Comment furniture found in one file: which lines are furniture, where the first comment's
/// furniture is, and whether furniture comes before each comment's text or after it.
///
/// Scraped comment sections repeat one template per comment ("Elena July 26, 2012 at 7:58 am",
/// "11. Jul, 2012 / Rishil says:", "Posted by: X | November 06, 2012 at 01:10 PM"). A template is
/// found by the *date shape* of short dated lines (the shape from the first date token on, so the
/// names before it do not matter) repeating in the file; name lines that stand next to most
/// instances, or that repeat the name of the next instance ("MicroSourcing" … "Posted by:
/// MicroSourcing | …"), belong to it. Everything is counted with hash tables: linear in the file.
public struct FurnitureLayout: Sendable {
    /// One flag per line.
    public var isFurniture: [Bool]
    /// First line of the first furniture run (an attached name line included), if there is furniture.
    public var firstRun: Int?
    /// Number of template instances (repeating dated lines and local furniture like "X says:").
    public var instances: Int
    /// Furniture opens each comment (true: "Elena July 26 …" then text) or closes it (false: text
    /// then "by james on January 31, 2011 at 9:59 am.").
    public var precedesText: Bool
    /// Median number of text lines between two furniture runs: how long a comment usually is.
    public var typicalGap: Int

    /// A template repeats (so comments exist almost surely).
    public var hasTemplate: Bool { instances >= 2 }

    static let none = FurnitureLayout(isFurniture: [], firstRun: nil, instances: 0, precedesText: true, typicalGap: 1)

    /// - Parameters:
    ///   - repeats: how often a date shape must occur to count as a template.
    public static func detect(
        features f: [LineFeatures], tokens: [TokenizedText], blank: [Bool], repeats: Int
    ) -> FurnitureLayout {
        let n = f.count
        var layout = FurnitureLayout(
            isFurniture: [Bool](repeating: false, count: n), firstRun: nil, instances: 0, precedesText: true,
            typicalGap: 1)
        guard n > 0 else { return layout }

        // 1. Candidate furniture: short dated lines, "by X" lines, and locally obvious furniture
        //    ("X says:", "3 hours ago", "Reply"). Each has a kind; a kind that repeats is a template.
        @inline(__always) func kindOf(_ i: Int) -> UInt64? {
            let x = f[i]
            if x.saysColon && x.words <= 12 { return saysKind }
            if x.hasAgo && x.words <= 12 { return agoKind }
            if x.isLocalFurniture { return x.shape }
            if x.postedBy && x.words <= 16 { return postedByKind }
            if x.dateShape != 0, x.words <= 14, x.tokens <= 28, x.nameWords <= 4, x.questions == 0,
                x.exclamations == 0, x.metaReferences == 0, x.praise == 0, x.firstPerson == 0, x.secondPerson == 0,
                !x.listItem || x.words <= 6, !x.dateInParens
            {
                return x.dateShape
            }
            return nil
        }
        var kinds = [UInt64?](repeating: nil, count: n)
        var counts: [UInt64: Int] = [:]
        for i in 0..<n where !blank[i] {
            kinds[i] = kindOf(i)
            if let k = kinds[i] { counts[k, default: 0] += 1 }
        }
        // The first three lines hold the article's own byline and dateline ("by Paulo Coelho on July
        // 21, 2012", "5 Nov 2012"): those never count. Other candidates there count only when the next
        // one follows closely or their kind repeats with a clock time (a comment right under the title).
        var excluded = [Bool](repeating: false, count: n)
        var nonBlankSeen = 0
        for a in 0..<n where !blank[a] {
            nonBlankSeen += 1
            if nonBlankSeen > 3 { break }
            guard let kind = kinds[a] else { continue }
            var next = a + 1
            while next < n, kinds[next] == nil { next += 1 }
            let closeFollower = (next < n && next - a <= 4
                && (kinds[next] == kind || (kinds[next].map { counts[$0, default: 0] } ?? 0) >= repeats))
                || (counts[kind, default: 0] >= repeats && f[a].hasTime)
            let byline = kind == postedByKind || f[a].dateOnly
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
        // Lines next to most instances of a kind: names ("Ruben Turtulici" / "Jul 20 2012"), comment
        // numbers ("2"), titles; a date-only kind ("November 8, 2012,") is furniture only with them.
        var attached: [Int: [Int]] = [:]  // kind instance -> attached line
        var templateKinds: Set<UInt64> = []
        var byKind: [UInt64: [Int]] = [:]
        for i in 0..<n where kinds[i] != nil && counts[kinds[i]!, default: 0] >= repeats {
            byKind[kinds[i]!, default: []].append(i)
        }
        for (kind, instances) in byKind {
            var hasAttachment = false
            for side in [-1, 1] {
                var beside: [Int] = []
                for a in instances {
                    let j = a + side
                    if j >= 0, j < n, !blank[j], kinds[j] == nil, !excluded[j], isLabel(f[j], before: side < 0) {
                        beside.append(j)
                    }
                }
                if beside.count >= 2, Double(beside.count) >= 0.6 * Double(instances.count) {
                    hasAttachment = true
                    for j in beside { attached[j - side, default: []].append(j) }
                }
            }
            // Bare dates repeat in articles too (datelines, dated lists); bare timestamps with a clock
            // time ("October 16, 2012 11:57 AM" under each comment) do not.
            let dateOnly = instances.allSatisfy { f[$0].dateOnly }
            let timestamps = instances.allSatisfy { f[$0].hasDate && f[$0].hasTime }
            if !dateOnly || hasAttachment || timestamps { templateKinds.insert(kind) }
        }
        var anchors: [Int] = []
        var firstTemplate: Int? = nil
        for i in 0..<n {
            guard let k = kinds[i] else { continue }
            if templateKinds.contains(k) {
                anchors.append(i)
                if firstTemplate == nil { firstTemplate = i }
            }
        }
        if anchors.isEmpty {
            // No template: a lone furniture line still counts when it is obviously one ("X says:") or
            // names someone with a date and a time ("hernan zenteno November 12, 2012 at 1:43 pm").
            // ... but only after some article text: a dated byline above the article is the article's.
            var longLines = 0
            for i in 0..<n where !blank[i] {
                if kinds[i] == nil, f[i].words >= 10 { longLines += 1 }
                guard longLines >= 1, kinds[i] != nil else { continue }
                let x = f[i]
                // Page chrome ("Permalink", "Share") alone proves nothing; a speaker or a dated name does.
                let votes = x.furnitureOnly && x.numbers > 0  // "Montemalone 44 pts"
                if x.saysColon || x.hasAgo || votes || (x.hasDate && x.hasTime && x.nameWords > 0) {
                    anchors.append(i)
                } else if x.dateOnly, x.hasTime, i > 0, !blank[i - 1], f[i - 1].nameLike, !f[i - 1].postedBy, kinds[i - 1] == nil {
                    anchors.append(i)  // "Alan Tay" / "7 Aug 12 at 11:21 pm"
                }
            }
            // After a lone instance, other furniture-like lines ("October 9, 2012 3:04 PM" after
            // "Emily said...") belong to the same comments.
            if let first = anchors.first {
                anchors = [first] + ((first + 1)..<max(first + 1, n)).filter { kinds[$0] != nil }
            }
            // A lone instance keeps the name line just before it.
            for a in anchors where a > 0 && !blank[a - 1] && kinds[a - 1] == nil && f[a - 1].nameLike && f[a - 1].words <= 4 {
                attached[a, default: []].append(a - 1)
            }
        } else if let first = firstTemplate {
            // Before the template, only obvious furniture of the template's own kinds counts.
            anchors.removeAll { $0 < first }
        }
        guard !anchors.isEmpty else { return layout }
        layout.instances = firstTemplate == nil ? min(1, anchors.count) : anchors.count
        for a in anchors {
            layout.isFurniture[a] = true
            for j in attached[a] ?? [] { layout.isFurniture[j] = true }
        }
        var nameMatched = false
        if anchors.count >= 2 {
            // A name line that repeats the name of the next instance (Typepad: name, text, "Posted by: name").
            var previous = -1
            for a in anchors {
                var j = previous + 1
                while j < a, blank[j] { j += 1 }
                if previous >= 0, j < a, kinds[j] == nil, f[j].nameLike, contains(tokens[a], tokens[j]) {
                    layout.isFurniture[j] = true
                    nameMatched = true
                }
                previous = a
            }
        }

        // 4. Runs, orientation, typical comment length.
        var runs: [(start: Int, end: Int)] = []
        var i = 0
        while i < n {
            if layout.isFurniture[i] {
                var end = i
                var j = i + 1
                while j < n, layout.isFurniture[j] || blank[j] {
                    if layout.isFurniture[j] { end = j }
                    j += 1
                }
                runs.append((i, end))
                i = end + 1
            } else {
                i += 1
            }
        }
        guard let first = runs.first else { return layout }
        layout.firstRun = first.start
        var lastNonBlank = n - 1
        while lastNonBlank > 0, blank[lastNonBlank] { lastNonBlank -= 1 }
        let opensWithSays = (first.start...first.end).contains { f[$0].saysColon }
        // Furniture on both sides of each comment ("posted by X · 3 hours ago" / text / "Reply · 42
        // points"): the runs between comments end with a line of the first run's kind, which opens.
        let openerKinds = Set((first.start...first.end).compactMap { layout.isFurniture[$0] ? kinds[$0] : nil })
        let between = runs.dropFirst().dropLast()
        let bracketed = !openerKinds.isEmpty && !between.isEmpty && between.allSatisfy { run in
            guard run.end > run.start, let last = kinds[run.end], let head = kinds[run.start] else { return false }
            return openerKinds.contains(last) && !openerKinds.contains(head)
        }
        if opensWithSays || bracketed {
            layout.precedesText = true  // "Elena says:" introduces the text below it
        } else if nameMatched || layout.isFurniture[lastNonBlank] {
            layout.precedesText = false  // the file ends with furniture: it closes each comment
        } else {
            layout.precedesText = true
        }
        var gaps: [Int] = []
        for k in 1..<max(1, runs.count) {
            var text = 0
            for j in (runs[k - 1].end + 1)..<runs[k].start where !blank[j] { text += 1 }
            gaps.append(text)
        }
        if !gaps.isEmpty {
            gaps.sort()
            layout.typicalGap = max(1, gaps[gaps.count / 2])
        } else {
            layout.typicalGap = 3  // one comment: allow a few paragraphs
        }
        return layout
    }

    /// A name alone on a line, a bare comment number ("2"), or (before an instance) a short title.
    static func isLabel(_ x: LineFeatures, before: Bool) -> Bool {
        if (x.nameLike && x.words <= 4) || (x.tokens == 1 && x.numbers == 1) { return true }
        guard before else { return false }
        return x.tokens <= 8 && x.questions == 0 && x.exclamations == 0 && (x.words == 0 || !x.endsLikeSentence)
    }

    /// The kind shared by every "by X" / "Posted by X" line.
    static let postedByKind = TermHash.of(normalized: "posted by")
    /// The kind shared by every "X says:" / "X said..." line, whatever the name's shape.
    static let saysKind = TermHash.of(normalized: "says")
    /// The kind shared by every "3 hours ago" line.
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
