import Testing
@testable import MinqingKit

/// 截止日期 in calendar and working days (SPEC §8) over the shipped 2026 holidays: the day after 受理日期
/// is day 1; 休息日 are skipped, 调休 Saturdays and Sundays count.
@Suite("办理时限日历 working calendar")
struct WorkingCalendarTests {
    static func day(_ text: String) -> Day { DateParser.parse(text)?.day ?? Day(dayNumber: 0) }

    static func calendar() throws -> WorkingCalendar {
        WorkingCalendar(holidays: try ReferenceLoader.loadHolidays(path: TestSupport.seeds + "/holidays.csv"))
    }

    @Test(arguments: [
        // Spring Festival: 2/14 (Sat) worked, 2/15–2/23 off, 2/28 (Sat) worked.
        ("2026-02-12", 1, "2026-02-13", "2026-02-13"),
        ("2026-02-12", 2, "2026-02-14", "2026-02-14"),
        ("2026-02-12", 3, "2026-02-24", "2026-02-15"),
        ("2026-02-13", 7, "2026-03-02", "2026-02-20"),
        ("2026-02-15", 1, "2026-02-24", "2026-02-16"),
        ("2026-02-15", 15, "2026-03-13", "2026-03-02"),
        ("2026-02-27", 1, "2026-02-28", "2026-02-28"),
        ("2026-02-27", 2, "2026-03-02", "2026-03-01"),
        // New Year: 1/1–1/3 off, 1/4 (Sun) worked.
        ("2025-12-31", 3, "2026-01-06", "2026-01-03"),
        // Mid-Autumn and National Day: 9/20 (Sun) worked, 9/25–27 and 10/1–7 off, 10/10 (Sat) worked.
        ("2026-09-18", 7, "2026-09-29", "2026-09-25"),
        ("2026-09-29", 7, "2026-10-14", "2026-10-06"),
        ("2026-09-30", 15, "2026-10-27", "2026-10-15"),
        ("2026-10-03", 1, "2026-10-08", "2026-10-04"),
        ("2026-10-09", 1, "2026-10-10", "2026-10-10"),
        ("2026-10-09", 7, "2026-10-19", "2026-10-16"),
        // A year holidays.csv does not list: 2027-01-01 counts as an ordinary Friday.
        ("2026-12-28", 7, "2027-01-06", "2027-01-04"),
        // No limit: 截止日期 is 受理日期.
        ("2026-10-09", 0, "2026-10-09", "2026-10-09"),
    ])
    func deadline(received: String, limit: Int, working: String, calendarDays: String) throws {
        let calendar = try Self.calendar()
        let r = Self.day(received)
        let w = calendar.deadline(received: r, limitDays: limit, workingDays: true)
        let c = calendar.deadline(received: r, limitDays: limit, workingDays: false)
        #expect(w.description == working)
        #expect(c.description == calendarDays)
        // The deadline is the day the count reaches the limit, not a day later.
        #expect(calendar.count(after: r, through: w, workingDays: true) == limit)
        #expect(calendar.count(after: r, through: c, workingDays: false) == limit)
        if limit > 0 {
            #expect(calendar.count(after: r, through: w.adding(days: -1), workingDays: true) == limit - 1)
            #expect(calendar.isWorkingDay(w))
        }
    }

    /// Without holidays.csv the working days are Monday–Friday.
    @Test(arguments: [
        ("2026-02-13", 7, "2026-02-24"),
        ("2026-02-14", 1, "2026-02-16"),
        ("2026-09-30", 15, "2026-10-21"),
        ("2026-10-09", 5, "2026-10-16"),
    ])
    func deadlineWithoutHolidays(received: String, limit: Int, expected: String) {
        let deadline = WorkingCalendar().deadline(received: Self.day(received), limitDays: limit, workingDays: true)
        #expect(deadline.description == expected)
    }

    @Test(arguments: [
        ("2026-02-13", "2026-02-13", 0, 0),
        ("2026-02-13", "2026-02-12", 0, 0),
        ("2026-02-13", "2026-02-28", 15, 6),
        ("2026-09-30", "2026-10-10", 10, 3),
        // 2026: 261 weekdays − 19 weekday 休息日 (1/1 is one of them) + 6 调休 weekend days = 248.
        ("2026-01-01", "2026-12-31", 364, 248),
    ])
    func counting(from: String, to: String, calendarDays: Int, workingDays: Int) throws {
        let calendar = try Self.calendar()
        #expect(calendar.count(after: Self.day(from), through: Self.day(to), workingDays: false) == calendarDays)
        #expect(calendar.count(after: Self.day(from), through: Self.day(to), workingDays: true) == workingDays)
    }
}
