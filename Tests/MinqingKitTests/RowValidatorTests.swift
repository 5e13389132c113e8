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
        let base = ["编号": "JL1", "受理日期": "2026-10-03", "渠道": "来访", "诉求内容": "路面坑洼", "办理状态": "已办结"]
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
