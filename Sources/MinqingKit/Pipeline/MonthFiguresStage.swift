/// The figures of months (``MonthFigures``) that the bulletin of a month shows besides its own: 近12个月,
/// 预警 (the domains' counts of the months before) and 上月诉求/上月得分 (SPEC §11).
///
/// Each month's figures are kept in the store when the month is ingested (``summary(of:config:reference:)``,
/// a pass that adds up the month without writing reports) or run (from the report's own pass, at no cost),
/// so a bulletin reads the eleven months before it as a few rows. A month kept by a version without
/// figures is computed here once, from its demands as of its end, and kept by the next `run`.
enum MonthFiguresStage {
    /// How many months 近12个月 shows, the report month included.
    static let trendMonths = 12

    /// The months before `month` that 近12个月 shows, newest first.
    static func earlierMonths(before month: YearMonth) -> [YearMonth] {
        (1..<trendMonths).map { month.adding(months: -$0) }
    }

    /// The figures of the months before the reader's month, within 近12个月, that have data (newest
    /// first), and those of them that had to be computed (not kept in the store).
    static func earlier(
        _ reader: any MonthRecords, config: MinqingConfig, reference: ReferenceData
    ) throws -> (figures: [MonthFigures], computed: [MonthFigures]) {
        let months = earlierMonths(before: reader.month)
        let ingested = try reader.ingestedMonths(months)
        var kept: [YearMonth: MonthFigures] = [:]
        for figures in try reader.storedFigures(ingested) { kept[figures.month] = figures }
        var computed: [MonthFigures] = []
        for month in ingested where kept[month] == nil {
            let figures = MonthFigures(try summary(of: reader.records(of: month), config: config, reference: reference))
            computed.append(figures)
            kept[month] = figures
        }
        return (months.compactMap { kept[$0] }, computed)
    }

    /// The month's statistics as its bulletin's pass adds them up (``WorkbookWriter/write(to:total:)``:
    /// the same calls of ``MonthAggregator``, in the same order), without the lists and sheets: the earlier
    /// demands resolved in the month, those open at its end received before it, then the month's own.
    static func summary(
        of reader: any MonthRecords, config: MinqingConfig, reference: ReferenceData
    ) throws -> MonthSummary {
        let month = reader.month
        let clock = DemandClock(rule: TimeLimitRule(config: config, reference: reference), reference: reference, month: month)
        var aggregator = MonthAggregator(reference: reference, scoring: config.scoring, attention: config.attention)
        for late in try reader.lateResolved() { aggregator.addLateResolved(late.demand.facts) }
        let firstDay = month.firstDay
        try reader.forEachOpenDemand(receivedBefore: firstDay) { stored, earlier in
            var demand = stored
            try clock.stamp(&demand)
            aggregator.addOpen(demand.facts, days: demand.clock?.handlingDays ?? 0, earlier: earlier)
        }
        try reader.forEachDemand(.all) { stored in
            var demand = stored
            try clock.stamp(&demand)
            _ = aggregator.addMonthDemand(demand, facts: demand.facts, firstDay: firstDay)
        }
        return aggregator.summary(month: month)
    }
}
