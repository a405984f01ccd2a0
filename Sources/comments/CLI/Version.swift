/// The tool's version, printed by `comments --version`.
enum Version {
    static let current = "0.1.0"
}
