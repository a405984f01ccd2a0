/// Perspective's AnalyzeComment request, decoded and checked.
package struct AnalyzeCommentRequest: Sendable, Equatable {
    package struct Requested: Sendable, Equatable {
        package var attribute: PerspectiveAttribute
        /// Scores below this are left out of the answer (Perspective's `scoreThreshold`).
        package var threshold: Double?
    }

    package var text: String
    /// In the order of ``PerspectiveAttribute/allCases``.
    package var attributes: [Requested]
    /// As sent (echoed); `["en"]` when absent or empty.
    package var languages: [String]
    package var spanAnnotations: Bool
    package var clientToken: String?
    /// The article: `context.entries[].text` joined by line feeds, or
    /// `context.articleAndParentComment.article.text`; nil without a context.
    package var article: String?
    package var doNotStore: Bool
    /// Perspective's `dropUnsupportedAttributes`: attributes not scored here were left out of
    /// ``attributes`` instead of answering an error (which may leave it empty).
    package var dropUnsupportedAttributes: Bool

    package init(
        text: String, attributes: [Requested], languages: [String] = ["en"], dropUnsupportedAttributes: Bool = false,
        spanAnnotations: Bool = false, clientToken: String? = nil, article: String? = nil, doNotStore: Bool = false
    ) {
        self.text = text
        self.attributes = attributes
        self.languages = languages
        self.dropUnsupportedAttributes = dropUnsupportedAttributes
        self.spanAnnotations = spanAnnotations
        self.clientToken = clientToken
        self.article = article
        self.doNotStore = doNotStore
    }

    /// The longest `comment.text`, in UTF-8 bytes: Perspective's own limit (20 KB). Longer texts
    /// get 400 `COMMENT_TOO_LONG`, as from Perspective; it also bounds what one request costs (each
    /// sentence span is scored on its own).
    package static let maxTextBytes = 20 * 1024

    package static func decode(_ body: [UInt8]) throws(ServiceError) -> AnalyzeCommentRequest {
        try decode(JSONBody.object(body))
    }

    static func decode(_ object: JSONBody.Object) throws(ServiceError) -> AnalyzeCommentRequest {
        guard let comment = try JSONBody.dictionary(object, "comment", field: "comment") else {
            throw .invalid("comment.text is required", "COMMENT_EMPTY")
        }
        guard let text = try JSONBody.string(comment, "text", field: "comment.text") else {
            throw .invalid("comment.text is required", "COMMENT_EMPTY")
        }
        // White space alone is as empty as nothing (Perspective answers COMMENT_EMPTY for both);
        // scoring it would answer 200 with 0 for a comment that holds no text.
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw .invalid(
                text.isEmpty ? "comment.text is empty" : "comment.text holds only white space", "COMMENT_EMPTY")
        }
        guard text.utf8.count <= maxTextBytes else {
            throw .invalid(
                "Comment text too long: \(text.utf8.count) bytes of UTF-8; at most \(maxTextBytes) are scored",
                "COMMENT_TOO_LONG")
        }
        if let type = try JSONBody.string(comment, "type", field: "comment.type"), type != "PLAIN_TEXT" {
            throw .invalid("comment.type '\(type)' is not supported; only PLAIN_TEXT is", "COMMENT_TYPE_NOT_SUPPORTED")
        }

        guard let requested = try JSONBody.dictionary(object, "requestedAttributes", field: "requestedAttributes"),
            !requested.isEmpty
        else {
            throw .invalid("requestedAttributes must name at least one attribute", "NO_REQUESTED_ATTRIBUTES")
        }
        // Perspective: "any requested attribute that is requested but not supported for the language
        // detected will be dropped from the returned scores instead of returning an error". Here that
        // is an attribute this server does not score (SEXUALLY_EXPLICIT, FLIRTATION …), and every
        // attribute for a language other than English: a client that lists all of Perspective's
        // attributes gets the scores there are.
        let drop = try JSONBody.bool(object, "dropUnsupportedAttributes", field: "dropUnsupportedAttributes") ?? false
        var byAttribute: [PerspectiveAttribute: Double?] = [:]
        for (name, value) in requested {
            guard let attribute = PerspectiveAttribute(rawValue: name.uppercased()) else {
                if drop { continue }
                let known = PerspectiveAttribute.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalid("Unknown attribute: \(name) (known: \(known))", "UNKNOWN_ATTRIBUTE")
            }
            let field = "requestedAttributes.\(name)"
            let parameters: JSONBody.Object
            switch value {
            case .null: parameters = [:]
            case .object(let d): parameters = d
            default: throw .invalid("\(field) must be an object")
            }
            if let scoreType = try JSONBody.string(parameters, "scoreType", field: field + ".scoreType"),
                scoreType != "PROBABILITY"
            {
                throw .invalid(
                    "\(field).scoreType '\(scoreType)' is not supported; only PROBABILITY is",
                    "ATTRIBUTE_SCORE_TYPE_NOT_SUPPORTED")
            }
            let threshold = try JSONBody.number(parameters, "scoreThreshold", field: field + ".scoreThreshold")
            if let threshold, !(0...1).contains(threshold) {
                throw .invalid("\(field).scoreThreshold must be in 0 … 1")
            }
            byAttribute[attribute] = threshold
        }
        var attributes = PerspectiveAttribute.allCases.compactMap { a in
            byAttribute[a].map { Requested(attribute: a, threshold: $0) }
        }

        var languages = ["en"]
        if let list = try JSONBody.array(object, "languages", field: "languages") {
            var strings: [String] = []
            for item in list {
                guard case .string(let s) = item else { throw .invalid("languages must be a list of language codes") }
                strings.append(s)
            }
            if !strings.isEmpty { languages = strings }
        }
        if languages.contains(where: { !Self.isEnglish($0) }), drop {
            attributes = []  // none is scored in that language: dropped, the answer has no scores
        } else if let other = languages.first(where: { !Self.isEnglish($0) }) {
            let attribute = attributes.first?.attribute.rawValue ?? "TOXICITY"
            throw .invalid(
                "Attribute \(attribute) does not support request languages: \(other) (only English is supported)",
                "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE")
        }

        var article: String?
        if let context = try JSONBody.dictionary(object, "context", field: "context") {
            var parts: [String] = []
            if let list = try JSONBody.array(context, "entries", field: "context.entries") {
                for (i, entry) in list.enumerated() {
                    guard case .object(let e) = entry,
                        let t = try JSONBody.string(e, "text", field: "context.entries[\(i)].text")
                    else {
                        throw .invalid("context.entries[\(i)] must be an object with a text")
                    }
                    parts.append(t)
                }
            }
            if let pair = try JSONBody.dictionary(
                context, "articleAndParentComment", field: "context.articleAndParentComment"),
                let a = try JSONBody.dictionary(pair, "article", field: "context.articleAndParentComment.article"),
                let t = try JSONBody.string(a, "text", field: "context.articleAndParentComment.article.text")
            {
                parts.append(t)
            }
            if !parts.joined().allSatisfy(\.isWhitespace) { article = parts.joined(separator: "\n") }
        }
        if article == nil, let a = attributes.first(where: { $0.attribute.needsArticle }) {
            throw .invalid(
                "\(a.attribute.rawValue) measures drift from the article: send the article's text in context.entries[].text",
                "CONTEXT_REQUIRED")
        }

        return AnalyzeCommentRequest(
            text: text, attributes: attributes, languages: languages, dropUnsupportedAttributes: drop,
            spanAnnotations: try JSONBody.bool(object, "spanAnnotations", field: "spanAnnotations") ?? false,
            clientToken: try JSONBody.string(object, "clientToken", field: "clientToken"), article: article,
            doNotStore: try JSONBody.bool(object, "doNotStore", field: "doNotStore") ?? false)
    }

    /// `en`, `EN`, `en-US`, `en_GB`: English in ISO or BCP-47 form.
    static func isEnglish(_ code: String) -> Bool {
        let primary = code.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() }
        return primary == "en" || primary == "eng"
    }
}
