/// What the pipeline needs of the workspace database. The stages see only these protocols; the SQLite
/// implementation (``Store``) and its SQL stay in `Store/`, so another engine (a city's counties
/// sharing one PostgreSQL server) can be added there without touching the stages.
protocol DemandStore {
    /// Ingests a month as one unit: `body` gets a session that stores the month's demands and may read
    /// the month back (for the reports of `run`). Everything is committed when `body` returns and
    /// nothing is kept when it throws or the process dies.
    func ingest<T>(_ start: IngestStart, _ body: (any MonthIngestSession) throws -> T) throws -> T

    /// Runs an ingest exactly as ``ingest(_:_:)`` does and then undoes all of it: `check` sees the
    /// rejections and notices a run would give on this database, and nothing is kept.
    func rehearse<T>(_ start: IngestStart, _ body: (any MonthIngestSession) throws -> T) throws -> T

    /// Runs `body` with read access to `month`.
    func read<T>(month: YearMonth, _ body: (any MonthRecords) throws -> T) throws -> T

    /// The ingests of `month` (every month when nil), oldest first.
    func history(month: YearMonth?) throws -> [IngestHistoryEntry]
}

/// How an ingest started, as its history records it.
struct IngestStart: Sendable {
    var month: YearMonth
    /// `run`, `ingest` (or a test's name).
    var command: String
    var startedAt: String
    /// Fingerprints of the config and seeds used.
    var configDigest: String
    var seedsDigest: String
}

/// Where the store put a demand, to change its grade later (opaque to the stages).
struct StoredRow: Hashable, Sendable {
    let position: Int64
}

/// An earlier demand as repeat detection needs it.
struct RepeatHistoryEntry {
    /// The person key (never empty).
    var key: String
    var day: Int32
    var seconds: Int32
    var id: String
}

/// What the database holds of a demand's handling: its status, 办结日期 (`2026-10-05`, or blank) and 满意度.
struct HandlingState: Equatable, Sendable {
    var status: DemandStatus
    var resolved: String
    var satisfaction: Satisfaction
}

/// The counts an ingest ends with, for its history.
struct IngestTotals: Sendable {
    var accepted: Int
    var rejected: Int
    var notices: Int
    var added: Int
    var changed: Int
    var removed: Int
    var lateUpdates: Int
}

/// One month being ingested, inside the store's transaction. The month's previous demands were set
/// aside when the session began (for the corrections); ``MonthIngest`` drives it.
protocol MonthIngestSession: AnyObject {
    /// The ingest's id in the history.
    var ingestID: Int { get }
    /// Whether the month had been ingested before.
    var isRerun: Bool { get }

    /// Demands of months before the ingested one, received on or after `since`, with a person key, in
    /// the order they were stored.
    func forEachEarlierDemand(since: Day, _ body: (RepeatHistoryEntry) -> Void) throws

    /// An encoder of this month's demands for ``insert(_:grade:)``, for the thread that reads the
    /// inputs (one thread at a time).
    func demandEncoder() -> DemandEncoder

    /// Stores an encoded demand, its 等级 and 等级依据 replaced when `grade` is given (a repeat found
    /// while storing); nil when its 编号 is already stored (another month's demand, or an earlier
    /// month's demand this input reports again).
    func insert(_ demand: EncodedRow, grade: (Grade, GradeBasis)?) throws -> StoredRow?

    /// The month and 受理日期 of the stored demand with this 编号.
    func owner(of id: String) throws -> (month: String, received: String)?

    /// The month that registered the demand with this 编号, and its handling as of the end of the month
    /// before the ingested one (its latest record from an earlier month's input).
    func handling(of id: String) throws -> (month: YearMonth, state: HandlingState)?

    /// Records that this month's input changed an earlier month's demand's handling.
    func recordLateUpdate(id: String, to new: HandlingState, from old: HandlingState) throws

    /// The grade and 等级依据 a demand was stored with.
    func grade(of row: StoredRow) throws -> (Grade, GradeBasis)

