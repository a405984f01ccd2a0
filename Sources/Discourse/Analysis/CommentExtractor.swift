/// Turns the comment section of a segmented document into ``Comment``s.
///
/// Without furniture every non-blank line is one comment (the common "one comment per line" input).
/// With furniture, the text between two furniture runs is one comment (its paragraphs joined), and
/// each run is split by the segmenter's ``Segmentation/furnitureRoles``: the lines that close the
/// previous comment ("♥ 120 · Reply", "Posted by X | date") and the lines that open the next one
/// ("@name · 4h", "Kevin Marsh" / "2 days ago"). A comment's `author` and `posted` come from its own
/// header first, then its own trailer, so a run that holds two comments' furniture never shifts an
/// author by one. Section headings ("12 Comments") describe no comment, and furniture is never a
/// comment of its own.
package enum CommentExtractor {
    /// `cues` are the segmenter's (``Segmenter/cues``): furniture lines are read with the same
    /// month, weekday and furniture words that found them.
    package static func extract(
        lines: [String], tokens: [TokenizedText], segmentation: Segmentation, cues: SegmenterCues
    ) -> [Comment] {
        guard let first = segmentation.firstCommentLine else { return [] }
        var comments: [Comment] = []
        var assembler = CommentAssembler(segmentation: segmentation, cues: cues)
        for i in first..<segmentation.kinds.count where !tokens[i].isEmpty {
            assembler.add(line: i, text: lines[i], tokens: tokens[i]) { comments.append($0) }
        }
        assembler.finish { comments.append($0) }
        return comments
    }

    /// The lines of one furniture run that close the comment above (`trailer`) and open the comment
    /// below (`header`); section headings go to neither. A line without a role (lone furniture
    /// outside the layout) sides with a header line above it or a trailer line below it, else with
    /// the file's orientation.
    static func split(
        _ run: [Int], roles: [FurnitureRole], furnitureFirst: Bool
    ) -> (trailer: [Int], header: [Int]) {
        var trailer: [Int] = []
        var header: [Int] = []
        let known = run.map { $0 < roles.count ? roles[$0] : .none }
        for (k, i) in run.enumerated() {
            switch known[k] {
            case .section: continue
            case .header: header.append(i)
            case .trailer: trailer.append(i)
            case .none:
                let trailerBelow = known[(k + 1)...].contains(.trailer)
                if !header.isEmpty || (!trailerBelow && furnitureFirst) { header.append(i) } else { trailer.append(i) }
            }
        }
        return (trailer, header)
    }
}

/// Groups the lines of a comment section into ``Comment``s one line at a time, in file order, for
/// ``CommentExtractor/extract(lines:tokens:segmentation:cues:)`` and for a document read in passes
/// (``CommentStream``), which keeps no line but those of the comment being assembled (#12).
///
/// The section is cut into blocks: maximal runs of furniture lines (``LineKind/commentMeta``) and of
/// text lines, blank lines skipped. A text block is one comment, with the header side of the run
/// above it and the trailer side of the run below it as its furniture, so it is handed over once the
/// run below it has ended; a text block first in the section with no furniture on either side is one
/// comment per line, and so is every line of a section without furniture.
package struct CommentAssembler {
    let kinds: [LineKind]
    let roles: [FurnitureRole]
    let furnitureFirst: Bool
    let cues: SegmenterCues
    /// The section holds no furniture: every non-blank line is a comment.
    let perLine: Bool
    private var text: [(line: Int, text: String, tokens: TokenizedText)] = []
    /// The header side of the run above `text` (author, posted per line, in line order).
    private var header: [(author: String?, posted: String?)] = []
    /// Whether `text` is the first block of the section.
    private var textIsFirst = true
    /// The furniture run being read: its lines and what each says.
    private var run: [(line: Int, meta: (author: String?, posted: String?))] = []
    private var count = 0

    /// An assembler for the comment section of `segmentation` (which must have one).
    package init(segmentation: Segmentation, cues: SegmenterCues) {
        kinds = segmentation.kinds
        roles = segmentation.furnitureRoles
        furnitureFirst = segmentation.furnitureFirst ?? true
        self.cues = cues
        let first = segmentation.firstCommentLine ?? kinds.count
        perLine = !kinds[first...].contains(.commentMeta)
    }

    /// Reads the section's next non-blank line (`tokens` not empty); `text` is read of text lines
    /// only. Hands every comment completed to `emit`.
    package mutating func add(
        line i: Int, text line: @autoclosure () -> String, tokens: TokenizedText, emit: (Comment) -> Void
    ) {
        if perLine {
            make([(i, line(), tokens)], meta: [], emit)
            return
        }
        if kinds[i] == .commentMeta {
            run.append((i, MetaLine.parse(tokens, cues: cues)))
            return
        }
        if !run.isEmpty {
            let sides = endRun()
            if !text.isEmpty { makeBlock(trailer: sides.trailer, emit) }
            header = sides.header
            textIsFirst = false
        }
        text.append((i, line(), tokens))
    }

    /// Hands over the last comment, after the section's last line.
    package mutating func finish(emit: (Comment) -> Void) {
        guard !perLine else { return }
        var trailer: [(author: String?, posted: String?)] = []
        if !run.isEmpty { trailer = endRun().trailer }
        if !text.isEmpty { makeBlock(trailer: trailer, emit) }
    }

    /// The run just read, split into the trailer of the text above and the header of the text below.
    private mutating func endRun() -> (
        trailer: [(author: String?, posted: String?)], header: [(author: String?, posted: String?)]
    ) {
        let lines = run.map(\.line)
        let (trailer, header) = CommentExtractor.split(lines, roles: roles, furnitureFirst: furnitureFirst)
        let meta = Dictionary(uniqueKeysWithValues: run.map { ($0.line, $0.meta) })
        run = []
        return (trailer.map { meta[$0]! }, header.map { meta[$0]! })
    }

    /// The text block read, as one comment (or one per line: the section's first block, with no
    /// furniture on either side).
    private mutating func makeBlock(trailer: [(author: String?, posted: String?)], _ emit: (Comment) -> Void) {
        let lines = text
        text = []
        if header.isEmpty && trailer.isEmpty && textIsFirst {
            for t in lines { make([t], meta: [], emit) }
        } else {
            make(lines, meta: header + trailer, emit)
        }
        header = []
    }

    private mutating func make(
        _ lines: [(line: Int, text: String, tokens: TokenizedText)], meta: [(author: String?, posted: String?)],
        _ emit: (Comment) -> Void
    ) {
        guard let first = lines.first else { return }
        var author: String?
        var posted: String?
        for m in meta {
            author = author ?? m.author
            posted = posted ?? m.posted
        }
        count += 1
        emit(
            Comment(
                index: count, line: first.line + 1, lineCount: lines.count,
                text: lines.count == 1 ? first.text : lines.map(\.text).joined(separator: "\n"),
                author: author, posted: posted, tokens: lines.count == 1 ? first.tokens : nil))
    }
}
