import Discourse
import Foundation

/// `POST /v1/analyze`: the project's own shape. In: `{"text": "<article then comments>"}` (the
/// boundary is found as for a file), `{"article": "…", "comments": ["…", …]}` (as `--article`),
/// or `{"comments": [...]}` alone (as `--all-comments`); optional `"id"` (the `file` of the rows,
/// default "-") and `"explain": true` (the `--explain` columns). Out: exactly what
/// `comments score --format json` writes for that page.
package enum NativeAnalyze {
    package static func document(_ body: [UInt8]) throws(ServiceError) -> (Document, explain: Bool) {
        let object = try JSONBody.object(body)
        var name = "-"
        switch object["id"] {
        case nil, .null?: break
        case .string(let s)?: name = s
        case .number(let n)?: name = JSONValue.number(n).json
        default: throw .invalid("id must be a string or a number")
        }
        let explain = try JSONBody.bool(object, "explain", field: "explain") ?? false
        if let text = try JSONBody.string(object, "text", field: "text") {
            // Both would be a guess at which the caller meant: the page's own boundary or the parts.
            if ["article", "comments"].contains(where: { (object[$0] ?? .null) != .null }) {
                throw .invalid("give the page as text, or its article and comments apart, not both")
            }
            return (Document(name: name, text: text), explain)
        }
        let article = try JSONBody.string(object, "article", field: "article")
        let comments: [String]
        if case .array(let list)? = object["comments"] {
            var strings: [String] = []
            for item in list {
                guard case .string(let s) = item else { throw .invalid("comments must be a list of strings") }
                strings.append(s)
            }
            comments = strings
        } else if let single = try JSONBody.string(object, "comments", field: "comments") {
            comments = TextLines.split(single)
        } else {
            throw .invalid("expected {\"text\": …}, {\"article\": …, \"comments\": […]} or {\"comments\": […]}")
        }
        return (Document(name: name, comments: comments, article: article), explain)
    }

    /// The rendered report and the number of comments scored.
    package static func respond(_ body: [UInt8], analyzer: Analyzer) throws(ServiceError) -> (json: String, scored: Int)
    {
        let (document, explain) = try document(body)
        var analyzer = analyzer
        analyzer.options.explain = explain
        let report = analyzer.analyze(document)
        return (ScoreRenderer.json(report, columns: CommentColumns.all(explain: explain)), report.comments.count)
    }
}
