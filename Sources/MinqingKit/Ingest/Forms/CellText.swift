/// How a workbook cell's value becomes the text Excel or WPS shows (SPEC §10), one set of rules for the
/// .xlsx and the .xls source.
enum CellText {
    /// The largest serial Excel shows as a date (9999-12-31); beyond it Excel shows `####`.
    static let lastDateSerial = 2_958_465.0

    /// A number as Excel's General format shows it: an integral value without `.0` (below 1e15, where a
    /// Double still holds every integer exactly and Excel shows all digits), any other in Swift's
    /// shortest round-trip form (`0.1`, `1e+20`).
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(.towardZero), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.description
    }

    /// A number formatted as a date: `yyyy-MM-dd`, with ` HH:mm:ss` when it has a time of day (rounded
    /// to the second). A value below 1 (a time-formatted cell, which Excel shows as day 0 of 1900) is the
    /// time alone, `HH:mm:ss`, as FreeXL gives it for .xls. Nil for a value Excel cannot show as a date
    /// (negative, beyond 9999-12-31): it then stays a number.
    static func date(serial: Double, system: ExcelDateSystem) -> String? {
        guard serial.isFinite, serial >= 0, serial < lastDateSerial + 1 else { return nil }
        let totalSeconds = Int((serial * 86_400).rounded())
        let days = totalSeconds / 86_400
        let seconds = totalSeconds % 86_400
        let time = Day.digits([(seconds / 3600, 2), (seconds / 60 % 60, 2), (seconds % 60, 2)], separator: 0x3A)
        if days == 0 && system == .from1900 { return time }
        let text: String
        switch system {
        case .from1900 where days == 60:
            text = "1900-02-29"  // Lotus 1-2-3's phantom leap day, which Excel kept
        case .from1900:
            // Serial 1 is 1900-01-01; from 61 on, one day ahead because of the phantom 1900-02-29.
            text = excel1900Epoch.adding(days: days < 60 ? days : days - 1).description
        case .from1904:
            text = excel1904Epoch.adding(days: days).description
        }
        return seconds == 0 ? text : text + " " + time
    }

    /// A `t="d"` cell's ISO 8601 text (`2026-10-03T14:22:05Z`) shown as `2026-10-03 14:22:05`, or
    /// `2026-10-03` at midnight; text that is not such a date is returned as given.
    static func isoDate(_ text: String) -> String {
        let bytes = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var n = 0
            for b in bytes[from..<from + count] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        guard let y = digits(0, 4), bytes.count >= 10, bytes[4] == 0x2D, let m = digits(5, 2), bytes[7] == 0x2D,
              let d = digits(8, 2), let day = Day(year: y, month: m, day: d) else { return text }
        guard bytes.count > 10, bytes[10] == 0x54 || bytes[10] == 0x20 else {
            return bytes.count == 10 ? day.description : text
        }
        guard let hh = digits(11, 2), hh < 24, bytes.count >= 16, bytes[13] == 0x3A, let mm = digits(14, 2), mm < 60
        else { return text }
        var ss = 0.0
        if bytes.count >= 19, bytes[16] == 0x3A, let s = digits(17, 2) {
            ss = Double(s)
            if bytes.count > 20, bytes[19] == 0x2E, let frac = Double("0." + String(decoding: bytes[20...].prefix { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)) {
                ss += frac
            }
        }
        let total = hh * 3600 + mm * 60 + Int(ss.rounded())
        let shown = day.adding(days: total / 86_400)
        let seconds = total % 86_400
        if seconds == 0 { return shown.description }
        return shown.description + " "
            + Day.digits([(seconds / 3600, 2), (seconds / 60 % 60, 2), (seconds % 60, 2)], separator: 0x3A)
    }

    /// Day 0 of the 1900 system (serial 1 = 1900-01-01).
    private static let excel1900Epoch = Day(dayNumber: -25_568)  // 1899-12-31
    /// Day 0 of the 1904 system.
    private static let excel1904Epoch = Day(dayNumber: -24_107)  // 1904-01-01
}
