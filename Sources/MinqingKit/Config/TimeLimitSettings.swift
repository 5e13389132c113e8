/// 办理时限 by grade (SPEC §8, `[time_limits]`): the limit of a demand with no 截止日期 of its own and no
/// 办理时限 for its domain.
struct TimeLimits: Sendable, Equatable {
    /// Days allowed for an A (重要紧急) demand.
    var a = 7
    /// Days allowed for a B (一般) demand.
    var b = 15
    /// Count the limits in working days (Monday–Friday, holidays.csv's 休息日 off, its 工作日 on)
    /// instead of calendar days.
    var workingDays = false

    /// The limit in days for a grade.
    func days(for grade: Grade) -> Int {
        switch grade {
        case .a: return a
        case .b: return b
        }
    }

    /// Limits with the defaults.
    init() {}
}

/// 需关注单位 thresholds (SPEC §8, `[attention]`).
struct AttentionRules: Sendable, Equatable {
    /// A unit is judged on its rates only with at least this many demands in the month.
    var minDemands = 3
    /// 满意率 below this puts the unit on the list.
    var minSatisfaction = 0.80
    /// 按期办结率 below this puts the unit on the list.
    var minOnTime = 0.80

    /// Thresholds with the defaults.
    init() {}
}
