/// A demand list (A级诉求, 未办结诉求, 诉求明细) filled row by row during the month's single pass;
/// continues on `name(2)`, `name(3)`… when a sheet is full. The sheets (header row, widths, frozen
/// header, print setup) are created in libxlsxwriter up front, so they stand in the SPEC's order;
/// their rows are written as XML by ``SheetXML`` and compressed on the other core while the month is
/// read, and ``WorkbookSplice`` puts them into the sheets when the workbook is assembled.
final class DemandListSheets {
    let columns: [DemandColumn]
    let rowsPerSheet: Int
    /// One per sheet, in order.
    let parts: [SplicedSheet]
    private let sheets: [XlsxWorksheet]
    private let styles: [Int]
    private let wraps: [Bool]
    private let columnWidths: [Double]
    private let sharedColumns: [Bool]
    /// The current row's values (reused).
    private var values: [String] = []
    /// Each shared column's last value and its index in the shared-string table.
    private var lastShared: [(text: String, index: Int)?]
    private var xml: SheetXML
    private var part = 0
    private var row = 0

    /// Bytes of XML gathered before they are handed over to be compressed.
    static let chunkSize = 1 << 18

    /// Creates the sheets of the list `sheet` for `count` demands; their compressed rows are kept in
    /// `folder`.
    init(factory: SheetFactory, sheet: BulletinSheet, count: Int, rowsPerSheet: Int, folder: String) throws {
        let columns = sheet.demandColumns
        self.columns = columns
        self.rowsPerSheet = rowsPerSheet
        let sheetCount = max(1, (count + rowsPerSheet - 1) / rowsPerSheet)
        let headers = columns.map(\.header), widths = columns.map(\.width)
        sheets = try (1...sheetCount).map {
            try factory.makeSheet(Self.sheetName(sheet, part: $0), headers: headers, widths: widths)
        }
        parts = try sheets.map { try SplicedSheet(sheet: $0, lastColumn: columns.count - 1, folder: folder) }
        let text = try factory.book.styleIndex(factory.style.text)
        let wrapped = try factory.book.styleIndex(factory.style.wrapped)
        styles = columns.map { $0.wrap ? wrapped : text }
        wraps = columns.map(\.wrap)
        columnWidths = columns.map(\.width)
        sharedColumns = columns.map(\.shared)
        lastShared = Array(repeating: nil, count: columns.count)
        xml = SheetXML(columns: columns.count, chunkCapacity: Self.chunkSize + (1 << 16))
    }

    /// The name of the list's `part`th sheet (from 1): the list's own name, then name(2), name(3)…
    static func sheetName(_ sheet: BulletinSheet, part: Int) -> String {
        part == 1 ? sheet.name : "\(sheet.name)(\(part))"
    }

    /// Appends one demand (already masked for the reports); hands full chunks of XML to `emit`.
    func append(_ demand: ReportDemand, strings: SharedStrings,
                emit: (SplicedSheet, ByteBuffer) throws -> Void) throws {
        if row == rowsPerSheet {
            guard part + 1 < parts.count else {
                throw XlsxError(code: 0, context: "写入工作表「\(sheets[part].name)」", reason: "诉求数多于开始时统计的数目")
            }
            try flush(emit)
            part += 1
            row = 0
        }
        row += 1
        parts[part].rows = row
        // Each value once (the wrapped ones set the row's height first). The closures are called where
        // the columns keep them: an array of the closures alone would hold them at another abstraction,
        // and a thunk would copy the whole demand for every cell.
        values.removeAll(keepingCapacity: true)
        var height = RowHeight()
        for c in columns.indices {
            let value = columns[c].value(demand)
            if wraps[c] { height.add(value, width: columnWidths[c]) }
            values.append(value)
        }
        xml.startRow(row + 1, height: height.points)
        for c in values.indices {
            if sharedColumns[c], let index = sharedIndex(c, values[c], strings) {
                xml.sharedCell(c, style: styles[c], index: index)
            } else {
                xml.inlineCell(c, style: styles[c], text: values[c])
            }
        }
        xml.endRow()
        if xml.count >= Self.chunkSize { try flush(emit) }
    }

    /// The shared-string index of column `c`'s `value`. A column's value is often the one of the row
    /// before (办理状态, 等级, 时效…), and the same `String` (the reader shares repeating values), which
    /// compares at once: the table is looked up only when it changes.
    private func sharedIndex(_ c: Int, _ value: String, _ strings: SharedStrings) -> Int? {
        if let last = lastShared[c], last.text == value { return strings.reference(last.index) }
        guard let index = strings.index(of: value) else { return nil }
        lastShared[c] = (value, index)
        return index
    }

    /// Hands over the last chunk and sets each sheet's autofilter over its rows.
    func finish(_ emit: (SplicedSheet, ByteBuffer) throws -> Void) throws {
        try flush(emit)
        for (sheet, part) in zip(sheets, parts) {
            try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(part.rows, 1), lastCol: columns.count - 1)
        }
    }

    private func flush(_ emit: (SplicedSheet, ByteBuffer) throws -> Void) throws {
        guard xml.count > 0 else { return }
        try emit(parts[part], xml.take())
    }
}
