import Foundation
import Testing
@testable import MinqingKit

/// Exit statuses and messages of the built binary (SPEC §5).
@Suite("命令行 command line")
struct CommandLineTests {
    let directory: String
    let fixture = TestSupport.fixtures + "/e2e/small-2026-10.csv"

    init() throws {
        directory = try TestSupport.temporaryDirectory("cli")
    }

    func run(_ arguments: [String]) throws -> EndToEnd.Result {
        try EndToEnd.run(arguments + ["--seeds", TestSupport.seeds], in: directory)
    }

    @Test func refusedFileExitsOneAndWritesNothing() throws {
        let broken = directory + "/broken.csv"
        try TestSupport.write("编号,受理日期,渠道,办理状态\nX1,2026-10-01,来访,已办结\n", to: broken)
        let result = try run(["run", "--month", "2026-10", fixture, broken])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("broken.csv 第 1 行（表头）：缺少必填列 诉求内容"))
        #expect(result.stderr.contains("本次运行未做任何更改"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/reports/2026-10"))
    }

    @Test func strictExitsOne() throws {
        let result = try run(["run", "--strict", "--month", "2026-10", fixture])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--strict：有 5 行被拒收"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/reports/2026-10"))
    }

    @Test func checkListsProblemsWritesNothingAndExitsOne() throws {
        let result = try run(["check", "--month", "2026-10", fixture])
        #expect(result.status == 1)
        #expect(result.stdout.contains("small-2026-10.csv:row 14 (line 15): 人数: 人数「0」应为正整数（如 1、5、12） [拒收]"))
        #expect(result.stdout.contains("拒收 5 行，提示 4 条"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/minqing.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/reports"))
    }

    @Test(arguments: [
        (["run", "--month", "2026-13", "x.csv"], "月份「2026-13」无效"),
        (["run", "--month", "2026-10"], "请给出至少一个输入文件"),
        (["run", "--encoding", "big5", "--month", "2026-10", "x.csv"], "未知的编码「big5」"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let result = try run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func logLevelFromOptionOrEnvironment() throws {
        let quiet = try EndToEnd.run(
            ["run", "--month", "2026-10", "--seeds", TestSupport.seeds, fixture], in: directory,
            environment: ["MINQING_LOG_LEVEL": "error"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(quiet.stdout.split(separator: "\n").count == 1)
        let chatty = try run(["report", "--month", "2026-10", "--log-level", "debug"])
        #expect(chatty.stderr.contains("stage report: score and workbook"))
        let bad = try run(["report", "--month", "2026-10", "--log-level", "loud"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("未知的日志级别「loud」"))
    }

    @Test func badConfigExitsTwo() throws {
        try TestSupport.write("[scoring]\nresolved_points = -1\n", to: directory + "/minqing.toml")
        let result = try run(["run", "--month", "2026-10", fixture])
        #expect(result.status == 2)
        #expect(result.stderr.contains("配置文件 minqing.toml 第 2 行"))
    }

    @Test func badSeedsExitTwo() throws {
        let seeds = directory + "/seeds"
        try FileManager.default.copyItem(atPath: TestSupport.seeds, toPath: seeds)
        let places = try String(contentsOfFile: seeds + "/places.csv", encoding: .utf8)
        try TestSupport.write(places + "城关镇,东门社区,\n", to: seeds + "/places.csv")
        let result = try EndToEnd.run(["run", "--month", "2026-10", "--seeds", seeds, fixture], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("基础数据 places.csv 第"))
        #expect(result.stderr.contains("村社区「东门社区」重复"))
    }

    @Test func busyWorkspaceExitsSeventyFive() throws {
        let lock = try WorkspaceLock(databasePath: directory + "/minqing.sqlite")
        let result = try run(["run", "--month", "2026-10", fixture])
        #expect(result.status == 75)
        #expect(result.stderr.contains("pid \(getpid())"))
        withExtendedLifetime(lock) {}
    }

    @Test func reportWithoutIngestExitsTwo() throws {
        let result = try run(["report", "--month", "2026-10"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("数据库中没有 2026-10 的数据"))
    }

    @Test func customTemplateAndEnglishHeadersAndGB18030() throws {
        let template = directory + "/mine.md.mustache"
        try TestSupport.write("{{county}}|{{total}}|{{#units}}{{name}}={{score}};{{/units}}\n", to: template)
        // The same rows with English headers, saved as GB18030.
        let text = try String(contentsOfFile: fixture, encoding: .utf8)
            .replacingOccurrences(of: "编号,受理日期,渠道,诉求人,联系电话,人数,乡镇,村社区,涉及领域,等级,主管部门,办理状态,办结日期,满意度,诉求内容", with: "ID,Received,channel,petitioner,phone,headcount,township,village,domain,grade,department,status,resolved,satisfaction,content")
        let gbk = directory + "/gbk.csv"
        let converted = try EndToEnd.execute("/usr/bin/env", ["iconv", "-f", "UTF-8", "-t", "GB18030", "-o", gbk], in: directory, stdin: text)
        #expect(converted.status == 0)
        let result = try run(["run", "--month", "2026-10", "--template", template, gbk])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOfFile: directory + "/reports/2026-10/民情月报-2026-10.md", encoding: .utf8)
        #expect(markdown.hasPrefix("江岭县|11|国网江岭县供电公司=2.00;"))
        #expect(markdown.contains("县商务局=-0.30;"))
    }
}
