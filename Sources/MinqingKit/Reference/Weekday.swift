/// A day of the week, numbered as ISO 8601 does: Monday = 1 … Sunday = 7.
enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Whether this is Saturday or Sunday.
    var isWeekend: Bool { self == .saturday || self == .sunday }

    /// Chinese name, e.g. 星期一, for messages.
    var chineseName: String {
        ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"][rawValue - 1]
    }

    static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Day {
    /// The day of the week, computed from `dayNumber` (1970-01-01, day 0, was a Thursday).
    var weekday: Weekday {
        // Days since a Monday, floored so that days before 1970 work too; 1970-01-01 is 3 days after one.
        let sinceMonday = ((dayNumber + 3) % 7 + 7) % 7
        return Weekday(rawValue: sinceMonday + 1) ?? .monday
    }

    /// Whether the day is a Saturday or Sunday.
    var isWeekend: Bool { weekday.isWeekend }
}
