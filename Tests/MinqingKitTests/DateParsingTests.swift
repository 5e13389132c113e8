import Foundation
import Testing
@testable import MinqingKit

struct DateParsingTests {
    /// (input, expected "YYYY-MM-DD", expected seconds of day); nil date = rejected.
    static let cases: [(String, String?, Int?)] = [
        ("2026-10-03", "2026-10-03", nil),
        ("2026-10-3", "2026-10-03", nil),
        ("2026-1-3", "2026-01-03", nil),
        ("2026/10/3", "2026-10-03", nil),
        ("2026/10/03", "2026-10-03", nil),
        ("2026.10.03", "2026-10-03", nil),
        ("  2026-10-03  ", "2026-10-03", nil),
        ("\u{3000}2026-10-03\u{3000}", "2026-10-03", nil),
        ("\t2026-10-03\r\n", "2026-10-03", nil),
        ("2026-10-03 14:22", "2026-10-03", 14 * 3600 + 22 * 60),
        ("2026-10-03 14:22:05", "2026-10-03", 14 * 3600 + 22 * 60 + 5),
        ("2026-10-03  14:22:05", "2026-10-03", 14 * 3600 + 22 * 60 + 5),
        ("2026/10/3 9:05", "2026-10-03", 9 * 3600 + 5 * 60),
        ("2026/10/3 0:00", "2026-10-03", 0),
        ("2026-10-03T14:22:05", "2026-10-03", 14 * 3600 + 22 * 60 + 5),
        ("2026-10-03 23:59:59", "2026-10-03", 86_399),
        ("2026-10-03 14:22:05.123", "2026-10-03", 14 * 3600 + 22 * 60 + 5),
        ("2026年10月3日", "2026-10-03", nil),
        ("2026年10月03日", "2026-10-03", nil),
        ("2026年1月3日", "2026-01-03", nil),
        ("2026年10月3号", "2026-10-03", nil),
        ("2026年10月03日 14:22", "2026-10-03", 14 * 3600 + 22 * 60),
        ("2026年10月03日14:22", "2026-10-03", 14 * 3600 + 22 * 60),
        ("２０２６－１０－０３", "2026-10-03", nil),
        ("２０２６年１０月３日", "2026-10-03", nil),
        ("2026-10-03 １４：２２", "2026-10-03", 14 * 3600 + 22 * 60),
        ("2024-02-29", "2024-02-29", nil),
        ("2000-02-29", "2000-02-29", nil),
        ("1900-01-01", "1900-01-01", nil),
        ("2100-12-31", "2100-12-31", nil),
        ("2026-12-31", "2026-12-31", nil),
        // Rejected
        ("", nil, nil),
        ("   ", nil, nil),
        ("2026-02-30", nil, nil),
        ("2026-02-29", nil, nil),
        ("1900-02-29", nil, nil),
        ("2026-04-31", nil, nil),
        ("2026-00-10", nil, nil),
        ("2026-13-01", nil, nil),
        ("2026-10-00", nil, nil),
        ("2026-10-32", nil, nil),
        ("1899-12-31", nil, nil),
        ("2101-01-01", nil, nil),
        ("2026-10-03 24:00", nil, nil),
        ("2026-10-03 14:60", nil, nil),
        ("2026-10-03 14:22:60", nil, nil),
        ("2026-10-03 14:2", nil, nil),
        ("2026-10-03 14", nil, nil),
        ("2026-10-03T", nil, nil),
        ("2026-10-03 ", "2026-10-03", nil),
        ("2026-10-03x", nil, nil),
        ("2026-10-03 14:22 下午", nil, nil),
        ("2026-10-03T14:22:05Z", nil, nil),
        ("2026-10/03", nil, nil),
        ("2026-10", nil, nil),
        ("26-10-03", nil, nil),
        ("02026-10-03", nil, nil),
        ("2026-100-03", nil, nil),
        ("2026-10-003", nil, nil),
        ("2026年10月3", nil, nil),
        ("2026年10月3日x", nil, nil),
        ("2026年10月3日T", nil, nil),
        ("昨天", nil, nil),
        ("-2026-10-03", nil, nil),
        ("2026 10 03", nil, nil),
    ]

