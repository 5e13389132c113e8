/// 近12个月 (SPEC §11): the twelve months ending with the report month, oldest first, each with its figures
/// as its own bulletin computed them, or none when the database has no data for it.
struct TrendTable: Sendable {
    /// The months, oldest first, and their figures (nil: no data, shown as —).
    let months: [(month: YearMonth, figures: MonthFigures?)]
    /// The domains of the 涉及领域 × month table: the report month's (分类统计's order), then those only
    /// earlier months had, by name.
    let domains: [String]

    /// The table of `current`'s month and the `earlier` months' figures (any order; those outside the twelve
    /// months are left out).
    init(current: MonthFigures, earlier: [MonthFigures]) {
        var byMonth: [YearMonth: MonthFigures] = [current.month: current]
        for figures in earlier where figures.month < current.month { byMonth[figures.month] = figures }
        months = (0..<MonthFiguresStage.trendMonths).reversed().map { back in
            let month = current.month.adding(months: -back)
            return (month, byMonth[month])
        }
        let own = current.domains.map(\.domain)
        let others = Set(months.compactMap(\.figures).flatMap { $0.domains.map(\.domain) }).subtracting(own)
        domains = own + others.sorted()
    }

    /// The first of the months that has data (the report month at the latest).
    var firstWithData: Int { months.firstIndex { $0.figures != nil } ?? months.count - 1 }
}
