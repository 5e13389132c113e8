import Foundation
import GRDB

/// What an ingest did to the database.
public struct IngestOutcome: Sendable {
    /// The ingest's id in the history.
    public var ingestID: Int
    public var month: YearMonth
    public var files: [FileSummary]
    /// Rows accepted (this month's demands and late status changes).
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
/// Rows go to a temporary staging table first; ``finish(files:)`` then checks them against the
/// database (编号 used by another month, late status changes, repeat demands), computes the corrections
/// against the previous ingest of the month and replaces the month's demands.
final class MonthIngestWriter {
    let db: Database
    let month: YearMonth
    let rules: GradingRules
    let ingestID: Int
    private let insert: RawStatement
    var problems: [DataProblem] = []
    var people: [RepeatDetector.Entry] = []
    private var monthRows = 0
    private var lateRows = 0

    /// Starts an ingest of `month`: records it in the history and creates the staging table.
    init(db: Database, month: YearMonth, rules: GradingRules, command: String, startedAt: String,
         configDigest: String, seedsDigest: String) throws {
        self.db = db
        self.month = month
        self.rules = rules
        try db.execute(
            sql: """
                INSERT INTO ingest (month, command, started_at, finished_at, accepted, rejected, notices, added,
                    changed, removed, late_updates, config_digest, seeds_digest)
                VALUES (?, ?, ?, '', 0, 0, 0, 0, 0, 0, 0, ?, ?)
                """,
            arguments: [month.description, command, startedAt, configDigest, seedsDigest])
        ingestID = Int(db.lastInsertedRowID)
        try db.execute(sql: "DROP TABLE IF EXISTS temp.incoming")
        try db.execute(
            sql: "CREATE TEMP TABLE incoming (seq INTEGER PRIMARY KEY, \(DemandColumns.list))")
        try db.execute(sql: "CREATE INDEX temp.incoming_id ON incoming(id)")
        insert = try RawStatement(
            db, "INSERT INTO incoming (\(DemandColumns.list), seq) VALUES (\(DemandColumns.placeholders), ?)")
    }

    /// Takes one scanned row.
    func accept(_ event: ScanEvent) throws {
        switch event {
        case .problem(let problem):
            problems.append(problem)
        case .demand(let demand, let sequence):
            let input = demand.input
            let key = RepeatDetector.personKey(phone: input.phone, petitioner: input.petitioner, village: input.village)
            try DemandColumns.bind(demand, repeatKey: key, ingestID: ingestID, to: insert)
            try insert.bind(Int32(DemandColumns.names.count + 1), sequence)
            try insert.run()
            if input.month == month {
                monthRows += 1
                if !key.isEmpty {
                    people.append(RepeatDetector.Entry(
                        key: key, day: Int32(input.received.day.dayNumber),
                        seconds: Int32(input.received.secondsOfDay ?? 0), order: Int32(sequence), id: input.id))
                }
            } else {
                lateRows += 1
            }
        }
    }
}
