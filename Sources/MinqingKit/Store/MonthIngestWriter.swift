import Foundation
import GRDB
import GRDBSQLite

/// What an ingest did to the database.
public struct IngestOutcome: Sendable {
    /// The ingest's id in the history.
    public var ingestID: Int
    public var month: YearMonth
    public var files: [FileSummary]
    /// Rows accepted (this month's demands and earlier months' rows).
    public var accepted: Int
    public var rejected: Int
    public var notices: Int
    /// This month's demands after the ingest.
    public var demands: Int
    /// Changes against the previous ingest of the month (all zero on a first ingest).
    public var added: Int
    public var changed: Int
    public var removed: Int
    /// Earlier months' demands whose status this input updated.
    public var lateUpdates: Int
    /// Whether the month had been ingested before.
    public var isRerun: Bool
    /// Every rejected row and notice, in input order.
    public var problems: [DataProblem]
}

/// Writes one month's scanned rows into the database, inside the caller's transaction.
///
/// The month's previous demands are set aside (for the corrections) and the new rows are inserted
/// directly; the primary key finds, at insert time, a 编号 that another month already uses (rejected)
/// and an earlier month's row of a known demand (a late status change). ``finish(files:)`` then marks
/// repeat demands, records the corrections and the ingest.
final class MonthIngestWriter {
    let db: Database
    let month: YearMonth
    let rules: GradingRules
    let ingestID: Int
    let isRerun: Bool
    private let insert: RawStatement
    private let texts = RowTexts()
    var problems: [DataProblem] = []
    /// Repeat detection over the history and this month's demands as they are stored.
    let repeats: RepeatTracker
    /// Demands stored as repeats on what had arrived by then: the hit, and the grade and 等级依据
    /// they had before it, by input sequence.
    var provisional: [Int32: (hit: RepeatDetector.Hit, grade: Grade, basis: String)] = [:]
    /// This month's demands (by input sequence) whose 等级 was given in the input: never marked as repeats.
    var gradeGiven: Set<Int32> = []
    /// The rowid of each inserted demand, by input sequence (0 when not inserted).
    var rowids: [Int64] = []
    /// Accepted rows later rejected here, per file name.
    var lateRejections: [String: Int] = [:]
    var lateUpdates = 0

