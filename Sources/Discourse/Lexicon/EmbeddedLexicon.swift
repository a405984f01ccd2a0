/// Access to the lexicon files compiled into the binary from `Lexicons/*.tsv` (see the
/// EmbedLexicons build-tool plugin), so `comments` needs no data files at run time.
package enum EmbeddedLexicon {
    /// Names of every embedded file, sorted.
    package static var names: [String] { EmbeddedLexicons.files.map(\.name) }

    /// The text of the embedded file `name` (e.g. "segmenter-cues.tsv").
    package static func text(_ name: String) throws(LexiconError) -> String {
        guard let entry = EmbeddedLexicons.files.first(where: { $0.name == name }) else {
            throw .missingEmbedded(name: name)
        }
        return entry.contents
    }

    /// The embedded file `name` parsed as a ``TSVTable``.
    package static func table(_ name: String, expectedHeader: [String]? = nil) throws(LexiconError) -> TSVTable {
        try TSVTable(path: "Lexicons/\(name)", text: text(name), expectedHeader: expectedHeader)
    }
}
