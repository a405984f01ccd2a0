import Testing

@testable import Discourse

@Suite("Spill file")
struct SpillFileTests {
    @Test func keysComeBackInOrderFromAnyOffset() throws {
        var file = try SpillFile(prefix: "comments-test")
        defer { file.close() }
        let first: [UInt64] = (0..<10_000).map { $0 &* 0x9E37_79B9_7F4A_7C15 }
        let second: [UInt64] = [UInt64.max, 0, 42]
        try file.append(first)
        try file.append(second)
        #expect(file.count == 10_003)
        #expect(try file.read(at: 0, length: 10_003) == first + second)
        #expect(try file.read(at: 9_999, length: 3) == [first[9_999], UInt64.max, 0])
        // Past the end: only what is there, and nothing at the end itself.
        #expect(try file.read(at: 10_001, length: 8_192) == [0, 42])
        #expect(try file.read(at: 10_003, length: 8_192) == [])
    }

    @Test func anUnusableTemporaryFolderIsAnErrorNotACrash() {
        // A prefix naming a folder that does not exist makes mkstemp fail.
        #expect(throws: SpillFile.Failure.self) {
            _ = try SpillFile(prefix: "no-such-folder-\(UInt64.random(in: 0...UInt64.max))/x")
        }
    }
}
