import GRDB

/// Keeps `demand.settled_month` (``Settlement``) true after the records of some demands changed: a
/// month's ingest changes its own demands and the earlier demands its late rows speak of.
enum SettlementUpkeep {
    /// `settled_month` of a demand whose latest record is open: after every month, so the demands not
    /// settled by month M are the index range `settled_month > M`.
    static let open = "9999-12"

    /// Recomputes `settled_month` of the demands `d` matching the SQL condition `condition` from their
    /// own row and their later months' rows.
    static func resettle(_ db: Database, where condition: String) throws {
        let read = try RawStatement(
            db,
            """
            SELECT d.rowid, d.month, d.status, d.settled_month, u.month, u.status FROM demand d
            LEFT JOIN late_update u ON u.demand_id = d.id AND u.month > d.month
            WHERE \(condition) ORDER BY d.rowid, u.month
            """)
        let update = try RawStatement(db, "UPDATE demand SET settled_month = ?1 WHERE rowid = ?2")
        let resolved = DemandStatus.resolved.rawValue
        var current: (rowid: Int, stored: String)?
        var records: [Settlement.Record] = []
        // Changed rows are updated after the read (a table is not changed under a running select).
        var changes: [(rowid: Int, settled: String)] = []
        func flush() throws {
            guard let row = current else { return }
            let settled = Settlement.month(of: records)?.description ?? open
            if settled != row.stored { changes.append((row.rowid, settled)) }
        }
        while try read.step() {
            let rowid = read.int(0)
            if rowid != current?.rowid {
                try flush()
                current = (rowid, read.text(3))
                records = [Settlement.Record(month: try .stored(read.text(1)), resolved: read.text(2) == resolved)]
            }
            if !read.isNull(4) {
                records.append(Settlement.Record(month: try .stored(read.text(4)), resolved: read.text(5) == resolved))
            }
        }
        try flush()
        for change in changes {
            try update.bind(1, change.settled)
            try update.bind(2, change.rowid)
            try update.run()
        }
    }
}
