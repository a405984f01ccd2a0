/// An aligned plain-text table for the terminal: fixed columns sized to their widest cell, and one
/// flexible column (usually the comment text) that takes the remaining width and is truncated.
package struct TextTable: Sendable {
    package struct ColumnSpec: Sendable {
        package var title: String
        package var alignRight: Bool
        /// The column that takes the width left over.
        package var flexible: Bool

        package init(_ title: String, alignRight: Bool = false, flexible: Bool = false) {
            self.title = title
            self.alignRight = alignRight
            self.flexible = flexible
        }
    }

    package var columns: [ColumnSpec]
    package var rows: [[String]] = []
    /// Optional ANSI style per row (e.g. a colour for a sentiment label), applied to the whole row.
    package var rowStyles: [Style?] = []

    package init(columns: [ColumnSpec]) {
        self.columns = columns
    }

    package mutating func append(_ cells: [String], style: Style? = nil) {
        // Measured as shown: a control character is drawn as U+FFFD, one column wide.
        rows.append(cells.map { DisplayWidth.printable($0, keepingLineBreaks: true) })
        rowStyles.append(style)
    }

    /// The table as lines fitting `width` terminal columns.
    package func render(width: Int, color: Bool) -> String {
        let gap = 2
        var widths = columns.map { DisplayWidth.of($0.title) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count && !columns[i].flexible {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        let flex = columns.firstIndex(where: \.flexible)
        // Too wide for the terminal: narrow the widest left-aligned fixed column (a path, a list of
        // reasons) until the row fits with at least 12 columns of text, or nothing is left to narrow.
        let floor = 12
        while true {
            let total =
                widths.reduce(0, +) - (flex.map { widths[$0] } ?? 0) + gap * (columns.count - 1)
                + (flex == nil ? 0 : floor)
            guard total > width else { break }
            let candidates = columns.indices.filter {
                $0 != flex && !columns[$0].alignRight && widths[$0] > max(8, DisplayWidth.of(columns[$0].title))
            }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= min(total - width, widths[widest] - max(8, DisplayWidth.of(columns[widest].title)))
        }
        if let flex {
            let fixed = widths.enumerated().filter { $0.offset != flex }.reduce(0) { $0 + $1.element }
            widths[flex] = max(floor, width - fixed - gap * (columns.count - 1))
        }
        var out = ""
        func line(_ cells: [String], style: Style?) {
            var parts: [String] = []
            for (i, spec) in columns.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let cut = DisplayWidth.truncate(cell, to: widths[i])
                let isLast = i == columns.count - 1
                parts.append(
                    isLast && !spec.alignRight ? cut : DisplayWidth.pad(cut, to: widths[i], right: spec.alignRight))
            }
            let text = parts.joined(separator: String(repeating: " ", count: gap))
            out += (color ? style?.apply(text) : nil) ?? text
            out += "\n"
        }
        line(columns.map(\.title), style: .bold)
        for (row, style) in zip(rows, rowStyles) { line(row, style: style) }
        return out
    }
}

/// ANSI text styles, used only when output goes to a terminal and `NO_COLOR` is unset.
package enum Style: Sendable {
    case bold, dim, red, green, yellow, cyan

    var code: String {
        switch self {
        case .bold: return "1"
        case .dim: return "2"
        case .red: return "31"
        case .green: return "32"
        case .yellow: return "33"
        case .cyan: return "36"
        }
    }

    package func apply(_ text: String) -> String { "\u{1B}[\(code)m\(text)\u{1B}[0m" }
}
