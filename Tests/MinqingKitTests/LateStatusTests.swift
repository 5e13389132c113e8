import Foundation
import Testing
@testable import MinqingKit

/// The sample half year (SampleData/2026-05 … 2026-10, run oldest first): October's late status changes
/// of July, August and September demands show in October and leave September's report as it was.
@Suite("往月诉求 late status changes", .serialized)
struct LateStatusTests {
    /// Each sample month's input files (SampleData/README.md).
    static let months: [(month: String, files: [String])] = [
        ("2026-05", ["群众诉求-2026-05.csv"]),
        ("2026-06", ["群众诉求-2026-06.csv"]),
        ("2026-07", ["群众诉求-2026-07.csv", "说事点登记-2026-07.csv"]),
        ("2026-08", ["群众诉求-2026-08.csv", "民情日记-2026-08.csv"]),
        ("2026-09", ["群众诉求-2026-09.csv"]),
        ("2026-10", ["群众诉求-2026-10.csv", "说事点登记-2026-10.csv"]),
    ].map { month, names in (month, names.map { TestSupport.root + "/SampleData/\(month)/" + $0 }) }

    // October's figures. 12 late rows, all status changes: 9 resolved (July 1, August 2, September 6)
    // and 3 re-exported as still 办理中. The 说事点 register also holds 2 补录 received in September:
    // they count in October (134 + 2), and September keeps its own: 120 + its 2 补录 received in August
    // (SPEC §1).
    static let octoberDemands = 136
    static let octoberLateUpdates = 12
    static let octoberLateResolved = 9
    static let septemberDemands = 122

    @Test func septemberReportUnchangedByOctoberLateRows() throws {
        let directory = try TestSupport.temporaryDirectory("late")
        let common = ["--seeds", TestSupport.seeds]
        for (month, files) in Self.months.dropLast() {
            let ran = try EndToEnd.run(["run", "--month", month] + common + files, in: directory)
            #expect(ran.status == 0, "\(month): \(ran.stderr)")
        }
        let names = ["民情月报-2026-09.xlsx", "督办清单-2026-09.xlsx", "民情月报-2026-09.md", "数据问题-2026-09.csv"]
        func bytes() throws -> [Data] {
            try names.map { try Data(contentsOf: URL(fileURLWithPath: directory + "/reports/2026-09/" + $0)) }
        }
        let before = try bytes()
        let run = try EndToEnd.run(["run", "--month", "2026-10"] + common + Self.months[5].files, in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("往月诉求状态更新 \(Self.octoberLateUpdates) 件"), "\(run.stdout)")
        #expect(run.stdout.hasPrefix("2026-10：诉求 \(Self.octoberDemands) 件"), "\(run.stdout)")
        let again = try EndToEnd.run(["report", "--month", "2026-09"] + common, in: directory)
        #expect(again.status == 0)
        let unchanged = try bytes() == before
        #expect(unchanged, "September's reports changed")

        let book = try EndToEnd.readWorkbook(directory + "/reports/2026-10/民情月报-2026-10.xlsx")
        let late = book.rows("往月诉求本月办结").dropFirst()
        #expect(late.count == Self.octoberLateResolved)
        let earlier = ["2026-07", "2026-08", "2026-09"]
        #expect(late.allSatisfy { row in earlier.contains { "\(row[1])".hasPrefix($0) } && "\(row[5])" != "已办结" })
        #expect(number(book.record("总览", "往月诉求本月办结")?["数值"]) == Double(Self.octoberLateResolved))
        #expect(number(book.record("总览", "上月诉求总数")?["数值"]) == Double(Self.septemberDemands))
        let change = try #require(number(book.record("总览", "环比")?["数值"]))
        let expected = Double(Self.octoberDemands - Self.septemberDemands) / Double(Self.septemberDemands)
        #expect(abs(change - expected) < 1e-12)
    }
}
