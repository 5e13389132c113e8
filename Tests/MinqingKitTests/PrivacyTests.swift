import Foundation
import Testing
@testable import MinqingKit

/// Personal data and injection through the whole tool: Tests/Fixtures/privacy/privacy-2026-10.csv has
/// compound surnames, names with ·, honorifics, mobiles written with +86, 0086, spaces and dashes,
/// landlines, phone numbers inside 诉求内容, and contents that start like formulas or carry Markdown
/// and HTML. The built binary writes the reports; openpyxl reads the workbook back.
@Suite("隐私与注入 privacy and injection", .serialized)
struct PrivacyTests {
    /// Every phone number of the fixture, digits only, as a reader could reassemble it.
    static let numbers = [
        "13812345678", "13900001111", "05537654321", "05531234567", "05532345678", "13823456789",
        "13834567890", "13845678901", "13856789012", "13867890123", "13878901234", "13889012345",
    ]

    static func digits(_ text: String) -> String { String(text.filter { $0.isASCII && $0.isNumber }) }

    func runFixture(config: String?) throws -> (directory: String, result: EndToEnd.Result) {
        let directory = try TestSupport.temporaryDirectory("privacy")
        var arguments = [
            "run", "--month", "2026-10", "--seeds", TestSupport.seeds, "--db", directory + "/m.sqlite",
            "--out", directory + "/reports",
        ]
        if let config {
            try config.write(toFile: directory + "/minqing.toml", atomically: true, encoding: .utf8)
            arguments += ["--config", directory + "/minqing.toml"]
        }
        arguments.append(TestSupport.fixtures + "/privacy/privacy-2026-10.csv")
        return (directory, try EndToEnd.run(arguments, in: directory))
    }

    @Test func reportsShowNoPhoneNumberAndEscapeEverything() throws {
        let (directory, result) = try runFixture(config: nil)
        #expect(result.status == 0, "\(result.stderr)")
        let reports = directory + "/reports/2026-10"
        // Output files are named after the month only, never after record data.
        let names = try FileManager.default.contentsOfDirectory(atPath: reports).sorted()
        #expect(names == ["数据问题-2026-10.csv", "民情月报-2026-10.md", "民情月报-2026-10.xlsx", "督办清单-2026-10.xlsx"])

        let book = try EndToEnd.readWorkbook(reports + "/民情月报-2026-10.xlsx")
        let supervision = try EndToEnd.readWorkbook(reports + "/督办清单-2026-10.xlsx")
        var cells: [String] = []
        for workbook in [book, supervision] {
            for sheet in workbook.sheets {
                for row in workbook.rows(sheet) { cells += row.compactMap { $0 as? String } }
            }
        }
        for number in Self.numbers {
            #expect(!cells.contains { Self.digits($0).contains(number) }, "\(number) visible in the workbooks")
        }
        // The 督办清单 shows the demands' text as masked and as typed: never a formula.
        let notice = supervision.sheets.flatMap { sheet in supervision.rows(sheet).flatMap { $0.compactMap { $0 as? String } } }
        #expect(notice.contains("请回电 +86 139****1111 或 0553-*****21，谢谢"))
        #expect(notice.contains("=1+1"))
        #expect(supervision.formulaCount == 0)
        let row = { (id: String) in book.record("诉求明细", id) ?? [:] }
        #expect(row("P01")["诉求人"] as? String == "欧阳*娜")
        #expect(row("P01")["联系电话"] as? String == "+86 138****5678")
        #expect(row("P01")["诉求内容"] as? String == "请回电 +86 139****1111 或 0553-*****21，谢谢")
        #expect(row("P02")["诉求人"] as? String == "阿***·买**")
        #expect(row("P02")["联系电话"] as? String == "0553-*****67")
        #expect(row("P03")["诉求人"] as? String == "王女士")
        #expect(row("P03")["联系电话"] as? String == "138****7890")
        #expect(row("P04")["诉求人"] as? String == "李*")
        #expect(row("P05")["诉求人"] as? String == "J*** S****")
        #expect(row("P06")["诉求人"] as? String == "司马*如")
        #expect(row("P08")["诉求人"] as? String == "诸*")
        // Text that looks like a formula stays text, exactly as typed.
        #expect(row("P03")["诉求内容"] as? String == "+SUM(A1:A9) 开头的文字")
        #expect(row("P04")["诉求内容"] as? String == "-1+1 也是文字")
        #expect(row("P05")["诉求内容"] as? String == "@cmd|' /C calc'!A0")
        #expect(row("P08")["诉求内容"] as? String == "=1+1")
        #expect(book.formulaCount == 0)

        let markdown = try String(contentsOfFile: reports + "/民情月报-2026-10.md", encoding: .utf8)
        let lines = markdown.split(separator: "\n").map(String.init)
        for number in Self.numbers {
            #expect(!lines.contains { Self.digits($0).contains(number) }, "\(number) visible in the Markdown")
        }
        #expect(markdown.contains("请回电 +86 139\\*\\*\\*\\*1111 或 0553-\\*\\*\\*\\*\\*21，谢谢"))
        #expect(markdown.contains("\\| 表格 \\| 注入 \\| &lt;script&gt;alert(1)&lt;/script&gt; \\[链接\\](http://x.cn) !\\[图\\]…"))
        #expect(markdown.contains("第一行<br>第二行 \\*\\*加粗\\*\\* # 标题"))
        #expect(!markdown.contains("<script>"))
        // Every row of the A级, 未办结 and 本月需关注 (overdue A) tables has as many cells as its header: no
        // pipe broke out.
        let unescapedPipes = { (line: String) in
            zip(line, line.dropFirst()).filter { $0.1 == "|" && $0.0 != "\\" }.count + (line.first == "|" ? 1 : 0)
        }
        var headerPipes = 0, checked = 0
        for line in lines where line.hasPrefix("| ") {
            if line.hasPrefix("| 编号") { headerPipes = unescapedPipes(line) }
            if line.hasPrefix("| P0") {
                #expect(unescapedPipes(line) == headerPipes, "\(line)")
                checked += 1
            }
        }
        #expect(checked == 24)
    }

    @Test func maskingSwitchShowsTheOriginals() throws {
        let (directory, result) = try runFixture(config: "mask_personal_info = false\n")
        #expect(result.status == 0, "\(result.stderr)")
        let book = try EndToEnd.readWorkbook(directory + "/reports/2026-10/民情月报-2026-10.xlsx")
        let row = book.record("诉求明细", "P01") ?? [:]
        #expect(row["诉求人"] as? String == "欧阳娜娜")
        #expect(row["联系电话"] as? String == "+86 138 1234 5678")
        #expect(row["诉求内容"] as? String == "请回电 +86 139 0000 1111 或 0553-7654321，谢谢")
    }
}
