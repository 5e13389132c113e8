import GRDB

/// Reads one month from the SQLite database for the reports, streaming the long lists.
struct MonthReader: MonthRecords {
    let db: Database
    let month: YearMonth

    init(db: Database, month: YearMonth) {
        self.db = db
        self.month = month
    }

    func latestIngest() throws -> IngestRecord? {
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

    func total(of other: YearMonth) throws -> Int? {
        let ingested = try Bool.fetchOne(
            db, sql: "SELECT EXISTS(SELECT 1 FROM ingest WHERE month = ?)", arguments: [other.description]) ?? false
        guard ingested else { return nil }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM demand WHERE month = ?", arguments: [other.description])
    }

    func textSample(of other: YearMonth, limit: Int) throws -> TextSample {
        try TermProfiles.sample(db, month: other, limit: limit)
    }

    func termProfiles(monthsBefore count: Int) throws -> [TermCounts] {
        try TermProfiles.before(db, month: month, count: count)
    }

    func ingestedMonths(_ months: [YearMonth]) throws -> [YearMonth] {
        try StoredFigures.ingested(db, months: months)
    }

    func storedFigures(_ months: [YearMonth]) throws -> [MonthFigures] {
        try StoredFigures.read(db, months: months)
    }

    func records(of other: YearMonth) -> any MonthRecords { MonthReader(db: db, month: other) }

    /// The SQL condition of a list and its value (bound as ?2).
    private static func condition(_ list: DemandList) -> (sql: String, value: String)? {
        switch list.criterion {
        case nil: return nil
        case .grade(let grade): return (" AND grade = ?2", grade.rawValue)
        case .statusOtherThan(let status): return (" AND status <> ?2", status.rawValue)
        }
    }

    func forEachDemand(_ list: DemandList, _ body: (ReportDemand) throws -> Void) throws {
        let table = DemandColumns.table
        let condition = Self.condition(list)
        let statement = try RawStatement(
            db,
            """
            SELECT \(table.selectList()) FROM demand WHERE month = ?1\(condition?.sql ?? "")
            ORDER BY received_day, received_secs, id
            """)
        try statement.bind(1, month.description)
        if let condition { try statement.bind(2, condition.value) }
        let row = RowCursor(statement)
        while try statement.step() {
            var demand = ReportDemand()
            try Self.read(row, into: &demand)
            try body(demand)
        }
    }

    /// Reads a demand's row; a value minqing never writes is an error naming the demand.
    private static func read(_ row: RowCursor, into demand: inout ReportDemand) throws {
        do {
            try DemandColumns.table.read(row, into: &demand)
        } catch var error as StoredValueError {
            error.demandID = demand.id
            throw error
        }
    }

    func count(_ list: DemandList) throws -> Int {
        let condition = Self.condition(list)
        var arguments: StatementArguments = [month.description]
        if let condition { arguments += [condition.value] }
        return try Int.fetchOne(
            db, sql: "SELECT count(*) FROM demand WHERE month = ?1\(condition?.sql ?? "")", arguments: arguments) ?? 0
    }

    /// 数据问题 of an ingest, in input order. (Read through the C API: 原始内容 may hold a NUL byte, which
    /// must not cut it short.)
    func problems(ingestID: Int) throws -> [DataProblem] {
        let statement = try RawStatement(
            db,
            "SELECT file, line, level, column_name, message, raw, sheet, physical_line FROM problem WHERE ingest_id = ? ORDER BY seq")
        try statement.bind(1, ingestID)
        var problems: [DataProblem] = []
        while try statement.step() {
            let levelText = statement.text(2)
            guard let level = ProblemLevel.stored(levelText) else {
                throw StoredValueError(
                    demandID: "", column: "数据问题.级别", value: levelText, reason: "应为 拒收 或 提示")
            }
            problems.append(DataProblem(
                file: statement.text(0), sheet: statement.text(6), row: statement.int(1),
                physicalLine: statement.int(7), level: level, column: statement.text(3), message: statement.text(4),
                raw: statement.text(5)))
        }
        return problems
    }

    func corrections(ingestID: Int) throws -> [Correction] {
        try Row.fetchAll(
            db, sql: "SELECT kind, demand_id, field, old_value, new_value FROM correction WHERE ingest_id = ? ORDER BY seq",
            arguments: [ingestID]
        ).map { row in
            let kindText: String = row["kind"], id: String = row["demand_id"]
            guard let kind = CorrectionKind.stored(kindText) else {
                throw StoredValueError(demandID: id, column: "更正说明.更正", value: kindText, reason: "应为 added、changed 或 removed")
            }
            return Correction(kind: kind, demandID: id, field: row["field"], old: row["old_value"], new: row["new_value"])
        }
    }

    /// The status a demand `d` had as of the end of month ?1, from its latest record up to then (SQL).
    private static func statusAsOf(_ bound: String) -> String {
        """
        COALESCE((SELECT p.status FROM late_update p WHERE p.demand_id = d.id AND p.month > d.month
            AND p.month \(bound) ?1 ORDER BY p.month DESC LIMIT 1), d.status)
        """
    }

    /// The demands that may be open at the end of month ?1: registered by then and not settled by then
    /// (``Settlement``; an open one's `settled_month` is after every month), read as one range of the
    /// partial index of the demands not settled in their own month (named: without statistics the
    /// planner would rather scan every month up to ?1).
    private static let unsettled = (
        from: "demand d INDEXED BY demand_unsettled",
        condition: "d.settled_month <> d.month AND d.settled_month > ?1 AND d.month <= ?1")

    func lateResolved() throws -> [LateResolved] {
        let table = DemandColumns.table
        let statement = try RawStatement(
            db,
            """
            SELECT \(table.selectList(alias: "d")), u.status, u.resolved, u.satisfaction, \(Self.statusAsOf("<")) AS status_before
            FROM late_update u JOIN demand d ON d.id = u.demand_id
            WHERE u.month = ?1 AND u.status = ?2 AND d.month < ?1 AND status_before <> ?2
            ORDER BY d.received_day, d.received_secs, d.id
            """)
        try statement.bind(1, month.description)
        try statement.bind(2, DemandStatus.resolved.rawValue)
        let row = RowCursor(statement)
        let update = RowCursor(statement, offset: Int32(table.readColumns.count))
        var result: [LateResolved] = []
        while try statement.step() {
            var demand = ReportDemand()
            try Self.read(row, into: &demand)
            do {
                update.rewind()
                demand.status = try update.stored(DemandStatus.self)
                demand.resolved = update.text()
                demand.satisfaction = try update.stored(Satisfaction.self)
                result.append(LateResolved(demand: demand, previousStatus: try update.stored(DemandStatus.self)))
            } catch var error as StoredValueError {
                (error.demandID, error.column) = (demand.id, "往月诉求状态更新")
                throw error
            }
        }
        return result
    }

    func reopenedCount() throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM late_update u JOIN demand d ON d.id = u.demand_id
                WHERE u.month = ?1 AND u.status <> ?2 AND d.month < ?1 AND \(Self.statusAsOf("<")) = ?2
                """,
            arguments: [month.description, DemandStatus.resolved.rawValue]) ?? 0
    }

    func openBound(asOf end: YearMonth) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM \(Self.unsettled.from) WHERE \(Self.unsettled.condition)",
            arguments: [end.description]) ?? 0
    }

    func openCount(asOf end: YearMonth) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM \(Self.unsettled.from) WHERE \(Self.unsettled.condition)
                AND \(Self.statusAsOf("<=")) <> ?2
                """,
            arguments: [end.description, DemandStatus.resolved.rawValue]) ?? 0
    }

    func forEachOpenDemand(receivedBefore bound: Day?, _ body: (ReportDemand, _ earlier: Bool) throws -> Void) throws {
        let table = DemandColumns.table
        // The latest month ingested (the cron's case): its open demands are the ones open now, read in
        // order from their own index. An earlier month reported again: those not settled by its end,
        // sorted.
        let later = try Bool.fetchOne(
            db, sql: "SELECT EXISTS(SELECT 1 FROM ingest WHERE month > ?)", arguments: [month.description]) ?? true
        let source = later
            ? (from: Self.unsettled.from, condition: Self.unsettled.condition)
            : (from: "demand d INDEXED BY demand_open_now",
               condition: "d.settled_month = '\(SettlementUpkeep.open)' AND d.month <= ?1")
        let statement = try RawStatement(
            db,
            """
            SELECT \(table.selectList(alias: "d")), u.status, u.resolved, u.satisfaction, d.month < ?1
            FROM \(source.from) LEFT JOIN late_update u ON u.demand_id = d.id AND u.month = (
                SELECT max(p.month) FROM late_update p WHERE p.demand_id = d.id AND p.month > d.month AND p.month <= ?1)
            WHERE \(source.condition) AND d.received_day < ?2
            ORDER BY d.received_day, d.received_secs, d.id
            """)
        try statement.bind(1, month.description)
        try statement.bind(2, bound?.dayNumber ?? Int.max)
        let row = RowCursor(statement)
        let latest = RowCursor(statement, offset: Int32(table.readColumns.count))
        let earlierColumn = Int32(table.readColumns.count + 3)
        while try statement.step() {
            var demand = ReportDemand()
            try Self.read(row, into: &demand)
            if !statement.isNull(Int32(table.readColumns.count)) {
                do {
                    latest.rewind()
                    demand.status = try latest.stored(DemandStatus.self)
                    demand.resolved = latest.text()
                    demand.satisfaction = try latest.stored(Satisfaction.self)
                } catch var error as StoredValueError {
                    (error.demandID, error.column) = (demand.id, "往月诉求状态更新")
                    throw error
                }
            }
            guard demand.status != .resolved else { continue }
            try body(demand, statement.int(earlierColumn) != 0)
        }
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
