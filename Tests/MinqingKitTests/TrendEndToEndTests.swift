import Foundation
import Testing
@testable import MinqingKit

/// 近12个月, 上月诉求 and 上月得分 of the three months by hand (``ThreeMonthTests``): each month's figures
/// are those its own bulletin showed, whatever later months said about its demands.
extension ThreeMonthTests {
    /// October's 近12个月: August and September as of their own ends (W1 resolved in September leaves
    /// August's 已办结 at 1), nine months before without data.
    @Test func trendRowsAreEachMonthsOwn() throws {
        let book = try book("2026-10")
        #expect(book.headers("近12个月").prefix(8) == ["月份", "诉求总数", "A级", "已办结", "办结率", "按期办结率", "满意率", "月末未办结"])
        let rows = book.rows("近12个月").dropFirst().prefix(12).map { row in row.prefix(8).map { "\($0)" } }
        let none = Array(repeating: "—", count: 7)
        let expected: [[String]] =
            ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"].map { [$0] + none }
            + [
                // 4 demands, W2 A级, T1 resolved on time and 满意, 3 open at the end.
                ["2026-08", "4", "1", "1", "0.25", "1", "1", "3"],
                // B1, S1, S2: S1 resolved late, 基本满意; 4 open (W2, T2, B1, S2).
                ["2026-09", "3", "0", "1", "0.3333333333333333", "0", "1", "4"],
                ["2026-10", "1", "0", "1", "1", "1", "1", "2"],
            ]
        #expect(rows == expected)
        // The 涉及领域 × month table below the chart: each month's column adds up to its 诉求总数.
        let all = book.rows("近12个月")
        let top = try #require(all.firstIndex { ($0.first as? String) == "涉及领域" })
        #expect(all[top].dropFirst().prefix(12).map { "\($0)" } == rows.map { $0[0] })
        let domains = all[(top + 1)...].filter { !($0.first is NSNull) }
        for (c, total) in [(10, 4.0), (11, 3.0), (12, 1.0)] {
            #expect(domains.reduce(0.0) { $0 + (number($1[c]) ?? -100) } == total)
        }
        #expect(domains.allSatisfy { "\($0[1])" == "—" && "\($0[9])" == "—" })
    }

    /// 上月诉求 and 上月得分 are last month's 诉求总数 and 得分 as its bulletin showed them; August has no
    /// July, so —.
    @Test(arguments: [
        // month, unit, 上月诉求, 上月得分
        ("2026-08", "县水务局", nil, nil),
        ("2026-09", "县水务局", 2, -0.6),
        ("2026-09", "县交通运输局", 2, 0.7),
        ("2026-10", "县水务局", 1, 1.7),
        ("2026-10", "县交通运输局", 2, -0.9),
    ] as [(String, String, Int?, Double?)])
    func previousMonthColumns(month: String, unit: String, total: Int?, score: Double?) throws {
        let book = try book(month)
        let headers = book.headers("责任单位评分")
        #expect(Array(headers[13...18]) == ["满意率", "按期办结率", "往月诉求本月办结", "超期未办结", "上月诉求", "上月得分"])
        let row = try #require(book.record("责任单位评分", unit))
        if let total, let score {
            #expect(number(row["上月诉求"]) == Double(total))
            #expect(number(row["上月得分"]) == score)
        } else {
            #expect(row["上月诉求"] as? String == "—")
            #expect(row["上月得分"] as? String == "—")
        }
        let markdown = try String(
            contentsOfFile: try Self.run.get().directory + "/reports/\(month)/民情月报-\(month).md", encoding: .utf8)
        let line = try #require(markdown.components(separatedBy: "\n").first { $0.contains("| \(unit) |") && $0.hasPrefix("| ") && $0.contains("| 县直部门 |") })
        let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(Array(cells.suffix(2)) == [total.map(String.init) ?? "—", score.map { String(format: "%.2f", $0) } ?? "—"])
    }
}

/// 预警 end to end: four months (June, July, August, October: September has no data) written here, run
/// with the built binary; October's 预警 in 总览 and in the Markdown's 本月需关注, and a config that
/// changes them.
@Suite("预警与趋势 alerts and trend end to end", .serialized)
struct AlertEndToEndTests {
    static let header = "编号,受理日期,渠道,诉求内容,办理状态,办结日期,村社区,涉及领域,满意度,联系电话\n"

