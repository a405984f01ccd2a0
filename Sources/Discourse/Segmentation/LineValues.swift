/// The feature values of the scored lines, read by both the line model
/// (``LineModel/score(_:line:parts:)``) and the section terms (``SectionTerms``).
///
/// A file of at most ``maxKeptLines`` lines keeps every line's row, so no value is computed twice;
/// a longer one keeps a single row, the line filled last, and the segmenter fills a line again when
/// its second pass needs it (#12: a row is some 400 bytes, 400 MB for a million-line page). Either
/// way a value is `LineModel.value` of the same features, so the figures do not depend on which.
struct LineValues {
    /// The features some weight reads (a line weight or a `relative:` weight), in
    /// ``SegmenterParameter/lineFeatures`` order.
    let columns: [SegmenterParameter]
    let lines: Int
    /// Whether every line's row is kept (else only the row of the line filled last).
    let keepsEveryRow: Bool
    /// Kept rows, line-major; 0 on lines that were not filled (blank lines, furniture).
    private(set) var table: [Double]

    /// Files up to this many lines keep every row: 8,192 rows of some 50 columns are about 3 MB.
    static let maxKeptLines = 1 << 13

    /// `keepRows` overrides the choice by ``maxKeptLines`` (tests compare the two).
    init(columns: [SegmenterParameter], lines: Int, keepRows: Bool? = nil) {
        self.columns = columns
        self.lines = lines
        keepsEveryRow = keepRows ?? (lines <= Self.maxKeptLines)
        table = [Double](repeating: 0, count: (keepsEveryRow ? lines : 1) * columns.count)
    }

    @inline(__always)
    private func base(_ i: Int) -> Int { keepsEveryRow ? i * columns.count : 0 }

    /// Computes line `i`'s values.
    mutating func fill(_ i: Int, _ x: LineFeatures, _ c: LineContext) {
        let base = base(i)
        for (j, p) in columns.enumerated() { table[base + j] = LineModel.value(p, x, c) }
    }

    /// Makes line `i`'s row available again for a later pass: a no-op when every row is kept.
    @inline(__always)
    mutating func refill(_ i: Int, _ x: LineFeatures, _ c: LineContext) {
        if !keepsEveryRow { fill(i, x, c) }
    }

    /// Line `i`'s value in column `j`: the line must have been filled (refilled) last when rows are
    /// not kept.
    @inline(__always)
    subscript(line i: Int, column j: Int) -> Double { table[base(i) + j] }
}
