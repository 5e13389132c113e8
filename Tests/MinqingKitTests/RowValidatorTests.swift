import Testing
@testable import MinqingKit

@Suite("输入行校验 row validation")
struct RowValidatorTests {
    let validator: RowValidator
    let headers = ["编号", "受理日期", "渠道", "诉求内容", "办理状态", "人数", "办结日期", "满意度", "等级", "联系电话"]

    init() throws {
        let reference = try TestSupport.reference()
        let month = try #require(YearMonth(parsing: "2026-10"))
        let match = HeaderMatcher.match(headers, columns: InputColumn.specs)
        validator = RowValidator(month: month, maxBackdateMonths: 24, reference: reference, match: match, headerCount: headers.count)
    }

    func row(_ values: [String: String]) -> [String] {
        // A 已办结 row with its 办结日期, so that each case below gets only the notice it is about.
        let base = ["编号": "JL1", "受理日期": "2026-10-03", "渠道": "来访", "诉求内容": "路面坑洼", "办理状态": "已办结",
                    "办结日期": "2026-10-05"]
        let merged = base.merging(values) { $1 }
        return headers.map { merged[$0] ?? "" }
    }

    @Test(arguments: [
        (["编号": ""], "编号", "必填项为空"),
        (["诉求内容": "  "], "诉求内容", "必填项为空"),
        (["受理日期": "2026-02-30"], "受理日期", "无法识别的日期「2026-02-30」"),
        (["受理日期": "昨天"], "受理日期", "无法识别的日期"),
        (["受理日期": "2026-11-01"], "受理日期", "晚于报告月份 2026-10"),
        (["受理日期": "2024-09-30"], "受理日期", "早于 2024-10-01"),
        (["办理状态": "已转办"], "办理状态", "未知的办理状态「已转办」"),
        (["人数": "0"], "人数", "应为正整数"),
        (["人数": "-1"], "人数", "应为正整数"),
        (["人数": "1.5"], "人数", "应为正整数"),
        (["人数": "一百"], "人数", "应为正整数"),
        (["办结日期": "2026/13/01"], "办结日期", "无法识别的日期"),
    ])
    func rejected(values: [String: String], column: String, message: String) {
        guard case .rejected(let problems) = validator.validate(fields: row(values), file: "a.csv", line: 7) else {
            Issue.record("accepted \(values)")
            return
        }
        #expect(problems.count == 1)
        #expect(problems.first?.column == column)
        #expect(problems.first?.message.contains(message) == true, "\(problems)")
    }

    @Test func goodRowBecomesDemand() throws {
        let outcome = validator.validate(
            fields: row(["渠道": "hotline", "办理状态": "办结", "人数": "３", "满意度": "基本满意", "受理日期": "2026年10月3日 14:22"]),
            file: "a.csv", line: 7)
        guard case .accepted(let input, let notices) = outcome else {
            Issue.record("rejected: \(outcome)")
            return
        }
        #expect(notices.isEmpty)
        #expect(input.channel == "12345热线")
        #expect(input.status == .resolved)
        #expect(input.resolved?.description == "2026-10-05")
        #expect(input.headcount == 3)
        #expect(input.satisfaction == .basicallySatisfied)
        #expect(input.received.secondsOfDay == 14 * 3600 + 22 * 60)
        #expect(input.month.description == "2026-10")
        #expect(input.sourceLine == 7)
    }

    @Test func earlierMonthsWithinWindowAreAccepted() {
        guard case .accepted(let input, _) = validator.validate(fields: row(["受理日期": "2024-10-01"]), file: "a", line: 2) else {
            Issue.record("rejected")
            return
        }
        #expect(input.month.description == "2024-10")
    }

    @Test(arguments: [
        (["渠道": "抖音"], "渠道"),
        (["满意度": "还行"], "满意度"),
        (["等级": "C"], "等级"),
        (["联系电话": "138abc"], "联系电话"),
    ])
    func keptWithNotice(values: [String: String], column: String) {
        guard case .accepted(_, let notices) = validator.validate(fields: row(values), file: "a", line: 2) else {
            Issue.record("rejected \(values)")
            return
        }
        #expect(notices.map(\.column) == [column])
    }

    static let noResolvedDate = Notice(
        column: "办结日期", message: "已办结但没有办结日期：不计入按期办结率和平均办理天数；请补填办结日期")
    static func afterMonth(_ date: String) -> Notice {
        Notice(column: "办结日期", message: "办结日期 \(date) 晚于报告月份 2026-10 的月末；已按给定日期保存（导出晚于月末时常见），请核对")
    }

