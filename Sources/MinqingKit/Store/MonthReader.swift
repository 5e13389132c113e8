import Foundation
import GRDB

/// A demand as the reports list it (stored values, unmasked).
public struct ReportDemand: Sendable, Equatable {
    public var id: String
    public var received: String
    public var channel: String
    public var petitioner: String
    public var phone: String
    public var township: String
    public var village: String
    public var domain: String
    public var grade: String
    public var gradeBasis: String
    public var department: String
    public var liaison: String
    public var status: String
    public var resolved: String
    public var satisfaction: String
    public var content: String
    public var primaryUnit: String
    public var primaryUnitType: String
    public var unitBasis: String
    public var headcount: Int

    /// The facts the month's statistics need.
    public var facts: DemandFacts {
        DemandFacts(
            domain: domain, channel: channel, status: DemandStatus.stored(status) ?? .pending,
            grade: Grade.stored(grade) ?? .b, satisfaction: Satisfaction.stored(satisfaction) ?? .unrated,
            primaryUnit: primaryUnit, primaryUnitType: primaryUnitType, township: township, liaison: liaison,
            village: village, headcount: headcount)
    }
}

/// Which demands of the month a list shows.
public enum DemandFilter: Sendable {
    case all
    /// A级诉求.
    case gradeA
    /// 未办结诉求.
    case unresolved

    var condition: String {
        switch self {
        case .all: return ""
        case .gradeA: return " AND grade = 'A'"
        case .unresolved: return " AND status <> '已办结'"
        }
    }
}

/// A correction made by a re-run of the month.
public struct Correction: Sendable, Equatable {
    /// `added`, `changed` or `removed`.
    public var kind: String
    public var demandID: String
    /// For `changed`: the field (Chinese header) and its old and new values.
    public var field: String
    public var old: String
    public var new: String
}

/// The month's latest ingest, as the reports show it.
public struct IngestRecord: Sendable, Equatable {
    public var id: Int
    public var isRerun: Bool
    public var accepted: Int
    public var rejected: Int
    public var notices: Int
    public var added: Int
    public var changed: Int
    public var removed: Int
    public var lateUpdates: Int
    /// Input file names in order.
    public var files: [String]

}

/// Reads one month from the database for the reports, streaming the long lists.
public struct MonthReader {
    let db: Database
    public let month: YearMonth

    public init(db: Database, month: YearMonth) {
        self.db = db
        self.month = month
    }

