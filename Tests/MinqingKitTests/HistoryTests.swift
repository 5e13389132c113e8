import Foundation
import Logging
import Testing
@testable import MinqingKit

/// `minqing history`: through the workspace options and the pipeline, under the workspace lock.
@Suite("导入历史 history")
struct HistoryTests {
    let directory: String
    let fixture = TestSupport.fixtures + "/e2e/small-2026-10.csv"

    init() throws {
        directory = try TestSupport.temporaryDirectory("history")
    }

    var database: String { directory + "/minqing.sqlite" }

    var pipeline: Pipeline {
        Pipeline(workspace: Workspace(root: directory, seeds: TestSupport.seeds), logger: Logger(label: "test"))
    }

    func ingestFixture() throws {
        let october = YearMonth(uncheckedYear: 2026, month: 10)
        let outcome = try pipeline.ingest(month: october, inputs: [fixture], encoding: nil, strict: false, command: "ingest")
        #expect(outcome.demands == 11)
    }

    @Test func pipelineListsTheIngestsAndLetsGoOfTheLock() throws {
        try ingestFixture()
        let entries = try pipeline.history(month: YearMonth(uncheckedYear: 2026, month: 10))
        #expect(entries.count == 1)
        #expect(entries.first?.command == "ingest")
        #expect(entries.first?.record.accepted == 11)
        #expect(entries.first?.record.rejected == 5)
        #expect(entries.first?.files.map(\.name) == ["small-2026-10.csv"])
        #expect(try pipeline.history(month: YearMonth(uncheckedYear: 2026, month: 9)).isEmpty)
        // The lock was released: a run can take it.
        let lock = try WorkspaceLock(databasePath: database)
        withExtendedLifetime(lock) {}
    }

    @Test func pipelineRefusesAMissingDatabaseAndCreatesNothing() throws {
        let error = #expect(throws: NoDatabase.self) { try pipeline.history(month: nil) }
        #expect(error?.description == "数据库 \(database) 不存在：还没有导入过任何月份。")
        #expect(error?.exitStatus == .usage)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func pipelineDoesNotWaitForARun() throws {
        try ingestFixture()
        let held = try WorkspaceLock(databasePath: database)
        let started = Date()
        let error = #expect(throws: WorkspaceBusy.self) { try pipeline.history(month: nil) }
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(error?.pid == "\(getpid())")
        withExtendedLifetime(held) {}
    }

    /// The lock file cannot be made (here a folder stands in its place: the tests may run as root,
    /// which a read-only folder would not stop); `history` reads without the lock.
    @Test func pipelineReadsWithoutALockFileItCannotMake() throws {
        try ingestFixture()
        try FileManager.default.createDirectory(atPath: database + ".lock", withIntermediateDirectories: false)
        #expect(try WorkspaceLock.forReading(databasePath: database) == nil)
        #expect(try pipeline.history(month: nil).count == 1)
    }

    @Test func commandTakesTheWorkspaceOptions() throws {
        try ingestFixture()
        let elsewhere = try TestSupport.temporaryDirectory("history-cwd")
        let listed = try EndToEnd.run(["history", "--db", database, "--log-level", "error"], in: elsewhere)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.hasPrefix("2026-10  #1  "))
        #expect(listed.stdout.contains("ingest：受理 11 行，拒收 5 行，提示 4 条；首次导入"))
        #expect(listed.stdout.contains("    small-2026-10.csv  sha256 "))
        #expect(listed.stderr.isEmpty, "\(listed.stderr)")
        let none = try EndToEnd.run(["history", "--month", "2026-09"], in: directory)
        #expect(none.status == 0)
        #expect(none.stdout == "没有 2026-09 的导入记录。\n")
        let loud = try EndToEnd.run(["history", "--log-level", "loud"], in: directory)
        #expect(loud.status == 2)
        #expect(loud.stderr.contains("未知的日志级别「loud」"))
        let badMonth = try EndToEnd.run(["history", "--month", "2026-13"], in: directory)
        #expect(badMonth.status == 2)
        #expect(badMonth.stderr.contains("月份「2026-13」无效"))
    }

    @Test func commandWithoutADatabaseExitsTwo() throws {
        let result = try EndToEnd.run(["history"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("数据库 ./minqing.sqlite 不存在：还没有导入过任何月份。"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func commandExitsSeventyFiveAtOnceWhileARunHoldsTheLock() throws {
        try ingestFixture()
        let held = try WorkspaceLock(databasePath: database)
        let started = Date()
        let result = try EndToEnd.run(["history"], in: directory)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.status == 75)
        #expect(result.stderr.contains("pid \(getpid())"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        withExtendedLifetime(held) {}
    }

    @Test func commandReadsWithoutALockFileItCannotMake() throws {
        try ingestFixture()
        try FileManager.default.createDirectory(atPath: database + ".lock", withIntermediateDirectories: false)
        let result = try EndToEnd.run(["history"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ingest：受理 11 行"))
    }
}