    /// June, July and August: 2 供水 (南关社区) and 4 道路交通 (大桥村 2, 柳塘村 2) each, resolved in 2 days, 满意.
    static func history(_ month: String, _ start: Int) -> String {
        let rows = (0..<6).map { k -> String in
            let (content, domain) = k < 2 ? ("自来水水压低", "供水") : ("路面坑洼", "道路交通")
            let village = k < 2 ? "南关社区" : k < 4 ? "大桥村" : "柳塘村"
            return "\(month.replacingOccurrences(of: "-", with: ""))\(k),\(month)-0\(k + 1),来访,\(content),已办结,\(month)-0\(k + 3),\(village),\(domain),满意,139\(String(format: "%08d", start + k))"
        }
        return header + rows.joined(separator: "\n") + "\n"
    }

    /// October: 供水 6 (东门社区 3, 西街社区 2, 城北村 1) resolved, 满意; 道路交通 5 (西街社区 2, 东门社区 1,
    /// 城北村 2), 3 resolved (2 满意, 1 不满意) and 2 办理中; 就学教育 4 in 城北村, 办理中.
    static let october: String = {
        var rows: [String] = []
        func add(_ village: String, _ domain: String, _ content: String, _ status: String, _ satisfaction: String) {
            let n = rows.count
            let resolved = status == "已办结" ? "2026-10-2\(n % 5 + 3)" : ""
            rows.append("O\(n),2026-10-2\(n % 5),来访,\(content),\(status),\(resolved),\(village),\(domain),\(satisfaction),137\(String(format: "%08d", n))")
        }
        for village in ["东门社区", "东门社区", "东门社区", "西街社区", "西街社区", "城北村"] { add(village, "供水", "自来水水压低", "已办结", "满意") }
        add("西街社区", "道路交通", "路面坑洼", "已办结", "满意")
        add("西街社区", "道路交通", "路面坑洼", "已办结", "满意")
        add("东门社区", "道路交通", "路面坑洼", "已办结", "不满意")
        add("城北村", "道路交通", "路面坑洼", "办理中", "")
        add("城北村", "道路交通", "路面坑洼", "办理中", "")
        for _ in 0..<4 { add("城北村", "就学教育", "孩子入学难", "办理中", "") }
        return header + rows.joined(separator: "\n") + "\n"
    }()

    static let run: Result<String, any Error> = Result {
        let directory = try TestSupport.temporaryDirectory("alerts-e2e")
        for (i, month) in ["2026-06", "2026-07", "2026-08", "2026-10"].enumerated() {
            let path = directory + "/\(month).csv"
            try TestSupport.write(month == "2026-10" ? october : history(month, i * 10), to: path)
            let result = try EndToEnd.run(["run", "--month", month, "--seeds", TestSupport.seeds, path], in: directory)
            guard result.status == 0 else { throw EndToEnd.ReadError(message: "run \(month): \(result.status) \(result.stderr)") }
        }
        return directory
    }

    static let domainRise = "供水：本月 6 件，前 3 个月平均 2.0 件（达到 1.5 倍且不少于 5 件）"
    static let villages = [
        "城关镇 东门社区：供水 诉求 3 件（同一村社区同一领域达到 3 件）",
        "城关镇 城北村：就学教育 诉求 4 件（同一村社区同一领域达到 3 件）",
    ]

    func markdown(_ directory: String, _ month: String = "2026-10") throws -> String {
        try String(contentsOfFile: directory + "/reports/\(month)/民情月报-\(month).md", encoding: .utf8)
    }

