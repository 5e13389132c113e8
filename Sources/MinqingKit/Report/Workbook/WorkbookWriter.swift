import Foundation

/// Writes 民情月报-YYYY-MM.xlsx: the sheets and headers of SPEC §7, in that order.
///
/// Every sheet has its header in row 1 (bold, frozen, repeated on printed pages), prints A4 landscape
/// one page wide with the county, month and sheet name in the page header and page numbers in the
/// footer. The long lists are streamed from the database in `constant_memory` mode, so memory does not
/// grow with the month's size; 诉求明细 continues on 诉求明细(2), (3)… past Excel's row limit.
public struct WorkbookWriter {
    /// Data rows per sheet: Excel's 1,048,576 rows less the header.
    public static let rowsPerSheet = 1_048_575

    let data: BulletinData
    let reader: MonthReader
    var rowsPerSheet = WorkbookWriter.rowsPerSheet

    public init(data: BulletinData, reader: MonthReader) {
        self.data = data
        self.reader = reader
    }

    /// The time stored in the document properties: the first day of the following month, 00:00 UTC,
    /// so the same data gives the same bytes.
    var documentTime: Date {
        Date(timeIntervalSince1970: TimeInterval(data.month.next.firstDay.dayNumber) * 86_400)
    }

    /// Writes the workbook to `path`.
    public func write(to path: String) throws {
        let book = try XlsxWorkbook(path: path, constantMemory: true)
        try book.setProperties(
            title: "\(data.county)民情月报（\(data.month.chineseTitle)）", subject: "民情月报",
            author: "minqing \(minqingVersion)", company: data.county, created: documentTime)
        let style = WorkbookStyle(book)
        let sheets = SheetWriter(book: book, style: style, data: data)
        let overview = try sheets.overview()
        try sheets.domainTable()
        try sheets.overviewCharts(on: overview)
        try sheets.unitScores()
        try sheets.liaisonTable()
        try sheets.townshipTable()
        try sheets.demandList(name: "A级诉求", columns: DemandSheetColumns.gradeA, reader: reader, filter: .gradeA, rowsPerSheet: rowsPerSheet)
        try sheets.demandList(name: "未办结诉求", columns: DemandSheetColumns.unresolved, reader: reader, filter: .unresolved, rowsPerSheet: rowsPerSheet)
        try sheets.demandList(name: "诉求明细", columns: DemandSheetColumns.detail, reader: reader, filter: .all, rowsPerSheet: rowsPerSheet)
        try sheets.problems()
        try sheets.corrections()
        try sheets.lateResolved()
        try book.close()
    }
}
