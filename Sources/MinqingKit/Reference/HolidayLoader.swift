import Foundation

extension ReferenceLoader {
    /// The optional holidays file's name in the seeds folder.
    static let holidaysFile = "holidays.csv"

    /// Reads `holidays.csv` (日期, 类型); a missing file gives no holidays.
    ///
    /// Refused, naming the line: a blank or unreadable 日期 (or one with a time), a 类型 other than
    /// 休息日 or 工作日, a date listed twice, and a 工作日 on Monday–Friday (调休 workdays are always
    /// weekend dates, so such a row is a typo). A 休息日 on a Saturday or Sunday is accepted without a
    /// remark: the State Council notice counts them in each holiday period, and they change no count.
    static func loadHolidays(path: String) throws -> HolidayCalendar {
        guard FileManager.default.fileExists(atPath: path) else { return HolidayCalendar() }
        var calendar = HolidayCalendar()
        var seen: [Day: Int] = [:]
        try readTable(path: path, headers: ["日期", "类型"]) { line, v in
            let text = v["日期"] ?? "", kindText = v["类型"] ?? ""
            guard !text.isEmpty else { throw ReferenceError(path: path, line: line, message: "日期为空。") }
            guard let parsed = DateParser.parse(text), parsed.secondsOfDay == nil else {
                throw ReferenceError(
                    path: path, line: line, message: "日期「\(text)」无法识别，请写成 2026-10-01 这样的日期（不带时间）。")
            }
            let day = parsed.day
            guard let kind = HolidayCalendar.Kind(rawValue: kindText) else {
                throw ReferenceError(
                    path: path, line: line, message: "日期 \(day) 的类型「\(kindText)」无效，应为 休息日 或 工作日。")
            }
            if let first = seen[day] {
                throw ReferenceError(
                    path: path, line: line, message: "日期 \(day) 重复（第 \(first) 行已有），每个日期只能登记一次。")
            }
            seen[day] = line
            switch kind {
            case .restDay:
                calendar.restDays.insert(day)
            case .workday:
                guard day.isWeekend else {
                    throw ReferenceError(
                        path: path, line: line,
                        message: "日期 \(day) 是\(day.weekday.chineseName)，本来就是工作日；类型「工作日」只用于调休上班的星期六、星期日。请改正日期或类型。")
                }
                calendar.workdays.insert(day)
            }
        }
        return calendar
    }
}
