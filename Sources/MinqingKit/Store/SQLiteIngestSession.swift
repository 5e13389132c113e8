import GRDB

/// A month's ingest in the SQLite database, inside the store's write transaction.
///
/// Beginning it records the ingest, sets the month's previous demands aside in a temporary table (for
/// the corrections) and deletes them; the new rows are then inserted directly, and the primary key
/// finds, at insert time, a 编号 that is already stored.
final class SQLiteIngestSession: MonthIngestSession {
    let db: Database
    let month: YearMonth
    let ingestID: Int
    let isRerun: Bool
    private let insertStatement: RawStatement
    /// The parameters of 等级 and 等级依据 in the insert (replaced for a repeat found while storing).
    private let gradeParameters: (grade: Int32, basis: Int32)
    /// Demands inserted by this session.
    private var inserted = 0
    /// Statements prepared on first use and reused, by their SQL.
    private var prepared: [String: RawStatement] = [:]

    init(db: Database, start: IngestStart) throws {
        self.db = db
        self.month = start.month
        let m = month.description
        isRerun = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM ingest WHERE month = ?)", arguments: [m]) ?? false
        try db.execute(
            sql: """
                INSERT INTO ingest (month, command, started_at, finished_at, accepted, rejected, notices, added,
                    changed, removed, late_updates, config_digest, seeds_digest)
                VALUES (?, ?, ?, '', 0, 0, 0, 0, 0, 0, 0, ?, ?)
                """,
            arguments: [m, start.command, start.startedAt, start.configDigest, start.seedsDigest])
        ingestID = Int(db.lastInsertedRowID)
        try db.execute(sql: "DROP TABLE IF EXISTS temp.previous")
        try db.execute(sql: "CREATE TEMP TABLE previous AS SELECT * FROM demand WHERE month = ?", arguments: [m])
        try db.execute(sql: "CREATE UNIQUE INDEX temp.previous_id ON previous(id)")
        try db.execute(sql: "DELETE FROM demand WHERE month = ?", arguments: [m])
        // The earlier demands the month's previous late rows spoke of are settled again at the end.
        try db.execute(sql: "DROP TABLE IF EXISTS temp.touched")
        try db.execute(sql: "CREATE TEMP TABLE touched (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID")
        try db.execute(sql: "INSERT OR IGNORE INTO touched SELECT demand_id FROM late_update WHERE month = ?", arguments: [m])
        try db.execute(sql: "DELETE FROM late_update WHERE month = ?", arguments: [m])
        insertStatement = try RawStatement(db, DemandColumns.table.insertSQL(into: "demand"))
        guard let grade = DemandColumns.table.parameter(of: "grade"),
              let basis = DemandColumns.table.parameter(of: "grade_basis") else {
            throw ColumnDeclarationError(column: "grade", values: 0)
        }
        gradeParameters = (grade, basis)
    }

    func forEachEarlierDemand(since: Day, _ body: (RepeatHistoryEntry) -> Void) throws {
        let history = try RawStatement(
            db,
            """
            SELECT repeat_key, received_day, received_secs, id FROM demand
            WHERE month >= ?1 AND month < ?2 AND received_day >= ?3 AND repeat_key <> ''
            ORDER BY rowid
            """)
        try history.bind(1, since.yearMonth.description)
        try history.bind(2, month.description)
        try history.bind(3, since.dayNumber)
        while try history.step() {
            body(RepeatHistoryEntry(
                key: history.text(0), day: Int32(history.int(1)), seconds: Int32(history.int(2)), id: history.text(3)))
        }
    }

    func demandEncoder() -> DemandEncoder {
        DemandEncoder(month: month, ingestID: ingestID)
    }

    func insert(_ demand: EncodedRow, grade: (Grade, GradeBasis)?) throws -> StoredRow? {
        let override = grade.map { [(gradeParameters.grade, $0.0.rawValue), (gradeParameters.basis, $0.1.text)] } ?? []
        guard try insertStatement.insertUnlessDuplicate(demand, override) else { return nil }
        inserted += 1
        return StoredRow(position: db.lastInsertedRowID)
    }

    func owner(of id: String) throws -> (month: String, received: String)? {
        let get = try statement("SELECT month, received FROM demand WHERE id = ?1")
        try get.bind(1, id)
        guard try get.step() else { return nil }
        defer { try? get.reset() }
        return (get.text(0), get.text(1))
    }

    func handling(of id: String) throws -> (month: YearMonth, state: HandlingState)? {
        // One query per late row (an export may carry tens of thousands): the demand's own record and,
        // as of the month before this one, the latest later month's record before it, if any.
        let get = try statement("""
            SELECT d.month, d.status, d.resolved, d.satisfaction, u.status, u.resolved, u.satisfaction
            FROM demand d LEFT JOIN late_update u ON u.demand_id = d.id AND u.month = (
                SELECT max(p.month) FROM late_update p WHERE p.demand_id = d.id AND p.month > d.month AND p.month < ?2)
            WHERE d.id = ?1
            """)
        try get.bind(1, id)
        try get.bind(2, month.description)
        guard try get.step() else { return nil }
        defer { try? get.reset() }
        let owner = try YearMonth.stored(get.text(0), demandID: id)
        let latest: Int32 = get.isNull(4) ? 1 : 4
        let status = get.text(latest), satisfaction = get.text(latest + 2)
        guard let typedStatus = DemandStatus.stored(status) else {
            throw StoredValueError(demandID: id, column: "办理状态", value: status, reason: "应为 已办结、办理中 或 未办理")
        }
        guard let typedSatisfaction = Satisfaction.stored(satisfaction) else {
            throw StoredValueError(demandID: id, column: "满意度", value: satisfaction, reason: "应为五级评价或 未评价")
        }
        return (owner, HandlingState(status: typedStatus, resolved: get.text(latest + 1), satisfaction: typedSatisfaction))
    }

    func recordLateUpdate(id: String, to new: HandlingState, from old: HandlingState) throws {
        try statement("""
            INSERT OR REPLACE INTO late_update (demand_id, month, ingest_id, status, resolved, satisfaction,
                previous_status, previous_resolved, previous_satisfaction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([
                .text(id), .text(month.description), .int(ingestID), .text(new.status.rawValue), .text(new.resolved),
                .text(new.satisfaction.rawValue), .text(old.status.rawValue), .text(old.resolved),
                .text(old.satisfaction.rawValue),
            ])
    }

    func grade(of row: StoredRow) throws -> (Grade, GradeBasis) {
        let get = try statement("SELECT grade, grade_basis, id FROM demand WHERE rowid = ?1")
        try get.bind(1, Int(row.position))
        guard try get.step() else {
            throw StoredValueError(demandID: "", column: "等级", value: "", reason: "本次写入的诉求（第 \(row.position) 行）找不到了")
        }
        let (text, basis, id) = (get.text(0), get.text(1), get.text(2))
        try get.reset()
        guard let grade = Grade.stored(text) else {
            throw StoredValueError(demandID: id, column: "等级", value: text, reason: "应为 A 或 B")
        }
        return (grade, GradeBasis(stored: basis))
    }

    func setGrade(of row: StoredRow, to grade: Grade, basis: GradeBasis) throws {
        let set = try statement("UPDATE demand SET grade = ?1, grade_basis = ?2 WHERE rowid = ?3")
        try set.bind(1, grade.rawValue)
        try set.bind(2, basis.text)
        try set.bind(3, Int(row.position))
        try set.run()
    }

    func recordCorrections() throws -> (added: Int, changed: Int, removed: Int) {
        let m = month.description
        var seq = 0
        let record = try RawStatement(
            db,
            "INSERT INTO correction (ingest_id, seq, demand_id, kind, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)")
        func note(_ id: String, _ kind: CorrectionKind, _ field: String = "", _ old: String = "", _ new: String = "") throws {
            try record.run([.int(ingestID), .int(seq), .text(id), .text(kind.rawValue), .text(field), .text(old), .text(new)])
            seq += 1
        }
        let addedIDs = try String.fetchAll(
            db,
            sql: """
                SELECT n.id FROM demand n WHERE n.month = ?
                AND NOT EXISTS (SELECT 1 FROM previous p WHERE p.id = n.id) ORDER BY n.rowid
                """, arguments: [m])
        for id in addedIDs { try note(id, .added) }

        let compared = DemandColumns.table.compared
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
                if new != old { try note(id, .changed, field.header, old, new) }
            }
        }

        let removedIDs = try String.fetchAll(
            db,
            sql: """
                SELECT p.id FROM previous p
                WHERE NOT EXISTS (SELECT 1 FROM demand n WHERE n.id = p.id AND n.month = ?)
                ORDER BY p.received_day, p.received_secs, p.id
                """, arguments: [m])
        for id in removedIDs { try note(id, .removed) }
        return (addedIDs.count, changedRows.count, removedIDs.count)
    }

    func demandCount() throws -> Int {
        // The month's earlier demands were deleted when the session began, and every insert is the
        // month's (a 补录 included): the month's demands are the inserts (counting them read every
        // entry of the month's index, a few tenths of a second at a million).
        inserted
    }

    func finish(files: [FileSummary], problems: [DataProblem], totals: IngestTotals) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.previous")
        try settle()
        for (position, file) in files.enumerated() {
            // The `encoding` column names the form read, with a workbook's sheet: `gb18030`, `xlsx:登记表`.
            let form = file.sheet.isEmpty ? file.form : "\(file.form):\(file.sheet)"
            try db.execute(
                sql: """
                    INSERT INTO ingest_file (ingest_id, position, name, path, sha256, encoding, rows, accepted, rejected)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    ingestID, position, file.name, file.path, file.sha256, form, file.rows,
                    file.accepted, file.rejected,
                ])
        }
        let insertProblem = try RawStatement(
            db,
            """
            INSERT INTO problem (ingest_id, seq, file, line, level, column_name, message, raw, sheet, physical_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (seq, problem) in problems.enumerated() {
            try insertProblem.run([
                .int(ingestID), .int(seq), .text(problem.file), .int(problem.row), .text(problem.level.rawValue),
                .text(problem.column), .text(problem.message), .text(problem.raw), .text(problem.sheet),
                .int(problem.physicalLine),
            ])
        }
        try db.execute(
            sql: """
                UPDATE ingest SET finished_at = ?, accepted = ?, rejected = ?, notices = ?, added = ?, changed = ?,
                    removed = ?, late_updates = ? WHERE id = ?
                """,
            arguments: [
                Clock.timestamp(), totals.accepted, totals.rejected, totals.notices, totals.added, totals.changed,
                totals.removed, totals.lateUpdates, ingestID,
            ])
        try TermProfiles.refresh(db, month: month, ingestID: ingestID)
    }

    func records() -> any MonthRecords { MonthReader(db: db, month: month) }

    func recordFigures(_ figures: MonthFigures) throws {
        try StoredFigures.write(db, figures)
    }

    /// Brings `settled_month` up to date for the demands whose records this ingest changed: the earlier
    /// demands its late rows (before and after) speak of, and its own demands that later months' rows
    /// speak of (a re-run of a month after later ones). The rest keep what their insert wrote. (The
    /// later months' rows are read first, `CROSS JOIN`: there are usually none, and the planner would
    /// rather probe them for each of the month's demands.)
    private func settle() throws {
        let m = month.description
        try db.execute(sql: "INSERT OR IGNORE INTO touched SELECT demand_id FROM late_update WHERE month = ?", arguments: [m])
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO touched SELECT u.demand_id FROM late_update u CROSS JOIN demand d ON d.id = u.demand_id
                WHERE u.month > ?1 AND d.month = ?1
                """, arguments: [m])
        try SettlementUpkeep.resettle(db, where: "d.id IN (SELECT id FROM temp.touched)")
        try db.execute(sql: "DROP TABLE temp.touched")
    }

    private func statement(_ sql: String) throws -> RawStatement {
        if let statement = prepared[sql] { return statement }
        let statement = try RawStatement(db, sql)
        prepared[sql] = statement
        return statement
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
