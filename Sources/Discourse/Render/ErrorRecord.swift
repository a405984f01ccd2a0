/// The JSON Lines record written in place of the rows of a stream record that could not be used,
/// so that a cluster job's output accounts for every input record:
/// `{"id":"doc-9","record":3,"line":4,"error":"not a JSON object; …"}` (`id` is null when none could
/// be read off the record).
package enum ErrorRecord {
    /// The record (with its line feed) for a bad stream record; nil for any other failure, which has
    /// no place in the rows (a file that cannot be read is reported and gets a summary row).
    package static func jsonl(_ error: InputError) -> String? {
        guard case .badRecord(_, let record, let line, let id, let reason) = error else { return nil }
        var w = JSONWriter()
        w.beginObject()
        w.field("id", id.map(CellValue.text) ?? .null)
        w.field("record", .integer(record))
        w.field("line", .integer(line))
        w.field("error", .text(reason))
        w.endObject()
        return w.output + "\n"
    }
}
