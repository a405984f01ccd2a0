import Foundation

// Writes a Swift source file holding each input file as one raw string literal:
//
//     LexiconEmbedder OUTPUT.swift INPUT.tsv...
//
// The delimiter gets as many `#` as needed so that no `"""#…` or `\#…(` sequence in the data can end
// the literal or start an interpolation. Carriage returns are dropped (multi-line literals would
// normalise them anyway), so the embedded text always uses "\n".

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("LexiconEmbedder: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else { fail("usage: LexiconEmbedder OUTPUT.swift INPUT...") }

var source = """
    // Generated at build time by the LexiconEmbedder tool from Lexicons/*.tsv. Do not edit.

    enum EmbeddedLexicons {
        /// (file name, file contents) for every embedded lexicon, sorted by name.
        static let files: [(name: String, contents: String)] = [

    """

for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    guard var text = String(data: data, encoding: .utf8) else { fail("\(path) is not valid UTF-8") }
    text = text.replacingOccurrences(of: "\r", with: "")
    var hashes = "#"
    while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) {
        hashes += "#"
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    source += "        (\"\(name)\", \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
}
source += "    ]\n}\n"

do {
    try source.write(toFile: outputPath, atomically: true, encoding: .utf8)
} catch {
    fail("cannot write \(outputPath): \(error)")
}
