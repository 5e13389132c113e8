import CFreeXL

/// An .xls workbook (BIFF8, Excel 97–2003) read as a ``TableSource`` through FreeXL, which loads the
/// chosen workbook's cells on open (an .xls sheet has at most 65,536 rows) and converts date-formatted
/// numbers itself. The cells follow the same text rules as ``XLSXSource``.
///
/// FreeXL 1.0.6 does not tell hidden sheets from visible ones, so without `--sheet` the first sheet is read.
final class XLSSource: TableSource {
    let path: String
    let sheetName: String
    let dateSystem: ExcelDateSystem
    var formName: String { "xls" }
    var physicalLine: Int? { nil }
    private(set) var rowNumber = 0

    private let workbook: FreeXLWorkbook
    private let rowCount: UInt32
    private let columnCount: UInt16
    /// The next row to read (0-based).
    private var nextIndex: UInt32 = 0
    private var cells = RowCells()

    /// Opens the workbook at `path` and the worksheet `sheet` (nil: the first). Throws ``InputRefused``
    /// for a file FreeXL cannot read, an encrypted workbook (an encrypted .xlsx is an OLE2 file too), or
    /// a sheet name that is not there.
    init(path: String, sheet: String?) throws {
        self.path = path
        // Metadata first (no cells loaded): an encrypted workbook is refused before FreeXL reads it.
        let info = try FreeXLWorkbook(path: path, metadataOnly: true)
        if try info.info(FREEXL_BIFF_PASSWORD) == FREEXL_BIFF_OBFUSCATED { throw WorkbookRefusal.encrypted(path) }
        workbook = try FreeXLWorkbook(path: path, metadataOnly: false)
        dateSystem = try workbook.info(FREEXL_BIFF_DATEMODE) == FREEXL_BIFF_DATEMODE_1904 ? .from1904 : .from1900
        let names = try workbook.sheetNames()
        let index: Int
        if let sheet {
            guard let found = names.firstIndex(of: sheet) else {
                throw WorkbookRefusal.noSuchSheet(path, sheet: sheet, existing: names)
            }
            index = found
        } else {
            guard !names.isEmpty else { throw WorkbookRefusal.noVisibleSheet(path, hidden: []) }
            index = 0
        }
        sheetName = names[index]
        (rowCount, columnCount) = try workbook.select(sheet: index)
        // A BIFF8 sheet has at most 65,536 rows and 256 columns; a file claiming more is damaged or
        // hostile, and reading it would ask FreeXL for each of its claimed cells.
        guard rowCount <= Self.maxRows, columnCount <= Self.maxColumns else {
            throw WorkbookRefusal.beyondSheet(path, sheet: sheetName, what: "声称有 \(rowCount) 行、\(columnCount) 列")
        }
    }

    static let maxRows: UInt32 = 65_536
    static let maxColumns: UInt16 = 256

    func nextRow() throws -> Bool {
        while nextIndex < rowCount {
            let row = nextIndex
            nextIndex += 1
            cells.clear()
            for column in 0..<columnCount {
                if let text = try workbook.cellText(row: row, column: column, dateSystem: dateSystem) {
                    cells.set(Int(column), text)
                }
            }
            if cells.count > 0 {
                rowNumber = Int(row) + 1
                return true
            }
        }
        return false
    }

    var fieldCount: Int { cells.count }
    func field(_ i: Int) -> String { cells.field(i) }
    func rawRecord() -> String { cells.csvLine() }
    var recordHasNUL: Bool { cells.hasNUL }
}
