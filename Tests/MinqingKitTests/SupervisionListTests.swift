import Foundation
import Testing
@testable import MinqingKit

/// 督办清单-YYYY-MM.xlsx (SPEC §12) with the built binary, real SQLite and openpyxl: the sample months
/// (September's open demands carried into October) plus Tests/Fixtures/supervision/odd-units-2026-10.csv,
/// whose 主管部门 are units the seeds do not know — one with `/`, two longer than 31 characters that
/// share their first 31, two that differ only in case, one of Excel's forbidden characters and a
/// leading `=`.
@Suite("督办清单 supervision list", .serialized)
struct SupervisionListTests {
    static let month = "2026-10"
    static let title = "江岭县群众诉求督办清单"
    static let headers = [
        "序号", "编号", "受理日期", "乡镇", "村社区", "涉及领域", "等级", "办理状态", "截止日期", "已办天数", "时效", "诉求内容",
        "办理情况（请填写）",
    ]

    /// The workspace with both months run, made once for the suite.
    struct Space {
        let directory: String
        var reports: String { directory + "/reports/" + SupervisionListTests.month }
        var supervision: String { reports + "/督办清单-2026-10.xlsx" }
        var bulletin: String { reports + "/民情月报-2026-10.xlsx" }
        let run: EndToEnd.Result
    }

    static let space: Result<Space, any Error> = Result {
        let directory = try TestSupport.temporaryDirectory("supervision")
        let common = ["--seeds", TestSupport.seeds]
        let september = try EndToEnd.run(
            ["run", "--month", "2026-09"] + common + [TestSupport.root + "/SampleData/2026-09/群众诉求-2026-09.csv"],
            in: directory)
        guard september.status == 0 else { throw EndToEnd.ReadError(message: "2026-09: \(september.stderr)") }
        let october = ["群众诉求-2026-10.csv", "说事点登记-2026-10.csv"].map { TestSupport.root + "/SampleData/2026-10/" + $0 }
            + [TestSupport.fixtures + "/supervision/odd-units-2026-10.csv"]
        let run = try EndToEnd.run(["run", "--month", month] + common + october, in: directory)
        guard run.status == 0 else { throw EndToEnd.ReadError(message: "2026-10: \(run.stderr)") }
        return Space(directory: directory, run: run)
    }

    /// Each open demand's primary unit, as the store reads it back.
    static func primaryUnits(_ space: Space) throws -> [String: String] {
        let store = try Store(path: space.directory + "/minqing.sqlite")
        var units: [String: String] = [:]
        try store.read(month: try #require(YearMonth(parsing: month))) { records in
            try records.forEachOpenDemand { demand, _ in units[demand.id] = demand.primaryUnit }
        }
        return units
    }

    static func text(_ value: Any) -> String { value is NSNull ? "" : "\(value)" }

