/// One row of 分类统计: a domain and its demands per channel.
public struct DomainRow: Sendable, Equatable {
    public var domain: String
    /// Counts in the order of ``MonthSummary/channels``.
    public var perChannel: [Int]
    public var total: Int
}

/// One row of 责任单位评分.
public struct UnitRow: Sendable, Equatable {
    public var unit: String
    public var type: String
    public var tally: Tally
    /// 得分.
    public var score: Double
}

/// One row of 双联系责任表: a liaison unit and one of its villages.
public struct LiaisonRow: Sendable, Equatable {
    public var unit: String
    public var village: String
    public var tally: Tally
}

/// One row of 属地统计.
public struct TownshipRow: Sendable, Equatable {
    public var township: String
    public var tally: Tally
}

/// The month's statistics (SPEC §4 and the summary sheets of §7).
public struct MonthSummary: Sendable, Equatable {
    public var month: YearMonth
    /// All demands of the month.
    public var totals: Tally
    /// Resolved demands whose primary unit is a township.
    public var resolvedByTownships: Int
    /// 基层化解率.
    public var grassrootsRate: Double? { Rate.of(resolvedByTownships, totals.resolved) }
    /// Demands of the previous month and of the same month a year earlier, when the database has them.
    public var previousMonthTotal: Int?
    public var sameMonthLastYearTotal: Int?
    /// 环比.
    public var monthOnMonth: Double? { Rate.change(from: previousMonthTotal, to: totals.total) }
    /// 同比.
    public var yearOnYear: Double? { Rate.change(from: sameMonthLastYearTotal, to: totals.total) }
    /// Channel columns of 分类统计: the seeds' channels, then unknown ones seen this month.
    public var channels: [String]
    /// Demands per channel, in the order of ``channels``.
    public var channelTotals: [Int]
    public var domains: [DomainRow]
    /// Units ranked by score (highest first), then 办结率, then name.
    public var units: [UnitRow]
    public var liaisons: [LiaisonRow]
    public var townships: [TownshipRow]
}
