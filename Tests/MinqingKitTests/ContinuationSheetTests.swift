import Foundation
import Testing
@testable import MinqingKit

/// A list longer than a sheet continues on name(2), name(3)… right after it (tested with 4 rows a sheet
/// instead of Excel's 1,048,575).
@Suite("续表 continuation sheets")
struct ContinuationSheetTests {
    @Test func longListsContinueOnNumberedSheets() throws {
        let written = try SmallMonthWorkbook.write("continue", rowsPerSheet: 4)
        #expect(written.pass.summary.totals.total == 11)
        let book = try EndToEnd.readWorkbook(written.path)
        #expect(book.sheets == [
            "总览", "分类统计", "责任单位评分", "双联系责任表", "属地统计", "热点诉求", "近12个月", "A级诉求", "未办结诉求", "诉求明细",
            "诉求明细(2)",
            "诉求明细(3)", "数据问题",
        ])
        #expect(book.rows("诉求明细").count == 5)
        #expect(book.rows("诉求明细(2)").count == 5)
        #expect(book.rows("诉求明细(3)").count == 4)
        #expect(book.headers("诉求明细(3)") == book.headers("诉求明细"))
        let ids = ["诉求明细", "诉求明细(2)", "诉求明细(3)"].flatMap { book.rows($0).dropFirst().map { "\($0[0])" } }
        #expect(ids == ["E01", "E02", "E03", "E04", "E05", "E06", "E07", "E08", "E09", "E10", "E11"])
        #expect(book.rows("A级诉求").count == 4)
    }
}
