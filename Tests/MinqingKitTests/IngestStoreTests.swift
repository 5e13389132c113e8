import Foundation
import GRDB
import Logging
import Testing
@testable import MinqingKit

/// Ingest into a real SQLite file: re-runs, late status changes, 编号 used by another month, atomicity.
@Suite("入库 ingest and store")
struct IngestStoreTests {
    let directory: String
    let pipeline: Pipeline
    static let header = "编号,受理日期,渠道,诉求内容,办理状态,联系电话,村社区,满意度,办结日期\n"

    init() throws {
        directory = try TestSupport.temporaryDirectory("ingest")
        pipeline = Pipeline(
            workspace: Workspace(root: directory, seeds: TestSupport.seeds), logger: Logger(label: "test"))
    }

    func file(_ name: String, _ rows: [String]) throws -> String {
        let path = directory + "/" + name
        try TestSupport.write(Self.header + rows.joined(separator: "\n") + "\n", to: path)
        return path
    }

    func month(_ text: String) throws -> YearMonth { try #require(YearMonth(parsing: text)) }

    func ingest(_ m: String, _ paths: [String], strict: Bool = false) throws -> IngestOutcome {
        try pipeline.ingest(month: try month(m), inputs: paths, encoding: nil, strict: strict, command: "test")
    }

    @Test func rerunRecordsAddedChangedRemoved() throws {
        let first = try file("a.csv", [
            "S1,2026-09-01,来访,路面坑洼,办理中,,东门社区,,",
            "S2,2026-09-02,来访,小区停水,已办结,,东门社区,满意,2026-09-03",
            "S3,2026-09-03,来访,路灯不亮,未办理,,东门社区,,",
        ])
        let one = try ingest("2026-09", [first])
        #expect(!one.isRerun)
        #expect(one.demands == 3)
        #expect((one.added, one.changed, one.removed) == (0, 0, 0))
        let second = try file("b.csv", [
            "S1,2026-09-01,来访,路面坑洼,已办结,,东门社区,基本满意,2026-09-10",
            "S2,2026-09-02,来访,小区停水,已办结,,东门社区,满意,2026-09-03",
            "S4,2026-09-05,来访,垃圾没人清运,办理中,,东门社区,,",
        ])
        let two = try ingest("2026-09", [second])
        #expect(two.isRerun)
        #expect(two.demands == 3)
        #expect((two.added, two.changed, two.removed) == (1, 1, 1))
        let store = try Store(path: directory + "/minqing.sqlite")
        let corrections = try store.read(month: try month("2026-09")) { try $0.corrections(ingestID: two.ingestID) }
        #expect(corrections.map(\.kind) == [.added, .changed, .changed, .changed, .removed])
        #expect(corrections.filter { $0.kind == .changed }.map(\.field) == ["办理状态", "办结日期", "满意度"])
        let status = try #require(corrections.first { $0.field == "办理状态" })
        #expect((status.demandID, status.old, status.new) == ("S1", "办理中", "已办结"))
        #expect(corrections.first?.demandID == "S4")
        #expect(corrections.last?.demandID == "S3")
    }

    /// A late row of a known demand updates it (its month stays); an unknown earlier-dated row is a
    /// 补录 that counts in the month registering it (SPEC §1).
    @Test func lateRowsUpdateEarlierDemandsAndLateRegistrationsCountInTheirRegisteringMonth() throws {
        _ = try ingest("2026-09", [try file("sep.csv", ["S1,2026-09-01,来访,路面坑洼,办理中,,东门社区,,"])])
        let october = try file("oct.csv", [
            "O1,2026-10-02,来访,小区停水,已办结,,东门社区,满意,2026-10-03",
            "S1,2026-09-01,来访,路面坑洼,已办结,,东门社区,满意,2026-10-05",
            "S9,2026-08-20,来访,路灯不亮,已办结,,东门社区,,2026-10-01",
        ])
        let outcome = try ingest("2026-10", [october])
        #expect(outcome.demands == 2)
        #expect(outcome.lateUpdates == 1)
        #expect(outcome.accepted == 3)
        #expect(outcome.problems.map(\.message) == [
            "补录：往月诉求 S9（受理日期 2026-08-20，2026-08）在数据库中没有记录，计入登记它的本月 2026-10，截止日期和已办天数按其受理日期计算；2026-08 的月报不变",
        ])
        let store = try Store(path: directory + "/minqing.sqlite")
        try store.read { db in
            let status = try String.fetchOne(db, sql: "SELECT status FROM demand WHERE id = 'S1'")
            let month9 = try String.fetchOne(db, sql: "SELECT month FROM demand WHERE id = 'S9'")
            #expect(status == "办理中")
            #expect(month9 == "2026-10")
            let late = try MonthReader(db: db, month: try month("2026-10")).lateResolved()
            #expect(late.map(\.demand.id) == ["S1"])
            #expect(late.first?.previousStatus == .inProgress)
            #expect(late.first?.demand.resolved == "2026-10-05")
        }
    }

    @Test func idOfAnotherMonthIsRejectedWithTheRowKept() throws {
        _ = try ingest("2026-09", [try file("sep.csv", ["S1,2026-09-01,来访,路面坑洼,办理中,,东门社区,,"])])
        let outcome = try ingest("2026-10", [try file("oct.csv", ["S1,2026-10-02,来访,小区停水,已办结,,东门社区,,"])])
        #expect(outcome.demands == 0)
        #expect(outcome.rejected == 1)
        #expect(outcome.files.first?.rejected == 1)
        #expect(outcome.files.first?.accepted == 0)
        let problem = try #require(outcome.problems.first)
        #expect(problem.row == 2)
        #expect(problem.message.contains("编号 S1 已属于 2026-09"))
        #expect(problem.raw == "S1,2026-10-02,来访,小区停水,已办结,,东门社区,,")
    }

    @Test func repeatDemandsAcrossMonths() throws {
        _ = try ingest("2026-09", [try file("sep.csv", ["S1,2026-09-20,来访,路面坑洼,办理中,13812345678,东门社区,,"])])
        _ = try ingest("2026-10", [try file("oct.csv", [
            "O1,2026-10-10,来访,路灯不亮,已办结,138-1234-5678,东门社区,,",
            "O2,2026-10-12,来访,路灯还是不亮,已办结,13812345678,东门社区,,",
        ])])
        let store = try Store(path: directory + "/minqing.sqlite")
        try store.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, grade, grade_basis FROM demand WHERE month = '2026-10' ORDER BY id")
            #expect(rows.map { $0["grade"] as String } == ["A", "A"])
            #expect(rows.map { $0["grade_basis"] as String } == ["重复诉求:20天前已有S1", "重复诉求:2天前已有O1"])
        }
    }

    /// 表扬 and 咨询 are neither marked as repeats nor make a later demand one (SPEC §9).
    @Test func praiseAndConsultationAreNoRepeats() throws {
        let path = directory + "/oct.csv"
        try TestSupport.write(
            """
            编号,受理日期,渠道,诉求内容,办理状态,联系电话,诉求类型
            O1,2026-10-01,来访,咨询低保怎么办,已办结,13812345678,咨询
            O2,2026-10-05,来访,路灯不亮,办理中,13812345678,投诉
            O3,2026-10-09,来访,感谢及时修好路灯,已办结,13812345678,表扬
            O4,2026-10-12,来访,路灯又坏了,办理中,13812345678,

            """, to: path)
        _ = try ingest("2026-10", [path])
        let store = try Store(path: directory + "/minqing.sqlite")
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT grade, grade_basis FROM demand ORDER BY id").map { [$0[0] as String, $0[1] as String] }
        }
        #expect(rows == [["B", "咨询不定级"], ["B", "一般诉求"], ["B", "表扬不定级"], ["A", "重复诉求:7天前已有O2"]])
    }

    /// Rows out of date order: a demand stored as a repeat of one demand, or as none, is rewritten when
    /// a later row turns out to be nearer; a given 等级 is never marked.
    @Test func repeatsStoredEarlyAreCorrectedByLaterRows() throws {
        _ = try ingest("2026-09", [try file("sep.csv", ["S1,2026-09-20,来访,路面坑洼,办理中,13812345678,东门社区,,"])])
        let october = directory + "/oct.csv"
        try TestSupport.write(
            """
            编号,受理日期,渠道,诉求内容,办理状态,联系电话,村社区,等级
            O1,2026-10-15,来访,路灯不亮,办理中,13812345678,东门社区,
            O2,2026-10-10,来访,路灯还是不亮,办理中,13812345678,东门社区,
            O3,2026-10-20,来访,垃圾没人清运,办理中,13900001111,东门社区,
            O4,2026-10-01,来访,垃圾堆在路边,办理中,13900001111,东门社区,
            O5,2026-10-25,来访,路灯又坏了,办理中,13812345678,东门社区,B

            """, to: october)
        _ = try ingest("2026-10", [october])
        let store = try Store(path: directory + "/minqing.sqlite")
        try store.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, grade, grade_basis FROM demand WHERE month = '2026-10' ORDER BY id")
            #expect(rows.map { $0["id"] as String } == ["O1", "O2", "O3", "O4", "O5"])
            #expect(rows.map { $0["grade"] as String } == ["A", "A", "A", "B", "B"])
            #expect(rows[0]["grade_basis"] as String == "重复诉求:5天前已有O2")
            #expect(rows[1]["grade_basis"] as String == "重复诉求:20天前已有S1")
            #expect(rows[2]["grade_basis"] as String == "重复诉求:19天前已有O4")
            #expect(!(rows[3]["grade_basis"] as String).contains("重复诉求"))
            #expect(!(rows[4]["grade_basis"] as String).contains("重复诉求"))
        }
    }

    @Test func refusedFileChangesNothing() throws {
        let good = try file("good.csv", ["S1,2026-09-01,来访,路面坑洼,办理中,,东门社区,,"])
        _ = try ingest("2026-09", [good])
        let broken = directory + "/broken.csv"
        try TestSupport.write("编号,受理日期,渠道,办理状态\nS2,2026-09-02,来访,已办结\n", to: broken)
        #expect(throws: InputRefused.self) { try ingest("2026-09", [good, broken]) }
        let store = try Store(path: directory + "/minqing.sqlite")
        try store.read { db in
            let ingests = try Int.fetchOne(db, sql: "SELECT count(*) FROM ingest")
            let demands = try Int.fetchOne(db, sql: "SELECT count(*) FROM demand")
            #expect(ingests == 1)
            #expect(demands == 1)
        }
    }

    @Test func strictRefusesRejectedRows() throws {
        let path = try file("a.csv", ["S1,2026-09-01,来访,路面坑洼,办理中,,东门社区,,", "S2,2026-02-30,来访,x,已办结,,,,"])
        #expect(throws: StrictRejection.self) { try ingest("2026-09", [path], strict: true) }
        let store = try Store(path: directory + "/minqing.sqlite")
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM demand") } == 0)
    }

    /// A stored value minqing never writes (here 等级 C) is not read as some default: the report stops
    /// with a sentence naming the demand, the column and the value, and writes nothing.
    @Test(arguments: [("grade", "C", "等级"), ("status", "完成", "办理状态"), ("satisfaction", "还行", "满意度")])
    func corruptStoredValueStopsTheReport(column: String, value: String, named: String) throws {
        _ = try ingest("2026-09", [try file("sep.csv", ["S1,2026-09-01,来访,路面坑洼,办理中,,东门社区,,"])])
        let store = try Store(path: directory + "/minqing.sqlite")
        try store.write { db in try db.execute(sql: "UPDATE demand SET \(column) = ? WHERE id = 'S1'", arguments: [value]) }
        do {
            _ = try pipeline.report(month: try month("2026-09"), templatePath: nil)
            Issue.record("a report was written from a corrupt value")
        } catch let error as StoredValueError {
            #expect(error.description.contains("诉求 S1 的「\(named)」值「\(value)」无法识别"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/reports/2026-09/民情月报-2026-09.xlsx"))
    }

    /// The optional columns of SPEC §9 reach the database and 诉求明细 (with 截止日期, 办理天数 and 时效 as of
    /// the month's end, by hand), and a re-run reports their changes in 更正说明.
    @Test func secondEditionColumnsReachTheDetailSheet() throws {
        let path = directory + "/oct.csv"
        try TestSupport.write(
            """
            编号,受理日期,渠道,诉求内容,办理状态,办结日期,办理期限,工单类型,是否解决
            O1,2026-10-01,来访,路面坑洼,已办结,2026-10-20,2026-10-31,投诉,已解决
            O2,2026-10-05,来访,路灯不亮,办理中,,,咨询,
            O3,2026-10-10,来访,垃圾没人清运,已办结,2026-10-30,,,部分解决

            """, to: path)
        _ = try ingest("2026-10", [path])
        _ = try pipeline.report(month: try month("2026-10"), templatePath: nil)
        let book = try EndToEnd.readWorkbook(directory + "/reports/2026-10/民情月报-2026-10.xlsx")
        let headers = book.headers("诉求明细")
        let columns = ["编号", "截止日期", "办理天数", "时效", "诉求类型", "解决情况"].map { headers.firstIndex(of: $0) ?? -1 }
        #expect(!columns.contains(-1), "\(headers)")
        let rows = book.rows("诉求明细").dropFirst().map { row in columns.map { "\(row[$0])" } }
        #expect(rows == [
            ["O1", "2026-10-31", "19", "按期办结", "投诉", "已解决"],
            ["O2", "2026-10-20", "26", "已超期", "咨询", "未回访"],
            ["O3", "2026-10-25", "20", "超期办结", "未分类", "部分解决"],
        ])
        // 按期办结率 = 1 ÷ (1 + 1); 平均办理天数 = (19 + 20) ÷ 2; 解决率 = 已解决 1 ÷ (1 + 部分解决 1), O2 未回访.
        let overview = Dictionary(book.rows("总览").dropFirst().map { ("\($0[0])", "\($0[1])") }, uniquingKeysWith: { a, _ in a })
        #expect(overview["按期办结率"] == "0.5")
        #expect(overview["平均办理天数"] == "19.5")
        #expect(overview["解决率"] == "0.5")
        let markdown = try String(contentsOfFile: directory + "/reports/2026-10/民情月报-2026-10.md", encoding: .utf8)
        #expect(markdown.contains("| 按期办结率 | 50.0% |"))
        #expect(markdown.contains("| 平均办理天数 | 19.5 |"))
        try TestSupport.write(
            """
            编号,受理日期,渠道,诉求内容,办理状态,办结日期,办理期限,工单类型,是否解决
            O1,2026-10-01,来访,路面坑洼,已办结,2026-10-20,2026-10-31,举报,已解决
            O2,2026-10-05,来访,路灯不亮,办理中,,,咨询,
            O3,2026-10-10,来访,垃圾没人清运,已办结,2026-10-30,,,部分解决

            """, to: path)
        let rerun = try ingest("2026-10", [path])
        let store = try Store(path: directory + "/minqing.sqlite")
        let corrections = try store.read(month: try month("2026-10")) { try $0.corrections(ingestID: rerun.ingestID) }
        #expect(corrections.map(\.field) == ["诉求类型"])
        #expect(corrections.map { [$0.old, $0.new] } == [["投诉", "举报"]])
    }

    @Test func newerSchemaIsRefused() throws {
        let path = directory + "/future.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1-demands'), ('v99-future')")
        }
        do {
            _ = try Store(path: path)
            Issue.record("opened a newer database")
        } catch let error as StoreError {
            #expect(error.description.contains("更新版本的 minqing"))
        }
    }
}

