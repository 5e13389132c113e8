/// One input file read as a table, row by row, whatever its form (CSV or Unicode text, an .xlsx or an
/// .xls workbook). The scanner finds the header among the first rows, skips blank rows and checks each
/// row; a source only reads.
///
/// Cells are text as Excel or WPS shows them: a whole number without `.0`, a cell formatted as a date
/// as `2026-10-03` (with ` 14:22:05` when it has a time of day), a formula's cached value. A number in a
/// date column that is not formatted as a date (an Excel serial such as `46300`) stays a number here:
/// the date parser reads it with the source's ``dateSystem``.
protocol TableSource: AnyObject {
    /// Advances to the next row; false at the end. A source may skip rows that have no cells at all
    /// (a workbook's missing rows); the row numbers tell. Throws ``InputRefused`` for a file that cannot
    /// be read on (a broken zip, a record that never ends).
    func nextRow() throws -> Bool
    /// The number of cells of the current row up to its last one present (trailing blank cells may be
    /// counted or not).
    var fieldCount: Int { get }
    /// Cell `i` of the current row (column A = 0) as text; "" when blank or beyond ``fieldCount``.
    func field(_ i: Int) -> String
    /// The current row's number as a spreadsheet shows it (the first row is 1).
    var rowNumber: Int { get }
    /// The physical line of a text file where the current row starts, when it is not ``rowNumber`` (a
    /// record before it spanned several lines); nil for workbooks and when they agree.
    var physicalLine: Int? { get }
    /// The current row as given, for 数据问题's 原始内容: a text file's record as in the file; a
    /// workbook's cells as one CSV line (RFC 4180 quoting), so nothing the unit sent is lost.
    func rawRecord() -> String
    /// True when the current row holds a NUL character (the row is rejected: the file is damaged).
    var recordHasNUL: Bool { get }
    /// The form read, for 导入记录 and messages: `utf-8`, `gb18030`, `utf-16le`, `xlsx`, `xls`.
    var formName: String { get }
    /// The worksheet read, for workbooks (messages name it); "" for text files.
    var sheetName: String { get }
    /// How the source's date serial numbers count (workbooks saved with the 1904 date system).
    var dateSystem: ExcelDateSystem { get }
}

/// The two date systems of Excel workbooks: serial 1 is 1900-01-01 (with Lotus's phantom 1900-02-29,
/// so serials from 61 on are one day ahead), or serial 0 is 1904-01-01 (old Mac workbooks).
enum ExcelDateSystem: Sendable, Equatable {
    case from1900
    case from1904
}
