extension FurnitureLayout {
    /// The coarse shape of one furniture line, for aligning runs with the layout's header and trailer.
    enum Part: UInt8, Sendable {
        case says, postedBy, datedName, date, votes, action, name, other

        init(_ x: FurnitureLine) {
            if x.saysColon {
                self = .says
            } else if x.postedBy {
                self = .postedBy
            } else if x.voteCount {
                self = .votes
            } else if x.hasDate || x.hasTime || x.hasAgo {
                self = x.nameWords > 0 || x.mentions > 0 ? .datedName : .date
            } else if x.isLocalFurniture || x.furnitureOnly {
                self = .action
            } else if x.nameLike {
                self = .name
            } else {
                self = .other
            }
        }
    }

    /// Step 4: runs, orientation, the side of every furniture line, typical comment length.
    ///
    /// The layout is read off the file itself. The last run, when nothing but furniture follows it,
    /// is the last comment's trailer; the first run is the first comment's header unless the runs
    /// between are better explained as trailers alone (text, then "Posted by X | date", every time).
    /// Each run between two texts is then split where its start best matches the trailer and its end
    /// the header (edit distance over line ``Part``s, so a missing vote line does not shift the split).
    mutating func assignRoles(_ scan: FurnitureScan, nameMatched: Bool) {
        let f = scan.f
        let blank = scan.blank
        let runs = furnitureRuns(blank: blank)
        guard let firstAny = runs.first else { return }
        firstRun = firstAny.lowerBound
        typicalGap = Self.typicalGap(runs, blank: blank)
        // Headings belong to the section; the other lines of each run to its comments.
        var bodies: [[Int]] = []
        for run in runs {
            var body: [Int] = []
            for i in run where isFurniture[i] {
                if f[i].sectionHeader { roles[i] = .section } else { body.append(i) }
            }
            bodies.append(body)
        }
        let templateRuns = bodies.indices.filter { !bodies[$0].isEmpty }
        guard let firstT = templateRuns.first, let lastT = templateRuns.last else { return }
        var endsWithFurniture = true
        for i in (runs[lastT].upperBound)..<isFurniture.count where !blank[i] && !isFurniture[i] {
            endsWithFurniture = false
            break
        }
        let parts = bodies.map { $0.map { Part(f[$0]) } }
        let firstParts = parts[firstT]
        var trailer = endsWithFurniture ? parts[lastT] : []
        let middles = templateRuns.dropFirst().dropLast(endsWithFurniture ? 1 : 0)
        let headerFirst: Bool
        if bodies[firstT].contains(where: { f[$0].saysColon }) {
            headerFirst = true  // "Elena says:" introduces the text below it
        } else if nameMatched {
            headerFirst = false  // Typepad: the name above the text repeats the "Posted by" below it
        } else if !endsWithFurniture {
            headerFirst = true
        } else if firstT == lastT {
            headerFirst = false  // one run, after all the text
        } else if middles.isEmpty {
            headerFirst = firstParts != trailer
        } else {
            var bracketed = 0
            var trailersOnly = 0
            for m in middles {
                bracketed += Self.split(parts[m], trailer: trailer, header: firstParts).cost
                trailersOnly += Self.editDistance(parts[m][...], trailer[...])
            }
            headerFirst = bracketed < trailersOnly
        }
        precedesText = headerFirst
        startsAtFirstRun = headerFirst
        let header = headerFirst ? firstParts : []
        if headerFirst, !endsWithFurniture {
            trailer = Self.commonTrailer(middles.map { parts[$0] }, header: header)
        }
        for i in bodies[firstT] { roles[i] = headerFirst ? .header : .trailer }
        for m in middles {
            let k = Self.split(parts[m], trailer: trailer, header: header).k
            for (j, i) in bodies[m].enumerated() { roles[i] = j < k ? .trailer : .header }
        }
        if endsWithFurniture, lastT != firstT {
            for i in bodies[lastT] { roles[i] = .trailer }
        }
        if !headerFirst { findHeadingAbove(runs[firstT].lowerBound, scan) }
    }

