/// Excel's serial date numbers (SPEC §10): a date cell that a unit's export left unformatted reads
/// `46300` (a day) or `46300.5` (noon of that day).
///
/// In the 1900 system serial 1 is 1900-01-01 and Lotus's phantom 1900-02-29 is serial 60, so serials
/// from 61 on are one day ahead of a plain count (61 is 1900-03-01); 0 (Excel's 1900-01-00) and 60 are
/// no real days and are refused. In the 1904 system serial 0 is 1904-01-01. The fraction is the time of
/// day, rounded to the second (a fraction that rounds to 24:00 is the next day's midnight).
enum ExcelSerialDate {
    /// Day number (days since 1970-01-01) of serial 0 in the 1904 system, 1904-01-01.
    static let epoch1904 = -24_107
    /// Day number of the day before serial 1 in the 1900 system, 1899-12-31.
    static let epoch1900 = -25_568
    /// The phantom 1900-02-29.
    static let phantomSerial = 60
    /// Fraction digits read; further ones (below a nanosecond) are skipped.
    static let fractionDigits = 12

    /// The day of a whole serial, or nil when it is no real day (or before 1900, after 2100).
    static func day(serial: Int, in system: ExcelDateSystem) -> Day? {
        let dayNumber: Int
        switch system {
        case .from1900:
            guard serial >= 1, serial != phantomSerial else { return nil }
            dayNumber = epoch1900 + serial - (serial > phantomSerial ? 1 : 0)
        case .from1904:
            guard serial >= 0 else { return nil }
            dayNumber = epoch1904 + serial
        }
        let day = Day(dayNumber: dayNumber)
        return (1900...2100).contains(day.year) ? day : nil
    }

    /// The value of serial `whole` plus `numerator / scale` of a day (scale a power of ten, 1 without
    /// a fraction: then the value has no time of day).
    static func value(whole: Int, numerator: Int, scale: Int, hasFraction: Bool,
                      in system: ExcelDateSystem) -> DateTimeValue? {
        guard let day = day(serial: whole, in: system) else { return nil }
        guard hasFraction else { return DateTimeValue(day: day, secondsOfDay: nil) }
        // Rounded half up: (2 · numerator · 86400 + scale) / (2 · scale).
        let seconds = (2 * numerator * 86_400 + scale) / (2 * scale)
        guard seconds == 86_400 else { return DateTimeValue(day: day, secondsOfDay: seconds) }
        let next = day.adding(days: 1)
        return next.year <= 2100 ? DateTimeValue(day: next, secondsOfDay: 0) : nil
    }

    /// Reads a whole trimmed text as a serial: 5 digits (10000 is 1927-05-18: the serials of any date a
    /// county's records hold), optionally `.` and one or more digits. Shorter numbers are not taken for
    /// dates: `2026` or `2026.10` is a year or a month written wrongly, which the clerk is asked to fix,
    /// not a day in 1905.
    static func read(_ reader: inout DateParser.Reader, in system: ExcelDateSystem) -> DateTimeValue? {
        guard let whole = reader.number(minDigits: 5, maxDigits: 5) else { return nil }
        if reader.atEnd { return value(whole: whole, numerator: 0, scale: 1, hasFraction: false, in: system) }
        guard reader.peek() == DateParser.Token.dot else { return nil }
        reader.advance()
        var numerator = 0
        var scale = 1
        var count = 0
        while true {
            let t = reader.peek()
            guard t >= 0, t <= 9 else { break }
            if count < fractionDigits {
                numerator = numerator * 10 + t
                scale *= 10
            }
            count += 1
            reader.advance()
        }
        guard count > 0, reader.atEnd else { return nil }
        return value(whole: whole, numerator: numerator, scale: scale, hasFraction: true, in: system)
    }
}
