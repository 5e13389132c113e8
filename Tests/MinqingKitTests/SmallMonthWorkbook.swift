import Foundation
import Logging
import Testing
@testable import MinqingKit

/// Tests/Fixtures/e2e/small-2026-10.csv (11 demands: 3 A级, 3 未办结) ingested and its workbook written
/// in-process, for tests that read the workbook back against the data it was written from.
enum SmallMonthWorkbook {
    struct Written {
        let path: String
        /// The data the sheets were written from (its summary is the pass's).
        let data: BulletinData
        let pass: WorkbookWriter.Pass
    }

    /// Writes the workbook with `rowsPerSheet` demands a sheet (Excel's limit unless given).
    static func write(_ label: String, rowsPerSheet: Int = WorkbookWriter.rowsPerSheet) throws -> Written {
        let directory = try TestSupport.temporaryDirectory(label)
        let pipeline = Pipeline(workspace: Workspace(root: directory, seeds: TestSupport.seeds), logger: Logger(label: "test"))
        let month = try #require(YearMonth(parsing: "2026-10"))
        _ = try pipeline.ingest(
            month: month, inputs: [TestSupport.fixtures + "/e2e/small-2026-10.csv"], encoding: nil, strict: false,
            command: "test")
        let reference = try TestSupport.reference()
        let store = try Store(path: directory + "/minqing.sqlite")
        let path = directory + "/book.xlsx"
        return try store.read { db in
            let reader = MonthReader(db: db, month: month)
            let ingest = try #require(try reader.latestIngest())
            var data = BulletinData(
                county: "江岭县", month: month,
                summary: MonthAggregator(reference: reference, scoring: ScoringRules()).summary(month: month),
                ingest: ingest, problems: [], corrections: [], lateResolved: [],
                gradeACount: try reader.count(.gradeA), unresolvedCount: try reader.count(.unresolved),
                scoring: ScoringRules(), masker: PersonalDataMasker(enabled: true),
                clock: DemandClock(
                    rule: TimeLimitRule(limits: TimeLimits(), calendar: WorkingCalendar(holidays: reference.holidays)),
                    reference: reference, month: month))
            var writer = WorkbookWriter(data: data, reader: reader, reference: reference)
            writer.rowsPerSheet = rowsPerSheet
            let pass = try writer.write(to: path, total: try reader.count(.all))
            data.summary = pass.summary
            return Written(path: path, data: data, pass: pass)
        }
    }
}
