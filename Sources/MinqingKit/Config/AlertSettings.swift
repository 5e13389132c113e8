/// 预警 thresholds (SPEC §11). SPEC names `village_alert` among the `[topics]` settings, so all four are
/// read from `[topics]`; `domain_rise`, `domain_rise_min` and `domain_rise_months` are minqing's names
/// for the SPEC's "1.5 ×", "≥ 5" and "the previous 3 months with data".
struct AlertRules: Sendable, Equatable {
    /// A 村社区 with at least this many demands of one domain in the month is a 预警.
    var villageAlert = 3
    /// A domain whose count in the month is at least this many times the mean of the months before…
    var domainRise = 1.5
    /// …and at least this many is a 预警.
    var domainRiseMin = 5
    /// The mean is over this many months before the report month that have data (the latest ones
    /// within 近12个月's eleven).
    var domainRiseMonths = 3

    /// The most months the mean may take: the earlier months of 近12个月.
    static let maxRiseMonths = 11

    /// Thresholds with the defaults.
    init() {}
}
