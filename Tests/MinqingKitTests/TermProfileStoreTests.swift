import Foundation
import GRDB
import Logging
import Testing
@testable import MinqingKit

/// Each month's term profile (``TermProfiles``) in a real SQLite file: written by every ingest for the
/// month's latest ingest, read back for the months after it, and counted again from the texts when the
/// stored one is not the latest ingest's or does not read.
@Suite struct TermProfileStoreTests {
    static let header = "编号,受理日期,渠道,诉求内容,办理状态\n"

    let directory: String
    let pipeline: Pipeline
    var database: String { directory + "/minqing.sqlite" }

    init() throws {
        directory = try TestSupport.temporaryDirectory("profiles")
        pipeline = Pipeline(workspace: Workspace(root: directory, seeds: TestSupport.seeds), logger: Logger(label: "test"))
    }

    func ingest(_ month: String, _ texts: [String]) throws {
        let path = directory + "/\(month).csv"
        let rows = texts.enumerated().map { "\(month)-\($0.offset),\(month)-03,来访,\($0.element),办理中" }
        try TestSupport.write(Self.header + rows.joined(separator: "\n") + "\n", to: path)
        _ = try pipeline.ingest(
            month: try #require(YearMonth(parsing: month)), inputs: [path], encoding: nil, strict: false, command: "test")
    }

    func profiles(before month: String) throws -> [TermCounts] {
        let store = try Store(path: database)
        return try store.read(month: try #require(YearMonth(parsing: month))) { try $0.termProfiles(monthsBefore: 12) }
    }

    static let key车位 = TextGrams.key(0x8F66, 0x4F4D)
    static let key路灯 = TextGrams.key(0x8DEF, 0x706F)

    @Test func profilesOfTheMonthsBefore() throws {
        try ingest("2026-08", ["路灯坏了", "路灯不亮", "车位太少"])
        try ingest("2026-09", ["车位捆绑销售", "车位只卖不租", "路灯坏了", "水管漏水"])
        let read = try profiles(before: "2026-10")
        // Newest first; bigrams of a single text are not kept.
        #expect(read.map(\.documents) == [4, 3])
        #expect(read.map { $0.count(Self.key车位) } == [2, 0])
        #expect(read.map { $0.count(Self.key路灯) } == [0, 2])
        #expect(try profiles(before: "2026-09").map(\.documents) == [3])
        #expect(try profiles(before: "2026-08").isEmpty)
    }

    /// A stored profile is a cache of the month's texts: one that does not read, or that belongs to an
    /// earlier ingest of the month, is counted again from the texts (the same profile).
    @Test func aStaleOrUnreadableProfileIsCountedAgain() throws {
        try ingest("2026-09", ["车位捆绑销售", "车位只卖不租", "路灯坏了"])
        let fresh = try profiles(before: "2026-10")
        let queue = try DatabaseQueue(path: database)
        try queue.write { try $0.execute(sql: "UPDATE term_profile SET counts = x'0102'") }
        #expect(try profiles(before: "2026-10") == fresh)
        try queue.write { try $0.execute(sql: "UPDATE term_profile SET ingest_id = ingest_id - 1, counts = x'00000000'") }
        #expect(try profiles(before: "2026-10") == fresh)
        #expect(fresh.first?.count(Self.key车位) == 2)
    }

    /// Re-ingesting a month replaces its profile.
    @Test func reIngestReplacesTheProfile() throws {
        try ingest("2026-09", ["车位捆绑销售", "车位只卖不租"])
        try ingest("2026-09", ["路灯坏了", "路灯不亮", "路灯闪烁"])
        let read = try profiles(before: "2026-10")
        #expect(read.map(\.documents) == [3])
        #expect(read.first?.count(Self.key路灯) == 3)
        #expect(read.first?.count(Self.key车位) == 0)
        let rows = try DatabaseQueue(path: database).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM term_profile") }
        #expect(rows == 1)
    }
}
