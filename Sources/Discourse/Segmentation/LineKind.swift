/// The role of one input line, as `comments segment` reports it.
public enum LineKind: String, Sendable, CaseIterable, Codable {
    /// Site name, title, byline and date lines before the article body.
    case header
    /// Article text.
    case body
    /// Page furniture inside the article part: "Also Read", "Source: …", image credits, share prompts.
    case boilerplate
    /// Reader comment text.
    case comment
    /// Comment furniture: author names, dates, "Reply", vote counts.
    case commentMeta = "comment-meta"

    /// True for the two kinds that make up the comment section.
    public var isCommentSection: Bool { self == .comment || self == .commentMeta }
}
