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
}
