import Foundation
import GRDB

extension Store {
    /// The ingests of `month` (every month when nil), oldest first; the first of each month is not a re-run.
    func history(month: YearMonth?) throws -> [IngestHistoryEntry] {
        try read { db in
            let filter = month == nil ? "" : "WHERE month = ?"
            let arguments: StatementArguments = month.map { [$0.description] } ?? []
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM ingest \(filter) ORDER BY month, id", arguments: arguments)
            var seen: Set<String> = []
            return try rows.map { row in
                let id: Int = row["id"], month: String = row["month"]
                let files = try Row.fetchAll(
                    db, sql: "SELECT * FROM ingest_file WHERE ingest_id = ? ORDER BY position", arguments: [id]
                ).map {
                    IngestHistoryEntry.File(
                        name: $0["name"], path: $0["path"], sha256: $0["sha256"], encoding: $0["encoding"],
                        rows: $0["rows"], accepted: $0["accepted"], rejected: $0["rejected"])
                }
                let isRerun = !seen.insert(month).inserted
                return IngestHistoryEntry(
                    record: IngestRecord(row: row, isRerun: isRerun, files: files.map(\.name)), month: month,
                    command: row["command"], startedAt: row["started_at"], finishedAt: row["finished_at"], files: files)
            }
        }
    }
}
