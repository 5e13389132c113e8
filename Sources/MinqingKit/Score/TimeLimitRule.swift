/// A demand's 办理时限 and 截止日期 (SPEC §8): the input's 截止日期 when given; else the domain's 办理时限
/// (domains.csv); else the grade's (`[time_limits]`). Domain and grade limits are counted from
/// 受理日期 by `WorkingCalendar` (calendar or working days as `working_days` says).
struct TimeLimitRule: Sendable, Equatable {
    /// Where a demand's 截止日期 came from.
    enum Source: Sendable, Equatable {
        /// The input's 截止日期 column.
        case given
        /// The domain's 办理时限 in domains.csv, in days.
        case domain(days: Int)
        /// The grade's limit in `[time_limits]`, in days.
        case grade(Grade, days: Int)
    }

    /// 截止日期 and where it came from.
    struct Limit: Sendable, Equatable {
        var deadline: Day
        var source: Source
    }

    /// The grade limits and whether they count working days.
    var limits: TimeLimits
    /// The calendar counting the days.
    var calendar: WorkingCalendar

    /// The rule from explicit parts.
    init(limits: TimeLimits, calendar: WorkingCalendar) {
        self.limits = limits
        self.calendar = calendar
    }

    /// The rule of a workspace: its `[time_limits]` and the holidays of its seeds.
    init(config: MinqingConfig, reference: ReferenceData) {
        self.init(limits: config.timeLimits, calendar: WorkingCalendar(holidays: reference.holidays))
    }

    /// The limit of a demand received on `received`, of grade `grade`, with the input's 截止日期
    /// `given` (nil when blank) and its domain's 办理时限 `domainDays` (nil when blank or 其他).
    ///
    /// A given 截止日期 is taken as it is, even before 受理日期 (checking it is the row checker's job).
    func limit(received: Day, given: Day?, domainDays: Int?, grade: Grade) -> Limit {
        if let given { return Limit(deadline: given, source: .given) }
        if let days = domainDays {
            return Limit(
                deadline: calendar.deadline(received: received, limitDays: days, workingDays: limits.workingDays),
                source: .domain(days: days))
        }
        let days = limits.days(for: grade)
        return Limit(
            deadline: calendar.deadline(received: received, limitDays: days, workingDays: limits.workingDays),
            source: .grade(grade, days: days))
    }
}
