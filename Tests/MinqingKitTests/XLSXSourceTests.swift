import Foundation
import Testing
@testable import MinqingKit

/// XLSXSource on workbooks written by openpyxl and XlsxWriter, and on parts written by hand the way Excel
/// writes them (make_workbooks.py).
@Suite struct XLSXSourceTests {
    @Test func readsOpenpyxlWorkbookAsExcelShowsIt() throws {
        let source = try XLSXSource(path: try WorkbookFixtures.generated("basic.xlsx"), sheet: nil)
        #expect(source.sheetName == "登记表")
        #expect(source.formName == "xlsx")
        #expect(source.dateSystem == .from1900)
        #expect(source.physicalLine == nil)
        let rows = try WorkbookFixtures.rows(source)
        #expect(rows == [
            WorkbookRow(number: 1, cells: ["2026年10月群众诉求登记表"]),
            WorkbookRow(number: 2, cells: ["编号", "受理日期", "诉求内容", "人数", "金额", "办结时间", "备注"]),
            WorkbookRow(number: 3, cells: ["MQ-001", "2026-10-03", "道路积水，请求疏通", "3", "12.5", "2026-10-03 14:22:05"]),
            WorkbookRow(number: 5, cells: ["MQ-002", "", "含,逗号和\"引号\"", "", "1234567890123", "2026-10-04 09:06:00"]),
            WorkbookRow(number: 6, cells: ["MQ-003", "46300", "加粗和普通", "TRUE", "0.1", "2026-10-05 12:00:00", "1e+20"]),
            WorkbookRow(number: 7, cells: ["MQ-004", "2026-10-05", "-5", "12:00:00", "3", "46300", "46300"]),
        ])
    }

    @Test func rawRecordIsTheRowAsCSV() throws {
        let source = try XLSXSource(path: try WorkbookFixtures.generated("basic.xlsx"), sheet: nil)
        while try source.nextRow(), source.rowNumber < 5 {}
        #expect(source.rowNumber == 5)
        #expect(source.rawRecord() == "MQ-002,,\"含,逗号和\"\"引号\"\"\",,1234567890123,2026-10-04 09:06:00")
        #expect(!source.recordHasNUL)
        #expect(source.field(99) == "")
    }

    @Test func readsHandWrittenParts() throws {
        // Shared strings (plain, rich with a phonetic run, empty), inline strings, formulas with and without a
        // cached value, errors, booleans, ISO dates, built-in and custom date styles, the phantom 1900-02-29,
        // rows and cells without `r`, an absolute relationship target, a dimension claiming 10⁷ rows.
        let source = try XLSXSource(path: try WorkbookFixtures.generated("crafted.xlsx"), sheet: nil)
        #expect(source.sheetName == "手写")
        let rows = try WorkbookFixtures.rows(source)
        #expect(rows == [
            WorkbookRow(number: 1, cells: ["编号", "富文本 ", "内联", "甲乙"]),
            WorkbookRow(number: 2, cells: ["编号x", "3", "", "#N/A", "TRUE", "FALSE", "2026-10-03", "2026-10-03 14:22:05"]),
            WorkbookRow(number: 4, cells: ["", "2026-10-03", "2026-10-05", "2026-10-05 14:22:05"]),
            WorkbookRow(number: 5, cells: ["1900-02-28", "1900-02-29", "1900-03-01", "-1", "0.0015", "7"]),
            WorkbookRow(number: 7, cells: ["七"]),
        ])
    }

    @Test func readsXlsxWriterSharedStringsAndCachedFormulas() throws {
        let source = try XLSXSource(path: WorkbookFixtures.committed("shared-strings.xlsx"), sheet: nil)
        #expect(try WorkbookFixtures.rows(source) == [
            WorkbookRow(number: 1, cells: ["编号", "受理日期", "诉求内容", "人数"]),
            WorkbookRow(number: 2, cells: ["SS-1", "2026-10-03", "路灯不亮", "2"]),
            WorkbookRow(number: 3, cells: ["SS-2", "", "路灯不亮", "1.25"]),
            WorkbookRow(number: 4, cells: ["SS-1-续", "", "", "3.25"]),
        ])
    }

    @Test func firstVisibleSheetUnlessOneIsNamed() throws {
        let path = try WorkbookFixtures.generated("hidden-first.xlsx")
        let visible = try XLSXSource(path: path, sheet: nil)
        #expect(visible.sheetName == "数据")
        #expect(try WorkbookFixtures.rows(visible).last?.cells == ["H-1", "数据页"])
        let named = try XLSXSource(path: path, sheet: "其他")
        #expect(try WorkbookFixtures.rows(named).last?.cells == ["O-1", "其他页"])
        let hidden = try XLSXSource(path: path, sheet: "说明")
        #expect(try WorkbookFixtures.rows(hidden).first?.cells == ["这一页是说明"])
    }

    @Test func refusesASheetThatIsNotThereNamingTheSheets() throws {
        let path = try WorkbookFixtures.generated("hidden-first.xlsx")
        let error = #expect(throws: InputRefused.self) { try XLSXSource(path: path, sheet: "汇总") }
        #expect(error?.message == "工作簿 hidden-first.xlsx 中没有名为「汇总」的工作表；现有工作表：说明、数据、其他。"
            + "请用 --sheet 指定其中之一。本次运行未做任何更改。")
    }

    @Test func system1904() throws {
        let source = try XLSXSource(path: try WorkbookFixtures.generated("system1904.xlsx"), sheet: nil)
        #expect(source.dateSystem == .from1904)
        #expect(try WorkbookFixtures.rows(source) == [
            WorkbookRow(number: 1, cells: ["2026-10-03", "2026-10-03 08:30:00", "0", "1904-01-01"]),
        ])
    }

    @Test func manyRowsStreamInOrder() throws {
        let directory = try TestSupport.temporaryDirectory("workbooks-many")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestSupport.fixtures + "/forms/make_workbooks.py", directory, "--many"]
        try process.run()
        process.waitUntilExit()
        let source = try XLSXSource(path: directory + "/many-rows.xlsx", sheet: nil)
        var count = 0
        while try source.nextRow() {
            count += 1
            if source.rowNumber != count || source.field(1) != String(count) || source.field(0) != "行\(count)" {
                Issue.record("row \(count): \(source.rowNumber) \(source.rawRecord())")
                break
            }
        }
        #expect(count == 200_000)
    }
}
