/// `comments report`: one self-contained HTML page per input (no external scripts, fonts or
/// stylesheets, so it works offline and as a mail attachment), and an index page for several inputs.
///
/// The page reads well with scripts off and when printed: the table starts in comment order, colours
/// always come with a text label or an icon, and a few lines of inline JavaScript only add sorting.
/// Every piece of input text goes through `HTMLText/escape(_:)`; the output is well-formed XML.
public enum HTMLReport {
    /// Settings of a report.
    public struct Options: Sendable {
        /// Comments with priority at or above this are marked in the chart and the table.
        public var flagThreshold: Double
        /// Lines of the article shown before "show the whole article".
        public var articlePreviewLines: Int

        /// - Parameters:
        ///   - flagThreshold: priority at or above which a comment is flagged.
        ///   - articlePreviewLines: article paragraphs shown before "show more".
        public init(flagThreshold: Double = 0.5, articlePreviewLines: Int = 3) {
            self.flagThreshold = flagThreshold
            self.articlePreviewLines = articlePreviewLines
        }
    }

    /// The page of one analysed input. `lines` are the input's lines (for the article view).
    public static func page(
        _ report: FileReport, lines: [String], options: Options = Options(), indexLink: String? = nil
    ) -> String {
        let fields = report.comments.map(ReportFields.init)
        var html = head(title: "Comments on \(report.file)")
        html += "<body>\n<header>\n"
        if let indexLink { html += "<p class=\"nav\"><a href=\"\(HTMLText.escape(indexLink))\">← all files</a></p>\n" }
        html += "<h1>\(HTMLText.escape(displayTitle(report, lines: lines)))</h1>\n"
        html += "<p class=\"file\">\(HTMLText.escape(report.file))</p>\n"
        html +=
            "<p class=\"summary\">\(HTMLText.escape(summaryLine(report, fields: fields, options: options)))</p>\n</header>\n"
        html += "<main>\n"
        html += articleSection(report, lines: lines, options: options)
        html += segmentationSection(report, lines: lines)
        html += chartSection(report, fields: fields, options: options)
        html += commentsSection(report, fields: fields, options: options)
        html += "</main>\n"
        html +=
            "<footer><p>Scores are lexicon and rule heuristics (see the comments README); they point a reader at comments, they do not judge them.</p></footer>\n"
        html += script
        html += "</body>\n</html>\n"
        return html
    }

    /// One row of the index page.
    public struct IndexEntry: Sendable {
        /// The input file's name, as given.
        public var file: String
        /// Relative link to the file's page, or nil when the input failed.
        public var link: String?
        /// Why the input could not be analysed, when it failed.
        public var error: String?
        /// Comments found in the file.
        public var comments: Int
        /// Mean compound sentiment of its comments (-1 … 1), nil without comments.
        public var meanSentiment: Double?
        /// Slope of drift over comment order, nil with fewer than three comments.
        public var driftTrend: Double?
        /// Comments at or above the flag threshold.
        public var flagged: Int

        /// An index row from its figures (see ``init(report:link:options:)`` for an analysed file).
        public init(
            file: String, link: String?, error: String? = nil, comments: Int = 0, meanSentiment: Double? = nil,
            driftTrend: Double? = nil, flagged: Int = 0
        ) {
            self.file = file
            self.link = link
            self.error = error
            self.comments = comments
            self.meanSentiment = meanSentiment
            self.driftTrend = driftTrend
            self.flagged = flagged
        }

        /// The index row of an analysed file.
        public init(report: FileReport, link: String, options: Options = Options()) {
            let fields = report.comments.map(ReportFields.init)
            let sentiments = fields.compactMap(\.sentiment)
            self.init(
                file: report.file, link: link, comments: report.comments.count,
                meanSentiment: sentiments.isEmpty ? nil : sentiments.reduce(0, +) / Double(sentiments.count),
                driftTrend: ReportFields.driftTrend(report),
                flagged: fields.filter { ($0.priority ?? 0) >= options.flagThreshold }.count)
        }
    }

