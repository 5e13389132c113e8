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

    /// 重复诉求: the demands whose final answer differs from the one they were stored with (a row that
    /// arrived later with an earlier date) get their 等级 and 等级依据 rewritten.
    private func markRepeats() throws {
        let hits = repeats.hits()
        guard !hits.isEmpty || !provisional.isEmpty else { return }
        let get = try RawStatement(db, "SELECT grade, grade_basis FROM demand WHERE rowid = ?1")
        let set = try RawStatement(db, "UPDATE demand SET grade = ?1, grade_basis = ?2 WHERE rowid = ?3")
        let orders = Set(hits.keys).union(provisional.keys).subtracting(gradeGiven).sorted()
        for order in orders {
            let stored = provisional[order], hit = hits[order]
            guard stored?.hit != hit else { continue }
            let rowid = Int(rowids[Int(order)])
            var grade: Grade, basis: String
            if let stored {
                (grade, basis) = (stored.grade, stored.basis)
            } else {
                try get.bind(1, rowid)
                guard try get.step() else { continue }
                grade = Grade(rawValue: get.text(0)) ?? .b
                basis = get.text(1)
                try get.reset()
            }
            if let hit { (grade, basis) = Self.markedRepeat(grade: grade, basis: basis, hit) }
            try set.bind(1, grade.rawValue)
            try set.bind(2, basis)
            try set.bind(3, rowid)
            try set.run()
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
