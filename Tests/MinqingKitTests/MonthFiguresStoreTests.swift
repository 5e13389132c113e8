import Foundation
import GRDB
import Logging
import Testing
@testable import MinqingKit

/// Each month's figures (``MonthFigures``) kept in a real SQLite file: written by `ingest` and `run`, as
/// of the month's end, never changed by a later month's input, and computed when a month has none.
@Suite("月度数字 month figures in the store")
struct MonthFiguresStoreTests {
    static let header = "编号,受理日期,渠道,诉求内容,办理状态,联系电话,村社区,满意度,办结日期,涉及领域\n"

    let directory: String
    let pipeline: Pipeline

    init() throws {
        directory = try TestSupport.temporaryDirectory("figures")
        pipeline = Pipeline(workspace: Workspace(root: directory, seeds: TestSupport.seeds), logger: Logger(label: "test"))
    }

    func file(_ name: String, _ rows: [String]) throws -> String {
        let path = directory + "/" + name
        try TestSupport.write(Self.header + rows.joined(separator: "\n") + "\n", to: path)
        return path
    }

    func month(_ text: String) throws -> YearMonth { try #require(YearMonth(parsing: text)) }

    func stored(_ m: String, in path: String? = nil) throws -> MonthFigures? {
        let store = try Store(path: path ?? directory + "/minqing.sqlite")
        return try store.read(month: try month(m)) { try $0.storedFigures([try month(m)]) }.first
    }

    static let august = [
        "F1,2026-08-03,来访,自来水停水,已办结,13800000001,东门社区,满意,2026-08-05,供水",
        "F2,2026-08-04,来访,自来水水压低,办理中,13800000002,东门社区,,,供水",
        "F3,2026-08-10,来访,路面坑洼,已办结,13800000003,西街社区,不满意,2026-08-30,道路交通",
        "F4,2026-08-20,来访,公交班次少,未办理,13800000004,西街社区,,,道路交通",
    ]

    /// `ingest` keeps the month's figures as of its end; September's input resolving August's demands
    /// leaves August's figures as they were.
    @Test func ingestKeepsTheMonthAsOfItsEnd() throws {
        _ = try pipeline.ingest(month: try month("2026-08"), inputs: [try file("08.csv", Self.august)], encoding: nil, strict: false, command: "test")
        let august = try #require(try stored("2026-08"))
        // F3 resolved after its 15 days (08-10 + 15 = 08-25 < 08-30): 超期办结.
        #expect((august.total, august.gradeA, august.resolved, august.onTime, august.late) == (4, 0, 2, 1, 1))
        #expect((august.satisfied, august.evaluated, august.openAtEnd) == (1, 2, 2))
        #expect(august.domains.prefix(2).map(\.domain) == ["供水", "道路交通"])
        #expect(august.domains.prefix(2).map(\.demands) == [2, 2])
        #expect(august.domains.reduce(0) { $0 + $1.demands } == 4)
        #expect(Set(august.units.map(\.unit)) == ["县供水有限公司", "县交通运输局"])
        #expect(august.unit("县供水有限公司")?.demands == 2)
        #expect(august.unit("县供水有限公司")?.score == 0.7)
        #expect(august.unit("县交通运输局")?.score == 0.7)

        _ = try pipeline.ingest(month: try month("2026-09"), inputs: [try file("09.csv", [
            "F2,2026-08-04,来访,自来水水压低,已办结,13800000002,东门社区,满意,2026-09-02,供水",
            "F4,2026-08-20,来访,公交班次少,已办结,13800000004,西街社区,满意,2026-09-03,道路交通",
            "G1,2026-09-05,来访,自来水浑浊,办理中,13800000005,东门社区,,,供水",
        ])], encoding: nil, strict: false, command: "test")
        #expect(try stored("2026-08") == august)
        let september = try #require(try stored("2026-09"))
        #expect((september.total, september.resolved, september.openAtEnd) == (1, 0, 1))
        // 往月诉求本月办结 counts in September's scores: +1 for each of F2 and F4.
        #expect(september.unit("县供水有限公司")?.score == 0.7)
        #expect(september.unit("县交通运输局")?.demands == 0)
        #expect(september.unit("县交通运输局")?.score == 1.0)

        // Re-ingesting August replaces its figures (the statuses as of August's end are what its input says).
        _ = try pipeline.ingest(month: try month("2026-08"), inputs: [try file("08b.csv", Array(Self.august.prefix(3)))], encoding: nil, strict: false, command: "test")
        let again = try #require(try stored("2026-08"))
        #expect((again.total, again.resolved, again.openAtEnd) == (3, 2, 1))
    }

    /// The figures `run` keeps (from the report's pass) are those `ingest` keeps (from its own pass)
    /// for the same month and history.
    @Test func runAndIngestKeepTheSameFigures() throws {
        let other = try TestSupport.temporaryDirectory("figures-run")
        let running = Pipeline(workspace: Workspace(root: other, seeds: TestSupport.seeds), logger: Logger(label: "test"))
        let files = [try file("08.csv", Self.august), try file("09.csv", [
            "F2,2026-08-04,来访,自来水水压低,已办结,13800000002,东门社区,满意,2026-09-02,供水",
            "G1,2026-09-05,来访,自来水浑浊,办理中,13800000005,东门社区,,,供水",
            "G2,2026-09-06,来访,路面坑洼,已办结,13800000006,城北村,基本满意,2026-09-08,道路交通",
        ])]
        for (m, path) in zip(["2026-08", "2026-09"], files) {
            _ = try pipeline.ingest(month: try month(m), inputs: [path], encoding: nil, strict: false, command: "test")
            _ = try running.run(month: try month(m), inputs: [path], encoding: nil, strict: false, templatePath: nil)
        }
        for m in ["2026-08", "2026-09"] {
            let ingested = try #require(try stored(m))
            #expect(try stored(m, in: other + "/minqing.sqlite") == ingested)
            #expect(ingested.total > 0)
        }
    }

    /// A month kept without figures (a database of an earlier version) has them computed, exactly as kept
    /// ones, and the next `run` keeps them; a month never ingested has none.
    @Test func missingFiguresAreComputedAndKeptByRun() throws {
        _ = try pipeline.ingest(month: try month("2026-08"), inputs: [try file("08.csv", Self.august)], encoding: nil, strict: false, command: "test")
        let kept = try #require(try stored("2026-08"))
        let database = directory + "/minqing.sqlite"
        let queue = try DatabaseQueue(path: database)
        try queue.write { db in
            for table in ["month_figures", "month_domain", "month_unit"] { try db.execute(sql: "DELETE FROM \(table)") }
        }
        try queue.close()
        #expect(try stored("2026-08") == nil)
        let config = MinqingConfig(), reference = try TestSupport.reference()
        let store = try Store(path: database)
        let earlier = try store.read(month: try month("2026-10")) { try MonthFiguresStage.earlier($0, config: config, reference: reference) }
        #expect(earlier.figures == [kept])
        #expect(earlier.computed == [kept])

        _ = try pipeline.run(
            month: try month("2026-10"), inputs: [try file("10.csv", ["H1,2026-10-02,来访,自来水停水,已办结,13800000009,东门社区,满意,2026-10-03,供水"])],
            encoding: nil, strict: false, templatePath: nil)
        #expect(try stored("2026-08") == kept)
        #expect(try stored("2026-09") == nil)
        let october = try #require(try stored("2026-10"))
        // August's F2 and F4 are still open at October's end (no later month said otherwise).
        #expect((october.total, october.resolved, october.openAtEnd) == (1, 1, 2))
    }
}