    /// The index page of a multi-file report; files in natural order (page2 before page10).
    public static func index(_ entries: [IndexEntry], options: Options = Options()) -> String {
        let entries = entries.sorted { NaturalOrder.precedes($0.file, $1.file) }
        var html = head(title: "Comments report: \(entries.count) files")
        html += "<body>\n<header>\n<h1>Comments report</h1>\n"
        let total = entries.reduce(0) { $0 + $1.comments }
        let flagged = entries.reduce(0) { $0 + $1.flagged }
        let failed = entries.filter { $0.error != nil }.count
        html +=
            "<p class=\"summary\">\(entries.count) files, \(total) comments, \(flagged) flagged (priority ≥ \(NumberFormat.fixed(options.flagThreshold, digits: 2)))\(failed > 0 ? ", \(failed) failed" : "")</p>\n</header>\n<main>\n"
        let chartable = entries.filter { $0.error == nil }
        if !chartable.isEmpty {
            // Distributions, not one mark per file: they read the same for 2 files and for 100,000.
            let comments = SVGHistogram(
                title: "Files by number of comments", xLabel: "comments per file", yLabel: "files",
                values: chartable.map { Double($0.comments) }, integral: true, color: "#1f4e99")
            let sentiment = SVGHistogram(
                title: "Files by mean sentiment of their comments",
                xLabel: "mean sentiment of a file's comments (−1 … +1)",
                yLabel: "files", values: chartable.compactMap(\.meanSentiment), range: -1...1, color: "#6a3d9a")
            html += "<section>\n<h2>Across files</h2>\n<figure>\(comments.render())</figure>\n"
            if !sentiment.values.isEmpty { html += "<figure>\(sentiment.render())</figure>\n" }
            html += "</section>\n"
        }
        html += "<section>\n<h2>Files</h2>\n<table class=\"sortable\">\n<thead><tr>"
        for (title, numeric) in [
            ("file", false), ("comments", true), ("mean sentiment", true), ("drift trend", true), ("flagged", true),
        ] {
            html += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")><button type=\"button\">\(title)</button></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for e in entries {
            html += "<tr>"
            let name = HTMLText.escape(e.file)
            if let link = e.link {
                html += "<td data-value=\"\(name)\"><a href=\"\(HTMLText.escape(link))\">\(name)</a></td>"
            } else {
                html +=
                    "<td data-value=\"\(name)\">\(name) <span class=\"error\">failed: \(HTMLText.escape(e.error ?? ""))</span></td>"
            }
            html += numberCell(Double(e.comments), digits: 0)
            html += numberCell(e.meanSentiment, digits: 2)
            html += numberCell(e.driftTrend, digits: 3)
            html += numberCell(Double(e.flagged), digits: 0)
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n</main>\n" + script + "</body>\n</html>\n"
        return html
    }

    // MARK: Sections

    static func displayTitle(_ report: FileReport, lines: [String]) -> String {
        let kinds = report.segmentation.kinds
        let end = report.segmentation.firstCommentLine ?? kinds.count
        // The headline is the header line with the most words once the masthead's companions are set
        // aside: navigation bars ("Home | World | Sports"), bylines and datelines. A masthead ("The
        // Riverside Courier") is shorter than the headline under it. Else the first body line.
        let candidates = (0..<min(end, lines.count)).filter { kinds[$0] == .header && isTitleLike(lines[$0]) }
        if let best = candidates.max(by: {
            wordCount(lines[$0]) < wordCount(lines[$1]) || (wordCount(lines[$0]) == wordCount(lines[$1]) && $0 > $1)
        }) {
            return lines[best]
        }
        if let i = (0..<min(end, lines.count)).first(where: { kinds[$0] == .body }) {
            return DisplayWidth.truncate(lines[i], to: 90)
        }
        return report.file
    }

    static func wordCount(_ line: String) -> Int { line.split(separator: " ").count }

    /// Whether a header line could be the headline (not a navigation bar, byline or dateline).
    static func isTitleLike(_ line: String) -> Bool {
        let lower = line.lowercased()
        if line.filter({ $0 == "|" || $0 == "·" || $0 == "›" || $0 == "»" }).count >= 2 { return false }
        for prefix in ["by ", "updated", "published", "posted", "last updated", "written by"]
        where lower.hasPrefix(prefix) {
            return false
        }
        return wordCount(line) >= 2
    }

    static func summaryLine(_ report: FileReport, fields: [ReportFields], options: Options) -> String {
        let s = report.segmentation
        var parts = [
            "\(report.lineCount) lines", "\(s.articleLineCount) article lines", "\(report.comments.count) comments",
        ]
        if let first = s.firstCommentLine {
            parts.append(
                "comments start at line \(first + 1) (confidence \(NumberFormat.fixed(s.confidence, digits: 2)))")
        } else {
            parts.append("no comment section found (confidence \(NumberFormat.fixed(s.confidence, digits: 2)))")
        }
        let flagged = fields.filter { ($0.priority ?? 0) >= options.flagThreshold }.count
        if fields.contains(where: { $0.priority != nil }) { parts.append("\(flagged) flagged") }
        if let trend = ReportFields.driftTrend(report) {
            parts.append("drift trend \(trend >= 0 ? "+" : "")\(NumberFormat.fixed(trend, digits: 3)) per comment")
        }
        return parts.joined(separator: " · ")
    }

    static func articleSection(_ report: FileReport, lines: [String], options: Options) -> String {
        let kinds = report.segmentation.kinds
        let end = min(lines.count, report.segmentation.firstCommentLine ?? kinds.count)
        var html = "<section class=\"article\">\n<h2>Article</h2>\n"
        guard end > 0 else {
            return html + "<p class=\"muted\">No article text: every line is a comment.</p>\n</section>\n"
        }
        let title = displayTitle(report, lines: lines)
        let bodyLines = (0..<end).filter { kinds[$0] == .body && lines[$0] != title }
        let preview = bodyLines.prefix(options.articlePreviewLines)
        html += "<div class=\"preview\">\n"
        for i in preview { html += "<p>\(HTMLText.escape(lines[i]))</p>\n" }
        html += "</div>\n"
        html +=
            "<details>\n<summary>Show the whole article (\(end) lines, with header and boilerplate)</summary>\n<ol class=\"lines\">\n"
        for i in 0..<end {
            let kind = kinds[i]
            html +=
                "<li value=\"\(i + 1)\" class=\"\(kind.rawValue)\"><span class=\"kind\">\(kind.rawValue)</span> \(HTMLText.escape(lines[i]))</li>\n"
        }
        html += "</ol>\n</details>\n</section>\n"
        return html
    }

    static func segmentationSection(_ report: FileReport, lines: [String]) -> String {
        let s = report.segmentation
        var html = "<section class=\"segmentation\">\n<h2>Segmentation</h2>\n"
        if let first = s.firstCommentLine {
            html +=
                "<p>The comment section starts at <strong>line \(first + 1)</strong> of \(report.lineCount) (confidence \(NumberFormat.fixed(s.confidence, digits: 2))).</p>\n"
        } else {
            html += "<p>No comment section was found (confidence \(NumberFormat.fixed(s.confidence, digits: 2))).</p>\n"
        }
        let total = max(1, s.kinds.count)
        html += "<div class=\"segbar\" role=\"img\" aria-label=\"line kinds in file order\">"
        for segment in s.segments {
            let share = Double(segment.end - segment.start + 1) / Double(total) * 100
            html +=
                "<span class=\"\(segment.kind.rawValue)\" style=\"width:\(NumberFormat.fixed(share, digits: 2))%\" title=\"lines \(segment.start + 1)–\(segment.end + 1): \(segment.kind.rawValue)\"></span>"
        }
        html += "</div>\n<ul class=\"segkey\">"
        for kind in LineKind.allCases {
            let count = s.kinds.filter { $0 == kind }.count
            if count > 0 {
                html += "<li><span class=\"swatch \(kind.rawValue)\"></span>\(kind.rawValue): \(count) lines</li>"
            }
        }
        html += "</ul>\n</section>\n"
        return html
    }

    static func chartSection(_ report: FileReport, fields: [ReportFields], options: Options) -> String {
        guard !fields.isEmpty else { return "" }
        var series: [SVGChart.Series] = []
        if fields.contains(where: { $0.sentiment != nil }) {
            series.append(
                .init(
                    name: "sentiment (−1 negative … +1 positive)", values: fields.map(\.sentiment), range: -1...1,
                    color: "#6a3d9a", baseline: 0))
        }
        if fields.contains(where: { $0.drift != nil }) {
            // Without an article, drift is measured against the discussion alone.
            let anchor = report.segmentation.articleLineCount > 0 ? "the article" : "the discussion"
            series.append(
                .init(
                    name: "drift from \(anchor) (0 on topic … 1 off topic), with trend", values: fields.map(\.drift),
                    range: 0...1, color: "#b15928", baseline: 0.5, trend: true,
                    weights: report.comments.map(\.drift.confidence)))
        }
        guard !series.isEmpty else { return "" }
        let flagged = Set(fields.indices.filter { (fields[$0].priority ?? 0) >= options.flagThreshold })
        let chart = SVGChart(
            title: "Sentiment and drift of each comment in thread order",
            description:
                "\(fields.count) comments. Triangles mark the \(flagged.count) comments with priority at or above \(NumberFormat.fixed(options.flagThreshold, digits: 2)).",
            series: series, flagged: flagged)
        return
            "<section class=\"thread\">\n<h2>The thread</h2>\n<figure>\(chart.render())<figcaption>Circles are comments; ▲ triangles are flagged comments (priority ≥ \(NumberFormat.fixed(options.flagThreshold, digits: 2))).</figcaption></figure>\n</section>\n"
    }

    static func commentsSection(_ report: FileReport, fields: [ReportFields], options: Options) -> String {
        var html = "<section class=\"comments\">\n<h2>Comments</h2>\n"
        guard !report.comments.isEmpty else { return html + "<p class=\"muted\">No comments.</p>\n</section>\n" }
        let hasSentiment = fields.contains { $0.sentiment != nil }
        let hasDrift = fields.contains { $0.drift != nil }
        let hasPriority = fields.contains { $0.priority != nil }
        let hasAuthor = report.comments.contains { $0.comment.author != nil }
        var headers: [(String, Bool)] = [("#", true), ("line", true)]
        if hasAuthor { headers.append(("author", false)) }
        if hasSentiment { headers.append(("sentiment", true)) }
        if hasDrift { headers.append(("drift", true)) }
        if hasPriority { headers += [("priority", true), ("reasons", false)] }
        headers.append(("comment", false))
        html +=
            "<p class=\"hint\">Click a column title to sort (needs scripts); without scripts the list is in thread order.</p>\n"
        html += "<table class=\"sortable\">\n<thead><tr>"
        for (title, numeric) in headers {
            // Scores sort largest (most urgent) first on the first click; positions smallest first.
            let order = title == "#" || title == "line" ? " data-first=\"ascending\"" : ""
            html +=
                "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")\(order)><button type=\"button\">\(title)</button></th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (row, f) in zip(report.comments, fields) {
            let c = row.comment
            let label = f.sentimentLabel ?? "neutral"
            let isFlagged = (f.priority ?? 0) >= options.flagThreshold
            html += "<tr class=\"\(hasSentiment ? label : "plain")\(isFlagged ? " flagged" : "")\">"
            html += numberCell(Double(c.index), digits: 0)
            html += numberCell(Double(c.line), digits: 0)
            if hasAuthor {
                let author = HTMLText.escape(c.author ?? "")
                html += "<td data-value=\"\(author)\">\(author)</td>"
            }
            if hasSentiment {
                let icon = label == "positive" ? "▲" : label == "negative" ? "▼" : "●"
                html +=
                    "<td class=\"num\" data-value=\"\(NumberFormat.fixed(f.sentiment ?? 0))\"><span class=\"icon\" aria-hidden=\"true\">\(icon)</span> \(label) \(NumberFormat.fixed(f.sentiment ?? 0, digits: 2))</td>"
            }
            if hasDrift { html += numberCell(f.drift, digits: 2) }
            if hasPriority {
                html +=
                    "<td class=\"num\" data-value=\"\(NumberFormat.fixed(f.priority ?? 0))\">\(isFlagged ? "<span class=\"icon\" aria-hidden=\"true\">⚑</span> " : "")\(NumberFormat.fixed(f.priority ?? 0, digits: 2))</td>"
                let reasons = HTMLText.escape(f.reasons.joined(separator: ", "))
                html += "<td data-value=\"\(reasons)\">\(reasons)</td>"
            }
            html += "<td class=\"text\">\(MarkdownText.html(c.text))\(whyDetails(row))</td>"
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
        return html
    }

