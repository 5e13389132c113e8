import Foundation
import Logging
import Testing
@testable import MinqingKit

/// SPEC §10: `check` reports exactly the rejections and notices `run` would give on the same database —
/// including what only the database knows (an 编号 of another month, a 补录, a late row) — and changes
/// nothing.
@Suite("check = run")
struct CheckEqualsRunTests {
    func pipeline(_ root: String) -> Pipeline {
        Pipeline(workspace: Workspace(root: root, seeds: TestSupport.seeds), logger: Logger(label: "test"))
    }

    func month(_ text: String) throws -> YearMonth { try #require(YearMonth(parsing: text)) }

    @Test func sameMessagesOnAWorkspaceWithHistory() throws {
        let checked = try TestSupport.temporaryDirectory("check-eq-run")
        defer { try? FileManager.default.removeItem(atPath: checked) }
        // Two months of history.
        for (m, seed, start) in [("2026-08", 81, 1), ("2026-09", 91, 1001)] {
            let path = checked + "/\(m).csv"
            try EndToEnd.generateDemands(month: m, rows: 300, seed: seed, badRows: 3, startID: start, to: path)
            _ = try pipeline(checked).ingest(month: try month(m), inputs: [path], encoding: nil, strict: false, command: "test")
        }
        // October: generated rows with a few bad ones, and rows only the database can judge.
        let october = checked + "/2026-10.csv"
        try EndToEnd.generateDemands(month: "2026-10", rows: 300, seed: 101, badRows: 4, startID: 2001, to: october)
        let september = try String(contentsOfFile: checked + "/2026-09.csv", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let header = try #require(september.first).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let plain = september.dropFirst().filter { !$0.contains("\"") && $0.hasPrefix("JL") }
        try #require(plain.count > 2)
        var late = plain[plain.startIndex].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var reused = plain[plain.startIndex + 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let status = try #require(header.firstIndex(of: "办理状态"))
        let id = try #require(header.firstIndex(of: "编号"))
        let received = try #require(header.firstIndex(of: "受理日期"))
        late[status] = late[status] == "已办结" ? "办理中" : "已办结"
        reused[received] = "2026-10-20"  // an 编号 of a September demand, with an October date: rejected
        var lateRegistration = late
        lateRegistration[id] = "BL-1"  // unknown to the database, dated in September: a 补录
        let extra = [late, reused, lateRegistration].map { $0.joined(separator: ",") }.joined(separator: "\n")
        let text = try String(contentsOfFile: october, encoding: .utf8)
        try TestSupport.write(text + extra + "\n", to: october)

        let ran = try TestSupport.temporaryDirectory("check-eq-run-copy")
        defer { try? FileManager.default.removeItem(atPath: ran) }
        try FileManager.default.removeItem(atPath: ran)
        try FileManager.default.copyItem(atPath: checked, toPath: ran)

        let before = try Data(contentsOf: URL(fileURLWithPath: checked + "/minqing.sqlite"))
        let (files, checkProblems) = try pipeline(checked).check(
            month: try month("2026-10"), inputs: [october], encoding: nil)
        let after = try Data(contentsOf: URL(fileURLWithPath: checked + "/minqing.sqlite"))
        #expect(before == after, "check changed the database")
        #expect(!FileManager.default.fileExists(atPath: checked + "/reports"))

        let (outcome, _) = try pipeline(ran).run(
            month: try month("2026-10"), inputs: [october], encoding: nil, strict: false, templatePath: nil)
        let lines = { (problems: [DataProblem]) in problems.map { "\($0.logLine) [\($0.level.rawValue)] \($0.raw)" } }
        #expect(lines(checkProblems) == lines(outcome.problems))
        #expect(files.map(\.rows) == outcome.files.map(\.rows))
        #expect(files.map(\.rejected) == outcome.files.map(\.rejected))
        // The rows only the database judges are among them.
        #expect(checkProblems.contains { $0.level == .rejected && $0.message.contains("已属于 2026-09") })
        #expect(checkProblems.contains { $0.message.hasPrefix("补录：往月诉求 BL-1") })
        #expect(checkProblems.filter { $0.level == .rejected }.count >= 5)
    }

    @Test func checkWithoutADatabaseCreatesNone() throws {
        let root = try TestSupport.temporaryDirectory("check-no-db")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/a.csv"
        try TestSupport.write("编号,受理日期,渠道,诉求内容,办理状态\nA1,2026-10-03,来访,路灯不亮,待定\n", to: path)
        let (_, problems) = try pipeline(root).check(month: try month("2026-10"), inputs: [path], encoding: nil)
        #expect(problems.map(\.logLine) == ["a.csv:row 2: 办理状态: 未知的办理状态「待定」，应为 已办结、办理中 或 未办理"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["a.csv"])
    }
}
