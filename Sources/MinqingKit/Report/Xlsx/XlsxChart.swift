import CXlsxWriter

/// A chart made by `XlsxWorkbook.addColumnChart`; the workbook owns it, insert it once with `XlsxWorksheet.insertChart`.
final class XlsxChart {
    /// The chart's title.
    let title: String
    let handle: UnsafeMutablePointer<lxw_chart>
    let owner: ObjectIdentifier
    /// Whether the chart has been placed on a worksheet (a chart can be placed only once).
    public internal(set) var isInserted = false

    init(handle: UnsafeMutablePointer<lxw_chart>, owner: ObjectIdentifier, title: String) {
        self.handle = handle
        self.owner = owner
        self.title = title
    }
}

/// A rectangular block of cells on a named sheet, zero-based and inclusive.
struct XlsxRange: Hashable, Sendable {
    /// The sheet's name (quoted in the formula, so Chinese names and spaces are fine).
    var sheet: String
    /// First row, zero-based.
    var firstRow: Int
    /// First column, zero-based.
    var firstCol: Int
    /// Last row, zero-based, inclusive.
    var lastRow: Int
    /// Last column, zero-based, inclusive.
    var lastCol: Int

    /// Creates a range; rows and columns are zero-based and inclusive.
    init(sheet: String, firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) {
        self.sheet = sheet
        self.firstRow = firstRow
        self.firstCol = firstCol
        self.lastRow = lastRow
        self.lastCol = lastCol
    }

    /// Formula text such as `='总览'!$A$2:$A$5` (sheet name always quoted, ' doubled).
    var formula: String {
        let quoted = "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
        return "=\(quoted)!$\(xlsxColumnName(firstCol))$\(firstRow + 1):$\(xlsxColumnName(lastCol))$\(lastRow + 1)"
    }

    /// Number of cells in the range.
    var cellCount: Int { (lastRow - firstRow + 1) * (lastCol - firstCol + 1) }

    func validate(_ context: String) throws {
        guard firstRow >= 0, firstCol >= 0, firstRow <= lastRow, firstCol <= lastCol,
              lastRow < XlsxWorksheet.maxRows, lastCol < XlsxWorksheet.maxColumns else {
            throw XlsxError(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, context,
                            reason: "数据区域（第 \(firstRow + 1)–\(lastRow + 1) 行，第 \(firstCol + 1)–\(lastCol + 1) 列）无效或超出 Excel 工作表的范围")
        }
    }
}

/// Excel's letters for a zero-based column: 0 → "A", 25 → "Z", 26 → "AA".
func xlsxColumnName(_ col: Int) -> String {
    var n = max(col, 0) + 1
    var letters: [Character] = []
    while n > 0 {
        let rem = (n - 1) % 26
        letters.append(Character(Unicode.Scalar(UInt8(65 + rem))))
        n = (n - 1) / 26
    }
    return String(letters.reversed())
}
