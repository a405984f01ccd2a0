import Foundation
import PackagePlugin

/// Build-tool plugin: embeds every `Lexicons/*.tsv` of the package into the target as one generated
/// Swift file of raw string literals.
///
/// Why a plugin and not `Bundle.module`: resource bundles are looked up next to the executable or at
/// the absolute build path, so a copied `comments` binary lost its lexicons. Why string literals and
/// not `.embedInCode`: byte-array literals compile very slowly; one raw string per file is cheap.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lexiconDirectory = context.package.directoryURL.appending(path: "Lexicons")
        let names = try FileManager.default.contentsOfDirectory(atPath: lexiconDirectory.path)
            .filter { $0.hasSuffix(".tsv") }
            .sorted()
        let inputs = names.map { lexiconDirectory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) lexicon files",
                executable: try context.tool(named: "LexiconEmbedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