/// A month run again after a later month registered one of its demands as a 补录 (SPEC §1).
@Suite("补录 then the earlier month run again")
struct LateRegistrationRerunTests {
    @Test func theDemandStaysInTheRegisteringMonth() throws {
        let directory = try TestSupport.temporaryDirectory("late-registration")
        let pipeline = Pipeline(workspace: Workspace(root: directory, seeds: TestSupport.seeds), logger: Logger(label: "test"))
        func ingest(_ month: String, _ rows: [String]) throws -> IngestOutcome {
            let path = directory + "/\(month)-\(rows.count).csv"
            try TestSupport.write(IngestStoreTests.header + rows.joined(separator: "\n") + "\n", to: path)
            return try pipeline.ingest(
                month: try #require(YearMonth(parsing: month)), inputs: [path], encoding: nil, strict: false, command: "test")
        }
        _ = try ingest("2026-09", ["S1,2026-09-01,来访,路面坑洼,办理中,,东门社区,,"])
        let october = try ingest("2026-10", [
            "O1,2026-10-02,来访,小区停水,办理中,,东门社区,,",
            "X1,2026-09-20,来访,路灯不亮,办理中,,东门社区,,",
        ])
        #expect(october.demands == 2)
        // September's corrected input now has X1 too: it stays October's, with a notice, not a rejection.
        let again = try ingest("2026-09", [
            "S1,2026-09-01,来访,路面坑洼,办理中,,东门社区,,",
            "X1,2026-09-20,来访,路灯不亮,已办结,,东门社区,,2026-09-25",
        ])
        #expect(again.demands == 1)
        #expect(again.rejected == 0)
        #expect(again.problems.map(\.message).contains(
            "诉求 X1 已由 2026-10 补录登记并计入该月；本月不重复统计，其办理情况以 2026-10 及以后月份的输入为准"))
        // A different demand with the same 编号 is still refused.
        let other = try ingest("2026-09", [
            "S1,2026-09-01,来访,路面坑洼,办理中,,东门社区,,",
            "X1,2026-09-05,来访,别的诉求,办理中,,东门社区,,",
        ])
        #expect(other.rejected == 1)
        #expect(other.problems.first?.message.hasPrefix("编号 X1 已属于 2026-10 受理的另一条诉求") == true)
    }
}
