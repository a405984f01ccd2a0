import Foundation
import Testing

@testable import CommentsServer

@Suite("JSON parser")
struct JSONParserTests {
    func parse(_ text: String) -> JSONValue? {
        var copy = text
        return copy.withUTF8 { try? JSONParser.parse($0) }
    }

    @Test func valuesEscapesAndNumbers() {
        #expect(
            parse(#" {"a": [1, -2.5e2, 0, true, false, null], "b": "x\"\\\/\n\t\u00e9\ud83d\ude00"} "#)
                == .object([
                    "a": .array([.number(1), .number(-250), .number(0), .bool(true), .bool(false), .null]),
                    "b": .string("x\"\\/\n\té😀"),
                ]))
        #expect(parse(#""\ud800x""#) == .string("\u{FFFD}x"))  // a lone surrogate
        #expect(parse(#"{"k":1,"k":2}"#) == .object(["k": .number(2)]))  // the last key wins
        #expect(parse("[]") == .array([]) && parse("{}") == .object([:]))
    }

    @Test func rejectsWhatIsNotJSON() {
        for bad in [
            "", "{", "[1,]", "{\"a\"}", "{\"a\":}", "01", "1.", ".5", "-", "1e", "tru", "nul", "\"abc", "\"\\x\"",
            "\"\\u12\"", "{} {}", "[1 2]", "{'a':1}", "\"tab\there\"", "NaN",
        ] {
            #expect(parse(bad) == nil, "\(bad.debugDescription)")
        }
        #expect(parse(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)) == nil)
        #expect(parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) != nil)
        #expect(parse(String(repeating: "[", count: 100_000)) == nil)  // no stack overflow
    }

    @Test func agreesWithFoundationAndRoundTrips() throws {
        let text = #"{"comment":{"text":"Caf\u00e9 — \"quoted\" 😀"},"n":[0.25,1e3,-7],"o":{"z":null,"a":[true]}}"#
        let ours = try #require(parse(text))
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(
            ((theirs?["comment"] as? [String: Any])?["text"] as? String)
                == ours["comment"]?["text"].flatMap {
                    if case .string(let s) = $0 { return s } else { return nil }
                })
        #expect(
            ours.json == #"{"comment":{"text":"Café — \"quoted\" 😀"},"n":[0.25,1000,-7],"o":{"a":[true],"z":null}}"#)
        #expect(parse(ours.json) == ours)
    }
}
