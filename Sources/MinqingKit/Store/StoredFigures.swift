import GRDB

/// The SQL of ``MonthFigures``: the tables `month_figures`, `month_domain` and `month_unit` (Schema v6).
enum StoredFigures {
    /// Replaces `figures.month`'s figures, as belonging to the month's latest ingest.
    static func write(_ db: Database, _ figures: MonthFigures) throws {
        let m = figures.month.description
        for table in ["month_figures", "month_domain", "month_unit"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE month = ?", arguments: [m])
        }
        try db.execute(
            sql: """
                INSERT INTO month_figures (month, ingest_id, total, grade_a, resolved, on_time, late, satisfied,
                    evaluated, open_at_end)
                SELECT ?1, max(id), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM ingest WHERE month = ?1
                """,
            arguments: [
                m, figures.total, figures.gradeA, figures.resolved, figures.onTime, figures.late, figures.satisfied,
                figures.evaluated, figures.openAtEnd,
            ])
        let domain = try RawStatement(db, "INSERT INTO month_domain (month, position, domain, demands) VALUES (?, ?, ?, ?)")
        for (position, row) in figures.domains.enumerated() {
            try domain.run([.text(m), .int(position), .text(row.domain), .int(row.demands)])
        }
        let unit = try db.makeStatement(
            sql: "INSERT INTO month_unit (month, position, unit, demands, score) VALUES (?, ?, ?, ?, ?)")
        for (position, row) in figures.units.enumerated() {
            try unit.execute(arguments: [m, position, row.unit, row.demands, row.score])
        }
    }

    /// The figures stored for those of `months` whose figures belong to the month's latest ingest (a month
    /// ingested again by a version that did not keep figures has none), in month order.
    static func read(_ db: Database, months: [YearMonth]) throws -> [MonthFigures] {
        guard !months.isEmpty else { return [] }
        let list = months.map { "'\($0.description)'" }.joined(separator: ",")
        var result: [MonthFigures] = []
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT f.* FROM month_figures f
                WHERE f.month IN (\(list)) AND f.ingest_id = (SELECT max(id) FROM ingest WHERE month = f.month)
                ORDER BY f.month
                """)
        for row in rows {
            let text: String = row["month"]
            guard let month = YearMonth(parsing: text) else { continue }
            var figures = MonthFigures(month: month)
            figures.total = row["total"]
            figures.gradeA = row["grade_a"]
            figures.resolved = row["resolved"]
            figures.onTime = row["on_time"]
            figures.late = row["late"]
            figures.satisfied = row["satisfied"]
            figures.evaluated = row["evaluated"]
            figures.openAtEnd = row["open_at_end"]
            figures.domains = try Row.fetchAll(
                db, sql: "SELECT domain, demands FROM month_domain WHERE month = ? ORDER BY position", arguments: [text]
            ).map { MonthFigures.DomainCount(domain: $0["domain"], demands: $0["demands"]) }
            figures.units = try Row.fetchAll(
                db, sql: "SELECT unit, demands, score FROM month_unit WHERE month = ? ORDER BY position", arguments: [text]
            ).map { MonthFigures.UnitFigure(unit: $0["unit"], demands: $0["demands"], score: $0["score"]) }
            result.append(figures)
        }
        return result
    }

    /// Those of `months` that were ingested, in month order.
    static func ingested(_ db: Database, months: [YearMonth]) throws -> [YearMonth] {
        guard !months.isEmpty else { return [] }
        let list = months.map { "'\($0.description)'" }.joined(separator: ",")
        return try String.fetchAll(db, sql: "SELECT DISTINCT month FROM ingest WHERE month IN (\(list)) ORDER BY month")
            .compactMap { YearMonth(parsing: $0) }
    }
}
