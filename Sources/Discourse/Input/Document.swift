/// One input to analyse: a page of article-then-comments text, or comments with a separate article.
public struct Document: Sendable {
    /// How the input is named in output and messages (a path, or "-" for stdin).
    public var name: String
    /// The decoded text (UTF-8, line endings as given).
    public var text: String
    /// Problems the decoder repaired (invalid UTF-8 …), reported with the results.
    public var warnings: [InputWarning]
    /// Overrides the analyzer's mode for this document (a JSON record with `article` and `comments`).
    public var mode: SegmentationMode?

    /// A document to analyse; `mode` overrides the analyzer's for this one document.
    public init(name: String, text: String, warnings: [InputWarning] = [], mode: SegmentationMode? = nil) {
        self.name = name
        self.text = text
        self.warnings = warnings
        self.mode = mode
    }
}

/// Where the article and the comments of a document come from.
public enum SegmentationMode: Sendable {
    /// Find the boundary with the ``Segmenter`` (the default).
    case detect
    /// Every non-empty line is a comment; there is no article (`--all-comments`).
    case allComments
    /// Every non-empty line is a comment; the article is this separate text (`--article FILE`).
    case separateArticle(String)
}
