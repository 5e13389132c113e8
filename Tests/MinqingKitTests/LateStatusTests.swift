import Foundation
import Testing
@testable import MinqingKit

/// The sample months: October's late status changes show in October and leave September's report as it was.
@Suite("往月诉求 late status changes", .serialized)
struct LateStatusTests {
    @Test func septemberReportUnchangedByOctoberLateRows() throws {
        let directory = try TestSupport.temporaryDirectory("late")
        let september = TestSupport.root + "/SampleData/2026-09/群众诉求-2026-09.csv"
        let october = ["群众诉求-2026-10.csv", "说事点登记-2026-10.csv"].map { TestSupport.root + "/SampleData/2026-10/" + $0 }
        let common = ["--seeds", TestSupport.seeds]
        #expect(try EndToEnd.run(["run", "--month", "2026-09"] + common + [september], in: directory).status == 0)
        let names = ["民情月报-2026-09.xlsx", "督办清单-2026-09.xlsx", "民情月报-2026-09.md", "数据问题-2026-09.csv"]
        func bytes() throws -> [Data] {
            try names.map { try Data(contentsOf: URL(fileURLWithPath: directory + "/reports/2026-09/" + $0)) }
        }
        let before = try bytes()
        let run = try EndToEnd.run(["run", "--month", "2026-10"] + common + october, in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("往月诉求状态更新 6 件"))
        #expect(run.stdout.hasPrefix("2026-10：诉求 134 件"))
        let again = try EndToEnd.run(["report", "--month", "2026-09"] + common, in: directory)
        #expect(again.status == 0)
        let unchanged = try bytes() == before
        #expect(unchanged, "September's reports changed")

        let book = try EndToEnd.readWorkbook(directory + "/reports/2026-10/民情月报-2026-10.xlsx")
        let late = book.rows("往月诉求本月办结").dropFirst()
        #expect(late.count == 6)
        #expect(late.allSatisfy { ("\($0[1])").hasPrefix("2026-09") && "\($0[5])" != "已办结" })
        #expect(number(book.record("总览", "往月诉求本月办结")?["数值"]) == 6)
        #expect(number(book.record("总览", "上月诉求总数")?["数值"]) == 120)
        let change = try #require(number(book.record("总览", "环比")?["数值"]))
        #expect(abs(change - (134.0 - 120.0) / 120.0) < 1e-12)
    }
}
