import Foundation
import Logging
import Testing
@testable import MinqingKit

/// A list longer than a sheet continues on name(2), name(3)… right after it (tested with 4 rows a sheet
/// instead of Excel's 1,048,575).
@Suite("续表 continuation sheets")
struct ContinuationSheetTests {
    @Test func longListsContinueOnNumberedSheets() throws {
        let directory = try TestSupport.temporaryDirectory("continue")
        let pipeline = Pipeline(workspace: Workspace(root: directory, seeds: TestSupport.seeds), logger: Logger(label: "test"))
        let month = try #require(YearMonth(parsing: "2026-10"))
        _ = try pipeline.ingest(
            month: month, inputs: [TestSupport.fixtures + "/e2e/small-2026-10.csv"], encoding: nil, strict: false,
            command: "test")
        let reference = try TestSupport.reference()
        let store = try Store(path: directory + "/minqing.sqlite")
        let path = directory + "/book.xlsx"
        try store.read { db in
            let reader = MonthReader(db: db, month: month)
            let ingest = try #require(try reader.latestIngest())
            let data = BulletinData(
                county: "江岭县", month: month,
                summary: MonthAggregator(reference: reference, scoring: ScoringRules()).summary(month: month),
                ingest: ingest, problems: [], corrections: [], lateResolved: [],
                gradeACount: try reader.count(.gradeA), unresolvedCount: try reader.count(.unresolved),
                scoring: ScoringRules(), masker: PersonalDataMasker(enabled: true))
            var writer = WorkbookWriter(data: data, reader: reader, reference: reference)
            writer.rowsPerSheet = 4
            let pass = try writer.write(to: path, total: try reader.count(.all))
            #expect(pass.summary.totals.total == 11)
        }
        let book = try EndToEnd.readWorkbook(path)
        #expect(book.sheets == [
            "总览", "分类统计", "责任单位评分", "双联系责任表", "属地统计", "A级诉求", "未办结诉求", "诉求明细", "诉求明细(2)",
            "诉求明细(3)", "数据问题", "更正说明", "往月诉求本月办结",
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
