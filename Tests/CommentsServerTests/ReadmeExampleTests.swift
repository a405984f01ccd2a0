import Discourse
import Foundation
import Testing

@testable import CommentsServer

/// The README's Coral Talk example shows the server's real answer to the request it shows.
@Suite("README server example")
struct ReadmeExampleTests {
    /// Tests/CommentsServerTests/this file → the package root.
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "README.md")

    @Test func coralExampleAnswerIsReal() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: "Coral sends exactly"), "the README should show Coral's request")
        let lines = text[start.upperBound...].split(separator: "\n").prefix(8)
        let data = try #require(lines.first { $0.hasPrefix("  -d '") }, "the example's request body")
        let answer = try #require(lines.first { $0.hasPrefix("# {") }, "the example's answer")
        let body = data.dropFirst(6).prefix { $0 != "'" }
        let request = try AnalyzeCommentRequest.decode(Array(body.utf8))
        let json = PerspectiveAnalysis.respond(request, analyzer: Analyzer()).json
        #expect(json == answer.dropFirst(2) + "\n", "re-paste the README's Coral example answer")
    }
}
