/// The feature values of every scored line, computed once per file and read by both the line model
/// (``LineModel/score(_:line:parts:)``) and the section terms (``SectionTerms``), so no value is
/// computed twice.
struct LineValues {
    /// The features some weight reads (a line weight or a `relative:` weight), in
    /// ``SegmenterParameter/lineFeatures`` order.
    let columns: [SegmenterParameter]
    let lines: Int
    /// `lines x columns.count`, line-major; 0 on lines that were not filled (blank lines, furniture).
    private(set) var table: [Double]

    init(columns: [SegmenterParameter], lines: Int) {
        self.columns = columns
        self.lines = lines
        table = [Double](repeating: 0, count: lines * columns.count)
    }

    /// Computes line `i`'s values.
    mutating func fill(_ i: Int, _ x: LineFeatures, _ c: LineContext) {
        let base = i * columns.count
        for (j, p) in columns.enumerated() { table[base + j] = LineModel.value(p, x, c) }
    }

    @inline(__always)
    subscript(line i: Int, column j: Int) -> Double { table[i * columns.count + j] }
}
