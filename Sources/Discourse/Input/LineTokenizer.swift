/// Tokenizes the lines of a document, bounding the work any single line can cause.
///
/// Token storage is about 10x the text, so a 100 MB line without a newline would need gigabytes. Lines
/// longer than ``maximumAnalysedBytes`` are analysed on their first bytes only (cut at a character
/// boundary), with a warning; their full text is still reported.
package enum LineTokenizer {
    /// 1 MiB: far above any real paragraph or comment.
    package static let maximumAnalysedBytes = 1 << 20

    package static func tokenize(_ lines: [String], file: String) -> (tokens: [TokenizedText], warnings: [InputWarning])
    {
        var warnings: [InputWarning] = []
        var tokens: [TokenizedText] = []
        tokens.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            var copy = line
            tokens.append(copy.withUTF8 { tokenize(line: $0, index: index, file: file, warnings: &warnings) })
        }
        return (tokens, warnings)
    }

    /// One line (0-based `index`), cut at ``maximumAnalysedBytes`` with a warning: what
    /// ``tokenize(_:file:)`` does for each line, for the streamed analysis that reads lines one by one.
    package static func tokenize(
        line bytes: UnsafeBufferPointer<UInt8>, index: Int, file: String, warnings: inout [InputWarning]
    ) -> TokenizedText {
        guard bytes.count > maximumAnalysedBytes else { return Tokenizer.tokenize(bytes: bytes) }
        var cut = maximumAnalysedBytes
        while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        warnings.append(
            InputWarning(
                path: file, line: index + 1,
                message: "line is \(bytes.count) bytes long; only its first \(cut) bytes were analysed"))
        return Tokenizer.tokenize(bytes: UnsafeBufferPointer(rebasing: bytes[..<cut]))
    }
}