    /// 办结日期 on a row of report month 2026-10 (SPEC §8): blank on a 已办结 row, after the month's last
    /// day (compared with the report month, also on an earlier month's row), before 受理日期. Each row is
    /// accepted with exactly these notices and keeps the date as given (nil when blank).
    @Test(arguments: [
        // 受理日期, 办理状态, 办结日期 → notices, stored 办结日期
        ("2026-10-03", "已办结", "", [noResolvedDate], nil),
        ("2026-10-03", "办结", "", [noResolvedDate], nil),
        ("2026-10-03", "resolved", "  ", [noResolvedDate], nil),
        ("2026-09-20", "已办结", "", [noResolvedDate], nil),
        ("2026-10-03", "办理中", "", [], nil),
        ("2026-10-03", "未办理", "", [], nil),
        ("2026-10-03", "已办结", "2026-10-31", [], "2026-10-31"),
        ("2026-10-03", "已办结", "2026-10-31 23:59", [], "2026-10-31"),
        ("2026-10-03", "已办结", "2026-11-01", [afterMonth("2026-11-01")], "2026-11-01"),
        ("2026-10-20", "已办结", "2026年11月3日", [afterMonth("2026-11-03")], "2026-11-03"),
        ("2026-10-20", "已办结", "2026/11/3 14:05", [afterMonth("2026-11-03")], "2026-11-03"),
        ("2026-10-20", "已办结", "2027-01-05", [afterMonth("2027-01-05")], "2027-01-05"),
        // An earlier month's row (a late status change): still the report month's end, not September's.
        ("2026-09-15", "已办结", "2026-10-20", [], "2026-10-20"),
        ("2026-09-15", "已办结", "2026-11-02", [afterMonth("2026-11-02")], "2026-11-02"),
        // The date is what is stored, whatever the status says.
        ("2026-10-20", "办理中", "2026-11-03", [afterMonth("2026-11-03")], "2026-11-03"),
        ("2026-10-10", "已办结", "2026-10-10", [], "2026-10-10"),
        ("2026-10-10", "已办结", "2026-10-08",
         [Notice(column: "办结日期", message: "办结日期 2026-10-08 早于受理日期 2026-10-10，请核对")], "2026-10-08"),
    ] as [(String, String, String, [Notice], String?)])
    func resolvedDateNotices(received: String, status: String, resolved: String, expected: [Notice], stored: String?) {
        let outcome = validator.validate(
            fields: row(["受理日期": received, "办理状态": status, "办结日期": resolved]), file: "a.csv", line: 7)
        guard case .accepted(let input, let notices) = outcome else {
            Issue.record("rejected: \(outcome)")
            return
        }
        #expect(notices == expected)
        #expect(input.resolved?.description == stored)
        #expect(input.status == DemandStatus(spelling: status))
    }

    /// A file without a 办结日期 column at all: no row gets the notice (the scanner gives one for the
    /// file, counting its 已办结 rows: BadInputCorpusTests).
    @Test(arguments: [("已办结", []), ("办理中", []), ("未办理", [])] as [(String, [Notice])])
    func noResolvedDateColumn(status: String, expected: [Notice]) throws {
        let headers = ["编号", "受理日期", "渠道", "诉求内容", "办理状态"]
        let validator = RowValidator(
            month: try #require(YearMonth(parsing: "2026-10")), maxBackdateMonths: 24, reference: try TestSupport.reference(),
            match: HeaderMatcher.match(headers, columns: InputColumn.specs), headerCount: headers.count)
        guard case .accepted(_, let notices) = validator.validate(
            fields: ["JL1", "2026-10-03", "来访", "路面坑洼", status], file: "a.csv", line: 2)
        else {
            Issue.record("rejected")
            return
        }
        #expect(notices == expected)
    }

    @Test func raggedRows() {
        var long = row([:])
        long.append("多出来的")
        guard case .rejected(let problems) = validator.validate(fields: long, file: "a", line: 2) else {
            Issue.record("accepted")
            return
        }
        #expect(problems.first?.message.contains("比表头的 10 列多") == true)
        let short = Array(row([:]).prefix(5))
        guard case .accepted(_, let notices) = validator.validate(fields: short, file: "a", line: 2) else {
            Issue.record("rejected")
            return
        }
        #expect(notices.first?.message.contains("只有 5 个字段") == true)
    }

    @Test func severalProblemsAreAllNamed() {
        guard case .rejected(let problems) = validator.validate(
            fields: row(["编号": "", "人数": "0", "办理状态": "?"]), file: "a", line: 2)
        else {
            Issue.record("accepted")
            return
        }
        #expect(problems.map(\.column) == ["编号", "办理状态", "人数"])
    }
}

extension RowValidator {
    /// Validates a row of a text file whose row and physical line agree.
    func validate(fields: [String], file: String, line: Int) -> RowOutcome {
        validate(fields: fields, place: RowPlace(file: file, sheet: "", row: line, physicalLine: 0))
    }
}
