/// The public holidays and 调休 workdays of `seeds/holidays.csv` (SPEC §8), used when 办理时限 are
/// counted in working days. Empty when the file is missing: then every Monday–Friday is a working day.
struct HolidayCalendar: Sendable, Equatable {
    /// The 类型 column's two values.
    enum Kind: String, Sendable, CaseIterable {
        /// 休息日: a day off (放假); on a weekday it makes that day a rest day.
        case restDay = "休息日"
        /// 工作日: a Saturday or Sunday worked in exchange (调休上班).
        case workday = "工作日"
    }

    /// Dates of 类型 休息日 (weekend dates included as the notice lists them; they change nothing).
    var restDays: Set<Day> = []
    /// Weekend dates of 类型 工作日.
    var workdays: Set<Day> = []

    /// No holidays.
    init() {}

    /// A calendar with these rest days and 调休 workdays.
    init(restDays: Set<Day>, workdays: Set<Day>) {
        self.restDays = restDays
        self.workdays = workdays
    }

    /// Whether `day` is a working day: Monday–Friday that is not a 休息日, or a 调休 工作日.
    func isWorkingDay(_ day: Day) -> Bool {
        if workdays.contains(day) { return true }
        return !day.isWeekend && !restDays.contains(day)
    }
}
