/// The one-line progress display of long batch runs: a bar (when the total is known), files done,
/// comments per second and the time left.
package enum ProgressLine {
    package static func render(done: Int, total: Int?, comments: Int, elapsed: Double, width: Int) -> String {
        let rate = elapsed > 0 ? Double(comments) / elapsed : 0
        var parts: [String] = []
        if let total, total > 0 {
            parts.append("\(done)/\(total) files")
        } else {
            parts.append("\(done) files")
        }
        parts.append("\(grouped(Int(rate))) comments/s")
        if let total, done > 0, done < total, elapsed > 0 {
            let remaining = elapsed / Double(done) * Double(total - done)
            parts.append("ETA \(clock(remaining))")
        }
        let text = parts.joined(separator: " · ")
        guard let total, total > 0 else { return text }
        let barWidth = max(10, min(40, width - DisplayWidth.of(text) - 4))
        let filled = min(barWidth, Int((Double(done) / Double(total) * Double(barWidth)).rounded(.down)))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "] "
            + text
    }

    /// 1234567 → "1,234,567".
    package static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// Seconds as "m:ss" or "h:mm:ss".
    package static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60)
        let mm = m < 10 && h > 0 ? "0\(m)" : "\(m)"
        let ss = sec < 10 ? "0\(sec)" : "\(sec)"
        return h > 0 ? "\(h):\(mm):\(ss)" : "\(mm):\(ss)"
    }
}