    /// Changes a stored demand's grade and 等级依据.
    func setGrade(of row: StoredRow, to grade: Grade, basis: GradeBasis) throws

    /// Compares the month's demands with the ones set aside and records what was added, changed
    /// (field by field) and removed.
    func recordCorrections() throws -> (added: Int, changed: Int, removed: Int)

    /// The number of the month's demands now stored.
    func demandCount() throws -> Int

    /// Records the files, the problems (in order) and the totals of the ingest.
    func finish(files: [FileSummary], problems: [DataProblem], totals: IngestTotals) throws

    /// The month as the reports read it, with this ingest applied.
    func records() -> any MonthRecords

    /// Keeps a month's figures (``MonthFigures``: this month's, or an earlier month's computed for its
    /// bulletin) for later months' 近12个月, 预警 and 上月得分, replacing what that month had.
    func recordFigures(_ figures: MonthFigures) throws
}

/// One month as the reports read it.
protocol MonthRecords {
    var month: YearMonth { get }

    /// The month's latest ingest, or nil when it was never ingested.
    func latestIngest() throws -> IngestRecord?

    /// The number of demands of `other`, or nil when that month was never ingested.
    func total(of other: YearMonth) throws -> Int?

    /// Calls `body` with each demand of the list in 受理日期 order (then 编号).
    func forEachDemand(_ list: DemandList, _ body: (ReportDemand) throws -> Void) throws

    /// The number of demands in a list.
    func count(_ list: DemandList) throws -> Int

    /// 数据问题 of an ingest, in input order.
    func problems(ingestID: Int) throws -> [DataProblem]

    /// 更正说明 of an ingest.
    func corrections(ingestID: Int) throws -> [Correction]

    /// Earlier months' demands that this month's input reported resolved while they were open at the
    /// end of the month before (往月诉求本月办结).
    func lateResolved() throws -> [LateResolved]

    /// Earlier months' demands 已办结 at the end of the month before that this month's input reported
    /// open again (重新办理).
    func reopenedCount() throws -> Int

    /// The number of demands open at the end of `end` (status as of `end`), any month of receipt.
    func openCount(asOf end: YearMonth) throws -> Int

    /// A bound on ``openCount(asOf:)`` read from an index alone: the demands not settled by `end`.
    func openBound(asOf end: YearMonth) throws -> Int

    /// At most `limit` of `other`'s 诉求内容, evenly spread over the month (all of them when it has no more),
    /// the same for the same database; and how many demands `other` has.
    func textSample(of other: YearMonth, limit: Int) throws -> TextSample

    /// The term profiles (bigram counts of their texts) of the at most `count` months before this one
    /// that were ingested, newest first.
    func termProfiles(monthsBefore count: Int) throws -> [TermCounts]
    /// Those of `months` that were ingested (have data), in month order.
    func ingestedMonths(_ months: [YearMonth]) throws -> [YearMonth]

    /// The figures kept for those of `months` that have them for their latest ingest, in month order
    /// (a few rows each: the months' demands are not read).
    func storedFigures(_ months: [YearMonth]) throws -> [MonthFigures]

    /// Another month of the same database, read in the same transaction (to compute the figures of a
    /// month that has none kept).
    func records(of other: YearMonth) -> any MonthRecords

    /// Calls `body` with each demand open at the end of this month, any month of receipt, received
    /// before `bound` (all when nil), with its handling as of this month, in 受理日期 order (then 编号),
    /// and whether an earlier month registered it. Reads only the demands not settled by the month's
    /// end (``Settlement``), not the history; with a bound, only those received before it.
    func forEachOpenDemand(receivedBefore bound: Day?, _ body: (ReportDemand, _ earlier: Bool) throws -> Void) throws
}

extension MonthRecords {
    /// Every demand open at the end of this month (``forEachOpenDemand(receivedBefore:_:)`` without a bound).
    func forEachOpenDemand(_ body: (ReportDemand, _ earlier: Bool) throws -> Void) throws {
        try forEachOpenDemand(receivedBefore: nil, body)
    }
}