    /// SPEC §10's further forms: (input, expected "YYYY-MM-DD", expected seconds of day); nil date =
    /// rejected. Serial numbers in the default 1900 date system.
    static let realInputCases: [(String, String?, Int?)] = [
        // Chinese times
        ("2026年11月3日 9时5分", "2026-11-03", 9 * 3600 + 5 * 60),
        ("2026年11月3日9时5分", "2026-11-03", 9 * 3600 + 5 * 60),
        ("2026年11月3日 9时5分3秒", "2026-11-03", 9 * 3600 + 5 * 60 + 3),
        ("2026年11月3日 9点5分", "2026-11-03", 9 * 3600 + 5 * 60),
        ("2026年11月3日 09时05分", "2026-11-03", 9 * 3600 + 5 * 60),
        ("2026年11月3日 9点", "2026-11-03", 9 * 3600),
        ("2026-11-03 14时22分", "2026-11-03", 14 * 3600 + 22 * 60),
        ("２０２６年１１月３日 ９时５分", "2026-11-03", 9 * 3600 + 5 * 60),
        ("2026年11月3日 24时", nil, nil),
        ("2026年11月3日 9时60分", nil, nil),
        ("2026年11月3日 9时5分60秒", nil, nil),
        ("2026年11月3日 9时5", nil, nil),
        ("2026年11月3日 9时5秒", nil, nil),
        ("2026年11月3日 9分", nil, nil),
        ("2026年11月3日 时5分", nil, nil),
        // 12-hour times
        ("2026/11/3 上午 09:05", "2026-11-03", 9 * 3600 + 5 * 60),
        ("2026/11/3 下午 3:05", "2026-11-03", 15 * 3600 + 5 * 60),
        ("2026/11/3 下午 3:05:09", "2026-11-03", 15 * 3600 + 5 * 60 + 9),
        ("2026/11/3 晚上 9:30", "2026-11-03", 21 * 3600 + 30 * 60),
        ("2026/11/3 下午 12:30", "2026-11-03", 12 * 3600 + 30 * 60),
        ("2026/11/3 上午 12:30", "2026-11-03", 30 * 60),
        ("2026/11/3 上午 0:30", "2026-11-03", 30 * 60),
        ("2026/11/3 下午3:05", "2026-11-03", 15 * 3600 + 5 * 60),
        ("2026年11月3日下午3时5分", "2026-11-03", 15 * 3600 + 5 * 60),
        ("2026年11月3日 上午 9点", "2026-11-03", 9 * 3600),
        ("２０２６／１１／３ 下午 ３：０５", "2026-11-03", 15 * 3600 + 5 * 60),
        ("2026/11/3 下午 13:05", nil, nil),
        ("2026/11/3 下午 0:05", nil, nil),
        ("2026/11/3 上午 13:05", nil, nil),
        ("2026/11/3 下 3:05", nil, nil),
        ("2026/11/3 中午 12:05", nil, nil),
        ("2026/11/3 上午", nil, nil),
        ("2026/11/3 3:05 下午", nil, nil),
        // yyyymmdd
        ("20261103", "2026-11-03", nil),
        ("20240229", "2024-02-29", nil),
        ("２０２６１１０３", "2026-11-03", nil),
        (" 20261103 ", "2026-11-03", nil),
        ("20260230", nil, nil),
        ("20261303", nil, nil),
        ("20261100", nil, nil),
        ("99999999", nil, nil),
        ("18991231", nil, nil),
        ("20261103 14:22", nil, nil),
        ("202611031", nil, nil),
        ("2026110", nil, nil),
        ("202611", nil, nil),
        // full-width digits and separators
        ("２０２６－１１－０３", "2026-11-03", nil),
        ("２０２６／１１／０３ １４：２２：０５", "2026-11-03", 14 * 3600 + 22 * 60 + 5),
        ("２０２６．１１．０３", "2026-11-03", nil),
        // Excel serials (1900 system)
        ("46300", "2026-10-05", nil),
        ("46300.5", "2026-10-05", 43_200),
        ("46300.25", "2026-10-05", 21_600),
        ("46300.0", "2026-10-05", 0),
        ("46300.99999", "2026-10-05", 86_399),
        ("46300.999999", "2026-10-06", 0),  // rounds to 24:00: the next day's midnight
        ("46300.00000578", "2026-10-05", 0),
        ("46300.0000057871", "2026-10-05", 1),  // just over half a second rounds up
        ("46300.5000000000001", "2026-10-05", 43_200),
        ("４６３００", "2026-10-05", nil),
        ("４６３００．５", "2026-10-05", 43_200),
        ("46298", "2026-10-03", nil),
        // Shorter numbers are no dates: a year or a month written wrongly (ExcelSerialDate.read).
        ("1", nil, nil),
        ("2026", nil, nil),
        ("2026.10", nil, nil),
        ("9999", nil, nil),
        ("10000", "1927-05-18", nil),
        ("73050", "2099-12-31", nil),
        ("73415", "2100-12-31", nil),
        ("73416", nil, nil),
        ("60", nil, nil),
        ("0", nil, nil),
        ("0.5", nil, nil),
        ("99999", nil, nil),
        ("123456", nil, nil),
        ("46300.", nil, nil),
        (".5", nil, nil),
        ("46300.5.1", nil, nil),
        ("-46300", nil, nil),
        ("+46300", nil, nil),
        ("46,300", nil, nil),
        ("46300 14:22", nil, nil),
        ("4.63E+04", nil, nil),
    ]

