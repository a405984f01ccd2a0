import Foundation
import Testing

@testable import Discourse

/// The report's headline, markdown, sorting, natural order and index distribution (issue #15).
@Suite("HTML report layout")
struct HTMLReportLayoutTests {
    func analysed(_ text: String, mode: SegmentationMode? = nil) -> (FileReport, [String]) {
        var options = AnalysisOptions()
        if let mode { options.mode = mode }
        let report = Analyzer(options: options).analyze(Document(name: "page.txt", text: text))
        return (report, TextLines.split(text))
    }

    static let page = """
        DAILY METRO NEWS
        Home | World | Sports | Entertainment
        Council votes to rebuild the old bridge before the winter floods arrive
        By Martha Reyes, Local Democracy Reporter
        The council voted on Tuesday to rebuild the Mill Lane bridge, the mayor said in a statement.
        Work will start in March and last a year, according to the council's engineers.
        Residents will be able to cross on a temporary footbridge during the works.
        Great news, I've waited years for this! Thanks for the report :)
        Why did it take so long?? You people never listen to us.
        """

    @Test func headlineIsTheTitleLineNotTheMastheadOrNavigation() {
        let (report, lines) = analysed(Self.page)
        #expect(HTMLReport.isTitleLike("Council votes to rebuild the old bridge"))
        #expect(!HTMLReport.isTitleLike("Home | World | Sports | Entertainment"))
        #expect(!HTMLReport.isTitleLike("By Martha Reyes, Local Democracy Reporter"))
        let kinds = report.segmentation.kinds
        if kinds.prefix(3).allSatisfy({ $0 == .header }) {
            #expect(HTMLReport.displayTitle(report, lines: lines) == lines[2])
        }
    }

    @Test func markdownIsRenderedAndEscaped() throws {
        #expect(
            MarkdownText.html("this is **very** ~~bad~~ *good*")
                == "this is <strong>very</strong> <del>bad</del> <em>good</em>")
        #expect(
            MarkdownText.html("> they said\nno they didn't") == "<blockquote>they said</blockquote>no they didn&#39;t")
        #expect(MarkdownText.html("a\nb") == "a<br/>b")
        // No emphasis inside words with underscores, around spaces, or without a closing pair.
        #expect(
            MarkdownText.html("snake_case_name and 2 * 3 * 4 and *open") == "snake_case_name and 2 * 3 * 4 and *open")
        // Markup inside emphasis stays escaped; the result is well-formed.
        let hostile = MarkdownText.html("**<script>alert(1)</script>** _x & y_ ~~<b>~~")
        #expect(!hostile.contains("<script>") && !hostile.contains("<b>"))
        try HTMLReportTests.parse("<p>\(hostile)</p>")
    }

    /// Found by `scripts/fuzz` (a 4 KB page whose comments held runs of unmatched and nested
    /// delimiters took over 10 s in the report): each opener now finds its closer by a search in
    /// the line's closers, and spans nest at most `maximumNesting` deep.
    @Test func manyDelimitersStayLinearAndWellFormed() throws {
        // Nested openers with closers far away: every level used to rescan the rest of the line.
        let nested =
            String(repeating: "*a _b ~~c **d ", count: 2_000) + String(repeating: "e** f~~ g_ h* ", count: 2_000)
        let html = MarkdownText.html(nested)
        try HTMLReportTests.parse("<p>\(html)</p>")
        // Unmatched delimiters stay as typed.
        let open = String(repeating: "*x _y ~~z ", count: 5_000)
        #expect(MarkdownText.html(open) == open)
        // Nesting is kept (two levels here) and never goes past the limit.
        #expect(MarkdownText.html("**a _b_ a**") == "<strong>a <em>b</em> a</strong>")
        let deep = MarkdownText.html(String(repeating: "~~x ", count: 50) + String(repeating: "x~~ ", count: 50))
        #expect(deep.components(separatedBy: "<del>").count - 1 <= MarkdownText.maximumNesting)
        try HTMLReportTests.parse("<p>\(deep)</p>")
    }

    @Test func allCommentsChartSaysDiscussion() {
        let (report, lines) = analysed(
            "One comment about the bridge.\nAnother comment about the bridge repairs.\nA third about football.",
            mode: .allComments)
        let html = HTMLReport.page(report, lines: lines)
        #expect(html.contains("drift from the discussion"))
        #expect(!html.contains("drift from the article"))
        let (withArticle, articleLines) = analysed(Self.page)
        #expect(HTMLReport.page(withArticle, lines: articleLines).contains("drift from the article"))
    }

    @Test func scoresSortMostUrgentFirst() {
        let (report, lines) = analysed(Self.page)
        let html = HTMLReport.page(report, lines: lines)
        #expect(html.contains("data-first=\"ascending\"><button type=\"button\">#</button>"))
        #expect(html.contains("<th scope=\"col\" class=\"num\"><button type=\"button\">priority</button>"))
        #expect(html.contains("(numeric ? \"descending\" : \"ascending\")"))
    }

    @Test func naturalOrder() {
        let names = [
            "d10.txt", "d2.txt", "d1.txt", "d100.txt", "a/page02.txt", "a/page2.txt", "a/page10.txt", "D3.txt",
        ]
        #expect(
            names.sorted(by: NaturalOrder.precedes)
                == ["D3.txt", "a/page2.txt", "a/page02.txt", "a/page10.txt", "d1.txt", "d2.txt", "d10.txt", "d100.txt"])
        #expect(NaturalOrder.precedes("d2.txt", "d10.txt") && !NaturalOrder.precedes("d10.txt", "d2.txt"))
        #expect(NaturalOrder.precedes("d9", "d10") && NaturalOrder.precedes("page", "page1"))
        #expect(!NaturalOrder.precedes("same", "same"))
    }

    @Test func histogramBinsAnyNumberOfFiles() {
        for n in [1, 2, 16, 8_000, 100_000] {
            let values = (0..<n).map { Double(($0 * 7919) % 250) }
            let h = SVGHistogram(
                title: "t", xLabel: "comments per file", yLabel: "files", values: values, integral: true, color: "#000")
            let bins = h.bins()
            #expect(bins.count <= 20 && bins.count >= 1, "\(n)")
            #expect(bins.reduce(0) { $0 + $1.count } == n, "\(n)")
            let svg = h.render()
            // One bar per bin whatever the number of files; both axes say what they count.
            #expect(svg.components(separatedBy: "<rect x=").count - 1 == bins.count)
            #expect(svg.contains(">comments per file</text>") && svg.contains(">files</text>"))
        }
        let few = SVGHistogram(
            title: "t", xLabel: "c", yLabel: "f", values: [0, 3, 3, 14], integral: true, color: "#000"
        ).bins()
        #expect(few.count == 15 && few[3].count == 2 && few.first!.count == 1)
    }

    @Test func indexIsInNaturalOrderWithDistributions() throws {
        let entries = ["d10.txt", "d2.txt", "d1.txt"].map {
            HTMLReport.IndexEntry(file: $0, link: $0 + ".html", comments: 3, meanSentiment: 0.1)
        }
        let html = HTMLReport.index(entries)
        let order = ["d1.txt", "d2.txt", "d10.txt"].map { html.range(of: "data-value=\"\($0)\"")!.lowerBound }
        #expect(order == order.sorted())
        #expect(html.contains("Files by number of comments") && html.contains("comments per file"))
        try HTMLReportTests.parse(html)
    }
}