    @Test func oneSheetPerUnitInSeedOrderWithItsRowsOfTheUnresolvedList() throws {
        let space = try Self.space.get()
        let book = try EndToEnd.readWorkbook(space.supervision)
        let bulletin = try EndToEnd.readWorkbook(space.bulletin)
        let unitOf = try Self.primaryUnits(space)

        // 未办结诉求's rows, by column name, in its order (overdue first).
        let listHeaders = bulletin.headers("未办结诉求")
        let listed = bulletin.rows("未办结诉求").dropFirst().map { row in
            Dictionary(zip(listHeaders, row.map(Self.text)), uniquingKeysWith: { a, _ in a })
        }
        #expect(listed.count == unitOf.count)
        #expect(listed.count > 50)

        // Units: as units.csv lists them, then the others by name; sheet names made safe and unique.
        let seedUnits = try TestSupport.reference().units.map(\.name)
        let present = Set(unitOf.values)
        let others = present.subtracting(seedUnits).sorted()
        let units = seedUnits.filter(present.contains) + others
        #expect(others == [
            "=公司[甲]:*?", "ABC物业公司", "Abc物业公司", "县住建局/房管中心",
            "江岭县城乡建设发展中心农村人居环境整治工作领导小组办公室综合协调一组",
            "江岭县城乡建设发展中心农村人居环境整治工作领导小组办公室综合协调二组",
        ])
        #expect(Array(book.sheets.suffix(6)) == [
            "=公司［甲］：＊？", "ABC物业公司", "Abc物业公司(2)", "县住建局／房管中心",
            "江岭县城乡建设发展中心农村人居环境整治工作领导小组办公室综合协",
            "江岭县城乡建设发展中心农村人居环境整治工作领导小组办公室(2)",
        ])
        #expect(book.sheets.first == "县水务局")
        #expect(book.sheets.count == units.count)
        #expect(book.sheets.allSatisfy { $0.utf16.count <= 31 })

        var total = 0
        for (unit, sheet) in zip(units, book.sheets) {
            let rows = book.rows(sheet).map { $0.map(Self.text) }
            let expected = listed.filter { unitOf[$0["编号"] ?? ""] == unit }
            let overdue = expected.filter { $0["时效"] == "已超期" }.count
            #expect(rows.count == 3 + expected.count, "\(sheet)")
            #expect(rows.first?.first == Self.title)
            #expect(rows.dropFirst().first?.first
                == "责任单位：\(unit)　　月份：2026年10月　　截至 2026-10-31 未办结 \(expected.count) 件，其中已超期 \(overdue) 件")
            #expect(rows.dropFirst(2).first == Self.headers, "\(sheet)")
            let shown = Array(rows.dropFirst(3))
            for (i, (row, want)) in zip(shown, expected).enumerated() {
                let columns = ["编号", "受理日期", "乡镇", "村社区", "涉及领域", "等级", "办理状态", "截止日期", "已办天数", "时效", "诉求内容"]
                #expect(row == ["\(i + 1)"] + columns.map { want[$0] ?? "?" } + [""], "\(sheet) row \(i + 1)")
            }
            // Overdue first.
            let timeliness = shown.map { $0[10] }
            #expect(timeliness == timeliness.filter { $0 == "已超期" } + timeliness.filter { $0 != "已超期" }, "\(sheet)")
            total += shown.count
        }
        #expect(total == listed.count)
        // Some unit has both overdue and not-yet-due demands, so the order above was tested.
        #expect(book.sheets.contains { sheet in
            let t = Set(book.rows(sheet).dropFirst(3).map { Self.text($0[10]) })
            return t.contains("已超期") && t.contains("未到期")
        })
    }

    @Test func printsAsANoticeWithTextNeverAFormula() throws {
        let space = try Self.space.get()
        let book = try EndToEnd.readWorkbook(space.supervision)
        #expect(book.formulaCount == 0)
        for sheet in book.sheets {
            let detail = book.sheet(sheet)
            #expect(detail["orientation"] as? String == "landscape", "\(sheet)")
            #expect(number(detail["paper"]) == 9)
            #expect(detail["fitToPage"] as? Bool == true)
            #expect(number(detail["fitToHeight"]) == 0)
            #expect(detail["printTitleRows"] as? String == "$1:$3")
            #expect(detail["freeze"] as? String == "A4")
            #expect(detail["headerLeft"] as? String == "江岭县")
            #expect(detail["header"] as? String == "2026年10月 督办清单")
            #expect(detail["footer"] as? String == "第 &P 页")
            #expect(detail["useFirstPageNumber"] as? Bool == true)
            #expect(detail["merged"] as? [String] == ["A1:M1", "A2:M2"])
            let rows = book.rows(sheet)
            #expect(detail["autofilter"] as? String == "A3:M\(rows.count)")
            // 序号 is a number, the demand's columns are text, 办理情况 is left empty.
            let types = detail["types"] as? [[String]] ?? []
            for (row, kinds) in zip(rows.dropFirst(3), types.dropFirst(3)) {
                #expect(kinds.first == "n")
                #expect(kinds.dropFirst().dropLast().allSatisfy { $0 == "s" }, "\(sheet): \(kinds)")
                #expect(row.last is NSNull)
            }
        }
        let unitLine = try #require(book.rows("县住建局／房管中心").dropFirst().first?.first as? String)
        #expect(unitLine.hasPrefix("责任单位：县住建局/房管中心　　"))
        #expect(book.sheet("县住建局／房管中心")["headerRight"] as? String == "县住建局/房管中心")
        let formula = try #require(book.rows("=公司［甲］：＊？").dropFirst(3).first)
        #expect(formula[11] as? String == "=1+1 写成文字")
    }

    @Test func personalDataMasked() throws {
        let space = try Self.space.get()
        let book = try EndToEnd.readWorkbook(space.supervision)
        let cells = book.sheets.flatMap { book.rows($0).flatMap { $0.compactMap { $0 as? String } } }
        let phone = try NSRegularExpression(pattern: "1[3-9][0-9]{9}")
        let full = cells.filter { phone.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
        #expect(full.isEmpty, "full phone numbers: \(full)")
        #expect(cells.contains("楼道灯坏了一个月，联系电话139****5678"))
        #expect(!cells.contains { $0.contains("张小红") })
    }

    @Test func listedInTheOutputsAndTheSameBytesOnReport() throws {
        let space = try Self.space.get()
        #expect(space.run.stdout.contains("督办清单-2026-10.xlsx"))
        let before = try Data(contentsOf: URL(fileURLWithPath: space.supervision))
        let again = try EndToEnd.run(["report", "--month", Self.month, "--seeds", TestSupport.seeds], in: space.directory)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains(space.supervision.replacingOccurrences(of: space.directory, with: ".")))
        let after = try Data(contentsOf: URL(fileURLWithPath: space.supervision))
        let same = before == after
        #expect(same, "督办清单 differs after minqing report (\(before.count) and \(after.count) bytes)")
        // Nothing temporary is left beside the reports.
        let names = try FileManager.default.contentsOfDirectory(atPath: space.reports)
        #expect(names.sorted() == ["数据问题-2026-10.csv", "民情月报-2026-10.md", "民情月报-2026-10.xlsx", "督办清单-2026-10.xlsx"])
    }

    @Test func aMonthWithNothingOpenSaysSo() throws {
        let directory = try TestSupport.temporaryDirectory("supervision-empty")
        let run = try EndToEnd.run(
            ["run", "--month", Self.month, "--seeds", TestSupport.seeds, TestSupport.fixtures + "/supervision/all-resolved-2026-10.csv"],
            in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let book = try EndToEnd.readWorkbook(directory + "/reports/2026-10/督办清单-2026-10.xlsx")
        #expect(book.sheets == ["督办清单"])
        let rows = book.rows("督办清单").map { $0.map(Self.text) }
        #expect(rows.map { $0.first } == [Self.title, "月份：2026年10月　　截至 2026-10-31 未办结 0 件", "月末没有未办结的诉求。"])
        #expect(book.sheet("督办清单")["orientation"] as? String == "landscape")
    }

    // MARK: - Sheet names

    @Test(arguments: [
        (["县水务局"], ["县水务局"]),
        (["县住建局/房管中心", "a[b]:c*d?e\\f"], ["县住建局／房管中心", "a［b］：c＊d？e＼f"]),
        (["ABC公司", "abc公司", "Abc公司"], ["ABC公司", "abc公司(2)", "Abc公司(3)"]),
        (["", "  ", "'x'"], ["未指定单位", "未指定单位(2)", "x"]),
        (["History", "history"], ["History(2)", "history(3)"]),
        (["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二四"],
         ["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八(2)"]),
        (["行\n一", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"], ["行 一", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"]),
    ])
    func sheetNamesSafeAndUnique(_ names: [String], _ expected: [String]) {
        var sheets = XlsxSheetNames(blank: "未指定单位")
        #expect(names.map { sheets.unique($0) } == expected)
    }

    /// Every name the rules make is one libxlsxwriter accepts.
    @Test func sheetNamesAcceptedByLibxlsxwriter() throws {
        let directory = try TestSupport.temporaryDirectory("sheet-names")
        let book = try XlsxWorkbook(path: directory + "/names.xlsx", constantMemory: false)
        var sheets = XlsxSheetNames(blank: "未指定单位")
        for name in ["'a", "b'", "History", "x/y", String(repeating: "长", count: 40), "[]:*?/\\", "ABC", "abc", "\u{1}"] {
            _ = try book.addWorksheet(sheets.unique(name))
        }
        try book.close()
    }
}

