import Foundation
import Testing
@testable import MinqingKit

/// Three months run end to end with the built binary (Tests/Fixtures/three-months), every figure of
/// SPEC §8 computed by hand (calendar days; A = 7, B = 15):
///
/// | 编号 | 受理 | 单位 | 等级 | 08 | 09 | 10 |
/// |---|---|---|---|---|---|---|
/// | W1 | 08-03 | 水务 | B | 办理中 (截止 08-18) | 已办结 09-05 | 办理中 again (重新办理) |
/// | W2 | 08-10 | 水务 | A | 未办理 (截止 08-17) | — | 已办结 10-20 |
/// | T1 | 08-05 | 交通 | B | 已办结 08-12 (按期, 7 天) | | |
/// | T2 | 08-20 | 交通 | B | 办理中 (截止 09-04) | 办理中 (unchanged) | — |
/// | B1 | 08-25 | 交通 | B | | 补录 in 09, 办理中 (截止 09-09) | 已办结 10-03 |
/// | S1 | 09-02 | 水务 | B | | 已办结 09-20 (超期: 截止 09-17, 18 天) | |
/// | S2 | 09-15 | 交通 | B | | 办理中 (截止 09-30) | 已办结 10-09 |
/// | O1 | 10-08 | 水务 | B | | | 已办结 10-10 (按期, 2 天) |
@Suite("三个月 three months by hand", .serialized)
struct ThreeMonthTests {
    static let folder = TestSupport.fixtures + "/three-months"

    struct Run {
        let directory: String
        /// The bytes of each month's reports right after its own run.
        var reports: [String: [Data]] = [:]
    }

    static func reportBytes(_ directory: String, _ month: String) throws -> [Data] {
        try ["民情月报-\(month).xlsx", "民情月报-\(month).md", "数据问题-\(month).csv"].map {
            try Data(contentsOf: URL(fileURLWithPath: directory + "/reports/\(month)/" + $0))
        }
    }

    static let run: Result<Run, any Error> = Result {
        var run = Run(directory: try TestSupport.temporaryDirectory("three-months"))
        for month in ["2026-08", "2026-09", "2026-10"] {
            let result = try EndToEnd.run(
                ["run", "--month", month, "--seeds", TestSupport.seeds, folder + "/\(month).csv"], in: run.directory)
            guard result.status == 0 else {
                throw EndToEnd.ReadError(message: "run \(month): \(result.status) \(result.stderr)")
            }
            run.reports[month] = try reportBytes(run.directory, month)
        }
        return run
    }

    func book(_ month: String) throws -> EndToEnd.Workbook {
        try EndToEnd.readWorkbook(try Self.run.get().directory + "/reports/\(month)/民情月报-\(month).xlsx")
    }

    func overview(_ book: EndToEnd.Workbook, _ name: String) -> Double? { number(book.record("总览", name)?["数值"]) }

    /// The backlog of each month: 上月结转 + 本月受理 (+ 重新办理) − 本月办结 = 月末未办结.
    @Test(arguments: [
        // month, 上月结转, 本月受理, 本月办结, 往月诉求本月办结, 重新办理 (nil: row absent), 月末未办结, 已超期
        ("2026-08", 0, 4, 1, 0, nil as Int?, 3, 2),
        ("2026-09", 3, 3, 2, 1, nil, 4, 3),
        ("2026-10", 4, 1, 4, 3, 1, 2, 2),
    ])
    func backlog(month: String, carried: Int, received: Int, resolved: Int, earlier: Int, reopened: Int?, open: Int, overdue: Int) throws {
        let book = try book(month)
        #expect(overview(book, "上月结转") == Double(carried))
        #expect(overview(book, "诉求总数") == Double(received))
        #expect(overview(book, "本月办结") == Double(resolved))
        #expect(overview(book, "往月诉求本月办结") == Double(earlier))
        #expect(overview(book, "重新办理") == reopened.map(Double.init))
        #expect(overview(book, "月末未办结") == Double(open))
        #expect(overview(book, "已超期") == Double(overdue))
        #expect(carried + received + (reopened ?? 0) - resolved == open)
    }

    /// 按期办结率 and 平均办理天数 over each month's own resolved demands.
    @Test func rates() throws {
        #expect(overview(try book("2026-08"), "按期办结率") == 1.0)  // T1
        #expect(overview(try book("2026-08"), "平均办理天数") == 7.0)
        #expect(overview(try book("2026-09"), "按期办结率") == 0.0)  // S1 late
        #expect(overview(try book("2026-09"), "平均办理天数") == 18.0)
        #expect(overview(try book("2026-10"), "按期办结率") == 1.0)  // O1
        #expect(overview(try book("2026-10"), "平均办理天数") == 2.0)
    }

