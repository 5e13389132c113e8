/// 需关注单位 (SPEC §8): a unit with at least `min_demands` demands in the month whose 满意率 or 按期办结率
/// is below its bar, or with any A-grade demand 已超期 at the month's end (any month of receipt).
struct AttentionRule: Sendable {
    let rules: AttentionRules

    /// One reason a unit is on the list.
    enum Reason: Sendable, Equatable {
        case lowSatisfaction(rate: Double, bar: Double)
        case lowOnTime(rate: Double, bar: Double)
        case overdueGradeA(count: Int)
    }

    /// The reasons `unit` is on the list (none: it is not).
    func reasons(_ unit: UnitRow) -> [Reason] {
        var reasons: [Reason] = []
        if unit.tally.total >= rules.minDemands {
            if let rate = unit.tally.satisfactionRate, rate < rules.minSatisfaction {
                reasons.append(.lowSatisfaction(rate: rate, bar: rules.minSatisfaction))
            }
            if let rate = unit.tally.onTimeRate, rate < rules.minOnTime {
                reasons.append(.lowOnTime(rate: rate, bar: rules.minOnTime))
            }
        }
        if unit.overdueA > 0 { reasons.append(.overdueGradeA(count: unit.overdueA)) }
        return reasons
    }
}

/// A unit on the 需关注单位 list, with its reasons.
struct AttentionEntry: Sendable, Equatable {
    var unit: String
    var reasons: [AttentionRule.Reason]
}