    /// Maximal runs of furniture lines (blank lines inside a run join it).
    func furnitureRuns(blank: [Bool]) -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        let n = isFurniture.count
        var i = 0
        while i < n {
            guard isFurniture[i] else {
                i += 1
                continue
            }
            var end = i
            var j = i + 1
            while j < n, isFurniture[j] || blank[j] {
                if isFurniture[j] { end = j }
                j += 1
            }
            runs.append(i...end)
            i = end + 1
        }
        return runs
    }

    /// Median number of text lines between two runs (3 with one run: allow a few paragraphs).
    static func typicalGap(_ runs: [ClosedRange<Int>], blank: [Bool]) -> Int {
        guard runs.count >= 2 else { return 3 }
        var gaps: [Int] = []
        for k in 1..<runs.count {
            var text = 0
            for j in (runs[k - 1].upperBound + 1)..<runs[k].lowerBound where !blank[j] { text += 1 }
            gaps.append(text)
        }
        gaps.sort()
        return max(1, gaps[gaps.count / 2])
    }

    /// When furniture closes each comment, section headings ("12 Comments" / "Sort by: Newest") a
    /// few text lines above the first trailer open the section: the first comment's text lies
    /// between. The article's own first three lines ("4 Comments" under the title) never do.
    mutating func findHeadingAbove(_ first: Int, _ scan: FurnitureScan) {
        let f = scan.f
        let blank = scan.blank
        var text = 0
        var j = first - 1
        let limit = min(8, max(3, 2 * typicalGap))
        while j >= 0, text <= limit, blank[j] || !f[j].sectionHeader {
            if !blank[j] { text += 1 }
            j -= 1
        }
        guard j >= 0, text >= 1, text <= limit else { return }
        var top = j
        var k = j - 1
        while k >= 0, blank[k] || f[k].sectionHeader {
            if !blank[k] { top = k }
            k -= 1
        }
        guard (0..<top).reduce(0, { $0 + (blank[$1] ? 0 : 1) }) >= 3 else { return }
        for i in top...j where !blank[i] {
            isFurniture[i] = true
            roles[i] = .section
        }
        firstRun = top
        startsAtFirstRun = true
    }

    /// The trailer of a file whose last comment has none: what the runs between comments most often
    /// hold before the header ("♥ 12 · Reply" before "@name · 4h"), or nothing.
    static func commonTrailer(_ middles: [[Part]], header: [Part]) -> [Part] {
        var counts: [[Part]: Int] = [:]
        for m in middles where m.count > header.count && Array(m.suffix(header.count)) == header {
            counts[Array(m.prefix(m.count - header.count)), default: 0] += 1
        }
        guard
            let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.count > $1.key.count) }),
            best.value * 2 >= middles.count
        else { return [] }
        return best.key
    }

    /// Where run `p` splits into the previous comment's trailer (`p[..<k]`) and the next comment's
    /// header (`p[k...]`): the k with the least edit distance to the two shapes; on a tie, the
    /// longest header (a line that fits both sides more likely opens the next comment). Without a
    /// header shape the whole run closes the comment above; without a trailer shape it opens the next.
    /// - Complexity: O(|p| · (|trailer| + |header|)).
    static func split(_ p: [Part], trailer: [Part], header: [Part]) -> (k: Int, cost: Int) {
        if header.isEmpty { return (p.count, editDistance(p[...], trailer[...])) }
        if trailer.isEmpty { return (0, editDistance(p[...], header[...])) }
        let toTrailer = prefixDistances(p, trailer)
        let toHeader = Array(prefixDistances(p.reversed(), header.reversed()).reversed())
        var best = (k: 0, cost: Int.max)
        for k in 0...p.count where toTrailer[k] + toHeader[k] < best.cost {
            best = (k, toTrailer[k] + toHeader[k])
        }
        return best
    }

    /// Edit distance of `p[..<k]` to `shape`, for every k (one DP row per line of `p`).
    static func prefixDistances(_ p: [Part], _ shape: [Part]) -> [Int] {
        var row = Array(0...shape.count)
        var result = [row[shape.count]]
        for x in p {
            var next = [row[0] + 1]
            for (j, y) in shape.enumerated() {
                next.append(min(row[j] + (x == y ? 0 : 1), row[j + 1] + 1, next[j] + 1))
            }
            row = next
            result.append(row[shape.count])
        }
        return result
    }

    static func editDistance(_ a: ArraySlice<Part>, _ b: ArraySlice<Part>) -> Int {
        prefixDistances(Array(a), Array(b)).last ?? 0
    }
}
