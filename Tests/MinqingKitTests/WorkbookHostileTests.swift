import Foundation
import Testing
@testable import MinqingKit

/// Hostile and broken workbooks: each is refused with a sentence naming the file and the problem (or read
/// correctly), within 5 seconds. make_workbooks.py --hostile writes them.
@Suite struct WorkbookHostileTests {
    /// A file, the words its refusal must contain, and how it is opened.
    struct Case: CustomStringConvertible, Sendable {
        var file: String
        var expected: [String]
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "zip-bomb.xlsx", expected: ["xl/worksheets/sheet1.xml", "压缩炸弹", "1 GB"]),
        Case(file: "lying-size.xlsx", expected: ["xl/worksheets/sheet1.xml", "超过了它声明的大小 2000 字节"]),
        Case(file: "billion-laughs.xlsx", expected: ["xl/worksheets/sheet1.xml", "DOCTYPE"]),
        Case(file: "external-entity.xlsx", expected: ["xl/worksheets/sheet1.xml", "DOCTYPE"]),
        Case(file: "external-entity-shared.xlsx", expected: ["xl/sharedStrings.xml", "DOCTYPE"]),
        Case(file: "doctype-workbook.xlsx", expected: ["xl/workbook.xml", "DOCTYPE"]),
        Case(file: "empty-cells-one-row.xlsx", expected: ["第 1 行有第 16385 列", "超出了 Excel 工作表的范围"]),
        Case(file: "shared-amplification.xlsx", expected: ["第 1 行", "该行内容超过 64 MB"]),
        Case(file: "truncated.xlsx", expected: ["已损坏", "zip"]),
        Case(file: "not-a-workbook.xlsx", expected: ["缺少 xl/workbook.xml"]),
        Case(file: "bad-xml.xlsx", expected: ["xl/worksheets/sheet1.xml", "不是有效的 XML", "第 1 行"]),
    ]

    @Test(arguments: cases) func refusedWithASentenceInTime(_ test: Case) throws {
        let path = try WorkbookFixtures.generated(test.file)
        let (refused, seconds) = WorkbookFixtures.refusal { try XLSXSource(path: path, sheet: nil) }
        let message = try #require(refused?.message)
        #expect(message.hasPrefix("工作簿 \(test.file) ") || message.hasPrefix("文件 \(test.file) "), "\(message)")
        for word in test.expected { #expect(message.contains(word), "\(word) not in \(message)") }
        #expect(message.hasSuffix("本次运行未做任何更改。"))
        #expect(refused?.path == path)
        #expect(seconds < 5, "took \(seconds) s")
    }

    @Test func externalEntityIsNeverRead() throws {
        // Refused before any entity is seen, so /etc/passwd's text can never reach a cell.
        let (refused, _) = WorkbookFixtures.refusal {
            try XLSXSource(path: try WorkbookFixtures.generated("external-entity.xlsx"), sheet: nil)
        }
        #expect(refused?.message.contains("root:") == false)
    }

    @Test func tenMillionEmptyCellsReadInTime() throws {
        // 611 rows of 16,384 `<c/>`: no value anywhere, so no row; read (not refused) within 5 s in a
        // release build (1.4 s measured). An unoptimised debug build's callbacks take 5 to 15 times as
        // long on a busy machine, so there the bound only catches a hang (60 s).
        let path = try WorkbookFixtures.generated("empty-cells.xlsx")
        let start = Date()
        let source = try XLSXSource(path: path, sheet: nil)
        #expect(try WorkbookFixtures.rows(source).isEmpty)
        #expect(Date().timeIntervalSince(start) < Self.emptyCellsLimit)
    }

    #if DEBUG
    static let emptyCellsLimit = 60.0
    #else
    static let emptyCellsLimit = 5.0
    #endif

    @Test func encryptedXlsxIsAnOLE2FileRefusedByTheXLSPath() throws {
        let path = WorkbookFixtures.committed("encrypted.xlsx")
        #expect(WorkbookForm.detect(path: path) == .ole2)
        let (refused, seconds) = WorkbookFixtures.refusal { try XLSSource(path: path, sheet: nil) }
        #expect(refused?.message == "工作簿 encrypted.xlsx 设置了打开密码（已加密），minqing 无法读取。"
            + "请在 Excel 或 WPS 中取消密码后另存，再运行。本次运行未做任何更改。")
        #expect(seconds < 5)
        // Opened as a zip it is refused too (it is not one).
        let asZip = WorkbookFixtures.refusal { try XLSXSource(path: path, sheet: nil) }
        #expect(asZip.refused?.message.contains("encrypted.xlsx") == true)
    }

    @Test func missingFileIsUnreadable() {
        let (refused, _) = WorkbookFixtures.refusal { try XLSXSource(path: "/nonexistent/无此文件.xlsx", sheet: nil) }
        #expect(refused?.message.hasPrefix("工作簿 无此文件.xlsx 无法打开") == true)
        let xls = WorkbookFixtures.refusal { try XLSSource(path: "/nonexistent/无此文件.xls", sheet: nil) }
        #expect(xls.refused?.message.hasPrefix("工作簿 无此文件.xls 无法打开") == true)
    }
}