    /// With `--explain`, the terms behind the comment's scores, folded under its text ("why"); empty
    /// without it, so the page is then as it always was.
    static func whyDetails(_ row: ScoredComment) -> String {
        let parts = ScoreRenderer.explanation(row)
        guard !parts.isEmpty else { return "" }
        let items = parts.map { "<li>\(HTMLText.escape($0.label)): \(HTMLText.escape($0.terms))</li>" }
        return "<details class=\"why\"><summary>why</summary><ul class=\"muted\">" + items.joined() + "</ul></details>"
    }

    static func numberCell(_ value: Double?, digits: Int) -> String {
        guard let value else { return "<td class=\"num\" data-value=\"\">–</td>" }
        return
            "<td class=\"num\" data-value=\"\(NumberFormat.fixed(value))\">\(NumberFormat.fixed(value, digits: digits))</td>"
    }

    // MARK: Page furniture

    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="comments"/>
        <title>\(HTMLText.escape(title))</title>
        <style>\(style)</style>
        </head>

        """
    }

    /// Colours chosen for contrast >= 4.5:1 against their backgrounds (dark text on light tints).
    static let style = """

        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:72rem;padding:1rem 1.5rem}
        h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:1px solid #ccc}
        .file,.summary,.hint,.muted,footer{color:#4a4a4a}.nav a{color:#1f4e99}
        .preview p{margin:.3rem 0}details summary{cursor:pointer;color:#1f4e99;margin:.4rem 0}
        ol.lines{padding-left:3.2rem}ol.lines li{margin:.15rem 0}.kind{display:inline-block;min-width:6.5rem;font-size:.75rem;color:#4a4a4a;text-transform:uppercase}
        li.boilerplate,li.comment-meta{color:#5f5f5f}li.header{font-weight:600}
        .segbar{display:flex;height:1.1rem;border:1px solid #888;margin:.5rem 0}.segbar span{display:block;height:100%}
        .header{}.segbar .header,.swatch.header{background:#1f4e99}.segbar .body,.swatch.body{background:#a6cee3}
        .segbar .boilerplate,.swatch.boilerplate{background:#bdbdbd}.segbar .comment,.swatch.comment{background:#33a02c}
        .segbar .comment-meta,.swatch.comment-meta{background:#b2df8a}
        .segkey{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem;font-size:.85rem}.swatch{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;vertical-align:-2px;border:1px solid #555}
        figure{margin:0}svg.chart{width:100%;height:auto;max-width:60rem}svg .frame{fill:#fafafa;stroke:#999}svg .tick,svg .legend{font-size:11px;fill:#333}
        svg .legend{font-weight:600}svg .baseline{stroke:#777;stroke-dasharray:3 3}svg .trend{stroke:#b15928;stroke-width:2;stroke-dasharray:8 4}svg .flag{fill:#c00;stroke:#600}
        figcaption{font-size:.85rem;color:#4a4a4a}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:left}
        th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:#1a1a1a}th.num,td.num{text-align:right;white-space:nowrap}
        tr.positive td{background:#e8f5e9}tr.negative td{background:#fdecea}tr.neutral td{background:#f5f5f5}
        tr.flagged td:first-child{border-left:4px solid #c00}.icon{font-size:.8rem}.error{color:#a00000}
        td.text{max-width:40rem;overflow-wrap:anywhere}td.text blockquote{margin:.1rem 0 .3rem;padding-left:.5rem;border-left:3px solid #bbb;color:#4a4a4a}
        @media print{body{max-width:none;font-size:11pt}details>*{display:block}.hint,th button{cursor:auto}tr{break-inside:avoid}}

        """

    /// Sorting for tables with class "sortable": click a header to sort by that column's data-value.
    static let script = """
        <script>
        //<![CDATA[
        document.querySelectorAll("table.sortable").forEach(function (table) {
          table.querySelectorAll("th button").forEach(function (button, column) {
            button.addEventListener("click", function () {
              var th = button.parentNode, numeric = th.classList.contains("num");
              var current = th.getAttribute("aria-sort");
              var first = th.getAttribute("data-first") || (numeric ? "descending" : "ascending");
              var ascending = current ? current !== "ascending" : first === "ascending";
              table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
              th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[column].getAttribute("data-value") || a.cells[column].textContent;
                var y = b.cells[column].getAttribute("data-value") || b.cells[column].textContent;
                var r = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y, undefined, {numeric: true});
                return ascending ? r : -r;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        });
        window.addEventListener("beforeprint", function () {
          document.querySelectorAll("details").forEach(function (d) { d.open = true; });
        });
        //]]>
        </script>

        """
}

/// The scores a report shows for one comment, read off ``ScoredComment`` (nil where a scorer did not
/// run), so the page layout does not depend on each scorer's types.
struct ReportFields {
    var sentiment: Double?
    var sentimentLabel: String?
    var drift: Double?
    var priority: Double?
    var reasons: [String] = []

    init(_ row: ScoredComment) {
        drift = row.drift.drift
        sentiment = row.sentiment.compound
        sentimentLabel = row.sentiment.label.rawValue
        priority = row.triage.priority
        reasons = row.triage.reasons.map(\.rawValue)
    }

    static func driftTrend(_ report: FileReport) -> Double? { report.driftTrend }
}
