/// 截止日期, 办理天数 and 时效 of a month's demands as of the month's last day (SPEC §8): the time limit
/// rule (a given 截止日期, else the domain's 办理时限, else the grade's) and the month end, applied to
/// each demand the reports list.
struct DemandClock: Sendable {
    let rule: TimeLimitRule
    /// 办理时限 by domain, from domains.csv's optional 4th column.
    let domainDays: [String: Int]
    /// The report month's last day.
    let monthEnd: Day

    init(rule: TimeLimitRule, reference: ReferenceData, month: YearMonth) {
        self.rule = rule
        var days: [String: Int] = [:]
        for domain in reference.domains { if let limit = domain.timeLimitDays { days[domain.name] = limit } }
        self.domainDays = days
        self.monthEnd = month.lastDay
    }

    /// What the clock says of one demand.
    struct Reading: Sendable, Equatable {
        var deadline: Day
        /// 办理天数 (resolved) or 已办天数 (open); nil for a resolved demand without 办结日期.
        var handlingDays: Int?
        var timeliness: Timeliness
    }

    /// The demand's 截止日期, 办理天数 and 时效. 受理日期 is its stored day number; the other dates are
    /// the form minqing writes (`2026-10-03`), and one that does not read is an error naming the demand.
    func read(_ demand: ReportDemand) throws -> Reading {
        let received = Day(dayNumber: demand.receivedDay)
        let given = demand.deadlineGiven.isEmpty ? nil : try Self.day(demand.deadlineGiven, of: demand, column: "截止日期")
        // A 办结日期 before 受理日期 (a notice at ingest) cannot be right: like a missing one, it is left
        // out of 办理天数, 时效 and the rates.
        var resolved = demand.resolved.isEmpty ? nil : try Self.day(demand.resolved, of: demand, column: "办结日期")
        if let day = resolved, day < received { resolved = nil }
        let limit = rule.limit(received: received, given: given, domainDays: domainDays.isEmpty ? nil : domainDays[demand.domain],
            grade: demand.grade)
        return Reading(
            deadline: limit.deadline,
            handlingDays: HandlingDays.of(received: received, status: demand.status, resolved: resolved, monthEnd: monthEnd),
            timeliness: Timeliness(status: demand.status, resolved: resolved, deadline: limit.deadline, monthEnd: monthEnd))
    }

    /// Fills the demand's 截止日期, 办理天数 and 时效.
    func stamp(_ demand: inout ReportDemand) throws {
        demand.clock = try read(demand)
    }

    private static func day(_ text: String, of demand: ReportDemand, column: String) throws -> Day {
        if let day = Day(storedForm: text) { return day }
        guard let value = DateParser.parse(text) else {
            throw StoredValueError(demandID: demand.id, column: column, value: text, reason: "应为 2026-10-03 形式的日期")
        }
        return value.day
    }
}

extension Day {
    /// Reads the form minqing stores, `2026-10-03` (a time after it is ignored), without the date
    /// parser's generality: this runs three times for every listed demand. Nil for anything else.
    init?(storedForm text: String) {
        var text = text
        let parsed: (Int, Int, Int)? = text.withUTF8 { b in
            guard b.count >= 10, b[4] == 0x2D, b[7] == 0x2D, b.count == 10 || b[10] == 0x20 else { return nil }
            func number(_ from: Int, _ to: Int) -> Int? {
                var value = 0
                for i in from..<to {
                    let digit = Int(b[i]) &- 0x30
                    guard digit >= 0, digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 7), let day = number(8, 10) else { return nil }
            return (year, month, day)
        }
        guard let (year, month, day) = parsed else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
