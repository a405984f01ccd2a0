/// Shouting: text set in capitals, and runs of `!` and `?`.
///
/// Capitals count by letters of words of two or more letters, so one acronym ("CBC", "NDP") in a
/// sentence stays quiet while "THIS IS A DISGRACE" shouts. Very short comments need five capital
/// letters before they shout ("NO" does not, "LOSERS" does).
enum ShoutingScore {
    static func add(_ text: TokenizedText, into evidence: inout EvidenceCollector) {
        let p = TriageWeights.Shouting.self
        var letters = 0
        var capitals = 0
        var words = 0
        var run = 0
        var longestRun = 0
        var firstCaps = -1
        var lastCaps = -1
        for (i, t) in text.tokens.enumerated() where t.kind == .word {
            let length = t.length
            guard length >= p.minimumWordLength else { continue }
            words += 1
            letters += length
            if t.flags.contains(.allCaps) {
                capitals += length
                if firstCaps < 0 { firstCaps = i }
                lastCaps = i
                if length >= p.runWordLength {
                    run += 1
                    longestRun = max(longestRun, run)
                }
            } else {
                run = 0
            }
        }
        var caps = 0.0
        if letters > 0 {
            let ratio = Double(capitals) / Double(letters)
            if words >= p.minimumWords {
                caps = min(1, max(0, (ratio - p.ratioFloor) / p.ratioSpan))
            } else if capitals >= p.shortCapitals {
                caps = p.shortFactor * ratio
            }
            if longestRun >= p.runWords {
                caps = max(caps, min(p.runMax, p.runBase + p.runStep * Double(longestRun - p.runWords)))
            }
        }
        if caps > 0, firstCaps >= 0 { evidence.add(.shouting, caps, label: "capitals", firstCaps, lastCaps + 1) }
        // Runs of ! and ?, also mixed ("?!?!"): adjacent punctuation tokens of those marks.
        var i = 0
        let n = text.count
        while i < n {
            var marks = 0
            var j = i
            while j < n, text[j].kind == .punctuation, isBang(text, j), j == i || !text[j].flags.contains(.spaceBefore)
            {
                marks += text[j].length
                j += 1
            }
            if marks >= 2 {
                // Counted by run length alone ("??" and "!!" are one signal), shown as written.
                evidence.add(
                    .shouting, marks >= 3 ? p.manyMarks : p.twoMarks, label: markLabel(text, i, j, p.labelMarks),
                    countedAs: String(repeating: "!", count: min(marks, p.labelMarks)), i, j)
                i = j
            } else {
                i += 1
            }
        }
    }

    /// The run's own marks, at most `limit` of them: "??" is labelled "??", not "!!", so a moderator
    /// reads what the comment wrote.
    static func markLabel(_ text: TokenizedText, _ start: Int, _ end: Int, _ limit: Int) -> String {
        var bytes: [UInt8] = []
        for k in start..<end {
            let t = text[k]
            for b in Int(t.start)..<Int(t.start) + t.length where bytes.count < limit {
                bytes.append(text.bytes[b])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isBang(_ text: TokenizedText, _ i: Int) -> Bool {
        let b = text.bytes[Int(text[i].start)]
        return b == 0x21 || b == 0x3F
    }
}
