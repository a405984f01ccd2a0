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
        let kinds = segmentation.kinds
        var comments: [Comment] = []

        func makeComment(_ textLines: [Int], meta: [Int]) {
            guard let firstLine = textLines.first else { return }
            let text = textLines.count == 1 ? lines[firstLine] : textLines.map { lines[$0] }.joined(separator: "\n")
            var author: String?
            var posted: String?
            for m in meta {
                let parsed = MetaLine.parse(tokens[m], cues: cues)
                author = author ?? parsed.author
                posted = posted ?? parsed.posted
            }
            comments.append(
                Comment(
                    index: comments.count + 1, line: firstLine + 1, lineCount: textLines.count, text: text,
                    author: author, posted: posted,
                    tokens: textLines.count == 1 ? tokens[firstLine] : nil))
        }

        let section = first..<kinds.count
        guard section.contains(where: { kinds[$0] == .commentMeta }) else {
            for i in section where !tokens[i].isEmpty { makeComment([i], meta: []) }
            return comments
        }
        let blocks = Block.split(section, kinds: kinds, tokens: tokens)
        let furnitureFirst = segmentation.furnitureFirst ?? true
        let sides = blocks.map { block in
            block.isFurniture
                ? split(block.lines, roles: segmentation.furnitureRoles, furnitureFirst: furnitureFirst) : nil
        }
        for (b, block) in blocks.enumerated() where !block.isFurniture {
            let header = b > 0 ? sides[b - 1]?.header ?? [] : []
            let trailer = b + 1 < blocks.count ? sides[b + 1]?.trailer ?? [] : []
            if header.isEmpty && trailer.isEmpty && b == 0 {
                // Text above the first run with no furniture of its own: one comment per line.
                for t in block.lines { makeComment([t], meta: []) }
            } else {
                makeComment(block.lines, meta: header + trailer)
            }
        }
        return comments
    }

    /// A maximal run of furniture lines or of text lines (blank lines skipped).
    struct Block {
        var isFurniture: Bool
        var lines: [Int]

        static func split(_ section: Range<Int>, kinds: [LineKind], tokens: [TokenizedText]) -> [Block] {
            var blocks: [Block] = []
            for i in section where !tokens[i].isEmpty {
                let furniture = kinds[i] == .commentMeta
                if let last = blocks.last, last.isFurniture == furniture {
                    blocks[blocks.count - 1].lines.append(i)
                } else {
                    blocks.append(Block(isFurniture: furniture, lines: [i]))
                }
            }
            return blocks
        }
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
