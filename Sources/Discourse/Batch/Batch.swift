/// One unit of work of a batch run: an input to read, or a document already read from a stream.
package enum BatchItem: Sendable {
    case input(InputItem)
    case document(Result<Document, InputError>)
}

/// What a batch run produced for one item.
package enum BatchOutcome: Sendable {
    case analysed(FileReport, Document)
    case failed(name: String, error: InputError)

    package var name: String {
        switch self {
        case .analysed(let report, _): return report.file
        case .failed(let name, _): return name
        }
    }
}

/// Reads and analyses inputs for a batch run; safe to call from several threads at once.
package struct BatchAnalyzer: Sendable {
    package var analyzer: Analyzer

    package init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    package func process(_ item: BatchItem) -> BatchOutcome {
        let read: Result<Document, InputError>
        switch item {
        case .input(let input): read = InputFiles.read(input)
        case .document(let document): read = document
        }
        switch read {
        case .success(let document): return .analysed(analyzer.analyze(document), document)
        case .failure(let error): return .failed(name: error.path, error: error)
        }
    }

    /// The items of a command line: files and directories as given, stdin as a document stream.
    package static func items(_ inputs: [InputItem], stdin: @escaping () -> DocumentStream) -> () -> BatchItem? {
        var index = 0
        var stream: DocumentStream?
        return {
            while index < inputs.count {
                let input = inputs[index]
                guard input == .standardInput else {
                    index += 1
                    return .input(input)
                }
                if stream == nil { stream = stdin() }
                if let document = stream?.next() { return .document(document) }
                stream = nil
                index += 1
            }
            return nil
        }
    }
}