extension SupervisionListTests {
    /// The bulletin's shared-string table counts exactly the cells that refer to it (`count`), and
    /// holds each distinct text once (`uniqueCount`), as Excel writes them: the lists reuse a column's
    /// last index without looking the table up, and must still count the reference.
    @Test func sharedStringCountsMatchTheCells() throws {
        let space = try Self.space.get()
        let script = """
            import re, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            sst = z.read("xl/sharedStrings.xml").decode()
            count, unique = re.search(r'count="(\\d+)" uniqueCount="(\\d+)"', sst).groups()
            cells = sum(len(re.findall(rb't="s"', z.read(n))) for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
            entries = len(re.findall(r"<si>", sst))
            print(count, unique, cells, entries)
            """
        let result = try EndToEnd.execute("/usr/bin/env", ["python3", "-c", script, space.bulletin], in: TestSupport.root)
        let numbers = result.stdout.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(numbers.count == 4, "\(result.stdout) \(result.stderr)")
        guard numbers.count == 4 else { return }
        #expect(numbers[0] == numbers[2], "count \(numbers[0]), cells \(numbers[2])")
        #expect(numbers[1] == numbers[3], "uniqueCount \(numbers[1]), entries \(numbers[3])")
        #expect(numbers[2] > 100)
    }
}