    @Test(arguments: cases)
    func parses(_ input: String, _ expectedDay: String?, _ expectedSeconds: Int?) {
        let value = DateParser.parse(input)
        #expect(value?.day.description == expectedDay, "input: \(input)")
        if expectedDay != nil {
            #expect(value?.secondsOfDay == expectedSeconds, "input: \(input)")
        }
    }

    @Test(arguments: realInputCases)
    func parsesRealInputForms(_ input: String, _ expectedDay: String?, _ expectedSeconds: Int?) {
        let value = DateParser.parse(input)
        #expect(value?.day.description == expectedDay, "input: \(input)")
        if expectedDay != nil {
            #expect(value?.secondsOfDay == expectedSeconds, "input: \(input)")
        }
    }

    /// (serial text, date system, expected "YYYY-MM-DD", expected seconds of day); nil = rejected.
    static let serialCases: [(String, ExcelDateSystem, String?, Int?)] = [
        ("46300", .from1900, "2026-10-05", nil),
        ("44838", .from1904, "2026-10-05", nil),
        ("44838.75", .from1904, "2026-10-05", 64_800),
        ("0", .from1904, nil, nil),  // a serial is read from 5 digits on
        ("0", .from1900, nil, nil),
        ("60", .from1900, nil, nil),
        ("71953", .from1904, "2100-12-31", nil),
        ("71954", .from1904, nil, nil),
        ("71953.9999999", .from1904, nil, nil),  // would be 2101-01-01 00:00
        ("2026-10-05", .from1904, "2026-10-05", nil),  // dates are not shifted
        ("20261005", .from1904, "2026-10-05", nil),
    ]

    @Test(arguments: serialCases)
    func serialsCountInTheirDateSystem(_ input: String, _ system: ExcelDateSystem, _ expectedDay: String?,
                                       _ expectedSeconds: Int?) {
        let value = DateParser.parse(input, dateSystem: system)
        #expect(value?.day.description == expectedDay, "input: \(input) \(system)")
        if expectedDay != nil {
            #expect(value?.secondsOfDay == expectedSeconds, "input: \(input) \(system)")
        }
        let bytes = Array(input.utf8)
        let fromBytes = bytes.withUnsafeBufferPointer { DateParser.parse(bytes: $0, dateSystem: system) }
        #expect(fromBytes == value)
    }