    /// 得分 = own resolved × 1 − own open × 0.3 + earlier resolved this month × 1 − earlier open and
    /// overdue × 0.3.
    @Test(arguments: [
        // month, unit, 得分, 往月诉求本月办结, 超期未办结
        ("2026-08", "县水务局", -0.6, 0, 0),  // W1, W2 open
        ("2026-08", "县交通运输局", 0.7, 0, 0),  // T1 resolved, T2 open
        ("2026-09", "县水务局", 1.7, 1, 1),  // S1 +1, W1 +1, W2 overdue −0.3
        ("2026-09", "县交通运输局", -0.9, 0, 1),  // S2, B1 (补录: this month's) −0.3 each, T2 overdue −0.3
        ("2026-10", "县水务局", 1.7, 1, 1),  // O1 +1, W2 +1, W1 reopened and overdue −0.3
        ("2026-10", "县交通运输局", 1.7, 2, 1),  // S2, B1 +1 each, T2 overdue −0.3
    ])
    func scores(month: String, unit: String, score: Double, lateResolved: Int, overdueOpen: Int) throws {
        let row = try #require(try book(month).record("责任单位评分", unit))
        #expect(number(row["得分"]) == score)
        #expect(number(row["往月诉求本月办结"]) == Double(lateResolved))
        #expect(number(row["超期未办结"]) == Double(overdueOpen))
    }

    /// 未办结诉求 lists every demand open at the month's end, overdue first, with 截止日期, 已办天数, 时效.
    @Test(arguments: [
        ("2026-08", [["W1", "2026-08-18", 28, "已超期"], ["W2", "2026-08-17", 21, "已超期"], ["T2", "2026-09-04", 11, "未到期"]]),
        ("2026-09", [
            ["W2", "2026-08-17", 51, "已超期"], ["T2", "2026-09-04", 41, "已超期"], ["B1", "2026-09-09", 36, "已超期"],
            ["S2", "2026-09-30", 15, "未到期"],
        ]),
        ("2026-10", [["W1", "2026-08-18", 89, "已超期"], ["T2", "2026-09-04", 72, "已超期"]]),
    ] as [(String, [[any Sendable]])])
    func openDemands(month: String, expected: [[any Sendable]]) throws {
        let book = try book(month)
        let header = book.headers("未办结诉求")
        let rows = book.rows("未办结诉求").dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) }
        #expect(rows.map { "\($0["编号"] ?? "")" } == expected.map { "\($0[0])" })
        #expect(rows.map { "\($0["截止日期"] ?? "")" } == expected.map { "\($0[1])" })
        #expect(rows.map { "\($0["已办天数"] ?? "")" } == expected.map { "\($0[2])" })
        #expect(rows.map { "\($0["时效"] ?? "")" } == expected.map { "\($0[3])" })
    }

    /// W2 (A级, 已超期) puts 县水务局 on 需关注单位 in August and September; in October nobody is.
    @Test func attention() throws {
        for month in ["2026-08", "2026-09"] {
            let book = try book(month)
            #expect(overview(book, "需关注单位") == 1)
            #expect(book.rows("总览").contains { ($0.first as? String) == "县水务局" && "\($0[2])" == "A级诉求已超期 1 件" })
            let markdown = try String(
                contentsOfFile: try Self.run.get().directory + "/reports/\(month)/民情月报-\(month).md", encoding: .utf8)
            let attention = try #require(markdown.range(of: "## 本月需关注"))
            let tables = try #require(markdown.range(of: "## 一、总体情况"))
            let top = markdown[attention.upperBound..<tables.lowerBound]
            #expect(top.contains("**已超期的 A 级诉求（1 件）**"))
            #expect(top.contains("| W2 | 2026-08-10 |"))
            #expect(top.contains("- 县水务局：A级诉求已超期 1 件"))
        }
        #expect(overview(try book("2026-10"), "需关注单位") == 0)
    }

    /// B1 is a 补录 in September: a notice naming August; August's figures never include it.
    @Test func lateRegistration() throws {
        let problems = try String(
            contentsOfFile: try Self.run.get().directory + "/reports/2026-09/数据问题-2026-09.csv", encoding: .utf8)
        #expect(problems.contains("补录：往月诉求 B1（受理日期 2026-08-25，2026-08）在数据库中没有记录，计入登记它的本月 2026-09"))
        #expect(overview(try book("2026-08"), "诉求总数") == 4)
    }

    /// The reports of August and September written again after October was ingested are the very bytes
    /// written before: a month already reported never changes because of a later month's input.
    @Test func earlierReportsNeverChange() throws {
        let run = try Self.run.get()
        for month in ["2026-08", "2026-09"] {
            let result = try EndToEnd.run(["report", "--month", month, "--seeds", TestSupport.seeds], in: run.directory)
            #expect(result.status == 0, "\(result.stderr)")
            let again = try Self.reportBytes(run.directory, month)
            #expect(again == run.reports[month], "\(month)'s reports changed after later months")
        }
    }
}
