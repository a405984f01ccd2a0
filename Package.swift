// swift-tools-version: 6.0
import PackageDescription

// `comments`: splits a news article from its reader comments and scores every comment.
//
// Layout (one folder per stage, see README.md):
// - Discourse: the library; every analysis as value types and pure functions.
// - CommentsServer: `comments serve`, an HTTP/1.1 server (POSIX sockets) answering Perspective
//   API requests and the project's own /v1/analyze with the library's analysis. Internal to the
//   package (reached through `comments serve`), so it is no product of its own.
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
        .target(
            name: "CommentsServer",
            dependencies: ["Discourse"],
            path: "Sources/CommentsServer"
        ),
        .executableTarget(
            name: "comments",
            dependencies: ["Discourse", "CommentsServer"],
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
            name: "CommentsServerTests",
            dependencies: ["CommentsServer", "Discourse"],
            path: "Tests/CommentsServerTests"
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
