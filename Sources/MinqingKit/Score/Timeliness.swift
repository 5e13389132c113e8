/// 时效 of a demand as of the last day of a report month (SPEC §8).
enum Timeliness: String, Sendable, CaseIterable {
    /// 按期办结: resolved, 办结日期 ≤ 截止日期.
    case onTime = "按期办结"
    /// 超期办结: resolved, 办结日期 > 截止日期.
    case late = "超期办结"
    /// 未到期: open, month end ≤ 截止日期.
    case notDue = "未到期"
    /// 已超期: open, month end > 截止日期.
    case overdue = "已超期"
    /// —: resolved without 办结日期, or with one before 受理日期 (a notice; left out of 按期办结率).
    case unknown = "—"

    /// The 时效 of a demand with status `status` (as of the month), 办结日期 `resolved` and 截止日期
    /// `deadline`, at `monthEnd`, the report month's last day.
    ///
    /// The status decides open or resolved: a 办结日期 on a demand still 办理中 or 未办理 is ignored. A
    /// 办结日期 after the month end is used as it is (exports are often made later; ingest notes it).
    init(status: DemandStatus, resolved: Day?, deadline: Day, monthEnd: Day) {
        switch status {
        case .resolved:
            guard let resolved else {
                self = .unknown
                return
            }
            self = resolved <= deadline ? .onTime : .late
        case .inProgress, .pending:
            self = monthEnd <= deadline ? .notDue : .overdue
        }
    }

    /// Whether the demand counts in 按期办结率 = 按期办结 ÷ (按期办结 + 超期办结).
    var countsInOnTimeRate: Bool { self == .onTime || self == .late }
}

/// 办理天数 (SPEC §8): whole days between dates, times of day ignored.
enum HandlingDays {
    /// 办结日期 − 受理日期 for a resolved demand (nil without 办结日期); for an open one, the month's last
    /// day − 受理日期 (已办天数). Negative only when the dates are (a 办结日期 before 受理日期).
    static func of(received: Day, status: DemandStatus, resolved: Day?, monthEnd: Day) -> Int? {
        switch status {
        case .resolved:
            guard let resolved else { return nil }
            return resolved.dayNumber - received.dayNumber
        case .inProgress, .pending:
            return monthEnd.dayNumber - received.dayNumber
        }
    }
}
