// swift-tools-version: 6.0
import PackageDescription

// `comments`: splits a news article from its reader comments and scores every comment.
//
// Layout (one folder per stage, see README.md):
// - Discourse: the library; every analysis as value types and pure functions.
// - comments: the command-line tool; parses arguments, reads input, renders.
// - LexiconEmbedder + EmbedLexicons: a build-tool plugin that turns Lexicons/*.tsv into one
//   Swift source file of raw string literals, so the binary works from any directory.
let package = Package(
    name: "comments",
    products: [
        .executable(name: "comments", targets: ["comments"]),
        .library(name: "Discourse", targets: ["Discourse"]),
    ],
    targets: [
        .executableTarget(
            name: "LexiconEmbedder",
            path: "Sources/LexiconEmbedder"
        ),
        .plugin(
            name: "EmbedLexicons",
            capability: .buildTool(),
            dependencies: ["LexiconEmbedder"],
            path: "Sources/EmbedLexicons"
        ),
        .target(
            name: "Discourse",
            path: "Sources/Discourse",
            plugins: ["EmbedLexicons"]
        ),
        .executableTarget(
            name: "comments",
            dependencies: ["Discourse"],
            path: "Sources/comments"
        ),
        .executableTarget(
            name: "comments-bench",
            dependencies: ["Discourse"],
            path: "Sources/Benchmarks"
        ),
        .testTarget(
            name: "DiscourseTests",
            dependencies: ["Discourse"],
            path: "Tests/DiscourseTests"
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["comments"],
            path: "Tests/EndToEndTests",
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
