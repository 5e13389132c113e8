/// When a demand was settled (SPEC §8's backlog): the month from which every record of it says 已办结.
///
/// A demand's records are its own month's row and the rows later months' inputs gave for it (late
/// status changes), one per month. It is open at the end of month M when its latest record up to M is
/// not 已办结; it cannot be open at the end of any month from its settled month on, so the demands that
/// may be open at M are those not yet settled by M — the store keeps that month with each demand and an
/// index over the ones not settled in their own month, and never reads the rest of the history.
enum Settlement {
    /// One record of a demand: the month whose input said it, and whether it said 已办结.
    struct Record: Equatable {
        var month: YearMonth
        var resolved: Bool
    }

    /// The first month of the trailing run of 已办结 records, or nil when the latest record is open.
    /// `records` are in month order.
    static func month(of records: [Record]) -> YearMonth? {
        var settled: YearMonth?
        for record in records.reversed() {
            guard record.resolved else { break }
            settled = record.month
        }
        return settled
    }
}
