/// A scanned row made ready for ``MonthIngest/accept(_:)``: a demand comes with its person key for
/// 重复诉求 and its database row already encoded (``IngestPreparer``).
enum IngestEvent: Sendable {
    case demand(Demand, sequence: Int, personKey: String, raw: RawRow, row: EncodedRow)
    case problem(DataProblem)
}

/// Makes each scanned demand's person key and encodes its database row on the scanning thread, so the
/// thread that writes the database only binds it. Used by one thread at a time.
struct IngestPreparer: @unchecked Sendable {
    let encoder: DemandEncoder

    func prepare(_ event: ScanEvent) throws -> IngestEvent {
        switch event {
        case .problem(let problem):
            return .problem(problem)
        case .demand(let demand, let sequence, let raw):
            let key = RepeatDetector.personKey(of: demand.input)
            return .demand(
                demand, sequence: sequence, personKey: key, raw: raw, row: try encoder.encode(demand, personKey: key))
        }
    }
}

/// What an ingest did to the database.
public struct IngestOutcome: Sendable {
    /// The ingest's id in the history.
    var ingestID: Int
    public var month: YearMonth
    var files: [FileSummary]
    /// Rows accepted (this month's demands and earlier months' rows).
    var accepted: Int
    public var rejected: Int
    public var notices: Int
    /// This month's demands after the ingest.
    public var demands: Int
    /// Changes against the previous ingest of the month (all zero on a first ingest).
    public var added: Int
    public var changed: Int
    public var removed: Int
    /// Earlier months' demands whose status this input updated.
    public var lateUpdates: Int
    /// Whether the month had been ingested before.
    public var isRerun: Bool
    /// Every rejected row and notice, in input order.
    var problems: [DataProblem]
}

/// Takes one month's scanned rows into a store session: this month's demands, earlier months' rows
/// (a late status change of a known demand, or a 补录 of a demand the database does not know, which
/// counts in this month), and 编号 that
/// another month already uses (rejected). 重复诉求 is applied as the rows arrive (``RepeatTracker``,
/// ``RepeatRule``), so a repeat is stored with its grade A; ``finish(files:)`` rewrites only the
/// demands a later, earlier-dated row changed, then records the corrections and the ingest.
final class MonthIngest {
    let session: any MonthIngestSession
    let month: YearMonth
    let rules: GradingRules
    private(set) var problems: [DataProblem] = []
    /// Repeat detection over the history and this month's demands as they are stored.
    private let repeats: RepeatTracker
    /// Demands stored as repeats on what had arrived by then: the hit, and the grade and 等级依据
    /// they had before it, by input sequence.
    private var provisional: [Int32: (hit: RepeatDetector.Hit, grade: Grade, basis: GradeBasis)] = [:]
    /// This month's demands (by input sequence) whose 等级 was given in the input: never marked as repeats.
    private var gradeGiven: Set<Int32> = []
    /// Where each stored demand of the month is, by input sequence (nil: not stored).
    private var stored: [StoredRow?] = []
    /// Accepted rows later rejected here, per file name.
    private var lateRejections: [String: Int] = [:]
    private var lateUpdates = 0

    /// Starts taking `month`'s rows into `session`, loading the history repeat detection needs.
    init(session: any MonthIngestSession, month: YearMonth, rules: GradingRules) throws {
        self.session = session
        self.month = month
        self.rules = rules
        repeats = RepeatTracker(windowDays: rules.repeatWindowDays)
        if repeats.windowDays > 0 {
            let repeats = self.repeats
            try session.forEachEarlierDemand(since: historyStart) { entry in
                repeats.addHistory(key: entry.key, day: entry.day, seconds: entry.seconds, id: entry.id)
            }
        }
    }

    /// The first day whose demands can make one of this month's a repeat.
    var historyStart: Day { month.firstDay.adding(days: -rules.repeatWindowDays) }

    /// What makes the scanned rows ready for ``accept(_:)`` on the thread that scans them.
    func preparer() -> IngestPreparer {
        IngestPreparer(encoder: session.demandEncoder())
    }

    /// Takes one scanned row.
    func accept(_ event: IngestEvent) throws {
        switch event {
        case .problem(let problem):
            problems.append(problem)
        case .demand(let demand, let sequence, let key, let raw, let encoded):
            // The demand is lent by the batch it came in: it is read here, not copied.
            let received = demand.input.received
            let day = Int32(received.day.dayNumber), seconds = Int32(received.secondsOfDay ?? 0)
            let order = Int32(sequence)
            let thisMonth = demand.input.month == month
            let person = thisMonth ? repeats.person(key) : nil
            // A repeat of a demand stored before it is stored as one (grade A).
            var hit: RepeatDetector.Hit?
            var repeatGrade: (Grade, GradeBasis)?
            if let person, demand.input.grade == nil, let found = repeats.provisionalHit(person: person, day: day, seconds: seconds) {
                hit = found
                repeatGrade = RepeatRule.apply(found, grade: demand.classification.grade, basis: demand.classification.gradeBasis)
            }
            // A row of an earlier month that the database does not know is a 补录: stored as this month's.
            let row = try session.insert(encoded, grade: repeatGrade)
            let input = demand.input
            if thisMonth {
                if let row {
                    if stored.count <= sequence { stored.append(contentsOf: repeatElement(nil, count: sequence + 1 - stored.count)) }
                    stored[sequence] = row
                    if let person { repeats.addMonth(person: person, day: day, seconds: seconds, order: order, id: input.id) }
                    if input.grade != nil { gradeGiven.insert(order) }
                    if let hit {
                        let c = demand.classification
                        provisional[order] = (hit, c.grade, c.gradeBasis)
                    }
                } else {
                    try rejectUsedID(input, raw: raw.text)
                }
            } else if row != nil {
                if input.month < month, input.month >= historyStart.yearMonth, Int(day) >= historyStart.dayNumber {
                    repeats.addHistory(key: key, day: day, seconds: seconds, id: input.id)
                }
                problems.append(input.problem(
                    .notice, column: InputColumn.received.header,
                    message: Self.lateRegistration(id: input.id, received: input.received.day, month: month),
                    raw: raw.text))
            } else {
                try recordLateUpdate(input, raw: raw.text)
            }
        }
    }