    /// 供水 rose (6 against 2 a month in June–August: September has no data, so the three months with
    /// data before October are those); 道路交通 did not (5 < 1.5 × 4); 就学教育 is new but under 5. Two
    /// 村社区 have ≥ 3 demands of one domain.
    @Test func alertsInTheOverviewAndTheMarkdown() throws {
        let directory = try Self.run.get()
        let book = try EndToEnd.readWorkbook(directory + "/reports/2026-10/民情月报-2026-10.xlsx")
        #expect(number(book.record("总览", "预警")?["数值"]) == 3)
        let rows = book.rows("总览")
        let top = try #require(rows.firstIndex { ($0.first as? String) == "预警" && "\($0[2])" == "原因" })
        let listed = rows[(top + 1)...].prefix(3).map { "\($0[0])｜\($0[1])｜\($0[2])" }
        #expect(listed == [
            "供水｜领域上升｜本月 6 件，前 3 个月平均 2.0 件（达到 1.5 倍且不少于 5 件）",
            "城关镇 城北村｜村社区预警｜就学教育 诉求 4 件（同一村社区同一领域达到 3 件）",
            "城关镇 东门社区｜村社区预警｜供水 诉求 3 件（同一村社区同一领域达到 3 件）",
        ])
        let text = try markdown(directory)
        let attention = try #require(text.range(of: "## 本月需关注"))
        let tables = try #require(text.range(of: "## 一、总体情况"))
        let top2 = text[attention.upperBound..<tables.lowerBound]
        #expect(top2.contains("**预警（3 条）**"))
        #expect(top2.contains("- 领域上升　\(Self.domainRise)\n- 村社区预警　城关镇 城北村：就学教育 诉求 4 件（同一村社区同一领域达到 3 件）\n- 村社区预警　城关镇 东门社区：供水 诉求 3 件"))
        // No alert in August: the same counts as June and July, no 村社区 with 3 of a domain.
        let august = try markdown(directory, "2026-08")
        #expect(!august.contains("**预警"))
        #expect(august.contains("## 本月需关注\n\n本月没有已超期的 A 级诉求、需关注单位、疑似群体性诉求和预警。\n"))
    }

    /// October's 近12个月: June–August, — for September and the months before June; 上月诉求 — (no September).
    @Test func trendWithAGap() throws {
        let directory = try Self.run.get()
        let book = try EndToEnd.readWorkbook(directory + "/reports/2026-10/民情月报-2026-10.xlsx")
        let rows = book.rows("近12个月").dropFirst().prefix(12).map { row in row.prefix(8).map { "\($0)" } }
        #expect(rows.map { $0[0] } == ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"])
        #expect(rows[..<7].allSatisfy { Array($0.dropFirst()) == Array(repeating: "—", count: 7) })
        for k in 7...9 { #expect(rows[k] == [rows[k][0], "6", "0", "6", "1", "1", "1", "0"]) }
        #expect(rows[10] == ["2026-09"] + Array(repeating: "—", count: 7))
        // 15 demands, 9 resolved (8 satisfied of 9 evaluated), all in time; 6 open.
        #expect(rows[11] == ["2026-10", "15", "0", "9", "0.6", "1", "0.8888888888888888", "6"])
        let water = try #require(book.record("责任单位评分", "县供水有限公司"))
        #expect(water["上月诉求"] as? String == "—")
        let text = try markdown(directory)
        #expect(text.contains("| 2026-08 | 6 | 0 | 6 | 100.0% | 100.0% | 100.0% | 0 |\n| 2026-09 | — | — | — | — | — | — | — |\n| 2026-10 | 15 | 0 | 9 | 60.0% | 100.0% | 88.9% | 6 |"))
        // August's bulletin shows July's 诉求总数 and 得分 beside August's.
        let augustBook = try EndToEnd.readWorkbook(directory + "/reports/2026-08/民情月报-2026-08.xlsx")
        #expect(number(augustBook.record("责任单位评分", "县交通运输局")?["上月诉求"]) == 4)
        #expect(number(augustBook.record("责任单位评分", "县交通运输局")?["上月得分"]) == 4)
    }

    /// `[topics]` in minqing.toml changes the alerts: village_alert = 2 adds the 村社区 with two of a
    /// domain; domain_rise_min = 7 drops 供水's rise. Reporting October again with the first settings
    /// gives the very bytes it gave.
    @Test func settingsChangeTheAlertsAndReportsRepeat() throws {
        let directory = try Self.run.get()
        let before = try Data(contentsOf: URL(fileURLWithPath: directory + "/reports/2026-10/民情月报-2026-10.xlsx"))
        let markdownBefore = try markdown(directory)
        let config = directory + "/alerts.toml"
        try TestSupport.write("[topics]\nvillage_alert = 2\ndomain_rise_min = 7\n", to: config)
        let other = directory + "/other"
        let result = try EndToEnd.run(
            ["report", "--month", "2026-10", "--seeds", TestSupport.seeds, "--config", config, "--out", other], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: other + "/2026-10/民情月报-2026-10.md", encoding: .utf8)
        #expect(text.contains("**预警（5 条）**"))
        #expect(!text.contains("领域上升"))
        #expect(text.contains("- 村社区预警　城关镇 城北村：道路交通 诉求 2 件（同一村社区同一领域达到 2 件）"))
        #expect(text.contains("- 村社区预警　城关镇 西街社区：道路交通 诉求 2 件（同一村社区同一领域达到 2 件）"))
        #expect(text.contains("- 村社区预警　城关镇 西街社区：供水 诉求 2 件（同一村社区同一领域达到 2 件）"))

        let again = try EndToEnd.run(["report", "--month", "2026-10", "--seeds", TestSupport.seeds], in: directory)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/reports/2026-10/民情月报-2026-10.xlsx")) == before)
        #expect(try markdown(directory) == markdownBefore)
    }
}
