/// A month's figures as its bulletin computed them (SPEC §11): what a later month's 近12个月, 预警 and
/// 上月诉求/上月得分 show of it. The store keeps them for each month when the month is ingested or
/// reported (``MonthIngestSession/recordFigures(_:)``), so a later bulletin reads a dozen rows instead of
/// re-reading the months' demands, and a later month's input never changes them.
struct MonthFigures: Sendable, Equatable {
    var month: YearMonth
    /// The month's own demands (SPEC §4), as of the month's end.
    var total = 0
    var gradeA = 0
    var resolved = 0
    /// 按期办结 and 超期办结 (SPEC §8).
    var onTime = 0
    var late = 0
    /// Demands rated at one of ``Tally/satisfiedLevels``, and those with any evaluation.
    var satisfied = 0
    var evaluated = 0
    /// 月末未办结: demands open at the month's end, any month of receipt.
    var openAtEnd = 0
    /// 分类统计's 合计 of each domain, in its order (domains without demands included).
    var domains: [DomainCount] = []
    /// 责任单位评分's units: 诉求总数 and 得分, in its order.
    var units: [UnitFigure] = []

    /// A domain's demands in the month.
    struct DomainCount: Sendable, Equatable {
        var domain: String
        var demands: Int
    }

    /// A unit's 诉求总数 and 得分 in the month.
    struct UnitFigure: Sendable, Equatable {
        var unit: String
        var demands: Int
        var score: Double
    }

    init(month: YearMonth) {
        self.month = month
    }

    /// The figures of a month's summary (the statistics of its pass).
    init(_ summary: MonthSummary) {
        let t = summary.totals
        month = summary.month
        total = t.total
        gradeA = t.gradeA
        resolved = t.resolved
        onTime = t.onTime
        late = t.late
        satisfied = t.satisfied
        evaluated = t.evaluated
        openAtEnd = summary.backlog.openAtEnd
        domains = summary.domains.map { DomainCount(domain: $0.domain, demands: $0.total) }
        units = summary.units.map { UnitFigure(unit: $0.unit, demands: $0.tally.total, score: $0.score) }
    }

    /// 办结率, 按期办结率 and 满意率, as ``Tally`` defines them.
    var resolutionRate: Double? { Rate.of(resolved, total) }
    var onTimeRate: Double? { Rate.of(onTime, onTime + late) }
    var satisfactionRate: Double? { Rate.of(satisfied, evaluated) }

    /// The demands of `domain` (0 when the month had none).
    func demands(of domain: String) -> Int {
        domains.first { $0.domain == domain }?.demands ?? 0
    }

    /// The figures of `unit`, when the month's 责任单位评分 had it.
    func unit(_ name: String) -> UnitFigure? {
        units.first { $0.unit == name }
    }
}
