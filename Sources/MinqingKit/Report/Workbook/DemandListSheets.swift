/// A demand list (A级诉求, 未办结诉求, 诉求明细) filled row by row during the month's single pass;
/// continues on `name(2)`, `name(3)`… when a sheet is full. The sheets are created up front, so they stand
/// in the SPEC's order whatever the order the rows arrive in.
final class DemandListSheets {
    let columns: [DemandColumn]
    let rowsPerSheet: Int
    private let sheets: [XlsxWorksheet]
    private let formats: [XlsxFormat]
    private let wrapIndexes: [Int]
    private var part = 0
    private var row = 0

    /// Creates the sheets for `count` demands.
    init(factory: SheetFactory, name: String, columns: [DemandColumn], count: Int, rowsPerSheet: Int) throws {
        self.columns = columns
        self.rowsPerSheet = rowsPerSheet
        let parts = max(1, (count + rowsPerSheet - 1) / rowsPerSheet)
        let headers = columns.map(\.header), widths = columns.map(\.width)
        sheets = try (1...parts).map {
            try factory.makeSheet($0 == 1 ? name : "\(name)(\($0))", headers: headers, widths: widths)
        }
        formats = columns.map { $0.wrap ? factory.style.wrapped : factory.style.text }
        wrapIndexes = columns.indices.filter { columns[$0].wrap }
    }

    /// One demand's cells, ready to write: computed on the reading thread, written on the writing one.
    struct PreparedRow: Sendable {
        var values: [String]
        var height: Double?
    }

    /// The cells of one demand (already masked for the reports) in this list's columns. Reads only
    /// immutable state, so it may run on another thread than ``append(_:)``.
    func prepare(_ demand: ReportDemand) -> PreparedRow {
        let values = columns.map { $0.value(demand) }
        return PreparedRow(values: values, height: SheetWriter.rowHeight(wrapIndexes.map { (values[$0], columns[$0].width) }))
    }

    /// Appends one prepared row.
    func append(_ prepared: PreparedRow) throws {
        if row == rowsPerSheet {
            guard part + 1 < sheets.count else {
                throw XlsxError(code: 0, context: "写入工作表「\(sheets[part].name)」", reason: "诉求数多于开始时统计的数目")
            }
            try finishPart()
            part += 1
            row = 0
        }
        row += 1
        let sheet = sheets[part]
        if let height = prepared.height { try sheet.setRowHeight(row, height) }
        for (c, value) in prepared.values.enumerated() {
            try sheet.writeText(row, c, value, formats[c])
        }
    }

    /// Adds the autofilters once every row is written.
    func finish() throws {
        try finishPart()
    }

    private func finishPart() throws {
        try sheets[part].autofilter(firstRow: 0, firstCol: 0, lastRow: max(row, 1), lastCol: columns.count - 1)
    }
}
