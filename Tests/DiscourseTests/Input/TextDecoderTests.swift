import Testing

@testable import Discourse

@Suite("TextDecoder")
struct TextDecoderTests {
    func decode(_ bytes: [UInt8]) -> Result<DecodedText, InputError> {
        TextDecoder.decode(bytes, path: "f.txt")
    }

    @Test func plainUTF8PassesThrough() throws {
        let text = try decode(Array("héllo\nwörld 👍".utf8)).get()
        #expect(text.text == "héllo\nwörld 👍")
        #expect(text.warnings.isEmpty)
    }

    @Test func utf8BOMIsDropped() throws {
        let text = try decode([0xEF, 0xBB, 0xBF] + Array("Title".utf8)).get()
        #expect(text.text == "Title")
    }

    @Test func utf16WithBOMIsDecoded() throws {
        var le: [UInt8] = [0xFF, 0xFE]
        for unit in "Hi ✓\n".utf16 { le += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try decode(le).get().text == "Hi ✓\n")
        var be: [UInt8] = [0xFE, 0xFF]
        for unit in "Hi ✓\n".utf16 { be += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try decode(be).get().text == "Hi ✓\n")
    }

    /// A lone surrogate or a NUL in UTF-16 becomes U+FFFD with the warning a bad UTF-8 byte gets
    /// (it was replaced, or turned into a space, without a word).
    @Test func utf16RepairsAreWarnedAbout() throws {
        var le: [UInt8] = [0xFF, 0xFE]
        let units: [UInt16] =
            Array("ok\n".utf16) + [0x61, 0xD800, 0x62, 0x0A, 0x63, 0x00, 0x0A] + Array("😀\n".utf16)
            + [0xDC00]
        for unit in units { le += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let decoded = try decode(le).get()
        #expect(decoded.text == "ok\na\u{FFFD}b\nc\u{FFFD}\n😀\n\u{FFFD}")
        #expect(decoded.warnings.count == 1)
        let warning = try #require(decoded.warnings.first)
        #expect(warning.line == 2)
        #expect(warning.message == "unpaired UTF-16 surrogates or NULs replaced with U+FFFD (and 2 more lines)")
        var clean: [UInt8] = [0xFE, 0xFF]
        for unit in "fine 😀\n".utf16 { clean += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try decode(clean).get().warnings.isEmpty)
    }

    @Test func utf32IsRefusedWithAMessage() {
        guard case .failure(let error) = decode([0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0]) else {
            Issue.record("UTF-32 accepted")
            return
        }
        #expect(error.description.contains("UTF-32"))
        #expect(error.description.contains("convert the file to UTF-8"))
    }

    @Test func nulInTheFirstBlockMeansBinary() {
        guard case .failure(.binary(let path, let offset)) = decode(Array("abc".utf8) + [0, 1, 2]) else {
            Issue.record("binary file accepted")
            return
        }
        #expect(path == "f.txt")
        #expect(offset == 3)
    }

    @Test func invalidUTF8IsReplacedWithAWarningNamingTheLine() throws {
        let bytes = Array("line one\nline two ".utf8) + [0xC3, 0x28] + Array(" end\n".utf8)
        let text = try decode(bytes).get()
        #expect(text.text == "line one\nline two \u{FFFD}( end\n")
        #expect(text.warnings.count == 1)
        #expect(text.warnings.first?.line == 2)
    }

    /// One warning, naming the first line and how many more lines had bad bytes (two on one line
    /// count once; a CRLF is one line break).
    @Test func theWarningCountsTheOtherRepairedLines() throws {
        let bytes = Array("ok\r\n".utf8) + [0x61, 0xFF, 0xFE, 0x0D, 0x0A, 0x62, 0x0A, 0xC0, 0x0D, 0x63, 0xFF]
        let warnings = try decode(bytes).get().warnings
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 2)
        #expect(warnings.first?.message == "invalid UTF-8 or NUL bytes replaced with U+FFFD (and 2 more lines)")
        let one = try decode([0x0A, 0xFF, 0x0A, 0x61, 0x0A, 0xFF]).get().warnings.first?.message
        #expect(one == "invalid UTF-8 or NUL bytes replaced with U+FFFD (and 1 more line)")
    }

    /// One U+FFFD per maximal subpart (a character cut short is one replacement), as Unicode
    /// recommends and Swift's own decoder does: byte for byte what `String(decoding:as:)` gives for
    /// any bytes without NULs.
    @Test func oneReplacementPerMaximalSubpart() throws {
        let cut: [UInt8] = [0x61, 0xE2, 0x82, 0x62, 0xF0, 0x9F, 0x98, 0x0A, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xF4, 0x90]
        #expect(try decode(cut).get().text == "a\u{FFFD}b\u{FFFD}\n" + String(repeating: "\u{FFFD}", count: 7))
        var rng = SplitMix(state: 16)  // seeded: a failure reproduces
        let alphabet: [UInt8] = [
            0x0A, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        ]
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 1...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            guard bytes.first != 0xEF else { continue }  // a would-be BOM is dropped, not decoded
            let repaired = try decode(bytes).get().text
            #expect(repaired == String(decoding: bytes, as: UTF8.self), "\(bytes)")
        }
    }

    @Test func lateNULBytesAreReplacedNotFatal() throws {
        let bytes = [UInt8](repeating: 0x61, count: TextDecoder.binarySniffLength + 10) + [0] + Array("b".utf8)
        let text = try decode(bytes).get()
        #expect(text.text.hasSuffix("\u{FFFD}b"))
        #expect(text.warnings.count == 1)
    }

    @Test func overlongAndSurrogateSequencesAreInvalid() throws {
        #expect(try decode([0xC0, 0xAF]).get().text == "\u{FFFD}\u{FFFD}")
        #expect(try decode([0xED, 0xA0, 0x80]).get().text == "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(try decode([0xF4, 0x90, 0x80, 0x80]).get().warnings.count == 1)
    }

    @Test func emptyInputIsEmptyText() throws {
        #expect(try decode([]).get().text == "")
    }
}

/// SplitMix64: a small seeded generator, so a property test's inputs are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
