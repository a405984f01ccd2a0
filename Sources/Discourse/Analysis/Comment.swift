/// One reader comment found in a document: its text, where it is, who wrote it, and its tokens
/// (tokenized once, shared by every scorer).
public struct Comment: Sendable {
    /// 1-based position among the document's comments.
    public var index: Int
    /// 1-based line of the comment's first text line.
    public var line: Int
    /// Number of text lines (furniture excluded); more than 1 when a comment spans paragraphs.
    public var lineCount: Int
    /// The comment text; paragraphs joined by "\n".
    public var text: String
    /// Author named by a furniture line ("by james on …", "Elena July 26, 2012"), if any.
    public var author: String?
    /// Date/time named by a furniture line, as written.
    public var posted: String?
    /// The text's tokens, shared by every scorer (tokenized once).
    package var tokens: TokenizedText

    package init(
        index: Int, line: Int, lineCount: Int = 1, text: String, author: String? = nil, posted: String? = nil,
        tokens: TokenizedText? = nil
    ) {
        self.index = index
        self.line = line
        self.lineCount = lineCount
        self.text = text
        self.author = author
        self.posted = posted
        self.tokens = tokens ?? Tokenizer.tokenize(text)
    }
}