    /// The notice of a 补录 (SPEC §1).
    static func lateRegistration(id: String, received: Day, month: YearMonth) -> String {
        "补录：往月诉求 \(id)（受理日期 \(received)，\(received.yearMonth)）在数据库中没有记录，计入登记它的本月 \(month)，截止日期和已办天数按其受理日期计算；\(received.yearMonth) 的月报不变"
    }

    /// A 编号 that a demand of another month already has cannot be this month's demand (unless it is
    /// that very demand, registered by a later month: a notice).
    private func rejectUsedID(_ input: DemandInput, raw: String) throws {
        let other = try session.owner(of: input.id)
        // The same demand, registered by a later month as a 补录 before this month was run again: it
        // stays in that month (whose report is not changed by this one's input) and is not counted twice.
        if let other, other.month > month.description, other.received == input.received.text {
            noteRegisteredLater(input, by: other.month, raw: raw)
            return
        }
        problems.append(input.problem(
            .rejected, column: InputColumn.id.header,
            message: "编号 \(input.id) 已属于 \(other?.month ?? "?") 受理的另一条诉求（受理日期 \(other?.received ?? "?")），同一编号不能用于两条诉求；请核对编号",
            raw: raw))
        lateRejections[input.sourceFile, default: 0] += 1
    }

    /// A row of a demand that a later month registered (a 补录 there, and this month run again): it
    /// neither counts here nor changes the demand, whose month's report stays as it was.
    private func noteRegisteredLater(_ input: DemandInput, by owner: String, raw: String) {
        problems.append(input.problem(
            .notice, column: InputColumn.id.header,
            message: "诉求 \(input.id) 已由 \(owner) 补录登记并计入该月；本月不重复统计，其办理情况以 \(owner) 及以后月份的输入为准",
            raw: raw))
    }

    /// An earlier month's row of a known demand: its new status, 办结日期 and 满意度 as of this month, when
    /// they differ from what the inputs before this month said. A demand that a later month registered
    /// (a 补录 there, and this earlier month run again) is not changed by it.
    private func recordLateUpdate(_ input: DemandInput, raw: String) throws {
        guard let (owner, old) = try session.handling(of: input.id) else { return }
        guard owner < month else {
            noteRegisteredLater(input, by: owner.description, raw: raw)
            return
        }
        let new = HandlingState(
            status: input.status, resolved: input.resolved?.description ?? "", satisfaction: input.satisfaction)
        guard new != old else { return }
        lateUpdates += 1
        try session.recordLateUpdate(id: input.id, to: new, from: old)
    }

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
        try markRepeats()
        var added = 0, changed = 0, removed = 0
        if session.isRerun { (added, changed, removed) = try session.recordCorrections() }
        let demands = try session.demandCount()

        let order = Dictionary(files.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        problems.sort { a, b in
            // Notices about the seeds (no input file of that name) come first.
            let fa = order[a.file] ?? -1, fb = order[b.file] ?? -1
            if fa != fb { return fa < fb }
            if a.row != b.row { return a.row < b.row }
            return a.level == .rejected && b.level == .notice
        }
        let rejected = problems.filter { $0.level == .rejected }.count
        let totals = IngestTotals(
            accepted: files.reduce(0) { $0 + $1.accepted }, rejected: rejected, notices: problems.count - rejected,
            added: added, changed: changed, removed: removed, lateUpdates: lateUpdates)
        try session.finish(files: files, problems: problems, totals: totals)
        return IngestOutcome(
            ingestID: session.ingestID, month: month, files: files, accepted: totals.accepted, rejected: rejected,
            notices: totals.notices, demands: demands, added: added, changed: changed, removed: removed,
            lateUpdates: lateUpdates, isRerun: session.isRerun, problems: problems)
    }

    /// 重复诉求: the demands whose final answer differs from the one they were stored with (a row that
    /// arrived later with an earlier date) get their 等级 and 等级依据 rewritten.
    private func markRepeats() throws {
        let hits = repeats.hits()
        guard !hits.isEmpty || !provisional.isEmpty else { return }
        let orders = Set(hits.keys).union(provisional.keys).subtracting(gradeGiven).sorted()
        for order in orders {
            let before = provisional[order], hit = hits[order]
            guard before?.hit != hit, Int(order) < stored.count, let row = stored[Int(order)] else { continue }
            var (grade, basis) = try before.map { ($0.grade, $0.basis) } ?? session.grade(of: row)
            if let hit { (grade, basis) = RepeatRule.apply(hit, grade: grade, basis: basis) }
            try session.setGrade(of: row, to: grade, basis: basis)
        }
    }
}
