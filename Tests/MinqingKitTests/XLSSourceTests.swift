import Foundation
import Testing
@testable import MinqingKit

/// XLSSource (FreeXL) on .xls files written by xlwt (Tests/Fixtures/forms/make-fixtures.py).
@Suite struct XLSSourceTests {
    @Test func readsXlwtWorkbookAsExcelShowsIt() throws {
        let source = try XLSSource(path: WorkbookFixtures.committed("register.xls"), sheet: nil)
        #expect(source.sheetName == "登记表")
        #expect(source.formName == "xls")
        #expect(source.dateSystem == .from1900)
        #expect(source.physicalLine == nil)
        #expect(try WorkbookFixtures.rows(source) == [
            WorkbookRow(number: 1, cells: ["编号", "受理日期", "诉求内容", "人数", "金额", "办结时间"]),
            WorkbookRow(number: 2, cells: ["X-1", "2026-10-03", "道路积水，请求疏通", "3", "12.5", "2026-10-03 14:22:05"]),
            WorkbookRow(number: 4, cells: ["X-2", "2026-10-04", "含,逗号", "1234567890123", "0.1", "46300"]),
        ])
        #expect(source.rawRecord() == "X-2,2026-10-04,\"含,逗号\",1234567890123,0.1,46300")
    }

    @Test func namedSheet() throws {
        let source = try XLSSource(path: WorkbookFixtures.committed("register.xls"), sheet: "第二页")
        #expect(try WorkbookFixtures.rows(source) == [
            WorkbookRow(number: 1, cells: ["编号"]), WorkbookRow(number: 2, cells: ["Y-1"]),
        ])
    }

    @Test func refusesASheetThatIsNotThere() {
        let error = #expect(throws: InputRefused.self) {
            try XLSSource(path: WorkbookFixtures.committed("register.xls"), sheet: "汇总")
        }
        #expect(error?.message == "工作簿 register.xls 中没有名为「汇总」的工作表；现有工作表：登记表、第二页。"
            + "请用 --sheet 指定其中之一。本次运行未做任何更改。")
    }

    @Test func system1904() throws {
        let source = try XLSSource(path: WorkbookFixtures.committed("system1904.xls"), sheet: nil)
        #expect(source.dateSystem == .from1904)
        #expect(try WorkbookFixtures.rows(source) == [WorkbookRow(number: 1, cells: ["2026-10-03", "44836"])])
    }

    @Test func refusesAnXlsxOrTextGivenAsXls() {
        for file in [WorkbookFixtures.committed("shared-strings.xlsx"), TestSupport.fixtures + "/bad-input/many-problems.csv"] {
            let (refused, seconds) = WorkbookFixtures.refusal { try XLSSource(path: file, sheet: nil) }
            let name = WorkbookRefusal.fileName(file)
            #expect(refused?.message.hasPrefix("工作簿 \(name) 已损坏，无法读取") == true, "\(String(describing: refused))")
            #expect(seconds < 5)
        }
    }

    @Test func truncatedXlsIsRefused() throws {
        let directory = try TestSupport.temporaryDirectory("xls-truncated")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = try Data(contentsOf: URL(fileURLWithPath: WorkbookFixtures.committed("register.xls")))
        let path = directory + "/truncated.xls"
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        let (refused, seconds) = WorkbookFixtures.refusal { try XLSSource(path: path, sheet: nil) }
        #expect(refused?.message.contains("truncated.xls") == true)
        #expect(seconds < 5)
    }
}

/// Password-protected .xls (a FILEPASS record, see make-fixtures.py).
@Suite struct XLSPasswordTests {
    @Test func passwordProtectedXlsIsRefused() {
        let (refused, seconds) = WorkbookFixtures.refusal {
            try XLSSource(path: WorkbookFixtures.committed("password.xls"), sheet: nil)
        }
        #expect(refused?.message == "工作簿 password.xls 设置了打开密码（已加密），minqing 无法读取。"
            + "请在 Excel 或 WPS 中取消密码后另存，再运行。本次运行未做任何更改。")
        #expect(seconds < 5)
    }
}
