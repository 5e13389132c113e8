import Foundation
import Testing
@testable import MinqingKit

/// The Markdown bulletin lists at most `MarkdownReport.listLimit` demands of each list and names how
/// many more the workbook has: here 往月诉求本月办结, with 305 September demands resolved in October.
@Suite("月报列表上限 Markdown list limit")
struct MarkdownListLimitTests {
    @Test func lateResolvedListStopsAtTheLimit() throws {
        let directory = try TestSupport.temporaryDirectory("listlimit")
        let count = MarkdownReport.listLimit + 5
        let header = "编号,受理日期,渠道,诉求内容,办理状态,办结日期\n"
        let ids = (1...count).map { String(format: "LL2609%04d", $0) }
        let september = header + ids.map { "\($0),2026-09-10,来访,路灯不亮,办理中,\n" }.joined()
        let october = header + "LL26100001,2026-10-02,来访,路面坑洼,办理中,\n"
            + ids.map { "\($0),2026-09-10,来访,路灯不亮,已办结,2026-10-08\n" }.joined()
        try september.write(toFile: directory + "/2026-09.csv", atomically: true, encoding: .utf8)
        try october.write(toFile: directory + "/2026-10.csv", atomically: true, encoding: .utf8)
        let common = ["--seeds", TestSupport.seeds]
        let first = try EndToEnd.run(["run", "--month", "2026-09"] + common + [directory + "/2026-09.csv"], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try EndToEnd.run(["run", "--month", "2026-10"] + common + [directory + "/2026-10.csv"], in: directory)
        #expect(second.status == 0, "\(second.stderr)")

        let markdown = try String(contentsOfFile: directory + "/reports/2026-10/民情月报-2026-10.md", encoding: .utf8)
        let section = try #require(markdown.components(separatedBy: "### 往月诉求本月办结（\(count) 件）").dropFirst().first)
        let body = try #require(section.components(separatedBy: "## 八、").first)
        let rows = body.split(separator: "\n").filter { $0.hasPrefix("| LL2609") }
        #expect(rows.count == MarkdownReport.listLimit)
        #expect(rows.first?.hasPrefix("| LL26090001 |") == true)
        #expect(body.contains("另有 5 件未列出，见工作簿“往月诉求本月办结”表。"))
        // The workbook keeps every one of them.
        let book = try EndToEnd.readWorkbook(directory + "/reports/2026-10/民情月报-2026-10.xlsx")
        #expect(book.rows("往月诉求本月办结").count - 1 == count)
    }
}
