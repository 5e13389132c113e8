/// 预警 (SPEC §11): what the month's figures say needs watching before it becomes a 热点 or a backlog.
enum Alert: Sendable, Equatable {
    /// A 村社区 with at least `bar` demands of one domain in the month.
    case village(township: String, village: String, domain: String, demands: Int, bar: Int)
    /// A domain whose count in the month is at least `factor` × the mean of the `months` months before
    /// with data (`mean`) and at least `minimum`.
    case domainRise(domain: String, demands: Int, mean: Double, months: Int, factor: Double, minimum: Int)
}

/// 村社区预警: a 村社区 with at least `village_alert` demands of one domain in the month. Listed by
/// count (most first), then 乡镇, 村社区 and domain.
struct VillageAlertRule: Sendable {
    let minimum: Int

    func alerts(_ counts: [VillageDomainCount]) -> [Alert] {
        counts.filter { $0.demands >= minimum }.sorted { a, b in
            if a.demands != b.demands { return a.demands > b.demands }
            return (a.township, a.village, a.domain) < (b.township, b.village, b.domain)
        }.map {
            .village(township: $0.township, village: $0.village, domain: $0.domain, demands: $0.demands, bar: minimum)
        }
    }
}

/// 领域上升预警: a domain whose count in the month is at least `factor` × the mean of the `months` latest
/// earlier months with data and at least `minimum` (a domain a month did not have counts 0 in it). No
/// alert without an earlier month with data; with fewer than `months`, the mean is over those there are.
/// In the month's domain order (分类统计's).
struct DomainRiseRule: Sendable {
    let factor: Double
    let minimum: Int
    let months: Int

    /// `current`: the month's domains and counts; `earlier`: the figures of earlier months with data,
    /// newest first.
    func alerts(_ current: [MonthFigures.DomainCount], earlier: [MonthFigures]) -> [Alert] {
        let base = earlier.prefix(months)
        guard !base.isEmpty else { return [] }
        return current.compactMap { row in
            guard row.demands >= minimum else { return nil }
            let sum = base.reduce(0) { $0 + $1.demands(of: row.domain) }
            // count ≥ factor × sum ÷ n, compared without dividing.
            guard Double(row.demands) * Double(base.count) >= factor * Double(sum) else { return nil }
            return .domainRise(
                domain: row.domain, demands: row.demands, mean: Double(sum) / Double(base.count), months: base.count,
                factor: factor, minimum: minimum)
        }
    }
}

/// The month's 预警 from the settings: the domains' rises first, then the 村社区.
struct AlertRule: Sendable {
    let rules: AlertRules

    func alerts(_ summary: MonthSummary, earlier: [MonthFigures]) -> [Alert] {
        let rise = DomainRiseRule(factor: rules.domainRise, minimum: rules.domainRiseMin, months: rules.domainRiseMonths)
        let current = summary.domains.map { MonthFigures.DomainCount(domain: $0.domain, demands: $0.total) }
        return rise.alerts(current, earlier: earlier) + VillageAlertRule(minimum: rules.villageAlert).alerts(summary.villageDomains)
    }
}
