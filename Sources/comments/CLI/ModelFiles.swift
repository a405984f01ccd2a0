import Discourse
import Foundation

/// Replacement model files named by environment variables, which is how `scripts/fit-segmenter` and
/// `scripts/eval-drift` try numbers without rebuilding. They are read here, in the executable,
/// because the library does no I/O: it takes the parsed values through ``Analyzer``'s initializer.
enum ModelFiles {
    /// A `parameter<TAB>value` file of segmenter weights that replaces `Lexicons/segmenter-weights.tsv`.
    static let segmenterWeightsVariable = "COMMENTS_SEGMENTER_WEIGHTS"
    /// A `parameter<TAB>value` file whose rows replace drift parameters (names as in `DriftParameters`).
    static let driftParametersVariable = "COMMENTS_DRIFT_PARAMETERS"

    /// The analyzer of a command: `options`, plus the model files the environment names. A file
    /// that cannot be read or has a bad line is a usage error naming the variable, file and line.
    static func analyzer(
        options: AnalysisOptions, command: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Analyzer {
        var segmenter = Segmenter()
        if let (path, text) = try contents(segmenterWeightsVariable, environment, command: command) {
            segmenter.weights = try parse(segmenterWeightsVariable, command: command) {
                try SegmenterWeights(path: path, text: text)
            }
        }
        var drift = DriftParameters.standard
        if let (path, text) = try contents(driftParametersVariable, environment, command: command) {
            drift = try parse(driftParametersVariable, command: command) {
                try DriftParameters(path: path, overrides: text)
            }
        }
        return Analyzer(options: options, segmenter: segmenter, drift: drift)
    }

    /// The path and text of the file `variable` names, or nil when it names none.
    private static func contents(
        _ variable: String, _ environment: [String: String], command: String
    ) throws -> (path: String, text: String)? {
        guard let path = environment[variable], !path.isEmpty else { return nil }
        switch InputFiles.read(.file(path)) {
        case .success(let document):
            return (path, document.text)
        case .failure(let error):
            throw UsageError(message: "\(variable): \(error)", command: command)
        }
    }

    private static func parse<Value>(
        _ variable: String, command: String, _ body: () throws -> Value
    ) throws -> Value {
        do {
            return try body()
        } catch {
            throw UsageError(message: "\(variable): \(error)", command: command)
        }
    }
}
