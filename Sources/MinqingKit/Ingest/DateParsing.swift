import Foundation

// MARK: - Day

/// A calendar day without time zone (proleptic Gregorian calendar).
struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1...9999 when created with `init?(year:month:day:)`.
    let year: Int
    /// The month, 1...12.
    let month: Int
    /// The day of the month, 1...31.
    let day: Int

    /// Creates a day after checking it exists (leap years included); years must be 1...9999.
    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the day `dayNumber` days after 1970-01-01 (negative numbers are before it).
    init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Whether `year` is a Gregorian leap year.
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month (0 for a month outside 1...12).
    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// ISO form, e.g. "2026-10-03".
    var description: String {
        Day.digits([(year, 4), (month, 2), (day, 2)])
    }

    /// Chinese form, e.g. "2026年10月3日".
    var chineseDescription: String { "\(year)年\(month)月\(day)日" }

    /// Days since 1970-01-01 (proleptic Gregorian); differences of two days give their distance.
    var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `days` days later (earlier when negative).
    func adding(days: Int) -> Day { Day(dayNumber: dayNumber + days) }

    /// The month this day is in.
    var yearMonth: YearMonth { YearMonth(uncheckedYear: year, month: month) }

    /// Orders days chronologically.
    static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The day containing `date` in `timeZone` (default: the process's local time zone).
    static func containing(_ date: Date, in timeZone: TimeZone = .current) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        guard let y = c.year, let m = c.month, let d = c.day, let day = Day(year: y, month: m, day: d) else {
            return Day(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
        }
        return day
    }

    /// Zero-pads a non-negative number to `width` digits.
    /// Numbers zero-padded to their widths and joined with "-" ("2026-10-03"), written straight into
    /// the string's bytes (this runs several times for every demand).
    static func digits(_ parts: [(value: Int, width: Int)], separator: UInt8 = 0x2D) -> String {
        guard parts.allSatisfy({ $0.value >= 0 && $0.value < 10_000 && $0.width <= 4 }) else {
            return parts.map { pad($0.value, $0.width) }.joined(separator: String(UnicodeScalar(separator)))
        }
        let length = parts.reduce(0) { $0 + $1.width } + parts.count - 1
        return String(unsafeUninitializedCapacity: length) { out in
            var at = 0
            for (k, part) in parts.enumerated() {
                if k > 0 { out[at] = separator; at += 1 }
                var n = part.value
                for i in stride(from: part.width - 1, through: 0, by: -1) {
                    out[at + i] = 0x30 + UInt8(n % 10)
                    n /= 10
                }
                at += part.width
            }
            return length
        }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

// MARK: - YearMonth

/// A calendar month, e.g. the report month 2026-10.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year.
    let year: Int
    /// The month, 1...12.
    let month: Int

    /// Creates a month; the year must be 1...9999 and the month 1...12.
    init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    init(uncheckedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses "YYYY-MM" (also "YYYY-M"; surrounding spaces ignored), as given to `--month`.
    public init?(parsing text: String) {
        // Blanks as a spreadsheet cell's are trimmed (`trimmedBlank`: cheap when there are none; stored
        // months are read this way for every late row).
        let bytes = Array(text.trimmedBlank.utf8)
        guard bytes.count == 6 || bytes.count == 7, bytes[4] == UInt8(ascii: "-") else { return nil }
        var year = 0
        for b in bytes[0..<4] {
            guard b >= 0x30, b <= 0x39 else { return nil }
            year = year * 10 + Int(b - 0x30)
        }
        var month = 0
        for b in bytes[5...] {
            guard b >= 0x30, b <= 0x39 else { return nil }
            month = month * 10 + Int(b - 0x30)
        }
        self.init(year: year, month: month)
    }

    /// "2026-10".
    public var description: String { Day.digits([(year, 4), (month, 2)]) }

    /// "2026年10月", for titles.
    var chineseTitle: String { "\(year)年\(month)月" }

    /// The month before (环比).
    public var previous: YearMonth { adding(months: -1) }

    /// The month after.
    var next: YearMonth { adding(months: 1) }

    /// The same month a year earlier (同比).
    var sameMonthLastYear: YearMonth { adding(months: -12) }

    /// The month `months` months later (earlier when negative).
    func adding(months: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return YearMonth(uncheckedYear: y, month: index - y * 12 + 1)
    }

    /// The number of months from `other` to `self` (positive when `self` is later).
    func months(since other: YearMonth) -> Int {
        (year * 12 + month) - (other.year * 12 + other.month)
    }

    /// The first day of the month.
    var firstDay: Day { Day(uncheckedYear: year, month: month, day: 1) }

    /// The last day of the month.
    var lastDay: Day { Day(uncheckedYear: year, month: month, day: Day.daysIn(year: year, month: month)) }

    /// Whether `day` falls in this month.
    func contains(_ day: Day) -> Bool { day.year == year && day.month == month }

    /// Orders months chronologically.
    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// The month containing `date` in `timeZone` (default: the process's local time zone).
    public static func containing(_ date: Date, in timeZone: TimeZone = .current) -> YearMonth {
        Day.containing(date, in: timeZone).yearMonth
    }
}

extension Day {
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}

// MARK: - Parsing

/// A parsed date with the time of day when one was given.
struct DateTimeValue: Equatable, Sendable {
    /// The calendar day.
    let day: Day
    /// Seconds since midnight (0..<86400), or nil when the text had no time.
    let secondsOfDay: Int?

    /// Creates a value from a day and an optional time of day.
    init(day: Day, secondsOfDay: Int?) {
        self.day = day
        self.secondsOfDay = secondsOfDay
    }
}

/// Parses the date texts found in 受理日期, 办结日期 and 截止日期 (SPEC §1, §10).
///
/// Accepted, after trimming spaces, tabs, no-break spaces and full-width spaces (U+3000):
/// - `2026-10-03`, `2026-10-3`, `2026/10/3`, `2026/10/03`, `2026.10.03` (the dotted form is common in
///   Chinese office documents; the two separators must be the same);
/// - `2026年10月3日`, `2026年10月03日` (`号` is accepted in place of `日`);
/// - any of these followed by a time, separated by spaces or a single `T` (after `日` the space is
///   optional): `14:22`, `9:05`, `14:22:05` or `14:22:05.123` (fraction ignored); `9时5分`, `9时5分3秒`,
///   `9点5分`, `9时`; with `上午`, `下午` or `晚上` before it a 12-hour time (`下午 3:05` is 15:05,
///   `上午 12:30` is 0:30, `下午 12:30` stays 12:30; the hour must be 1…12, 0 also after 上午);
/// - `20261103`: eight digits are year, month and day;
/// - Excel serial numbers, as a unit's export leaves a date cell not formatted as a date: a plain
///   number of 1–5 digits with an optional fraction (`46300`, `46300.5` = noon, the fraction rounded
///   to the second), counted in the workbook's ``ExcelDateSystem`` (``ExcelSerialDate``);
/// - full-width digits `０`–`９` and full-width `－ ／ ． ：` anywhere, read as their ASCII forms.
///
/// Rejected (nil): empty text, days that do not exist (`2026-02-30`, `20260230`), months 0 or 13,
/// hours ≥ 24, minutes or seconds ≥ 60, `下午 13:05`, years outside 1900…2100, mixed separators,
/// trailing text (time zones such as `Z` included), words like `昨天`, numbers of 6, 7 or more than 8
/// digits, and the serials Excel itself does not have (0 and Lotus's phantom 1900-02-29, serial 60, in
/// the 1900 system).
///
/// The parser works on the UTF-8 bytes by hand (no `DateFormatter`, no regex) and does not allocate;
/// the common `2026-10-03 14:22:05` takes the same steps as before the other forms were added.
enum DateParser {
    /// Parses `s`; nil when it is not one of the accepted forms. Serial numbers count in `dateSystem`.
    static func parse(_ s: String, dateSystem: ExcelDateSystem = .from1900) -> DateTimeValue? {
        if let result = s.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0, dateSystem: dateSystem) }) {
            return result
        }
        var copy = s
        return copy.withUTF8 { parse(bytes: $0, dateSystem: dateSystem) }
    }

    /// Parses UTF-8 bytes; nil when they are not one of the accepted forms.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, dateSystem: ExcelDateSystem = .from1900) -> DateTimeValue? {
        var reader = Reader(bytes: bytes)
        reader.trim()
        guard reader.start < reader.end else { return nil }
        guard let (leading, digits) = reader.digitRun(maxDigits: 8) else { return nil }
        if digits == 4 {
            switch reader.peek() {
            case Token.dash, Token.slash, Token.nian:
                return calendarForm(year: leading, &reader)
            case Token.dot:
                // `2026.10.03`, or else a serial with a fraction such as `2026.5`.
                if let value = calendarForm(year: leading, &reader) { return value }
            default:
                break
            }
        }
        if digits == 8 {
            guard reader.atEnd else { return nil }
            return compactForm(leading)
        }
        reader.rewind()
        return ExcelSerialDate.read(&reader, in: dateSystem)
    }

    /// `20261103`: year, month and day of an eight-digit number.
    static func compactForm(_ number: Int) -> DateTimeValue? {
        let year = number / 10_000, month = number / 100 % 100, day = number % 100
        guard (1900...2100).contains(year), let date = Day(year: year, month: month, day: day) else { return nil }
        return DateTimeValue(day: date, secondsOfDay: nil)
    }

    /// The rest of a date whose four-digit year has been read, its separator under the reader.
    private static func calendarForm(year: Int, _ reader: inout Reader) -> DateTimeValue? {
        let sep = reader.peek()
        let month: Int
        let day: Int
        var chinese = false
        switch sep {
        case Token.dash, Token.slash, Token.dot:
            reader.advance()
            guard let m = reader.number(minDigits: 1, maxDigits: 2) else { return nil }
            guard reader.peek() == sep else { return nil }
            reader.advance()
            guard let d = reader.number(minDigits: 1, maxDigits: 2) else { return nil }
            month = m
            day = d
        case Token.nian:
            reader.advance()
            guard let m = reader.number(minDigits: 1, maxDigits: 2), reader.peek() == Token.yue else { return nil }
            reader.advance()
            guard let d = reader.number(minDigits: 1, maxDigits: 2), reader.peek() == Token.ri else { return nil }
            reader.advance()
            month = m
            day = d
            chinese = true
        default:
            return nil
        }
        guard (1900...2100).contains(year), let date = Day(year: year, month: month, day: day) else { return nil }
        if reader.atEnd { return DateTimeValue(day: date, secondsOfDay: nil) }

        // Separator between date and time.
        let next = reader.peek()
        if next == Token.space {
            while reader.peek() == Token.space { reader.advance() }
        } else if next == Token.t {
            reader.advance()
        } else if !chinese || !(next >= 0 && next <= 9 || next == Token.shang || next == Token.xia || next == Token.wan) {
            return nil
        }
        guard let seconds = timeOfDay(&reader) else { return nil }
        return DateTimeValue(day: date, secondsOfDay: seconds)
    }

    /// A time of day up to the end of the text, in seconds since midnight: `14:22[:05[.123]]`,
    /// `9时[5分[3秒]]` (`点` for `时`), each after an optional `上午`, `下午` or `晚上`.
    private static func timeOfDay(_ reader: inout Reader) -> Int? {
        let meridiem = reader.meridiem()
        guard let hour = reader.number(minDigits: 1, maxDigits: 2) else { return nil }
        var minute = 0
        var second = 0
        switch reader.peek() {
        case Token.colon:
            reader.advance()
            guard let m = reader.number(minDigits: 2, maxDigits: 2) else { return nil }
            minute = m
            if reader.peek() == Token.colon {
                reader.advance()
                guard let s = reader.number(minDigits: 2, maxDigits: 2) else { return nil }
                second = s
                if reader.peek() == Token.dot {
                    reader.advance()
                    guard reader.number(minDigits: 1, maxDigits: 9) != nil else { return nil }
                }
            }
        case Token.shi:
            reader.advance()
            if let m = reader.number(minDigits: 1, maxDigits: 2) {
                guard reader.peek() == Token.fen else { return nil }
                reader.advance()
                minute = m
                if let s = reader.number(minDigits: 1, maxDigits: 2) {
                    guard reader.peek() == Token.miao else { return nil }
                    reader.advance()
                    second = s
                }
            }
        default:
            return nil
        }
        guard reader.atEnd, minute < 60, second < 60,
              let hour24 = meridiem.hour24(hour) else { return nil }
        return hour24 * 3600 + minute * 60 + second
    }

    /// The half of the day a 12-hour time is in (`上午`, `下午`, `晚上`), or none for a 24-hour time.
    enum Meridiem: Equatable {
        case none, morning, afternoon

        /// The hour on a 24-hour clock, or nil when `hour` cannot be written with this marker.
        func hour24(_ hour: Int) -> Int? {
            switch self {
            case .none: return hour < 24 ? hour : nil
            case .morning: return hour <= 12 ? hour % 12 : nil
            case .afternoon: return (1...12).contains(hour) ? hour % 12 + 12 : nil
            }
        }
    }
}
