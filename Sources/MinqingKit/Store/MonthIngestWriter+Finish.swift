import Foundation
import GRDB

extension MonthIngestWriter {
    /// Checks the staged rows against the database, applies them, and records the ingest.
    ///
    /// - Parameter rawLines: fetches the original text of rows rejected at this stage, by file name and line.
    func finish(files: [FileSummary], rawLines: (_ file: String, _ lines: Set<Int>) -> [Int: String]) throws -> IngestOutcome {
        var files = files
        let m = month.description
        let isRerun = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM ingest WHERE month = ? AND id <> ?)", arguments: [m, ingestID]) ?? false

        // 1. A 编号 already used by a demand of another month cannot be this month's demand.
        let conflicts = try Row.fetchAll(
            db,
            sql: """
                SELECT i.seq, i.id, i.source_file, i.source_line, d.month, d.received FROM incoming i
                JOIN demand d ON d.id = i.id WHERE i.month = ? AND d.month <> ? ORDER BY i.seq
                """, arguments: [m, m])
        if !conflicts.isEmpty {
            var byFile: [String: Set<Int>] = [:]
            for row in conflicts { byFile[row["source_file"], default: []].insert(row["source_line"]) }
            var raws: [String: [Int: String]] = [:]
            for (file, lines) in byFile { raws[file] = rawLines(file, lines) }
            for row in conflicts {
                let file: String = row["source_file"], line: Int = row["source_line"]
                let id: String = row["id"], other: String = row["month"], received: String = row["received"]
                problems.append(DataProblem(
                    file: file, line: line, level: .rejected, column: "编号",
                    message: "编号 \(id) 已属于 \(other) 受理的另一条诉求（受理日期 \(received)），同一编号不能用于两条诉求；请核对编号",
                    raw: raws[file]?[line] ?? ""))
                if let k = files.firstIndex(where: { $0.name == file }) {
                    files[k].accepted -= 1
                    files[k].rejected += 1
                }
                try db.execute(sql: "DELETE FROM incoming WHERE seq = ?", arguments: [row["seq"] as Int])
            }
        }

        // 2. Repeat demands (重复诉求) against this month and the database's history.
        let conflictSeqs = Set(conflicts.map { Int32($0["seq"] as Int) })
        let window = rules.repeatWindowDays
        if window > 0 {
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
            let entries = conflictSeqs.isEmpty ? people : people.filter { !conflictSeqs.contains($0.order) }
            let hits = RepeatDetector.find(month: entries, history: earlier, windowDays: window)
            let update = try RawStatement(
                db,
                """
                UPDATE incoming SET grade = 'A',
                    grade_basis = CASE grade WHEN 'A' THEN grade_basis || '; ' || ?1 ELSE ?1 END
                WHERE seq = ?2 AND grade_given = ''
                """)
            for (order, hit) in hits.sorted(by: { $0.key < $1.key }) {
                try update.bind(1, "重复诉求:\(hit.days)天前已有\(hit.earlierID)")
                try update.bind(2, Int(order))
                try update.run()
            }
        }
        people = []