    /// The latest ingest of the month, or nil when it was never ingested.
    public func latestIngest() throws -> IngestRecord? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT * FROM ingest WHERE month = ? ORDER BY id DESC LIMIT 1", arguments: [month.description])
        else { return nil }
        let id: Int = row["id"]
        let earlier = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM ingest WHERE month = ? AND id < ?", arguments: [month.description, id]) ?? 0
        let files = try String.fetchAll(
            db, sql: "SELECT name FROM ingest_file WHERE ingest_id = ? ORDER BY position", arguments: [id])
        return IngestRecord(row: row, isRerun: earlier > 0, files: files)
    }

    /// Fills in 环比/同比 figures from the database (when those months were ingested).
    public func addHistory(to summary: inout MonthSummary) throws {
        summary.previousMonthTotal = try total(of: month.previous)
        summary.sameMonthLastYearTotal = try total(of: month.adding(months: -12))
    }

    /// The number of demands of `other`, or nil when that month was never ingested.
    func total(of other: YearMonth) throws -> Int? {
        let ingested = try Bool.fetchOne(
            db, sql: "SELECT EXISTS(SELECT 1 FROM ingest WHERE month = ?)", arguments: [other.description]) ?? false
        guard ingested else { return nil }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM demand WHERE month = ?", arguments: [other.description])
    }

    /// Calls `body` with each demand of the list in 受理日期 order (then 编号).
    public func forEachDemand(_ filter: DemandFilter, _ body: (ReportDemand) throws -> Void) throws {
        let statement = try RawStatement(
            db,
            """
            SELECT id, received, channel, petitioner, phone, township, village, domain, grade, grade_basis, department,
                liaison, status, resolved, satisfaction, content, primary_unit, primary_type, unit_basis, headcount
            FROM demand WHERE month = ?\(filter.condition) ORDER BY received_day, received_secs, id
            """)
        try statement.bind(1, month.description)
        // The repeating columns share their strings from row to row.
        let shared = StringCache()
        while try statement.step() {
            try body(ReportDemand(
                id: statement.text(0), received: statement.text(1), channel: statement.text(2, cache: shared),
                petitioner: statement.text(3), phone: statement.text(4), township: statement.text(5, cache: shared),
                village: statement.text(6, cache: shared), domain: statement.text(7, cache: shared),
                grade: statement.text(8, cache: shared), gradeBasis: statement.text(9, cache: shared),
                department: statement.text(10, cache: shared), liaison: statement.text(11, cache: shared),
                status: statement.text(12, cache: shared), resolved: statement.text(13, cache: shared),
                satisfaction: statement.text(14, cache: shared), content: statement.text(15),
                primaryUnit: statement.text(16, cache: shared), primaryUnitType: statement.text(17, cache: shared),
                unitBasis: statement.text(18, cache: shared), headcount: statement.int(19)))
        }
    }

    /// The number of demands in a list.
    public func count(_ filter: DemandFilter) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM demand WHERE month = ?\(filter.condition)", arguments: [month.description]) ?? 0
    }

    /// 数据问题 of an ingest, in input order. (Read through the C API: 原始内容 may hold a NUL byte, which
    /// must not cut it short.)
    public func problems(ingestID: Int) throws -> [DataProblem] {
        let statement = try RawStatement(
            db, "SELECT file, line, level, column_name, message, raw FROM problem WHERE ingest_id = ? ORDER BY seq")
        try statement.bind(1, ingestID)
        var problems: [DataProblem] = []
        while try statement.step() {
            problems.append(DataProblem(
                file: statement.text(0), line: statement.int(1),
                level: ProblemLevel(rawValue: statement.text(2)) ?? .notice, column: statement.text(3),
                message: statement.text(4), raw: statement.text(5)))
        }
        return problems
    }

    /// 更正说明 of an ingest: added, changed (field by field) and removed demands.
    public func corrections(ingestID: Int) throws -> [Correction] {
        try Row.fetchAll(
            db, sql: "SELECT kind, demand_id, field, old_value, new_value FROM correction WHERE ingest_id = ? ORDER BY seq",
            arguments: [ingestID]
        ).map { Correction(kind: $0["kind"], demandID: $0["demand_id"], field: $0["field"], old: $0["old_value"], new: $0["new_value"]) }
    }

    /// Earlier months' demands that this month's input reported resolved (往月诉求本月办结).
    public func lateResolved() throws -> [(demand: ReportDemand, previousStatus: String)] {
        var result: [(ReportDemand, String)] = []
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, d.received, d.channel, d.petitioner, d.phone, d.township, d.village, d.domain, d.grade,
                    d.grade_basis, d.department, d.liaison, u.status, u.resolved, u.satisfaction, d.content, d.primary_unit,
                    d.primary_type, d.unit_basis, d.headcount, u.previous_status
                FROM late_update u JOIN demand d ON d.id = u.demand_id
                WHERE u.month = ? AND u.status = '已办结' AND u.previous_status <> '已办结'
                ORDER BY d.received_day, d.received_secs, d.id
                """, arguments: [month.description])
        for r in rows {
            result.append((
                ReportDemand(
                    id: r[0], received: r[1], channel: r[2], petitioner: r[3], phone: r[4], township: r[5], village: r[6],
                    domain: r[7], grade: r[8], gradeBasis: r[9], department: r[10], liaison: r[11], status: r[12],
                    resolved: r[13], satisfaction: r[14], content: r[15], primaryUnit: r[16], primaryUnitType: r[17],
                    unitBasis: r[18], headcount: r[19]),
                r[20]
            ))
        }
        return result
    }
}

extension IngestRecord {
    /// Reads the counts of a row of the `ingest` table.
    init(row: Row, isRerun: Bool, files: [String]) {
        self.init(
            id: row["id"], isRerun: isRerun, accepted: row["accepted"], rejected: row["rejected"],
            notices: row["notices"], added: row["added"], changed: row["changed"], removed: row["removed"],
            lateUpdates: row["late_updates"], files: files)
    }
}
