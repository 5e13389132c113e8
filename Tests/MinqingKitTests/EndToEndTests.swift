import Foundation
import Testing
@testable import MinqingKit

/// Runs the built binary on Tests/Fixtures/e2e/small-2026-10.csv, whose figures were worked out by hand.
@Suite("端到端 end to end", .serialized)
struct EndToEndTests {
    let directory: String
    let result: EndToEnd.Result
    let reports: String

    init() throws {
        directory = try TestSupport.temporaryDirectory("e2e")
        result = try EndToEnd.run(
            [
                "run", "--month", "2026-10", "--seeds", TestSupport.seeds, "--db", directory + "/m.sqlite",
                "--out", directory + "/reports", TestSupport.fixtures + "/e2e/small-2026-10.csv",
            ], in: directory)
        reports = directory + "/reports/2026-10"
    }

    @Test func exitsZeroAndPrintsOneSummaryLine() {
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stdout.hasPrefix("2026-10：诉求 11 件（A级 3，B级 8，已办结 8）；拒收 5 行，提示 4 条"))
        #expect(result.stderr.contains("small-2026-10.csv:row 13 (line 14): 受理日期: 无法识别的日期「2026-02-30」"))
        #expect(result.stderr.contains("small-2026-10.csv:row 15 (line 16): 编号: 编号 E01 与本次输入第 2 行重复"))
    }

    @Test func workbookSheetsAndHeaders() throws {
        let book = try EndToEnd.readWorkbook(reports + "/民情月报-2026-10.xlsx")
        #expect(Array(book.sheets.prefix(11)) == ["总览", "分类统计", "责任单位评分", "双联系责任表", "属地统计", "热点诉求", "近12个月", "A级诉求", "未办结诉求", "诉求明细", "数据问题"])
        #expect(book.headers("热点诉求") == ["序号", "热点", "诉求数", "占比", "诉求人数", "疑似群体性", "上月", "涉及领域", "责任单位", "典型诉求", "诉求编号"])
        // A first ingest: no corrections, so no 更正说明 (SPEC §12: only when it has rows; RerunTests).
        #expect(!book.sheets.contains("更正说明"))
        #expect(book.headers("总览") == ["指标", "数值", "说明"])
        #expect(book.headers("分类统计") == ["涉及领域", "来访", "来信", "12345热线", "网上信访", "手机APP", "微信公众号", "说事点", "书记信箱", "民情日记", "抖音", "合计"])
        #expect(Array(book.headers("责任单位评分").prefix(13)) == ["单位", "类型", "诉求总数", "A级", "B级", "已办结", "未办结", "办结率", "非常满意", "满意", "基本满意", "不满意", "得分"])
        #expect(book.headers("责任单位评分").contains("非常不满意"))
        #expect(book.headers("双联系责任表") == ["联系单位", "联系点", "A级", "B级", "A级已办结", "B级已办结", "未办结"])
        #expect(book.headers("属地统计") == ["乡镇", "诉求总数", "A级", "B级", "已办结", "办结率"])
        #expect(book.headers("A级诉求") == ["编号", "受理日期", "乡镇", "村社区", "涉及领域", "等级依据", "主管部门", "办理状态", "诉求内容"])
        #expect(book.headers("未办结诉求") == [
            "编号", "受理日期", "乡镇", "村社区", "涉及领域", "等级", "等级依据", "主管部门", "办理状态", "截止日期", "已办天数", "时效", "诉求内容",
        ])
        #expect(Array(book.headers("诉求明细").prefix(16)) == ["编号", "受理日期", "渠道", "诉求人", "联系电话", "乡镇", "村社区", "涉及领域", "等级", "等级依据", "主管部门", "双联系单位", "办理状态", "办结日期", "满意度", "诉求内容"])
        #expect(book.headers("数据问题") == ["文件", "行号", "级别", "问题", "原始内容"])
        #expect(book.charts.count == 3)
    }

    @Test func overviewFigures() throws {
        let book = try EndToEnd.readWorkbook(reports + "/民情月报-2026-10.xlsx")
        func value(_ name: String) -> Any? { book.record("总览", name)?["数值"] }
        #expect(number(value("诉求总数")) == 11)
        #expect(number(value("A级")) == 3)
        #expect(number(value("B级")) == 8)
        #expect(number(value("已办结")) == 8)
        #expect(abs((number(value("办结率")) ?? 0) - 8.0 / 11.0) < 1e-12)
        #expect(abs((number(value("满意率")) ?? 0) - 5.0 / 7.0) < 1e-12)
        #expect(number(value("基层化解率")) == 1.0 / 8.0)
        #expect(value("环比") as? String == "—")
        #expect(value("同比") as? String == "—")
        let rows = book.rows("总览")
        let formats = book.sheet("总览")["formats"] as? [[String]] ?? []
        let rateRow = try #require(rows.firstIndex { ($0.first as? String) == "办结率" })
        #expect(formats[rateRow][1] == "0.0%")
        #expect(book.sheet("总览")["freeze"] as? String == "A2")
    }

    @Test func unitScoresRankedWithHandComputedFigures() throws {
        let book = try EndToEnd.readWorkbook(reports + "/民情月报-2026-10.xlsx")
        let units = book.rows("责任单位评分").dropFirst().map { "\($0[0])" }
        #expect(units == [
            "国网江岭县供电公司", "县人力资源和社会保障局", "县水务局", "县生态环境局", "属地不明", "白沙镇",
            "县供水有限公司", "县住房和城乡建设局", "县商务局",
        ])
        let water = try #require(book.record("责任单位评分", "县供水有限公司"))
        #expect(water["类型"] as? String == "国有企业")
        #expect(number(water["诉求总数"]) == 2)
        #expect(number(water["A级"]) == 1)
        #expect(number(water["未办结"]) == 1)
        #expect(number(water["办结率"]) == 0.5)
        #expect(number(water["满意"]) == 1)
        #expect(number(water["得分"]) == 0.7)
        let commerce = try #require(book.record("责任单位评分", "县商务局"))
        #expect(number(commerce["得分"]) == -0.3)
        let ecology = try #require(book.record("责任单位评分", "县生态环境局"))
        #expect(number(ecology["非常不满意"]) == 1)
        #expect(number(ecology["不满意"]) == 0)
        let conditional = book.sheet("责任单位评分")["conditional"] as? [String] ?? []
        #expect(!conditional.isEmpty)
    }

    @Test func domainTableLiaisonAndTownships() throws {
        let book = try EndToEnd.readWorkbook(reports + "/民情月报-2026-10.xlsx")
        let water = try #require(book.record("分类统计", "供水"))
        #expect(number(water["12345热线"]) == 1)
        #expect(number(water["微信公众号"]) == 1)
        #expect(number(water["合计"]) == 2)
        let power = try #require(book.record("分类统计", "供电"))
        #expect(number(power["抖音"]) == 1)
        let total = try #require(book.record("分类统计", "合计"))
        #expect(number(total["合计"]) == 11)
        #expect(number(book.record("分类统计", "其他")?["网上信访"]) == 1)

        let liaison = book.rows("双联系责任表").dropFirst().first { "\($0[0])" == "县公安局" && "\($0[1])" == "东门社区" }
        let row = try #require(liaison)
        #expect(row.dropFirst(2).compactMap(number) == [1, 1, 0, 1, 1])

        let chengguan = try #require(book.record("属地统计", "城关镇"))
        #expect(number(chengguan["诉求总数"]) == 4)
        #expect(number(chengguan["A级"]) == 2)
        #expect(number(chengguan["已办结"]) == 1)
        #expect(number(chengguan["办结率"]) == 0.25)
        #expect(number(book.record("属地统计", "属地不明")?["诉求总数"]) == 1)
    }

    @Test func listsMaskingAndNoFormulas() throws {
        let book = try EndToEnd.readWorkbook(reports + "/民情月报-2026-10.xlsx")
        #expect(book.rows("A级诉求").dropFirst().map { "\($0[0])" } == ["E02", "E03", "E04"])
        let repeatRow = try #require(book.record("A级诉求", "E04"))
        #expect(repeatRow["等级依据"] as? String == "重复诉求:3天前已有E01")
        #expect(book.record("A级诉求", "E02")?["等级依据"] as? String == "人数≥5")
        #expect(book.record("A级诉求", "E03")?["等级依据"] as? String == "关键词:拖欠工资")
        #expect(book.rows("未办结诉求").dropFirst().map { "\($0[0])" } == ["E02", "E04", "E09"])
        // By hand, as of 2026-10-31: A 7 days, B 15 days from 受理日期.
        let open = ["E02", "E04", "E09"].map { id in
            ["截止日期", "已办天数", "时效"].map { book.record("未办结诉求", id)?[$0] as? String ?? "" }
        }
        #expect(open == [["2026-10-10", "28", "已超期"], ["2026-10-12", "26", "已超期"], ["2026-10-25", "21", "已超期"]])

        let first = try #require(book.record("诉求明细", "E01"))
        #expect(first["诉求人"] as? String == "张*丰")
        #expect(first["联系电话"] as? String == "138****5678")
        #expect(first["乡镇"] as? String == "城关镇")
        #expect(first["双联系单位"] as? String == "县公安局")
        #expect(book.record("诉求明细", "E05")?["诉求人"] as? String == "欧阳*明")
        #expect(book.record("诉求明细", "E04")?["诉求内容"] as? String == "自来水又停水了，联系 138****5678")
        #expect(book.record("诉求明细", "E05")?["诉求内容"] as? String == "与邻居宅基地地界纠纷\n已调解两次")
        let formula = try #require(book.record("诉求明细", "E08"))
        #expect(formula["诉求内容"] as? String == "=HYPERLINK(\"http://x\")停电")
        #expect(book.formulaCount == 0)
        let detail = book.sheet("诉求明细")
        #expect(detail["freeze"] as? String == "A2")
        #expect((detail["autofilter"] as? String)?.hasPrefix("A1:") == true)
        #expect(detail["orientation"] as? String == "landscape")
        #expect(number(detail["paper"]) == 9)
        #expect(detail["fitToPage"] as? Bool == true)
        #expect((number(detail["fitToWidth"]) ?? 1) == 1)  // 1 is the default and may be omitted
        #expect(number(detail["fitToHeight"]) == 0)
        #expect(detail["printTitleRows"] as? String == "$1:$1")
        #expect((detail["footer"] as? String)?.contains("&P") == true)
        #expect((detail["headerLeft"] as? String)?.contains("江岭县") == true)
    }

    @Test func dataProblemsKeptVerbatim() throws {
        let book = try EndToEnd.readWorkbook(reports + "/民情月报-2026-10.xlsx")
        let problems = book.rows("数据问题").dropFirst()
        #expect(problems.count == 9)
        #expect(problems.filter { "\($0[2])" == "拒收" }.count == 5)
        // 行号 is the row as a spreadsheet shows it, with the physical line when a record above spans
        // two lines (E02's content has a line break).
        let badDate = try #require(problems.first { "\($0[1])" == "13（文件第 14 行）" })
        #expect(problems.contains { number($0[1]) == 1 })
        #expect("\(badDate[3])".contains("受理日期"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: reports + "/数据问题-2026-10.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("文件,行号,级别,问题,原始内容\r\n"))
        #expect(csv.contains("E12,2026-02-30,来访,陈三,13100008888,,,东门社区,,,,已办结,,,路灯不亮,"))
        #expect(csv.components(separatedBy: "\r\n").count == 9 + 2)
    }

    @Test func markdownReport() throws {
        let text = try String(contentsOfFile: reports + "/民情月报-2026-10.md", encoding: .utf8)
        #expect(text.hasPrefix("# 江岭县民情月报（2026年10月）"))
        #expect(text.contains("本月共受理群众诉求 **11** 件"))
        #expect(text.contains("办结率 72.7%，满意率 71.4%，基层化解率 12.5%"))
        #expect(text.contains("| 1 | 国网江岭县供电公司 | 国有企业 | 2 |"))
        #expect(text.contains("| 县商务局 | 县直部门 | 1 | 0 | 1 | 0 | 1 | 0.0% |"))
        #expect(text.contains("-0.30 |"))
        #expect(text.contains("| E04 | 2026-10-05 | 城关镇 | 东门社区 | 供水 | 重复诉求:3天前已有E01 |"))
        #expect(!text.contains("13812345678"))
        #expect(text.contains("自来水又停水了，联系 138\\*\\*\\*\\*5678"))
        #expect(text.contains("## 九、数据问题"))
        #expect(!text.contains("## 十、更正说明"))
    }

    @Test func sameInputsGiveIdenticalBytes() throws {
        let other = try TestSupport.temporaryDirectory("e2e-again")
        let again = try EndToEnd.run(
            [
                "run", "--month", "2026-10", "--seeds", TestSupport.seeds, "--db", other + "/m.sqlite",
                "--out", other + "/reports", TestSupport.fixtures + "/e2e/small-2026-10.csv",
            ], in: other)
        #expect(again.status == 0)
        for name in ["民情月报-2026-10.xlsx", "督办清单-2026-10.xlsx", "民情月报-2026-10.md", "数据问题-2026-10.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: reports + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: other + "/reports/2026-10/" + name))
            let same = a == b  // not `#expect(a == b)`: a failing comparison of large Data is slow to print
            #expect(same, "\(name) differs (\(a.count) and \(b.count) bytes)")
        }
    }
}
