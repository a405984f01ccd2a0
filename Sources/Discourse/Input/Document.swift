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
    /// The comments as they were sent, one element each, line breaks kept (a JSON record's
    /// `comments` list, a request's comment); nil for a text read as lines. When set, these are the
    /// document's comments and `text` is their one-line-each form (what names the document).
    ///
    /// Kept apart because a comment's lines mean something on their own: a `> quoted` first line is
    /// someone else's words, the lines below it the writer's. Flattened into one line, the quote
    /// marker would claim the whole comment.
    public var comments: [String]?

    /// A document to analyse; `mode` overrides the analyzer's for this one document.
    public init(name: String, text: String, warnings: [InputWarning] = [], mode: SegmentationMode? = nil) {
        self.name = name
        self.text = text
        self.warnings = warnings
        self.mode = mode
    }

    /// A document of `comments` sent as a list, each kept whole (see ``comments``), with `article`
    /// beside them (as `--article`) or none (as `--all-comments`).
    public init(name: String, comments: [String], article: String?, warnings: [InputWarning] = []) {
        self.name = name
        self.text = comments.map(Self.oneLine).joined(separator: "\n")
        self.warnings = warnings
        self.mode = article.map { .separateArticle($0) } ?? .allComments
        self.comments = comments.map(Self.paragraphs)
    }

    /// `comment` on one line: each line break ("\n", "\r\n", "\r") becomes one space.
    package static func oneLine(_ comment: String) -> String {
        guard comment.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return comment }
        var scalars = String.UnicodeScalarView()
        for s in paragraphs(comment).unicodeScalars { scalars.append(s == "\n" ? " " : s) }
        return String(scalars)
    }

    /// `comment` with every line break ("\r\n", "\r") written "\n", as a comment's paragraphs are joined.
    static func paragraphs(_ comment: String) -> String {
        guard comment.utf8.contains(0x0D) else { return comment }
        var scalars = String.UnicodeScalarView()
        var afterCR = false
        for s in comment.unicodeScalars {
            if s == "\n" && afterCR {
                afterCR = false
                continue
            }
            afterCR = s == "\r"
            scalars.append(afterCR ? "\n" : s)
        }
        return String(scalars)
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