    /// Starts an ingest of `month`: records it, and sets the month's previous demands aside.
    init(db: Database, month: YearMonth, rules: GradingRules, command: String, startedAt: String,
         configDigest: String, seedsDigest: String) throws {
        self.db = db
        self.month = month
        self.rules = rules
        let m = month.description
        isRerun = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM ingest WHERE month = ?)", arguments: [m]) ?? false
        try db.execute(
            sql: """
                INSERT INTO ingest (month, command, started_at, finished_at, accepted, rejected, notices, added,
                    changed, removed, late_updates, config_digest, seeds_digest)
                VALUES (?, ?, ?, '', 0, 0, 0, 0, 0, 0, 0, ?, ?)
                """,
            arguments: [m, command, startedAt, configDigest, seedsDigest])
        ingestID = Int(db.lastInsertedRowID)
        try db.execute(sql: "DROP TABLE IF EXISTS temp.previous")
        try db.execute(sql: "CREATE TEMP TABLE previous AS SELECT * FROM demand WHERE month = ?", arguments: [m])
        try db.execute(sql: "CREATE UNIQUE INDEX temp.previous_id ON previous(id)")
        try db.execute(sql: "DELETE FROM demand WHERE month = ?", arguments: [m])
        try db.execute(sql: "DELETE FROM late_update WHERE month = ?", arguments: [m])
        repeats = RepeatTracker(windowDays: rules.repeatWindowDays)
        insert = try RawStatement(db, "INSERT INTO demand (\(DemandColumns.list)) VALUES (\(DemandColumns.placeholders))")
        // Earlier months' demands within the window, for repeat detection.
        if repeats.windowDays > 0 {
            let history = try RawStatement(
                db,
                """
                SELECT repeat_key, received_day, received_secs, id FROM demand
                WHERE month >= ?1 AND month < ?2 AND received_day >= ?3 AND repeat_key <> ''
                ORDER BY rowid
                """)
            try history.bind(1, historyStart.yearMonth.description)
            try history.bind(2, m)
            try history.bind(3, historyStart.dayNumber)
            while try history.step() {
                repeats.addHistory(
                    key: history.text(0), day: Int32(history.int(1)), seconds: Int32(history.int(2)), id: history.text(3))
            }
        }
    }

    /// Takes one scanned row.
    func accept(_ event: ScanEvent) throws {
        switch event {
        case .problem(let problem):
            problems.append(problem)
        case .demand(var demand, let sequence, let raw):
            let input = demand.input
            let key = RepeatDetector.personKey(phone: input.phone, petitioner: input.petitioner, village: input.village)
            let day = Int32(input.received.day.dayNumber), seconds = Int32(input.received.secondsOfDay ?? 0)
            let order = Int32(sequence)
            let thisMonth = input.month == month
            // A repeat of a demand stored before it is stored as one (grade A), as `markRepeats` would.
            var hit: RepeatDetector.Hit?
            var before: (grade: Grade, basis: String)?
            if thisMonth, input.grade == nil, !key.isEmpty,
                let found = repeats.provisionalHit(key: key, day: day, seconds: seconds) {
                hit = found
                let c = demand.classification
                before = (c.grade, c.gradeBasis)
                (demand.classification.grade, demand.classification.gradeBasis) =
                    Self.markedRepeat(grade: c.grade, basis: c.gradeBasis, found)
            }
            try DemandColumns.bind(demand, repeatKey: key, ingestID: ingestID, texts: texts, to: insert)
            let inserted = try insert.runUnlessDuplicate()
            if rowids.count <= sequence { rowids.append(contentsOf: repeatElement(0, count: sequence + 1 - rowids.count)) }
            if inserted { rowids[sequence] = db.lastInsertedRowID }
            if thisMonth {
                if inserted {
                    repeats.addMonth(key: key, day: day, seconds: seconds, order: order, id: input.id)
                    if input.grade != nil { gradeGiven.insert(order) }
                    if let hit, let before { provisional[order] = (hit, before.grade, before.basis) }
                } else {
                    try rejectUsedID(input, raw: raw)
                }
            } else if inserted {
                if input.month < month, input.month >= historyStart.yearMonth, Int(day) >= historyStart.dayNumber {
                    repeats.addHistory(key: key, day: day, seconds: seconds, id: input.id)
                }
                problems.append(DataProblem(
                    file: input.sourceFile, line: input.sourceLine, level: .notice, column: "受理日期",
                    message: "往月诉求 \(input.id)（受理日期 \(input.received.day)）在数据库中没有记录，已按其受理月份 \(input.month) 保存",
                    raw: raw))
            } else {
                try recordLateUpdate(input)
            }
        }
    }

    /// The first day whose demands can make one of this month's a repeat.
    var historyStart: Day { month.firstDay.adding(days: -rules.repeatWindowDays) }

    /// 等级 and 等级依据 of a repeat demand: A, and the repeat added to the basis (after an A's own).
    static func markedRepeat(grade: Grade, basis: String, _ hit: RepeatDetector.Hit) -> (Grade, String) {
        let text = "重复诉求:\(hit.days)天前已有\(hit.earlierID)"
        return (.a, grade == .a ? basis + "; " + text : text)
    }

    /// A 编号 that a demand of another month already has cannot be this month's demand.
    private func rejectUsedID(_ input: DemandInput, raw: String) throws {
        let other = try Row.fetchOne(db, sql: "SELECT month, received FROM demand WHERE id = ?", arguments: [input.id])
        let otherMonth: String = other?["month"] ?? "?", received: String = other?["received"] ?? "?"
        problems.append(DataProblem(
            file: input.sourceFile, line: input.sourceLine, level: .rejected, column: "编号",
            message: "编号 \(input.id) 已属于 \(otherMonth) 受理的另一条诉求（受理日期 \(received)），同一编号不能用于两条诉求；请核对编号",
            raw: raw))
        lateRejections[input.sourceFile, default: 0] += 1
    }

    /// An earlier month's row of a known demand: its new status, 办结日期 and 满意度 as of this month.
    private func recordLateUpdate(_ input: DemandInput) throws {
        guard let old = try Row.fetchOne(
            db, sql: "SELECT status, resolved, satisfaction FROM demand WHERE id = ?", arguments: [input.id])
        else { return }
        let status = input.status.rawValue, resolved = input.resolved?.description ?? ""
        let satisfaction = input.satisfaction.rawValue
        let oldStatus: String = old["status"], oldResolved: String = old["resolved"]
        let oldSatisfaction: String = old["satisfaction"]
        guard status != oldStatus || resolved != oldResolved || satisfaction != oldSatisfaction else { return }
        lateUpdates += 1
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO late_update (demand_id, month, ingest_id, status, resolved, satisfaction,
                    previous_status, previous_resolved, previous_satisfaction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                input.id, month.description, ingestID, status, resolved, satisfaction, oldStatus, oldResolved,
                oldSatisfaction,
            ])
    }
}
