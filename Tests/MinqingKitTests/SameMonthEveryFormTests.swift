import Foundation
import Testing

/// SPEC §10's "Done means": the same month given as CSV, as Unicode text (UTF-16), as an .xlsx written by
/// openpyxl and as an .xls written by xlwt gives the same reports. Only where a problem is told differs
/// (a workbook's worksheet; a CSV's physical line where a record above it holds a line break), and
/// 数据问题's 原始内容, which keeps each row as the unit sent it.
@Suite("同一个月，四种形式 the same month in every form")
struct SameMonthEveryFormTests {
    static let forms = ["csv", "txt", "xlsx", "xls"]

    /// The Markdown with the file's name and where a problem is made form-neutral.
    static func neutral(_ text: String, form: String) -> String {
        text.replacingOccurrences(of: "month.\(form)", with: "month")
            .replacingOccurrences(of: "（工作表 登记表）", with: "")
            .replacingOccurrences(of: #"（文件第 \d+ 行）"#, with: "", options: .regularExpression)
    }

    /// Every sheet's values, 数据问题 without 文件, 行号 and 原始内容.
    static func values(_ book: EndToEnd.Workbook) -> [String: [[String]]] {
        var result: [String: [[String]]] = [:]
        for name in book.sheets {
            var rows = book.rows(name).map { $0.map { "\($0)" } }
            if name == "数据问题" { rows = rows.map { Array($0.enumerated().filter { ![0, 1, 4].contains($0.offset) }.map(\.element)) } }
            result[name] = rows
        }
        return result
    }

    @Test func identicalReports() throws {
        let root = try TestSupport.temporaryDirectory("every-form")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let csv = root + "/month.csv"
        try EndToEnd.generateDemands(month: "2026-10", rows: 60, seed: 12, badRows: 3, to: csv)
        let converted = try EndToEnd.execute(
            "/usr/bin/env", ["python3", TestSupport.fixtures + "/forms/convert_month.py", csv, root + "/month"], in: root)
        try #require(converted.status == 0, "convert_month.py (needs openpyxl and xlwt: scripts/install-deps.sh --test): \(converted.stderr)")

        var markdown: [String: String] = [:]
        var books: [String: [String: [[String]]]] = [:]
        var summaries: [String: String] = [:]
        for form in Self.forms {
            let workspace = root + "/" + form
            try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
            let result = try EndToEnd.run(
                ["run", "--month", "2026-10", "--seeds", TestSupport.seeds, root + "/month." + form], in: workspace)
            #expect(result.status == 0, "\(form): \(result.stderr)")
            summaries[form] = result.stdout.replacingOccurrences(of: "month.\(form)", with: "month")
            let reports = workspace + "/reports/2026-10/"
            markdown[form] = Self.neutral(try String(contentsOfFile: reports + "民情月报-2026-10.md", encoding: .utf8), form: form)
            books[form] = Self.values(try EndToEnd.readWorkbook(reports + "民情月报-2026-10.xlsx"))
        }
        #expect(summaries["csv"]?.contains("拒收 3 行") == true, "\(summaries["csv"] ?? "")")
        for form in Self.forms.dropFirst() {
            #expect(summaries[form] == summaries["csv"], "\(form)")
            #expect(markdown[form] == markdown["csv"], "\(form): the Markdown differs")
            for (sheet, rows) in books["csv"] ?? [:] {
                #expect(books[form]?[sheet] == rows, "\(form): sheet \(sheet) differs")
            }
            #expect(Set(books[form]?.keys ?? [:].keys) == Set(books["csv"]?.keys ?? [:].keys))
        }
    }
}
