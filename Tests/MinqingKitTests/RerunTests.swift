import Foundation
import Testing
@testable import MinqingKit

/// A re-run with 5 changed, 2 removed and 3 added demands: its 更正说明 shows exactly those.
@Suite("更正 re-run", .serialized)
struct RerunTests {
    static let header = "编号,受理日期,渠道,诉求内容,办理状态,满意度,村社区\n"

    func row(_ i: Int, status: String = "办理中", content: String? = nil) -> String {
        "R\(i),2026-10-\(String(format: "%02d", i)),来访,\(content ?? "第\(i)条 路面坑洼"),\(status),,东门社区"
    }

    @Test func correctionsOfARerun() throws {
        let directory = try TestSupport.temporaryDirectory("rerun")
        let first = (1...20).map { row($0) }
        var second = (1...20).filter { $0 != 7 && $0 != 8 }.map { i -> String in
            switch i {
            case 1, 2, 3: return row(i, status: "已办结")
            case 4: return row(i, content: "第4条 路面坑洼，已补充说明")
            case 5: return "R5,2026-10-06,来访,第5条 路面坑洼,办理中,,东门社区"
            default: return row(i)
            }
        }
        second += (21...23).map { row($0) }
        try TestSupport.write(Self.header + first.joined(separator: "\n") + "\n", to: directory + "/first.csv")
        try TestSupport.write(Self.header + second.joined(separator: "\n") + "\n", to: directory + "/second.csv")
        let arguments = ["run", "--month", "2026-10", "--seeds", TestSupport.seeds]
        let one = try EndToEnd.run(arguments + ["first.csv"], in: directory)
        #expect(one.status == 0, "\(one.stderr)")
        let two = try EndToEnd.run(arguments + ["second.csv"], in: directory)
        #expect(two.status == 0, "\(two.stderr)")
        #expect(two.stdout.contains("更正：新增 3，修改 5，删除 2"))

        let book = try EndToEnd.readWorkbook(directory + "/reports/2026-10/民情月报-2026-10.xlsx")
        #expect(book.sheets.firstIndex(of: "更正说明") == (book.sheets.firstIndex(of: "数据问题") ?? -9) + 1)
        let rows = book.rows("更正说明").dropFirst().filter { ($0.first as? String)?.hasPrefix("R") == true }
        let kinds = Dictionary(grouping: rows, by: { "\($0[1])" })
        #expect(kinds["新增"]?.map { "\($0[0])" } == ["R21", "R22", "R23"])
        #expect(kinds["删除"]?.map { "\($0[0])" } == ["R7", "R8"])
        let changed = (kinds["修改"] ?? []).map { "\($0[0]) \($0[2]) \($0[3])→\($0[4])" }
        #expect(changed == [
            "R1 办理状态 办理中→已办结", "R2 办理状态 办理中→已办结", "R3 办理状态 办理中→已办结",
            "R4 诉求内容 第4条 路面坑洼→第4条 路面坑洼，已补充说明", "R5 受理日期 2026-10-05→2026-10-06",
        ])

        let markdown = try String(contentsOfFile: directory + "/reports/2026-10/民情月报-2026-10.md", encoding: .utf8)
        #expect(markdown.contains("## 十、更正说明"))
        #expect(markdown.contains("新增 3 件，修改 5 件，删除 2 件"))
        #expect(markdown.contains("| R1 | 修改 | 办理状态 | 办理中 | 已办结 |"))
        #expect(markdown.contains("| R7 | 删除 | — | — | — |"))

        let history = try EndToEnd.run(["history", "--month", "2026-10"], in: directory)
        #expect(history.status == 0)
        let lines = history.stdout.split(separator: "\n").filter { $0.hasPrefix("2026-10") }
        #expect(lines.count == 2)
        #expect(lines.first?.contains("首次导入") == true)
        // 提示 1: the file has no 办结日期 column (R1–R3 are 已办结).
        #expect(lines.last?.contains("受理 21 行，拒收 0 行，提示 1 条；新增 3，修改 5，删除 2") == true, "\(lines)")
        #expect(history.stdout.contains("second.csv  sha256 "))
    }
}
