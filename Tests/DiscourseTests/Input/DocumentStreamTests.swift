import Testing

@testable import Discourse

@Suite("DocumentStream")
struct DocumentStreamTests {
    func documents(_ text: String) -> [Result<Document, InputError>] {
        let stream = DocumentStream(bytes: Array(text.utf8))
        var out: [Result<Document, InputError>] = []
        while let d = stream.next() { out.append(d) }
        return out
    }

    @Test func plainStreamWithoutSeparatorIsOneDocumentNamedDash() throws {
        let docs = documents("Title\nBody line\nA comment\n")
        #expect(docs.count == 1)
        let d = try docs[0].get()
        #expect(d.name == "-")
        #expect(d.text == "Title\nBody line\nA comment\n")
    }

    @Test func formFeedLinesSeparateDocuments() throws {
        let docs = documents("first doc\n\u{0C}\nsecond doc\r\nline 2\n \u{0C} \nthird")
        #expect(docs.count == 3)
        #expect(try docs.map { try $0.get().name } == ["-#1", "-#2", "-#3"])
        #expect(try docs[1].get().text == "second doc\nline 2\n")
        #expect(try docs[2].get().text == "third\n")
    }

    @Test func jsonLinesCarryTextOrArticleAndComments() throws {
        let docs = documents(
            """
            {"id": "a1", "text": "Article\\nComment"}

            {"id": 7, "article": "The article.", "comments": ["one", "two\\nlines"]}
            not json
            {"article": "x"}
            {"text": "last"}
            """)
        #expect(docs.count == 5)
        let first = try docs[0].get()
        #expect(first.name == "a1" && first.text == "Article\nComment" && first.mode == nil)
        let second = try docs[1].get()
        #expect(second.name == "7")
        #expect(second.text == "one\ntwo lines")
        guard case .separateArticle(let article) = second.mode else {
            Issue.record("expected a separate article")
            return
        }
        #expect(article == "The article.")
        guard case .failure(.badRecord(_, let line, _)) = docs[2] else {
            Issue.record("bad line accepted")
            return
        }
        #expect(line == 4)
        #expect(throws: InputError.self) { try docs[3].get() }
        #expect(try docs[4].get().name == "-#5")
    }

    @Test func emptyStreamHasNoDocuments() {
        #expect(documents("").isEmpty)
    }

    @Test func longLinesAcrossChunksAreReadWhole() throws {
        let long = String(repeating: "x", count: 200_000)
        let docs = documents("\(long)\n\u{0C}\nshort\n")
        #expect(try docs[0].get().text == long + "\n")
        #expect(try docs[1].get().text == "short\n")
    }
}
