import Testing
@testable import MinqingKit

/// The optional columns of SPEC §9 (截止日期, 诉求类型, 解决情况): their headers and aliases, the values
/// and notices of a row, and 截止日期, 办理天数 and 时效 as the lists show them (SPEC §8).
@Suite("第二版输入列 second-edition columns")
struct SecondEditionColumnsTests {
    static let month = YearMonth(uncheckedYear: 2026, month: 10)

    /// A validator for a file whose optional columns are headed `deadline`, `type` and `resolution`.
    static func validator(_ optional: [String]) throws -> (RowValidator, [String]) {
        let headers = ["编号", "受理日期", "渠道", "诉求内容", "办理状态"] + optional
        let match = HeaderMatcher.match(headers, columns: InputColumn.specs)
        #expect(match.unknown.isEmpty, "unknown: \(match.unknown)")
        return (
            RowValidator(month: month, maxBackdateMonths: 24, reference: try TestSupport.reference(), match: match,
                         headerCount: headers.count),
            headers
        )
    }

    @Test(arguments: [
        (["截止日期", "诉求类型", "解决情况"], ["2026-10-20", "投诉", "已解决"], "2026-10-20", DemandType.complaint, Resolution.resolved),
        (["办理期限", "工单类型", "是否解决"], ["2026/10/21", "求决", "部分解决"], "2026-10-21", .help, .partlyResolved),
        (["限办日期", "类型", "解决情况"], ["2026年10月22日", "感谢", "未解决"], "2026-10-22", .praise, .unresolved),
        (["Deadline", "TYPE", "resolution"], ["", "", ""], nil, .unclassified, .notVisited),
        (["截止日期", "诉求类型", "解决情况"], ["", "揭发控告", ""], nil, .report, .notVisited),
    ] as [([String], [String], String?, DemandType, Resolution)])
    func headersAliasesAndValues(optional: [String], values: [String], deadline: String?, type: DemandType,
                                 resolution: Resolution) throws {
        let (validator, _) = try Self.validator(optional)
        // 办理中: a 已办结 row without 办结日期 would get that notice (RowValidatorTests).
        let fields = ["S1", "2026-10-03", "来访", "路面坑洼", "办理中"] + values
        guard case .accepted(let input, let notices) = validator.validate(fields: fields, file: "a.csv", line: 2) else {
            Issue.record("rejected \(values)")
            return
        }
        #expect(input.deadline?.description == deadline)
        #expect(input.demandType == type)
        #expect(input.resolution == resolution)
        #expect(notices.isEmpty, "\(notices)")
    }

    /// An unknown 诉求类型 or 解决情况 is kept as 未分类 / 未回访 with a notice; a 截止日期 that is no date
    /// rejects the row; one before 受理日期 is kept with a notice.
    @Test(arguments: [
        (["2026-10-20", "催办", ""], "诉求类型", "按未分类统计", false),
        (["2026-10-20", "", "已回复"], "解决情况", "按未回访统计", false),
        (["下周", "", ""], "截止日期", "无法识别的日期「下周」", true),
        (["2026-10-01", "", ""], "截止日期", "早于受理日期 2026-10-03", false),
    ])
    func noticesAndRejections(values: [String], column: String, message: String, rejected: Bool) throws {
        let (validator, _) = try Self.validator(["截止日期", "诉求类型", "解决情况"])
        let outcome = validator.validate(
            fields: ["S1", "2026-10-03", "来访", "路面坑洼", "已办结"] + values, file: "a.csv", line: 2)
        switch outcome {
        case .rejected(let problems):
            #expect(rejected)
            #expect(problems.contains { $0.column == column && $0.message.contains(message) }, "\(problems)")
        case .accepted(_, let notices):
            #expect(!rejected)
            #expect(notices.contains { $0.column == column && $0.message.contains(message) }, "\(notices)")
        }
    }

    /// 截止日期, 办理天数 and 时效 as of 2026-10-31, by hand: limits A 7 / B 15 calendar days, a domain of
    /// 10 days, a given 截止日期.
    @Test(arguments: [
        // received, grade, domain, given, status, resolved → deadline, days, 时效
        ("2026-10-01", Grade.b, "道路交通", "", DemandStatus.resolved, "2026-10-10", "2026-10-16", "9", "按期办结"),
        ("2026-10-01", .a, "道路交通", "", .resolved, "2026-10-10", "2026-10-08", "9", "超期办结"),
        ("2026-10-01 09:30:00", .a, "道路交通", "", .resolved, "2026-10-08", "2026-10-08", "7", "按期办结"),
        ("2026-10-20", .b, "道路交通", "", .inProgress, "", "2026-11-04", "11", "未到期"),
        ("2026-10-10", .b, "道路交通", "", .pending, "", "2026-10-25", "21", "已超期"),
        ("2026-10-10", .b, "供水", "", .pending, "", "2026-10-20", "21", "已超期"),
        ("2026-10-10", .a, "道路交通", "2026-11-30", .pending, "", "2026-11-30", "21", "未到期"),
        ("2026-10-10", .b, "道路交通", "", .resolved, "", "2026-10-25", "—", "—"),
    ])
    func clock(received: String, grade: Grade, domain: String, given: String, status: DemandStatus, resolved: String,
               deadline: String, days: String, timeliness: String) throws {
        var reference = try TestSupport.reference()
        for k in reference.domains.indices where reference.domains[k].name == "供水" { reference.domains[k].timeLimitDays = 10 }
        let clock = DemandClock(
            rule: TimeLimitRule(limits: TimeLimits(), calendar: WorkingCalendar()), reference: reference, month: Self.month)
        var demand = ReportDemand()
        (demand.id, demand.received, demand.grade, demand.domain) = ("S1", received, grade, domain)
        demand.receivedDay = try #require(DateParser.parse(received)).day.dayNumber
        (demand.deadlineGiven, demand.status, demand.resolved) = (given, status, resolved)
        try clock.stamp(&demand)
        let shown = [DemandSheetColumns.deadline, DemandSheetColumns.handlingDays, DemandSheetColumns.timeliness].map { $0.value(demand) }
        #expect(shown == [deadline, days, timeliness])
    }

    /// A stored date that does not read stops the report, naming the demand.
    @Test func unreadableStoredDateNamesTheDemand() throws {
        let clock = DemandClock(
            rule: TimeLimitRule(limits: TimeLimits(), calendar: WorkingCalendar()), reference: try TestSupport.reference(),
            month: Self.month)
        var demand = ReportDemand()
        (demand.id, demand.received, demand.resolved, demand.status) = ("S7", "2026-10-01", "十月", .resolved)
        demand.receivedDay = try #require(Day(storedForm: "2026-10-01")).dayNumber
        #expect(throws: StoredValueError.self) { try clock.stamp(&demand) }
        do {
            try clock.stamp(&demand)
        } catch let error as StoredValueError {
            #expect(error.description.contains("诉求 S7 的「办结日期」值「十月」"))
        }
    }
}
