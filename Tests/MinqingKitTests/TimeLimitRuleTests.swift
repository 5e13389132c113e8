import Testing
@testable import MinqingKit

/// Which limit a demand gets (SPEC §8) and its 时效, 办理天数 and age group as of a month's last day.
@Suite("办理时限与时效 time limit and timeliness")
struct TimeLimitRuleTests {
    static func day(_ text: String) -> Day { DateParser.parse(text)?.day ?? Day(dayNumber: 0) }
    static func optionalDay(_ text: String?) -> Day? { text.map(day) }

    static func rule(workingDays: Bool) throws -> TimeLimitRule {
        var config = MinqingConfig()
        config.timeLimits.workingDays = workingDays
        return TimeLimitRule(config: config, reference: try TestSupport.reference())
    }

    @Test(arguments: [
        // received, given 截止日期, domain days, grade, working days, expected deadline, source
        ("2026-10-09", "2026-10-12", 3, Grade.a, false, "2026-10-12", TimeLimitRule.Source.given),
        ("2026-10-09", "2026-10-08", nil, .b, true, "2026-10-08", .given),
        ("2026-10-09", nil, 3, .a, false, "2026-10-12", .domain(days: 3)),
        ("2026-10-09", nil, 3, .b, true, "2026-10-13", .domain(days: 3)),
        ("2026-10-09", nil, nil, .a, false, "2026-10-16", .grade(.a, days: 7)),
        ("2026-10-09", nil, nil, .b, false, "2026-10-24", .grade(.b, days: 15)),
        ("2026-09-30", nil, nil, .a, true, "2026-10-15", .grade(.a, days: 7)),
        ("2026-09-30", nil, nil, .b, true, "2026-10-27", .grade(.b, days: 15)),
        ("2026-02-13", nil, nil, .a, true, "2026-03-02", .grade(.a, days: 7)),
    ] as [(String, String?, Int?, Grade, Bool, String, TimeLimitRule.Source)])
    func limit(
        received: String, given: String?, domainDays: Int?, grade: Grade, working: Bool, deadline: String,
        source: TimeLimitRule.Source
    ) throws {
        let limit = try Self.rule(workingDays: working).limit(
            received: Self.day(received), given: Self.optionalDay(given), domainDays: domainDays, grade: grade)
        #expect(limit.deadline.description == deadline)
        #expect(limit.source == source)
    }

    @Test func gradeLimitsComeFromTheConfig() throws {
        var limits = TimeLimits()
        limits.a = 2
        limits.b = 30
        let rule = TimeLimitRule(limits: limits, calendar: WorkingCalendar())
        #expect(rule.limit(received: Self.day("2026-10-30"), given: nil, domainDays: nil, grade: .a)
            == .init(deadline: Self.day("2026-11-01"), source: .grade(.a, days: 2)))
        #expect(rule.limit(received: Self.day("2026-10-30"), given: nil, domainDays: nil, grade: .b)
            == .init(deadline: Self.day("2026-11-29"), source: .grade(.b, days: 30)))
    }

    @Test(arguments: [
        // status, 办结日期, 截止日期, month end → 时效, 办理天数 (受理日期 2026-10-09)
        (DemandStatus.resolved, "2026-10-16", "2026-10-16", "2026-10-31", Timeliness.onTime, 7),
        (.resolved, "2026-10-09", "2026-10-16", "2026-10-31", .onTime, 0),
        (.resolved, "2026-10-17", "2026-10-16", "2026-10-31", .late, 8),
        (.resolved, "2026-11-20", "2026-10-24", "2026-10-31", .late, 42),
        (.resolved, "2026-11-02", "2026-11-05", "2026-10-31", .onTime, 24),
        (.resolved, nil, "2026-10-16", "2026-10-31", .unknown, nil),
        (.inProgress, nil, "2026-11-05", "2026-10-31", .notDue, 22),
        (.pending, nil, "2026-10-31", "2026-10-31", .notDue, 22),
        (.pending, nil, "2026-10-30", "2026-10-31", .overdue, 22),
        (.inProgress, "2026-10-12", "2026-10-16", "2026-10-31", .overdue, 22),
        (.inProgress, nil, "2026-10-16", "2026-12-31", .overdue, 83),
    ] as [(DemandStatus, String?, String, String, Timeliness, Int?)])
    func timeliness(
        status: DemandStatus, resolved: String?, deadline: String, monthEnd: String, expected: Timeliness, days: Int?
    ) {
        let received = Self.day("2026-10-09")
        let t = Timeliness(
            status: status, resolved: Self.optionalDay(resolved), deadline: Self.day(deadline), monthEnd: Self.day(monthEnd))
        #expect(t == expected)
        #expect(t.countsInOnTimeRate == (expected == .onTime || expected == .late))
        #expect(HandlingDays.of(
            received: received, status: status, resolved: Self.optionalDay(resolved), monthEnd: Self.day(monthEnd)) == days)
    }

    @Test(arguments: [
        (Timeliness.onTime, "按期办结"), (.late, "超期办结"), (.notDue, "未到期"), (.overdue, "已超期"), (.unknown, "—"),
    ])
    func timelinessText(t: Timeliness, text: String) {
        #expect(t.rawValue == text)
    }

    @Test(arguments: [
        (-1, AgeBucket.upTo15), (0, .upTo15), (15, .upTo15), (16, .from16To30), (30, .from16To30),
        (31, .from31To90), (90, .from31To90), (91, .over90), (400, .over90),
    ])
    func ageBucket(days: Int, bucket: AgeBucket) {
        #expect(AgeBucket(days: days) == bucket)
    }

    @Test func ageBucketLabelsInOrder() {
        #expect(AgeBucket.allCases.map(\.label) == ["≤15天", "16–30天", "31–90天", "超过90天"])
        #expect(AgeBucket.allCases == AgeBucket.allCases.sorted())
    }
}
