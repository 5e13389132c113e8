import Foundation
import Testing
@testable import MinqingKit

/// The one declaration of the bulletin's sheets (``BulletinSheet``) against a workbook written from it and
/// read back with openpyxl.
@Suite("工作表声明 bulletin sheets")
struct BulletinSheetTests {
    /// Names are unique; summary sheets come first, then the demand lists, then the remarks; every sheet
    /// has columns with unique headers, and a list's are its ``DemandSheetColumns``.
    @Test func declarationIsWellFormed() {
        let sheets = BulletinSheet.allCases
        #expect(Set(sheets.map(\.name)).count == sheets.count)
        #expect(sheets.map(\.kind) == Array(repeating: .summary, count: 7) + Array(repeating: .demandList, count: 3)
            + Array(repeating: .remark, count: 3))
        for sheet in sheets {
            let headers = sheet.columns.map(\.header)
            #expect(!headers.isEmpty && Set(headers).count == headers.count, "\(sheet.name)")
            #expect(sheet.demandColumns.isEmpty == (sheet.kind != .demandList), "\(sheet.name)")
        }
        #expect(BulletinSheet.unresolved.columns.map(\.header) == DemandSheetColumns.unresolved.map(\.header))
        let widths = BulletinSheet.detail.columns.map { column -> Double? in
            if case .fixed(let width) = column.width { width } else { nil }
        }
        #expect(widths == DemandSheetColumns.detail.map(\.width))
        #expect(BulletinSheet.corrections.columns.map(\.header) == ["编号", "更正", "字段", "原值", "新值"])
    }

    /// The workbook's sheets are the declaration's, in its order, 诉求明细 continued on (2) and (3) at 4
    /// rows a sheet; every sheet's header row is the declaration's for the month.
    @Test func writtenWorkbookFollowsTheDeclaration() throws {
        let written = try SmallMonthWorkbook.write("declared", rowsPerSheet: 4)
        let book = try EndToEnd.readWorkbook(written.path)
        // 11 demands at 4 a sheet; 3 A级 and 3 未办结 fit on one.
        let parts: [BulletinSheet: Int] = [.detail: 3]
        // A first ingest without late resolutions: no 更正说明, no 往月诉求本月办结 (SPEC §12).
        let shown = BulletinSheet.allCases.filter { $0.isShown(for: written.data) }
        #expect(!shown.contains(.corrections) && !shown.contains(.lateResolved))
        let expected = shown.flatMap { sheet in
            (1...(parts[sheet] ?? 1)).map { (sheet, DemandListSheets.sheetName(sheet, part: $0)) }
        }
        #expect(book.sheets == expected.map(\.1))
        #expect(book.sheets.count == 13)
        for (sheet, name) in expected {
            let headers = sheet.headers(for: written.data)
            #expect(Array(book.headers(name).prefix(headers.count)) == headers, "\(name)")
            // Only 近12个月 has cells right of its header row (the 涉及领域 × month table below the chart).
            let beyond = book.headers(name).dropFirst(headers.count)
            #expect(beyond.allSatisfy { $0 == "<null>" } && beyond.isEmpty == (sheet != .trend), "\(name): \(beyond)")
        }
        #expect(book.sheets[10...11] == ["诉求明细(2)", "诉求明细(3)"])
    }

    /// 分类统计 has one column per channel between 涉及领域 and 合计; 责任单位评分 ends with 非常不满意
    /// only when the month has one.
    @Test func columnsThatDependOnTheMonth() throws {
        let written = try SmallMonthWorkbook.write("columns")
        let data = written.data
        let channels = ["来访", "来信", "12345热线", "网上信访", "手机APP", "微信公众号", "说事点", "书记信箱", "民情日记", "抖音"]
        #expect(data.summary.channels == channels)
        let domainTable = BulletinSheet.domainTable.columns(for: data)
        #expect(domainTable.map(\.header) == ["涉及领域"] + channels + ["合计"])
        // A channel is as wide as its name (CJK counts 2) plus 2, at least 7.
        #expect(domainTable[1...3].map { $0.width(for: data) } == [7, 7, 11])
        #expect(domainTable.last?.width(for: data) == 7)

        #expect(data.hasVeryDissatisfied)
        let units = BulletinSheet.unitScores.headers(for: data)
        #expect(units.count == 20)
        #expect(units.last == "非常不满意")
        var calm = data
        calm.summary = MonthAggregator(reference: try TestSupport.reference(), scoring: ScoringRules()).summary(month: data.month)
        #expect(!calm.hasVeryDissatisfied)
        #expect(BulletinSheet.unitScores.headers(for: calm).count == 19)
        #expect(BulletinSheet.unitScores.headers(for: calm).suffix(6) == ["满意率", "按期办结率", "往月诉求本月办结", "超期未办结", "上月诉求", "上月得分"])
        #expect(BulletinSheet.townshipTable.headers(for: calm) == BulletinSheet.townshipTable.columns.map(\.header))
    }

    /// A fitting column is as wide as its header and widest value need (CJK counts 2, plus 2), between its
    /// minimum and 40.
    @Test func fittedWidths() throws {
        let data = try SmallMonthWorkbook.write("widths").data
        let file = SheetColumn.fitting("文件") { _ in ["a.csv", "很长的文件名称.csv"] }
        #expect(file.width(for: data) == 20)
        #expect(SheetColumn.fitting("行号") { _ in [] }.width(for: data) == 6)
        #expect(SheetColumn.fitting("号", min: 7) { _ in [] }.width(for: data) == 7)
        #expect(SheetColumn.fittedWidth("单位", [String(repeating: "县", count: 30)]) == 40)
        #expect(SheetColumn.fixed("编号", 16).width(for: data) == 16)
    }

    /// The sheets are created in the declaration's order; a demand list is not a sheet to be filled after
    /// the pass, and asking for it throws instead of adding a sheet.
    @Test func createdSheetsAndLookups() throws {
        let data = try SmallMonthWorkbook.write("lookup").data
        let directory = try TestSupport.temporaryDirectory("lookup-book")
        let book = try XlsxWorkbook(path: directory + "/book.xlsx.partial", constantMemory: true)
        let factory = SheetFactory(book: book, style: WorkbookStyle(book), county: "江岭县", month: data.month)
        let sheets = try BulletinSheets(factory: factory, data: data, total: 11, rowsPerSheet: 4, folder: directory)
        #expect(try sheets.sheet(.overview).name == "总览")
        #expect(try sheets.sheet(.overview).number == 1)
        #expect(try sheets.sheet(.townshipTable).number == 5)
        #expect(sheets.lists.all.map { $0.parts.map(\.name) } == [["A级诉求"], ["未办结诉求"], ["诉求明细", "诉求明细(2)", "诉求明细(3)"]])
        #expect(try sheets.sheet(.topics).number == 6)
        #expect(try sheets.sheet(.trend).number == 7)
        #expect(sheets.lists.detail.parts.map(\.number) == [10, 11, 12])
        #expect(try sheets.sheet(.problems).number == 13)
        // Not created: the month has no late resolutions.
        #expect(throws: XlsxError.self) { try sheets.sheet(.lateResolved) }
        let error = #expect(throws: XlsxError.self) { try sheets.sheet(.detail) }
        let internalError = "这是程序内部错误，请把这条信息告诉维护人员。"
        #expect(error?.description == "查找工作表「诉求明细」失败：它不是预先创建的汇总表或说明表。" + internalError)
        let missing = #expect(throws: XlsxError.self) { try DemandLists([:]) }
        #expect(missing?.description == "查找工作表「A级诉求」失败：诉求清单没有预先创建。" + internalError)
    }

    /// The 总览 charts read 分类统计 by its declared name: domains down column A, channels along row 1.
    @Test func chartsNameTheDomainTable() throws {
        let written = try SmallMonthWorkbook.write("charts")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: written.path)))
        let archive = try ZipReader(bytes: bytes, context: "test")
        let charts = try archive.entries.filter { $0.name.hasPrefix("xl/charts/chart") }
            .map { String(decoding: try archive.contents($0, context: "test"), as: UTF8.self) }
        #expect(charts.count == 3)
        // 近12个月's line chart: 诉求总数 and 月末未办结 of the months with data (this one alone: row 13).
        let trend = BulletinSheet.trend.name
        #expect(charts.contains { $0.contains("<c:f>'\(trend)'!$A$13:$A$13</c:f>") && $0.contains("<c:f>'\(trend)'!$B$13:$B$13</c:f>") && $0.contains("<c:f>'\(trend)'!$H$13:$H$13</c:f>") })
        let name = BulletinSheet.domainTable.name, domains = written.data.summary.domains.count
        #expect(domains > 1)
        #expect(charts.contains { $0.contains("<c:f>'\(name)'!$A$2:$A$\(domains + 1)</c:f>") })
        #expect(charts.contains { $0.contains("<c:f>'\(name)'!$B$1:$K$1</c:f>") })
        #expect(charts.contains { $0.contains("<c:f>'\(name)'!$L$2:$L$\(domains + 1)</c:f>") })
    }
}
