/// Counts the days of a 办理时限 (SPEC §8), in calendar days or in working days.
///
/// The convention, as 12345 centres count: 受理日期 itself is day 0; the first counted day is the day
/// after it. So a limit of 7 calendar days from 2026-10-09 ends on 2026-10-16, and 截止日期 is the
/// day on which the limit-th counted day falls (the demand is on time when resolved that day).
///
/// Calendar days count every date, holidays included: 截止日期 = 受理日期 + limit, even when that date
/// is a holiday. Working days count only the days `HolidayCalendar.isWorkingDay` accepts: Monday–Friday
/// that are not a 休息日 of holidays.csv, plus its 调休 工作日 (weekend dates worked). Dates of a year
/// the file does not list count as ordinary weekdays and weekends.
struct WorkingCalendar: Sendable, Equatable {
    /// The holidays and 调休 workdays (empty: Monday–Friday are the working days).
    var holidays: HolidayCalendar

    /// A calendar over these holidays.
    init(holidays: HolidayCalendar = HolidayCalendar()) {
        self.holidays = holidays
    }

    /// Whether `day` is a working day.
    func isWorkingDay(_ day: Day) -> Bool { holidays.isWorkingDay(day) }

    /// 截止日期 of a demand received on `received` with a limit of `limitDays` days: the limit-th
    /// counted day after `received`. A limit of 0 or less gives `received` itself.
    func deadline(received: Day, limitDays: Int, workingDays: Bool) -> Day {
        guard limitDays > 0 else { return received }
        guard workingDays else { return received.adding(days: limitDays) }
        var day = received
        var counted = 0
        while counted < limitDays {
            day = day.adding(days: 1)
            if isWorkingDay(day) { counted += 1 }
        }
        return day
    }

    /// The days counted after `start` up to and including `end`: 0 when `end` is not after `start`.
    /// `count(after: r, through: deadline(received: r, limitDays: n, …), …) == n`.
    func count(after start: Day, through end: Day, workingDays: Bool) -> Int {
        let first = start.dayNumber + 1, last = end.dayNumber
        guard last >= first else { return 0 }
        guard workingDays else { return last - first + 1 }
        return (first...last).reduce(0) { $0 + (isWorkingDay(Day(dayNumber: $1)) ? 1 : 0) }
    }
}
