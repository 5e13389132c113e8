import Foundation
import Testing
@testable import MinqingKit

/// Malformed seeds files: each stops the run before anything is written (exit 2) with a sentence
/// naming the file, the line and what to do; the database is not created.
@Suite("基础数据错误 malformed seeds")
struct SeedsErrorTests {
    /// (file, transformation of its text, expected part of the message)
    static let cases: [(file: String, edit: @Sendable (String) -> String, expected: String)] = [
        ("places.csv", { $0.replacingOccurrences(of: "乡镇,村社区,双联系单位", with: "乡镇,双联系单位") },
         "基础数据 places.csv 第 1 行：缺少列 村社区。表头应为：乡镇,村社区,双联系单位。"),
        ("places.csv", { $0 + "城关镇,东门社区,\n" }, "村社区「东门社区」重复（第 2 行已有）"),
        ("places.csv", { $0 + "城关镇,新村,县魔法局\n" }, "双联系单位「县魔法局」不在 units.csv 中"),
        ("places.csv", { $0 + ",无乡镇村,\n" }, "乡镇和村社区都必须填写"),
        ("domains.csv", { $0 + "魔法,县魔法局,法术|咒语\n" },
         "领域「魔法」的主管部门「县魔法局」不在 units.csv 中。请在 units.csv 登记该单位，或改正部门名称。"),
        ("domains.csv", { $0 + "其他,,杂事\n" }, "「其他」是保留的领域名"),
        ("domains.csv", { $0.replacingOccurrences(of: "领域,主管部门,关键词", with: "领域,领域,关键词") },
         "基础数据 domains.csv 第 1 行"),
        ("units.csv", { $0 + "县水务局,县直部门\n" }, "单位「县水务局」重复"),
        ("channels.csv", { _ in "" }, "基础数据 channels.csv：文件是空的，第一行应为表头：渠道,别名。"),
        ("channels.csv", { $0 + "\"未闭合的引号,x\n" }, "基础数据 channels.csv 第 "),
        ("holidays.csv", { $0 + "2026-10-12,工作日\n" },
         "基础数据 holidays.csv 第 41 行：日期 2026-10-12 是星期一，本来就是工作日"),
        ("holidays.csv", { $0 + "2026-10-01,休息日\n" }, "基础数据 holidays.csv 第 41 行：日期 2026-10-01 重复（第 33 行已有）"),
    ]

    @Test(arguments: 0..<cases.count)
    func malformedSeedsStopTheRun(_ index: Int) throws {
        let c = Self.cases[index]
        let directory = try TestSupport.temporaryDirectory("seeds")
        let seeds = directory + "/seeds"
        try FileManager.default.copyItem(atPath: TestSupport.seeds, toPath: seeds)
        let text = try String(contentsOfFile: seeds + "/" + c.file, encoding: .utf8)
        try TestSupport.write(c.edit(text), to: seeds + "/" + c.file)
        let result = try EndToEnd.run(
            ["run", "--month", "2026-10", "--seeds", seeds, "--db", directory + "/m.sqlite",
             TestSupport.fixtures + "/e2e/small-2026-10.csv"], in: directory)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(c.expected), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory + "/reports"))
    }
}
