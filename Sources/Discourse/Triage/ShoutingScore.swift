/// Shouting: text set in capitals, and runs of `!` and `?`.
///
/// Capitals count by letters of words of two or more letters, so one acronym ("CBC", "NDP") in a
/// sentence stays quiet while "THIS IS A DISGRACE" shouts. Very short comments need five capital
/// letters before they shout ("NO" does not, "LOSERS" does).
enum ShoutingScore {
    static func add(_ text: TokenizedText, into evidence: inout EvidenceCollector) {
        var letters = 0
        var capitals = 0
        var words = 0
        var run = 0
        var longestRun = 0
        var firstCaps = -1
        var lastCaps = -1
        for (i, t) in text.tokens.enumerated() where t.kind == .word {
            let length = t.length
            guard length >= 2 else { continue }
            words += 1
            letters += length
            if t.flags.contains(.allCaps) {
                capitals += length
                if firstCaps < 0 { firstCaps = i }
                lastCaps = i
                if length >= 3 {
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
            if words >= 3 {
                caps = min(1, max(0, (ratio - 0.35) / 0.45))
            } else if capitals >= 5 {
                caps = 0.6 * ratio
            }
            if longestRun >= 3 { caps = max(caps, min(0.6, 0.3 + 0.1 * Double(longestRun - 3))) }
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
                evidence.add(
                    .shouting, marks >= 3 ? 0.35 : 0.2, label: String(repeating: "!", count: min(marks, 5)), i, j)
                i = j
            } else {
                i += 1
            }
        }
    }

    static func isBang(_ text: TokenizedText, _ i: Int) -> Bool {
        let b = text.bytes[Int(text[i].start)]
        return b == 0x21 || b == 0x3F
    }
}