    /// Every 1900-system serial from 1 to 73415 but 60 is a day, one after the other, and agrees with
    /// Excel's count from 1899-12-30 from serial 61 on.
    @Test func serialsOf1900AreConsecutiveDays() throws {
        var previous: Day?
        for serial in 1...73_415 where serial != ExcelSerialDate.phantomSerial {
            let day = try #require(ExcelSerialDate.day(serial: serial, in: .from1900))
            if let previous { #expect(day == previous.adding(days: 1)) }
            if serial >= 61 { #expect(day.dayNumber == -25_569 + serial) }
            previous = day
        }
    }

    @Test func caseCountIsLarge() {
        #expect(Self.cases.count >= 40)
    }

    /// (year, month, day, valid)
    static let dayCases: [(Int, Int, Int, Bool)] = [
        (2026, 10, 3, true), (2024, 2, 29, true), (2026, 2, 29, false), (2026, 2, 30, false),
        (1900, 2, 29, false), (2000, 2, 29, true), (2026, 0, 1, false), (2026, 13, 1, false),
        (2026, 6, 31, false), (2026, 7, 31, true), (0, 1, 1, false), (10000, 1, 1, false),
    ]

    @Test(arguments: dayCases)
    func dayValidation(_ y: Int, _ m: Int, _ d: Int, _ valid: Bool) {
        #expect((Day(year: y, month: m, day: d) != nil) == valid)
    }

    /// (day, day number)
    static let dayNumberCases: [(String, Int)] = [
        ("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017),
        ("2026-10-03", 20_729), ("1900-01-01", -25_567), ("2100-12-31", 47_846),
    ]

    @Test(arguments: dayNumberCases)
    func dayNumbers(_ text: String, _ number: Int) throws {
        let day = try #require(DateParser.parse(text)?.day)
        #expect(day.dayNumber == number)
        #expect(Day(dayNumber: number) == day)
        #expect(Day(dayNumber: number).description == text)
    }

    @Test func dayNumberRoundTripsForEveryDayOf1900To2100() {
        var previous: Day?
        for n in -25_567...47_846 {
            let day = Day(dayNumber: n)
            #expect(day.dayNumber == n)
            #expect(Day(year: day.year, month: day.month, day: day.day) == day)
            if let p = previous { #expect(p < day) }
            previous = day
        }
    }

    /// (start, days added, result)
    static let addingCases: [(String, Int, String)] = [
        ("2026-10-03", 0, "2026-10-03"), ("2026-10-31", 1, "2026-11-01"), ("2026-12-31", 1, "2027-01-01"),
        ("2024-02-28", 1, "2024-02-29"), ("2026-02-28", 1, "2026-03-01"), ("2026-10-03", -90, "2026-07-05"),
        ("2026-01-01", -1, "2025-12-31"),
    ]

    @Test(arguments: addingCases)
    func addingDays(_ start: String, _ days: Int, _ result: String) throws {
        let day = try #require(DateParser.parse(start)?.day)
        #expect(day.adding(days: days).description == result)
    }

    @Test func dayFormsAndOrder() throws {
        let a = try #require(Day(year: 2026, month: 1, day: 5))
        let b = try #require(Day(year: 2026, month: 10, day: 3))
        #expect(a.description == "2026-01-05")
        #expect(b.chineseDescription == "2026年10月3日")
        #expect(a < b)
        #expect(b.yearMonth == YearMonth(year: 2026, month: 10))
    }

    /// (text, parsed description or nil)
    static let yearMonthParsing: [(String, String?)] = [
        ("2026-10", "2026-10"), ("2026-01", "2026-01"), ("2026-1", "2026-01"), (" 2026-10 ", "2026-10"),
        ("2026-13", nil), ("2026-00", nil), ("2026-0", nil), ("2026/10", nil), ("202610", nil), ("26-10", nil),
        ("2026-10-03", nil), ("", nil), ("2026-1x", nil),
    ]

    @Test(arguments: yearMonthParsing)
    func yearMonthParses(_ text: String, _ expected: String?) {
        #expect(YearMonth(parsing: text)?.description == expected)
    }

    /// (month, previous, next, same month last year, first day, last day, Chinese title)
    static let yearMonthCases: [(String, String, String, String, String, String, String)] = [
        ("2026-10", "2026-09", "2026-11", "2025-10", "2026-10-01", "2026-10-31", "2026年10月"),
        ("2026-01", "2025-12", "2026-02", "2025-01", "2026-01-01", "2026-01-31", "2026年1月"),
        ("2026-12", "2026-11", "2027-01", "2025-12", "2026-12-01", "2026-12-31", "2026年12月"),
        ("2024-02", "2024-01", "2024-03", "2023-02", "2024-02-01", "2024-02-29", "2024年2月"),
        ("2026-02", "2026-01", "2026-03", "2025-02", "2026-02-01", "2026-02-28", "2026年2月"),
        ("2026-04", "2026-03", "2026-05", "2025-04", "2026-04-01", "2026-04-30", "2026年4月"),
    ]

    @Test(arguments: yearMonthCases)
    func yearMonthArithmetic(_ m: String, _ prev: String, _ next: String, _ lastYear: String,
                             _ first: String, _ last: String, _ title: String) throws {
        let ym = try #require(YearMonth(parsing: m))
        #expect(ym.previous.description == prev)
        #expect(ym.next.description == next)
        #expect(ym.sameMonthLastYear.description == lastYear)
        #expect(ym.firstDay.description == first)
        #expect(ym.lastDay.description == last)
        #expect(ym.chineseTitle == title)
        #expect(ym.previous < ym && ym < ym.next)
        #expect(ym.contains(ym.firstDay) && ym.contains(ym.lastDay))
        #expect(!ym.contains(ym.lastDay.adding(days: 1)))
    }

    /// (month, months added, result)
    static let addingMonths: [(String, Int, String)] = [
        ("2026-10", 0, "2026-10"), ("2026-10", 3, "2027-01"), ("2026-10", -10, "2025-12"),
        ("2026-10", -24, "2024-10"), ("2026-01", -13, "2024-12"), ("2026-10", 27, "2029-01"),
    ]

    @Test(arguments: addingMonths)
    func yearMonthAdding(_ start: String, _ months: Int, _ result: String) throws {
        let ym = try #require(YearMonth(parsing: start))
        let r = ym.adding(months: months)
        #expect(r.description == result)
        #expect(r.months(since: ym) == months)
    }

    /// (unix seconds, time zone, expected month)
    static let containingCases: [(Double, String, String)] = [
        (1_790_000_000, "Asia/Shanghai", "2026-09"),         // 2026-09-21 UTC
        (1_793_462_400, "UTC", "2026-10"),                   // 2026-10-31 16:00 UTC
        (1_793_462_400, "Asia/Shanghai", "2026-11"),         // 2026-11-01 00:00 +08
    ]

    @Test(arguments: containingCases)
    func monthContainingDate(_ seconds: Double, _ zone: String, _ expected: String) throws {
        let tz = try #require(TimeZone(identifier: zone))
        #expect(YearMonth.containing(Date(timeIntervalSince1970: seconds), in: tz).description == expected)
    }

    @Test func parsesQuickly() {
        let inputs = ["2026-10-03", "2026/10/3 9:05", "2026年10月03日 14:22", "2026-10-03T14:22:05", "昨天"]
        let clock = ContinuousClock()
        var hits = 0
        let elapsed = clock.measure {
            for i in 0..<200_000 {
                if DateParser.parse(inputs[i % inputs.count]) != nil { hits += 1 }
            }
        }
        #expect(hits == 160_000)
        // Generous bound so debug builds pass; release builds take a few milliseconds.
        #expect(elapsed < .seconds(5))
    }
}
