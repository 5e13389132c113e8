import Foundation
import Testing
@testable import MinqingKit

/// holidays.csv (SPEC §8): the weekday of a day, the shipped 2026 dates, and the rows that are refused.
@Suite("节假日 holidays.csv")
struct HolidayCalendarTests {
    private static func day(_ text: String) -> Day {
        DateParser.parse(text)?.day ?? Day(dayNumber: 0)
    }

    @Test(arguments: [
        ("1970-01-01", Weekday.thursday),
        ("1969-12-31", .wednesday),
        ("1969-12-28", .sunday),
        ("2000-02-29", .tuesday),
        ("2026-01-04", .sunday),
        ("2026-02-14", .saturday),
        ("2026-02-23", .monday),
        ("2026-09-20", .sunday),
        ("2026-10-01", .thursday),
        ("2026-10-10", .saturday),
        ("2026-12-31", .thursday),
    ])
    func weekdayFromDayNumber(text: String, weekday: Weekday) {
        let d = Self.day(text)
        #expect(d.description == text)
        #expect(d.weekday == weekday)
        #expect(d.isWeekend == (weekday == .saturday || weekday == .sunday))
    }

    @Test func shippedFileHasTheNoticesDates() throws {
        let calendar = try ReferenceLoader.loadHolidays(path: TestSupport.seeds + "/holidays.csv")
        #expect(calendar.restDays.count == 33)
        #expect(calendar.workdays.map(\.description).sorted() == [
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
        ])
        #expect(calendar == (try TestSupport.reference()).holidays)
        // Each period's length as the notice gives it (共 N 天).
        let periods: [(String, String, Int)] = [
            ("2026-01-01", "2026-01-03", 3), ("2026-02-15", "2026-02-23", 9), ("2026-04-04", "2026-04-06", 3),
            ("2026-05-01", "2026-05-05", 5), ("2026-06-19", "2026-06-21", 3), ("2026-09-25", "2026-09-27", 3),
            ("2026-10-01", "2026-10-07", 7),
        ]
        for (first, last, length) in periods {
            let start = Self.day(first).dayNumber, end = Self.day(last).dayNumber
            #expect(end - start + 1 == length)
            #expect((start...end).allSatisfy { calendar.restDays.contains(Day(dayNumber: $0)) }, "\(first)")
        }
        #expect(calendar.restDays.count == periods.reduce(0) { $0 + $1.2 })
    }

    @Test(arguments: [
        ("2026-02-13", true),   // Friday before the Spring Festival
        ("2026-02-14", true),   // 调休 Saturday
        ("2026-02-15", false),  // Sunday, first day off
        ("2026-02-16", false),  // Monday off
        ("2026-02-23", false),  // Monday, last day off
        ("2026-02-24", true),
        ("2026-02-28", true),   // 调休 Saturday
        ("2026-03-01", false),  // ordinary Sunday
        ("2026-03-02", true),   // ordinary Monday
        ("2026-10-08", true),
        ("2026-10-10", true),
    ])
    func workingDays(text: String, working: Bool) throws {
        let calendar = try ReferenceLoader.loadHolidays(path: TestSupport.seeds + "/holidays.csv")
        #expect(calendar.isWorkingDay(Self.day(text)) == working)
        #expect(HolidayCalendar().isWorkingDay(Self.day(text)) == !Self.day(text).isWeekend)
    }

    @Test func missingFileMeansNoHolidays() throws {
        let directory = try TestSupport.temporaryDirectory("holidays")
        let calendar = try ReferenceLoader.loadHolidays(path: directory + "/holidays.csv")
        #expect(calendar == HolidayCalendar())
        #expect(calendar.restDays.isEmpty && calendar.workdays.isEmpty)
    }

    @Test func headerAndRowsMayUseOtherDateForms() throws {
        let directory = try TestSupport.temporaryDirectory("holidays")
        try TestSupport.write("类型,日期\n休息日,2026年10月1日\n\n工作日,2026/9/20\n", to: directory + "/holidays.csv")
        let calendar = try ReferenceLoader.loadHolidays(path: directory + "/holidays.csv")
        #expect(calendar.restDays == [Self.day("2026-10-01")])
        #expect(calendar.workdays == [Self.day("2026-09-20")])
    }

    @Test(arguments: [
        ("2026-10-01,休息日\n2026-10-32,休息日\n", 3, "日期「2026-10-32」无法识别，请写成 2026-10-01 这样的日期（不带时间）。"),
        ("2026-10-01 08:00,休息日\n", 2, "日期「2026-10-01 08:00」无法识别"),
        (",休息日\n", 2, "日期为空。"),
        ("2026-10-01,放假\n", 2, "日期 2026-10-01 的类型「放假」无效，应为 休息日 或 工作日。"),
        ("2026-10-01,\n", 2, "日期 2026-10-01 的类型「」无效"),
        ("2026-10-01,休息日\n2026/10/1,休息日\n", 3, "日期 2026-10-01 重复（第 2 行已有），每个日期只能登记一次。"),
        ("2026-10-09,工作日\n", 2,
         "日期 2026-10-09 是星期五，本来就是工作日；类型「工作日」只用于调休上班的星期六、星期日。请改正日期或类型。"),
    ])
    func badRowsAreRefused(rows: String, line: Int, expected: String) throws {
        let directory = try TestSupport.temporaryDirectory("holidays")
        let path = directory + "/holidays.csv"
        try TestSupport.write("日期,类型\n" + rows, to: path)
        do {
            _ = try ReferenceLoader.loadHolidays(path: path)
            Issue.record("accepted: \(rows)")
        } catch let error as ReferenceError {
            #expect(error.line == line)
            #expect(error.description.hasPrefix("基础数据 holidays.csv 第 \(line) 行："), "\(error.description)")
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func missingColumnIsRefused() throws {
        let directory = try TestSupport.temporaryDirectory("holidays")
        try TestSupport.write("日期\n2026-10-01\n", to: directory + "/holidays.csv")
        #expect(throws: ReferenceError(
            path: directory + "/holidays.csv", line: 1, message: "缺少列 类型。表头应为：日期,类型。")) {
            try ReferenceLoader.loadHolidays(path: directory + "/holidays.csv")
        }
    }
}
