/// One row of 分类统计: a domain and its demands per channel.
struct DomainRow: Sendable, Equatable {
    var domain: String
    /// Counts in the order of ``MonthSummary/channels``.
    var perChannel: [Int]
    var total: Int
}

/// One row of 责任单位评分.
struct UnitRow: Sendable, Equatable {
    var unit: String
    var type: String
    var tally: Tally
    /// 得分.
    var score: Double
    /// 往月诉求本月办结: the unit's earlier demands (scored types) resolved this month.
    var lateResolved = 0
    /// 超期未办结: the unit's earlier demands (scored types) open and 已超期 at the month's end.
    var overdueOpen = 0
    /// The unit's A-grade demands 已超期 at the month's end, any month of receipt (需关注单位).
    var overdueA = 0
}

/// One row of 双联系责任表: a liaison unit and one of its villages.
struct LiaisonRow: Sendable, Equatable {
    var unit: String
    var village: String
    var tally: Tally
}

/// One row of 属地统计.
struct TownshipRow: Sendable, Equatable {
    var township: String
    var tally: Tally
}

/// The demands of one domain in one 村社区 (预警, SPEC §11).
struct VillageDomainCount: Sendable, Equatable {
    var township: String
    var village: String
    var domain: String
    var demands: Int
}

/// The month's statistics (SPEC §4 and the summary sheets of §7).
public struct MonthSummary: Sendable, Equatable {
    var month: YearMonth
    /// All demands of the month.
    public var totals: Tally
    /// Resolved demands whose primary unit is a township.
    var resolvedByTownships: Int
    /// 基层化解率.
    var grassrootsRate: Double? { Rate.of(resolvedByTownships, totals.resolved) }
    /// Demands of the previous month and of the same month a year earlier, when the database has them.
    var previousMonthTotal: Int?
    var sameMonthLastYearTotal: Int?
    /// 环比.
    var monthOnMonth: Double? { Rate.change(from: previousMonthTotal, to: totals.total) }
    /// 同比.
    var yearOnYear: Double? { Rate.change(from: sameMonthLastYearTotal, to: totals.total) }
    /// Channel columns of 分类统计: the seeds' channels, then unknown ones seen this month.
    var channels: [String]
    /// Demands per channel, in the order of ``channels``.
    var channelTotals: [Int]
    var domains: [DomainRow]
    /// Units ranked by score (highest first), then 办结率, then name.
    var units: [UnitRow]
    var liaisons: [LiaisonRow]
    var townships: [TownshipRow]
    /// 上月结转, 本月办结, 月末未办结 and the rest of SPEC §8's backlog (上月结转 and 重新办理 are
    /// filled in by the caller from the history).
    var backlog = Backlog()
    /// 需关注单位, in the order of ``units``.
    var attention: [AttentionEntry] = []
    /// Demands by 乡镇, 村社区 and domain (those with a 村社区), in that order of names.
    var villageDomains: [VillageDomainCount] = []
}
