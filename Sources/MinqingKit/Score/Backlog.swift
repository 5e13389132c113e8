/// The backlog of a month (积案, SPEC §8): what was carried over, received, resolved and left open.
///
/// 上月结转 + 本月受理 + 重新办理 − 本月办结 = 月末未办结, each over distinct demands. 重新办理 (a demand
/// 已办结 at the end of the month before that this month's input reports open again) is zero unless an
/// export reopens a case; SPEC §8's identity is this one with it zero.
struct Backlog: Sendable, Equatable {
    /// 上月结转: demands open at the end of the month before (as of that month), any month of receipt.
    var carriedOver = 0
    /// 本月受理: the month's demands (补录 included).
    var received = 0
    /// The month's own demands 已办结.
    var resolvedOwn = 0
    /// 往月诉求本月办结: earlier demands open at the end of the month before, 已办结 in this month's input.
    var resolvedEarlier = 0
    /// 重新办理: earlier demands 已办结 at the end of the month before, open again in this month's input.
    var reopened = 0
    /// 月末未办结: demands open at the month's end, any month of receipt.
    var openAtEnd = 0
    /// Of those, 已超期 at the month's end.
    var overdueAtEnd = 0
    /// Of those, how many came from earlier months.
    var openFromEarlier = 0
    /// 月末未办结 by 已办天数, indexed by ``AgeBucket``.
    var ages = [Int](repeating: 0, count: AgeBucket.allCases.count)

    /// 本月办结 = the month's own 已办结 + 往月诉求本月办结.
    var resolved: Int { resolvedOwn + resolvedEarlier }

    /// Whether the counts satisfy the identity (a check on the store's reading of the history).
    var balances: Bool { carriedOver + received + reopened - resolved == openAtEnd }

    /// Sets 上月结转 from the other counts by the identity, instead of reading the month before's open
    /// demands a second time (a second pass over them: a second at a million). The store's counts satisfy
    /// the identity: ``BacklogTests`` check its 上月结转 and 月末未办结 against a recount of every record.
    mutating func deriveCarriedOver() {
        carriedOver = openAtEnd + resolved - received - reopened
    }

    /// The number of open demands in an age group.
    func count(_ bucket: AgeBucket) -> Int { ages[bucket.rawValue] }

    /// Adds a demand open at the month's end, `days` 已办天数 old.
    mutating func addOpen(days: Int, overdue: Bool, earlier: Bool) {
        openAtEnd += 1
        if overdue { overdueAtEnd += 1 }
        if earlier { openFromEarlier += 1 }
        ages[AgeBucket(days: days).rawValue] += 1
    }
}
