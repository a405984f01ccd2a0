import Foundation
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

    /// A failed read is an error after what was read, not the stream's end (stdin a directory was
    /// "empty", exit 0).
    @Test func aFailedReadIsReportedNotTakenForTheEnd() throws {
        let head = Array("first page\n\u{0C}\nsecond".utf8)
        var calls = 0
        let stream = DocumentStream(name: "-") { chunk in
            calls += 1
            guard calls == 1 else {
                errno = EIO
                return -1
            }
            for (i, b) in head.enumerated() { chunk[i] = b }
            return head.count
        }
        var out: [Result<Document, InputError>] = []
        while let d = stream.next() { out.append(d) }
        #expect(out.count == 3)
        #expect(try out[0].get().text == "first page\n")
        guard case .failure(let error) = out[2] else {
            Issue.record("no failure after the documents read")
            return
        }
        #expect(error == .unreadable(path: "-", reason: "Input/output error"))
        #expect(stream.next() == nil)

        let nothing = DocumentStream(name: "-") { _ in
            errno = EISDIR
            return -1
        }
        #expect(nothing.next().map { (try? $0.get()) == nil } == true)
        #expect(nothing.next() == nil)
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
        let names = try docs.map { try $0.get().name }
        #expect(names.allSatisfy(ContentName.isContentName) && Set(names).count == 3)
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
        guard case .failure(.badRecord(_, let record, let line, let id, _)) = docs[2] else {
            Issue.record("bad line accepted")
            return
        }
        #expect(record == 3 && line == 4 && id == nil)
        #expect(throws: InputError.self) { try docs[3].get() }
        #expect(try docs[4].get().name == ContentName.of("last", stream: "-"))
    }

    /// The stream takes the shapes the server's `/v1/analyze` takes: `{"comments": […]}` alone is a
    /// thread without an article (as `--all-comments`); it was refused. A record with `"text"` and
    /// the parts is refused (as the server refuses it): which one the caller meant would be a guess.
    @Test func commentsAloneAreAThreadAndTextBesideThePartsIsRefused() throws {
        let docs = documents(
            """
            {"comments": ["one", "two"]}
            {"article": "", "comments": ["one", "two"]}
            {"text": "page", "comments": ["one"]}
            {"text": "page", "article": null}
            """)
        #expect(docs.count == 4)
        let thread = try docs[0].get()
        guard case .allComments? = thread.mode else {
            Issue.record("expected a thread without an article, got \(String(describing: thread.mode))")
            return
        }
        #expect(thread.text == "one\ntwo")
        #expect(ContentName.isContentName(thread.name))
        #expect(try thread.name != docs[1].get().name, "no article is not an empty article")
        guard case .failure(.badRecord(_, let record, _, _, let reason)) = docs[2] else {
            Issue.record("text beside comments accepted: \(docs[2])")
            return
        }
        #expect(record == 3 && reason.contains("\"text\" and"))
        #expect(try docs[3].get().text == "page", "a null part is no part")
    }

    /// A JSON comment keeps its own lines: a `> quoted` first line is someone else's words, the
    /// line below it the writer's. Flattened, the quote marker claimed the whole comment and its
    /// abuse scored 0. The document's one-line text (what names it) is as before.
    @Test func aCommentsLineBreaksAreKept() throws {
        let docs = documents(
            #"{"article": "Taxes rise.", "comments": ["> The article says taxes rise.\r\nYou are an idiot", "plain"]}"#)
        let document = try docs[0].get()
        #expect(document.comments == ["> The article says taxes rise.\nYou are an idiot", "plain"])
        #expect(document.text == "> The article says taxes rise. You are an idiot\nplain")
        let report = Analyzer().analyze(document)
        #expect(report.comments.map(\.comment.text) == document.comments)
        #expect(report.comments.map(\.comment.line) == [1, 2])
        #expect(report.comments[0].triage.insult >= 0.5)
    }

    /// Text that merely starts with a brace is a page, read from its first byte; JSON is a brace
    /// then a quote or a closing brace.
    @Test func aPageStartingWithABraceIsText() throws {
        let page = "\n{{Short description|Council budget}}\nThe council approved the budget.\n"
        let text = try documents(page).map { try $0.get() }
        #expect(text.count == 1 && text[0].text == page && text[0].mode == nil)
        let json = try documents("\u{FEFF}\n  {\"text\": \"x\"}").map { try $0.get() }
        #expect(json.count == 1 && json[0].text == "x")
        let spaced = documents(" { \"text\": \"A page\" }\n{}")
        #expect(spaced.count == 2 && (try? spaced[0].get().text) == "A page")
    }

    /// Names come from content, not position: the same record gets the same name wherever it sits
    /// in a stream (each partition of a cluster job is its own stream), and different ones differ.
    @Test func documentsWithoutIDAreNamedByTheirContent() throws {
        let a = #"{"text": "Article\nA comment"}"#
        let b = #"{"article": "Article", "comments": ["A comment"]}"#
        let c = #"{"article": "Article\nA comment", "comments": []}"#
        let alone = try documents(a).map { try $0.get().name }
        let mixed = try documents([b, c, a].joined(separator: "\n")).map { try $0.get().name }
        #expect(alone.count == 1 && mixed.count == 3)
        #expect(mixed[2] == alone[0])
        #expect(Set(mixed).count == 3, "text, and the same words split differently, get different names")
        #expect(mixed.allSatisfy(ContentName.isContentName))
        #expect(!ContentName.isContentName("-#12") && !ContentName.isContentName("-#0123456789abcdeg"))
    }

    /// A malformed record in the middle: its neighbours are read whole and the error gives the
    /// record number (blank lines are not records), the line, and the id when one can be read off
    /// it, even from a truncated line.
    @Test func badRecordsCarryRecordNumberLineAndID() throws {
        let docs = documents(
            """
            {"id": "a", "text": "one"}

            {"id": "doc-9", "text": "cut off
            {"id": 12, "article": "x"}
            {"id": {"nested": 1}, "text": "y"}
            {"id": "b", "text": "two"}
            """)
        #expect(docs.count == 5)
        #expect(try docs[0].get().name == "a" && docs[4].get().name == "b")
        var seen: [(Int, Int, String?)] = []
        for d in docs[1...3] {
            guard case .failure(.badRecord(let path, let record, let line, let id, _)) = d else {
                Issue.record("expected a bad record, got \(d)")
                continue
            }
            #expect(path == "-")
            seen.append((record, line, id))
        }
        #expect(seen.map(\.0) == [2, 3, 4] && seen.map(\.1) == [3, 4, 5])
        #expect(seen.map(\.2) == ["doc-9", "12", nil])
        let message = "\(InputError.badRecord(path: "-", record: 2, line: 3, id: "doc-9", reason: "not a JSON object"))"
        #expect(message == #"-:3: record 2 (id "doc-9"): not a JSON object"#)
    }

    @Test func recordIDIsReadOffBrokenJSON() {
        func scan(_ s: String) -> String? { RecordID.scan(Array(s.utf8)[...]) }
        #expect(scan(#"{"text": "x", "id" : "q\"uote"#) == nil, "an unterminated id string is no id")
        #expect(scan(#"{"text": "x", "id" : "q\"uote", "#) == "q\"uote")
        #expect(scan(#"{"id":-3.5e2,"#) == "-3.5e2")
        #expect(scan(#"{"idx": "no", "#) == nil)
        #expect(scan(#"{"id": [1]}"#) == nil)
    }

    /// The record's own top-level "id" names it, with its spelling; an "id" inside a nested object
    /// or a string is not it.
    @Test func onlyTheTopLevelIDNamesARecord() throws {
        let nested = documents(#"{"meta":{"id":2.0},"id":2,"article":"The council met.","comments":["Good."]}"# + "\n")
        #expect(try nested[0].get().name == "2")
        let inString = documents(#"{"article":"a \"id\": 9","id":1.50,"comments":["Good."]}"# + "\n")
        #expect(try inString[0].get().name == "1.50")
        #expect(RecordID.scan(Array(#"{"x":["id"],"y":{"id":"inner"},"id":"outer""#.utf8)[...]) == "outer")
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

    func bytes(_ bytes: [UInt8]) -> [Result<Document, InputError>] {
        let stream = DocumentStream(bytes: bytes)
        var out: [Result<Document, InputError>] = []
        while let d = stream.next() { out.append(d) }
        return out
    }

    /// One odd byte or escape used to cost the whole record ("not a JSON object"); now it becomes
    /// U+FFFD with a warning naming the record, as a file's odd bytes do.
    @Test func oddBytesAndEscapesInARecordAreRepairedNotRefused() throws {
        let invalid = Array(#"{"id":"u1","text":"caf"#.utf8) + [0xE9] + Array(#" ok"}"#.utf8) + [0x0A]
        let escapes = Array(
            #"{"id":"s","text":"lone \ud800 low \udc00 pair \ud83d\ude00 kept \\ud800 nul \u0000"}"#.utf8)
        let docs = bytes(invalid + escapes + [0x0A])
        #expect(docs.count == 2)
        let first = try docs[0].get()
        #expect(first.text == "caf\u{FFFD} ok")
        let expected = "u1: warning: record 1 (line 1): invalid UTF-8 replaced with U+FFFD"
        #expect(first.warnings.map(\.description) == [expected])
        let second = try docs[1].get()
        #expect(second.text == "lone \u{FFFD} low \u{FFFD} pair 😀 kept \\ud800 nul \u{FFFD}")
        #expect(second.warnings.first?.message.contains("unpaired surrogate escapes, NUL characters") == true)
        // A clean record has no warning.
        #expect(try documents(#"{"id":"c","text":"fine"}"#).first?.get().warnings == [])
    }

    @Test func invalidJSONAndOtherValuesAreToldApart() {
        let docs = documents("{\"id\":\"a\",\"text\": \"unclosed}\n[1, 2]\n")
        guard docs.count == 2, case .failure(.badRecord(_, _, _, _, let first)) = docs[0],
            case .failure(.badRecord(_, _, _, _, let second)) = docs[1]
        else {
            Issue.record("\(docs)")
            return
        }
        #expect(first.hasPrefix("not valid JSON"))
        #expect(second.hasPrefix("not a JSON object"))
    }

    @Test func anEmptyIDCountsAsNone() throws {
        let d = try #require(documents(#"{"id":"","text":"named by content"}"#).first).get()
        #expect(ContentName.isContentName(d.name))
    }

    /// A warning in a later document of a plain stream names the stream's line and the document;
    /// it used to name a line within a document called by a hash the user cannot find.
    @Test func warningsInAPlainStreamNameTheStreamsLine() throws {
        let docs = bytes(Array("doc one\n\u{0C}\ndoc two\nbad ".utf8) + [0xFF, 0x0A])
        #expect(docs.count == 2)
        let second = try docs[1].get()
        let warning = try #require(second.warnings.first)
        #expect(warning.path == "-")
        #expect(warning.line == 4)
        #expect(warning.message.hasSuffix("(document 2, \(second.name))"))
    }

    /// A leading separator, or two in a row, make no empty document.
    @Test func blankDocumentsBetweenSeparatorsAreSkipped() throws {
        let docs = documents("\u{0C}\ndoc one\n\u{0C}\n\n\u{0C}\ndoc two\n")
        #expect(try docs.map { try $0.get().text } == ["doc one\n", "doc two\n"])
    }
}
