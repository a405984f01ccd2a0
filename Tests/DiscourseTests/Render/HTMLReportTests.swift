import Foundation
import Testing

@testable import Discourse

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("HTML report")
struct HTMLReportTests {
    static let hostile = "<script>alert('x')</script> & \"quotes\" \u{01}"

    func analysed(_ text: String) -> (FileReport, [String]) {
        let report = Analyzer().analyze(Document(name: "page <1>.txt", text: text))
        return (report, TextLines.split(text))
    }

    static let page = """
        The Example Gazette
        Council votes to rebuild the old bridge before the winter floods arrive
        The council voted on Tuesday to rebuild the Mill Lane bridge, the mayor said in a statement.
        Work will start in March and last a year, according to the council's engineers.
        Residents will be able to cross on a temporary footbridge during the works.
        Great news, I've waited years for this! Thanks for the report :)
        \(hostile)
        Why did it take so long?? You people never listen to us.
        """

    @Test func pageIsWellFormedXML() throws {
        let (report, lines) = analysed(Self.page)
        let html = HTMLReport.page(report, lines: lines)
        try Self.parse(html)
    }

    /// The well-formedness checks have teeth: unescaped text or unbalanced tags do not parse.
    @Test func parserRejectsMalformedMarkup() {
        #expect(throws: (any Error).self) { try Self.parse("<html><body><p>a < b & c</p></body></html>") }
        #expect(throws: (any Error).self) { try Self.parse("<html><body><p>open</body></html>") }
        #expect(throws: Never.self) { try Self.parse("<html><body><p>a &lt; b</p></body></html>") }
    }

    struct NotWellFormed: Error { var message: String }

    /// Parses with the SAX parser (bad characters and entities), then checks that every element is
    /// closed in order (Foundation's parser on Linux lets a mismatched end tag pass).
    static func parse(_ markup: String) throws {
        let parser = XMLParser(data: Data(markup.utf8))
        let balance = TagBalance()
        parser.delegate = balance
        if !parser.parse() {
            throw NotWellFormed(message: parser.parserError.map { "\($0)" } ?? "line \(parser.lineNumber)")
        }
        if let problem = balance.problem ?? (balance.stack.isEmpty ? nil : "unclosed <\(balance.stack.last!)>") {
            throw NotWellFormed(message: problem)
        }
        if balance.roots != 1 { throw NotWellFormed(message: "\(balance.roots) root elements") }
    }

    final class TagBalance: NSObject, XMLParserDelegate {
        var stack: [String] = []
        var problem: String?
        var roots = 0

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if stack.isEmpty { roots += 1 }
            stack.append(name)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard stack.last == name else {
                problem = problem ?? "</\(name)> closes <\(stack.last ?? "nothing")> at line \(parser.lineNumber)"
                return
            }
            stack.removeLast()
        }
    }

    @Test func hostileTextIsEscaped() {
        let (report, lines) = analysed(Self.page)
        let html = HTMLReport.page(report, lines: lines)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(html.contains("page &lt;1&gt;.txt"))
        #expect(!html.contains("\u{01}"))
    }

    @Test func pageIsSelfContained() {
        let (report, lines) = analysed(Self.page)
        let html = HTMLReport.page(report, lines: lines)
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
    }

    @Test func indexEscapesAndLinksAndParses() throws {
        let (report, _) = analysed(Self.page)
        let html = HTMLReport.index([
            HTMLReport.IndexEntry(report: report, link: "a&b.html"),
            HTMLReport.IndexEntry(file: "bad<file>.txt", link: nil, error: "looks like a binary file"),
        ])
        try Self.parse(html)
        #expect(html.contains("href=\"a&amp;b.html\""))
        #expect(html.contains("bad&lt;file&gt;.txt"))
        #expect(html.contains("failed: looks like a binary file"))
    }

    @Test func chartTrendIsLeastSquares() throws {
        let line = try #require(SVGChart.trend([(0, 1), (1, 3), (2, 5)]))
        #expect(abs(line.slope - 2) < 1e-12)
        #expect(abs(line.intercept - 1) < 1e-12)
        #expect(SVGChart.trend([(0, 1)]) == nil)
    }

    /// The drift panel's line is the summary's `drift_trend`: weighted by drift confidence, so a
    /// comment without evidence (confidence 0) does not tilt it.
    @Test func weightedChartTrendIsTheDriftTrend() throws {
        let values = [0.2, 0.9, 0.3, 0.5, 0.6]
        let weights = [1.0, 0.0, 0.5, 1.0, 0.8]
        let line = try #require(SVGChart.trend(values.enumerated().map { ($0.offset, $0.element, weights[$0.offset]) }))
        let slope = try #require(DriftTrend.slope(values, weights: weights))
        #expect(abs(line.slope - slope) < 1e-12)
        let unweighted = try #require(SVGChart.trend(values.enumerated().map { ($0.offset, $0.element) }))
        #expect(abs(unweighted.slope - slope) > 0.01)
        let svg = SVGChart(
            title: "t", description: "d",
            series: [.init(name: "drift", values: values, range: 0...1, color: "#000", trend: true, weights: weights)]
        ).render()
        #expect(svg.contains("trend: +\(NumberFormat.fixed(slope, digits: 3)) per comment"))
        // Fewer than three weighted points: no trend, as DriftTrend has none.
        #expect(SVGChart.trend([(0, 0.1, 1), (1, 0.9, 1), (2, 0.4, 0)]) == nil)
    }

    @Test func chartIsWellFormedAndAccessible() throws {
        let chart = SVGChart(
            title: "t <1>", description: "d & e",
            series: [
                .init(name: "s", values: [0.1, nil, -0.5, 0.9], range: -1...1, color: "#000", baseline: 0, trend: true)
            ],
            flagged: [2])
        let svg = chart.render()
        try Self.parse(svg)
        #expect(svg.contains("<title id=\"chart-title\">t &lt;1&gt;</title>"))
        #expect(svg.contains("class=\"flag\""))
        #expect(svg.contains("class=\"trend\""))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2)
    }
}
