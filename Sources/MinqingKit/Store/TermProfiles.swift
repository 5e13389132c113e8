import Foundation
import GRDB

/// A month's texts for the topic finder: all of them, or an even sample of a large month.
struct TextSample: Sendable, Equatable {
    /// 诉求内容 of the sampled demands, in the order they were stored.
    var texts: [String]
    /// The month's demands.
    var total: Int
    /// Whether ``texts`` holds every demand of the month (else one in every ``total`` / ``texts``.count).
    var isWhole: Bool { texts.count == total }
}

/// Each month's ``TermProfile`` (SPEC §11: topics are found against the county's own history), stored in
/// `term_profile` when the month is ingested, so a report reads a year of profiles instead of a year of
/// texts. A profile is counted on at most ``sampleLimit`` texts of its month — every k-th demand in the
/// order they were stored, the same for the same database — and keeps only the bigrams of at least two
/// of them.
enum TermProfiles {
    /// The most texts read of one month.
    static let sampleLimit = 20_000
    /// Bigrams held by fewer texts than this are not stored.
    static let storedMinimum: UInt32 = 2

    /// At most `limit` texts of `month`, evenly spread: every k-th demand in rowid order.
    static func sample(_ db: Database, month: YearMonth, limit: Int = sampleLimit) throws -> TextSample {
        let total = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM demand WHERE month = ?", arguments: [month.description]) ?? 0
        let step = max(1, (total + limit - 1) / max(1, limit))
        let texts = step == 1
            ? try String.fetchAll(
                db, sql: "SELECT content FROM demand WHERE month = ? ORDER BY rowid", arguments: [month.description])
            : try String.fetchAll(
                db, sql: "SELECT content FROM demand WHERE month = ? AND rowid % ? = 0 ORDER BY rowid",
                arguments: [month.description, step])
        return TextSample(texts: texts, total: total)
    }

    /// Counts the profile of every ingested month and stores it (the v5 migration: databases from before).
    static func refreshAll(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT month, max(id) AS latest FROM ingest GROUP BY month ORDER BY month")
        for row in rows {
            try refresh(db, month: try ingestMonth(row["month"]), ingestID: row["latest"])
        }
    }

    /// Counts `month`'s profile on its sample and stores it for the month's ingest `ingestID`.
    static func refresh(_ db: Database, month: YearMonth, ingestID: Int) throws {
        let profile = try count(db, month: month)
        try db.execute(
            sql: "INSERT OR REPLACE INTO term_profile (month, ingest_id, documents, counts) VALUES (?, ?, ?, ?)",
            arguments: [month.description, ingestID, profile.documents, Data(profile.encoded())])
    }

    /// The profiles of the at most `count` months before `month` that were ingested, newest first: the
    /// stored one when it belongs to the month's latest ingest, else counted now from the month's texts (a
    /// database from before profiles were stored, or one whose stored profile does not read: it is a
    /// cache of the texts, which stay the truth).
    static func before(_ db: Database, month: YearMonth, count: Int) throws -> [TermCounts] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT i.month AS month, max(i.id) AS latest, p.ingest_id AS profiled, p.counts AS counts
                FROM ingest i LEFT JOIN term_profile p ON p.month = i.month
                WHERE i.month < ?
                GROUP BY i.month ORDER BY i.month DESC LIMIT ?
                """,
            arguments: [month.description, count])
        return try rows.map { row in
            let latest: Int = row["latest"]
            let profiled: Int? = row["profiled"]
            if profiled == latest, let bytes: [UInt8] = (row["counts"] as Data?).map(Array.init),
               let stored = TermCounts(encoded: bytes) {
                return stored
            }
            return try Self.count(db, month: try ingestMonth(row["month"]))
        }
    }

    /// An ingest's month as stored; one minqing never writes refuses the report.
    private static func ingestMonth(_ text: String) throws -> YearMonth {
        guard let month = YearMonth(parsing: text) else {
            throw StoredValueError(demandID: "", column: "ingest.month", value: text, reason: "应为 YYYY-MM 格式的月份")
        }
        return month
    }

    /// `month`'s profile, counted on its sample, without the bigrams of fewer than ``storedMinimum`` texts.
    static func count(_ db: Database, month: YearMonth) throws -> TermCounts {
        TermProfile(texts: try sample(db, month: month).texts.lazy.map(TextGrams.folded)).pruned(below: storedMinimum)
            .frozen()
    }
}