        // 3. Late status changes of earlier months' demands.
        var lateUpdates = 0
        let late = try Row.fetchAll(
            db,
            sql: """
                SELECT i.seq, i.id, i.month, i.received, i.status, i.resolved, i.satisfaction, i.source_file, i.source_line,
                    d.id AS known, d.status AS old_status, d.resolved AS old_resolved, d.satisfaction AS old_satisfaction
                FROM incoming i LEFT JOIN demand d ON d.id = i.id WHERE i.month < ? ORDER BY i.seq
                """, arguments: [m])
        for row in late {
            let id: String = row["id"]
            if (row["known"] as String?) == nil {
                problems.append(DataProblem(
                    file: row["source_file"], line: row["source_line"], level: .notice, column: "受理日期",
                    message: "往月诉求 \(id)（受理日期 \(row["received"] as String)）在数据库中没有记录，已按其受理月份 \(row["month"] as String) 保存",
                    raw: ""))
                try db.execute(
                    sql: "INSERT INTO demand (\(DemandColumns.list)) SELECT \(DemandColumns.list) FROM incoming WHERE seq = ?",
                    arguments: [row["seq"] as Int])
                continue
            }
            let status: String = row["status"], resolved: String = row["resolved"], satisfaction: String = row["satisfaction"]
            let oldStatus: String = row["old_status"], oldResolved: String = row["old_resolved"]
            let oldSatisfaction: String = row["old_satisfaction"]
            guard status != oldStatus || resolved != oldResolved || satisfaction != oldSatisfaction else { continue }
            lateUpdates += 1
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO late_update (demand_id, month, ingest_id, status, resolved, satisfaction,
                        previous_status, previous_resolved, previous_satisfaction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, m, ingestID, status, resolved, satisfaction, oldStatus, oldResolved, oldSatisfaction])
        }

        // 4. Corrections against the previous ingest of this month.
        var added = 0, changed = 0, removed = 0
        if isRerun {
            (added, changed, removed) = try recordCorrections()
        }

        // 5. The new input is the whole truth for the month.
        try db.execute(sql: "DELETE FROM demand WHERE month = ?", arguments: [m])
        try db.execute(
            sql: "INSERT INTO demand (\(DemandColumns.list)) SELECT \(DemandColumns.list) FROM incoming WHERE month = ? ORDER BY seq",
            arguments: [m])
        let demands = try Int.fetchOne(db, sql: "SELECT count(*) FROM demand WHERE month = ?", arguments: [m]) ?? 0
        try db.execute(sql: "DROP TABLE temp.incoming")

        // 6. The history: files, problems, counts.
        problems.sort { a, b in
            let fa = files.firstIndex(where: { $0.name == a.file }) ?? 0
            let fb = files.firstIndex(where: { $0.name == b.file }) ?? 0
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
                arguments: [ingestID, position, file.name, file.path, file.sha256, file.encoding.rawValue, file.rows, file.accepted, file.rejected])
        }
        let insertProblem = try RawStatement(
            db, "INSERT INTO problem (ingest_id, seq, file, line, level, column_name, message, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for (seq, problem) in problems.enumerated() {
            try insertProblem.bind(1, ingestID)
            try insertProblem.bind(2, seq)
            try insertProblem.bind(3, problem.file)
            try insertProblem.bind(4, problem.line)
            try insertProblem.bind(5, problem.level.rawValue)
            try insertProblem.bind(6, problem.column)
            try insertProblem.bind(7, problem.message)
            try insertProblem.bind(8, problem.raw)
            try insertProblem.run()
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

    /// Records added, changed (field by field) and removed demands against the month's stored ones.
    private func recordCorrections() throws -> (added: Int, changed: Int, removed: Int) {
        let m = month.description
        var seq = 0
        let record = try RawStatement(
            db,
            "INSERT INTO correction (ingest_id, seq, demand_id, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)")
        func note(_ id: String, _ kind: String, _ field: String, _ old: String, _ new: String) throws {
            try record.bind(1, ingestID)
            try record.bind(2, seq)
            try record.bind(3, id)
            try record.bind(4, kind)
            try record.bind(5, field)
            try record.bind(6, old)
            try record.bind(7, new)
            try record.run()
            seq += 1
        }
        let addedIDs = try String.fetchAll(
            db,
            sql: """
                SELECT i.id FROM incoming i WHERE i.month = ?1
                AND NOT EXISTS (SELECT 1 FROM demand d WHERE d.id = i.id AND d.month = ?1) ORDER BY i.seq
                """, arguments: [m])
        for id in addedIDs { try note(id, "added", "", "", "") }

        let compared = DemandColumns.compared
        let differs = compared.map { "i.\($0.column) IS NOT d.\($0.column)" }.joined(separator: " OR ")
        let columns = compared.map { "i.\($0.column), d.\($0.column)" }.joined(separator: ", ")
        let changedRows = try Row.fetchAll(
            db,
            sql: """
                SELECT i.id, \(columns) FROM incoming i JOIN demand d ON d.id = i.id
                WHERE i.month = ?1 AND d.month = ?1 AND (\(differs)) ORDER BY i.seq
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
                SELECT d.id FROM demand d WHERE d.month = ?1
                AND NOT EXISTS (SELECT 1 FROM incoming i WHERE i.id = d.id AND i.month = ?1)
                ORDER BY d.received_day, d.received_secs, d.id
                """, arguments: [m])
        for id in removedIDs { try note(id, "removed", "", "", "") }
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
