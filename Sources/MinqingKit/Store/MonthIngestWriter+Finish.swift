import Foundation
import GRDB

extension MonthIngestWriter {
    /// Marks repeat demands, records the corrections against the month's previous demands, the
    /// problems and the ingest.
    func finish(files: [FileSummary]) throws -> IngestOutcome {
        var files = files
        for (name, count) in lateRejections {
            if let k = files.firstIndex(where: { $0.name == name }) {
                files[k].accepted -= count
                files[k].rejected += count
            }
        }
        let m = month.description
        try markRepeats()

        var added = 0, changed = 0, removed = 0
        if isRerun { (added, changed, removed) = try recordCorrections() }
        try db.execute(sql: "DROP TABLE temp.previous")
        let demands = try Int.fetchOne(db, sql: "SELECT count(*) FROM demand WHERE month = ?", arguments: [m]) ?? 0

        let order = Dictionary(files.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        problems.sort { a, b in
            let fa = order[a.file] ?? 0, fb = order[b.file] ?? 0
            if fa != fb { return fa < fb }
            if a.line != b.line { return a.line < b.line }
            return a.level == .rejected && b.level == .notice
        }
        for (position, file) in files.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO ingest_file (ingest_id, position, name, path, sha256, encoding, rows, accepted, rejected)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    ingestID, position, file.name, file.path, file.sha256, file.encoding.rawValue, file.rows,
                    file.accepted, file.rejected,
                ])
        }
        let insertProblem = try RawStatement(
            db, "INSERT INTO problem (ingest_id, seq, file, line, level, column_name, message, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for (seq, problem) in problems.enumerated() {
            try insertProblem.run([
                .int(ingestID), .int(seq), .text(problem.file), .int(problem.line), .text(problem.level.rawValue),
                .text(problem.column), .text(problem.message), .text(problem.raw),
            ])
        }
        let rejected = problems.filter { $0.level == .rejected }.count
        let notices = problems.count - rejected
        let accepted = files.reduce(0) { $0 + $1.accepted }
        try db.execute(
            sql: """
                UPDATE ingest SET finished_at = ?, accepted = ?, rejected = ?, notices = ?, added = ?, changed = ?,
                    removed = ?, late_updates = ? WHERE id = ?
                """,
            arguments: [Clock.timestamp(), accepted, rejected, notices, added, changed, removed, lateUpdates, ingestID])
        return IngestOutcome(
            ingestID: ingestID, month: month, files: files, accepted: accepted, rejected: rejected, notices: notices,
            demands: demands, added: added, changed: changed, removed: removed, lateUpdates: lateUpdates,
            isRerun: isRerun, problems: problems)
    }

    /// 重复诉求: marks this month's demands whose person made an earlier demand within the window.
    private func markRepeats() throws {
        let window = rules.repeatWindowDays
        guard window > 0, !people.isEmpty else { return }
        let m = month.description
        let from = month.firstDay.adding(days: -window)
        let history = try Row.fetchCursor(
            db,
            sql: """
                SELECT repeat_key, received_day, received_secs, id FROM demand
                WHERE month >= ? AND month <= ? AND month <> ? AND received_day >= ? AND repeat_key <> ''
                """,
            arguments: [from.yearMonth.description, m, m, from.dayNumber])
        var earlier: [RepeatDetector.Entry] = []
        while let row = try history.next() {
            earlier.append(RepeatDetector.Entry(
                key: row[0], day: Int32(row[1] as Int), seconds: Int32(row[2] as Int), order: -1, id: row[3]))
        }
        let hits = RepeatDetector.find(month: people, history: earlier, windowDays: window)
        people = []
        let update = try RawStatement(
            db,
            """
            UPDATE demand SET grade = 'A',
                grade_basis = CASE grade WHEN 'A' THEN grade_basis || '; ' || ?1 ELSE ?1 END
            WHERE rowid = ?2 AND grade_given = ''
            """)
        for (order, hit) in hits.sorted(by: { $0.key < $1.key }) {
            try update.bind(1, "重复诉求:\(hit.days)天前已有\(hit.earlierID)")
            try update.bind(2, Int(rowids[Int(order)]))
            try update.run()
        }
    }

    /// Records added, changed (field by field) and removed demands against the month's previous ones.
    private func recordCorrections() throws -> (added: Int, changed: Int, removed: Int) {
        let m = month.description
        var seq = 0
        let record = try RawStatement(
            db,
            "INSERT INTO correction (ingest_id, seq, demand_id, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)")
        func note(_ id: String, _ kind: String, _ field: String = "", _ old: String = "", _ new: String = "") throws {
            try record.run([.int(ingestID), .int(seq), .text(id), .text(kind), .text(field), .text(old), .text(new)])
            seq += 1
        }
        let addedIDs = try String.fetchAll(
            db,
            sql: """
                SELECT n.id FROM demand n WHERE n.month = ?
                AND NOT EXISTS (SELECT 1 FROM previous p WHERE p.id = n.id) ORDER BY n.rowid
                """, arguments: [m])
        for id in addedIDs { try note(id, "added") }

        let compared = DemandColumns.compared
        let differs = compared.map { "n.\($0.column) IS NOT p.\($0.column)" }.joined(separator: " OR ")
        let columns = compared.map { "n.\($0.column), p.\($0.column)" }.joined(separator: ", ")
        let changedRows = try Row.fetchAll(
            db,
            sql: """
                SELECT n.id, \(columns) FROM demand n JOIN previous p ON p.id = n.id
                WHERE n.month = ? AND (\(differs)) ORDER BY n.rowid
                """, arguments: [m])
        for row in changedRows {
            let id: String = row[0]
            for (k, field) in compared.enumerated() {
                let new = (row[1 + 2 * k] as DatabaseValue).displayText
                let old = (row[2 + 2 * k] as DatabaseValue).displayText
                if new != old { try note(id, "changed", field.header, old, new) }
            }
        }

        let removedIDs = try String.fetchAll(
            db,
            sql: """
                SELECT p.id FROM previous p
                WHERE NOT EXISTS (SELECT 1 FROM demand n WHERE n.id = p.id AND n.month = ?)
                ORDER BY p.received_day, p.received_secs, p.id
                """, arguments: [m])
        for id in removedIDs { try note(id, "removed") }
        return (addedIDs.count, changedRows.count, removedIDs.count)
    }
}

extension DatabaseValue {
    /// The value as text for corrections: integers and text as written, NULL as "".
    var displayText: String {
        switch storage {
        case .null: return ""
        case .int64(let n): return String(n)
        case .double(let x): return String(x)
        case .string(let s): return s
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        }
    }
}
