import Foundation
import GRDB
import Logging
import Testing
@testable import MinqingKit

/// SPEC §10 on text inputs: the header found below title rows, the 12345 export headers, the import
/// mappings, blank rows and columns, rows numbered as a spreadsheet shows them, UTF-16 text.
@Suite("输入形式 inputs as units send them")
struct InputFormsTests {
    let directory: String
    let pipeline: Pipeline

    init() throws {
        directory = try TestSupport.temporaryDirectory("forms")
        pipeline = Pipeline(workspace: Workspace(root: directory, seeds: TestSupport.seeds), logger: Logger(label: "test"))
    }

    func month(_ text: String = "2026-10") throws -> YearMonth { try #require(YearMonth(parsing: text)) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try TestSupport.write(text, to: path)
        return path
    }

    /// The stored demands: 编号 → [column: value].
    func stored() throws -> [String: [String: String]] {
        let queue = try DatabaseQueue(path: directory + "/minqing.sqlite")
        return try queue.read { db in
            var result: [String: [String: String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM demand") {
                var values: [String: String] = [:]
                for column in row.columnNames { values[column] = row[column].map { "\($0)" } ?? "" }
                result[row["id"]] = values
            }
            return result
        }
    }

    /// A 12345 export as a unit sends it: two title rows and a blank row above the header, the export's
    /// own headers, its own status words (mapped in minqing.toml), a column without a header, blank rows.
    static let export = """
        2026年10月群众诉求登记表,,,,,,,,,
        填报单位：城关镇（盖章）,,,,,,,,,
        ,,,,,,,,,
        工单编号,来电时间,来电渠道,反映内容,处理状态,诉求人姓名,办结时间,回访满意度,,备注
        A1,2026-10-03 09:00,来访,路灯不亮,已完成,张三,2026-10-05,满意,,已回访
        ,,,,,,,,,
        A2,2026/10/4,12345热线,"小区停水
        三天",已转办,李四,,,补充说明,
        A3,2026-10-06,来访,路面坑洼,处理中,王五,,,,
         , ,,,,,,,,
        """

    static let mapping = """
        [import.values."办理状态"]
        "已完成" = "已办结"
        "已转办" = "办理中"

        """

    @Test func exportWithTitleRowsAndItsOwnHeadersIsRead() throws {
        try TestSupport.write(Self.mapping, to: directory + "/minqing.toml")
        let path = try write("城关镇.csv", Self.export)
        let outcome = try pipeline.ingest(month: try month(), inputs: [path], encoding: nil, strict: false, command: "test")
        #expect(outcome.accepted == 3)
        #expect(outcome.rejected == 0)
        #expect(outcome.files.first?.rows == 3)

        let demands = try stored()
        #expect(demands["A1"]?["status"] == "已办结")
        #expect(demands["A1"]?["petitioner"] == "张三")
        #expect(demands["A1"]?["resolved"] == "2026-10-05")
        #expect(demands["A1"]?["satisfaction"] == "满意")
        #expect(demands["A2"]?["status"] == "办理中")
        #expect(demands["A2"]?["content"] == "小区停水\n三天")
        #expect(demands["A3"]?["status"] == "办理中")
        // Rows as a spreadsheet shows them: the header is row 4, A2 row 7 (after a blank row), and A3,
        // below A2's two-line content, row 8 on physical line 9.
        #expect(demands["A1"]?["source_line"] == "5")
        #expect(demands["A2"]?["source_line"] == "7")
        #expect(demands["A3"]?["source_line"] == "8")

        let notices = outcome.problems.filter { $0.level == .notice }
        let titles = notices.filter { $0.message.contains("表头在第 4 行") }
        #expect(titles.map(\.row) == [1, 2])
        #expect(titles.first?.raw == "2026年10月群众诉求登记表,,,,,,,,,")
        let unused = try #require(notices.first { $0.message.hasPrefix("未使用的列已忽略") })
        #expect(unused.row == 4)
        #expect(unused.message.contains("备注"))
        let unnamed = try #require(notices.first { $0.message.contains("没有表头") })
        #expect(unnamed.message.contains("第 I 列没有表头，其中 1 行的内容（第一处在第 7 行）未使用"))
    }

    @Test func withoutTheMappingTheExportsOwnStatusWordsAreRejected() throws {
        let path = try write("城关镇.csv", Self.export)
        let outcome = try pipeline.ingest(month: try month(), inputs: [path], encoding: nil, strict: false, command: "test")
        #expect(outcome.accepted == 1)
        let rejected = outcome.problems.filter { $0.level == .rejected }
        #expect(rejected.map(\.row) == [5, 7])
        #expect(rejected.map(\.physicalLine) == [0, 0])
        #expect(rejected.first?.message.contains("未知的办理状态「已完成」") == true)
        #expect(rejected.first?.logLine.hasPrefix("城关镇.csv:row 5: 办理状态: ") == true)
    }

    @Test func physicalLineIsNamedWhenItDiffersFromTheRow() throws {
        let path = try write("a.csv", """
            编号,受理日期,渠道,诉求内容,办理状态
            B1,2026-10-03,来访,"第一行
            第二行
            第三行",已办结
            B2,2026-10-40,来访,路灯不亮,已办结

            B3,2026-10-05,来访,路灯不亮,待定
            """)
        let (_, problems) = try pipeline.check(month: try month(), inputs: [path], encoding: nil)
        let rejected = problems.filter { $0.level == .rejected }
        #expect(rejected.map(\.logLine) == [
            "a.csv:row 3 (line 5): 受理日期: " + RowValidator.badDate("2026-10-40"),
            "a.csv:row 5 (line 7): 办理状态: 未知的办理状态「待定」，应为 已办结、办理中 或 未办理",
        ])
        #expect(rejected.map(\.rowText) == ["3（文件第 5 行）", "5（文件第 7 行）"])
    }

    @Test func noHeaderAmongTheFirstRowsRefusesTheFile() throws {
        let path = try write("b.csv", """
            诉求登记表
            序号,日期,内容
            1,2026-10-03,路灯不亮
            """)
        let error = #expect(throws: InputRefused.self) {
            try pipeline.check(month: try month(), inputs: [path], encoding: nil)
        }
        #expect(error?.message.contains("b.csv 的前 3 个非空行中没有表头") == true)
        #expect(error?.message.contains("[import.columns]") == true)
    }

    @Test func mappedHeadersMakeAHeaderAndAreUsed() throws {
        try TestSupport.write("""
            [import.columns]
            "单号" = "编号"
            "日期" = "受理日期"
            "方式" = "渠道"
            "问题" = "诉求内容"
            "进度" = "办理状态"

            """, to: directory + "/minqing.toml")
        let path = try write("c.csv", "单号,日期,方式,问题,进度,受理日其\nC1,2026-10-03,来访,路灯不亮,已办结,x\n")
        let outcome = try pipeline.ingest(month: try month(), inputs: [path], encoding: nil, strict: false, command: "test")
        #expect(outcome.accepted == 1)
        let unused = try #require(outcome.problems.first { $0.message.hasPrefix("未使用的列已忽略") })
        // A misspelt header is named with the known one it is closest to.
        #expect(unused.message.contains("受理日其（是否为「受理日期」？）"))
    }

    @Test(arguments: [
        ("[import.columns]\n\"单号\" = \"单据号\"\n", 2, "「单号」对应的「单据号」不是 minqing 的列名"),
        ("[import.values.\"办理状态\"]\n\"已完成\" = \"完成\"\n", 2, "不是办理状态的取值；应为 已办结、办理中 或 未办理"),
        ("[import.values.\"进度\"]\n\"已完成\" = \"已办结\"\n", 1, "「进度」不是 minqing 的列名"),
        ("[import.columns]\n\"单号\" = 1\n", 2, "应为带引号的文字"),
    ])
    func badMappingsAreRefused(text: String, line: Int, message: String) throws {
        let error = #expect(throws: ConfigError.self) { try ConfigLoader.parse(text, path: "minqing.toml") }
        #expect(error?.line == line)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func mappingsAreRead() throws {
        let config = try ConfigLoader.parse("""
            [import.columns]
            "工单号" = "编号"
            "Time" = "received"
            [import.values."满意度"]
            "好评" = "满意"
            [import.values.status]
            "已完成" = "已办结"
            """, path: "minqing.toml")
        #expect(config.importMapping.columns == ["工单号": .id, "Time": .received])
        #expect(config.importMapping.values == [.satisfaction: ["好评": "满意"], .status: ["已完成": "已办结"]])
    }

    /// The built-in 12345 headers of SPEC §10, each known without configuration.
    @Test(arguments: [
        ("工单编号", InputColumn.id), ("来电时间", .received), ("登记时间", .received), ("受理时间", .received),
        ("来电渠道", .channel), ("诉求渠道", .channel), ("来源", .channel), ("反映内容", .content),
        ("问题描述", .content), ("工单内容", .content), ("处理状态", .status), ("工单状态", .status),
        ("来电人", .petitioner), ("诉求人姓名", .petitioner), ("反映人", .petitioner), ("来电号码", .phone),
        ("联系方式", .phone), ("所属乡镇", .township), ("所在乡镇", .township), ("所属村社区", .village),
        ("所在村", .village), ("问题分类", .domain), ("诉求分类", .domain), ("承办单位", .department),
        ("责任单位", .department), ("办结时间", .resolved), ("回访满意度", .satisfaction),
        ("满意度评价", .satisfaction), ("办理时限", .deadline), ("截止时间", .deadline),
    ])
    func builtInExportHeaders(header: String, column: InputColumn) {
        let match = HeaderMatcher.match([header], columns: InputColumn.specs)
        #expect(match.index == [column.header: 0])
    }

    @Test(arguments: [
        ("受理日其", "受理日期"), ("诉求内容详情", "诉求内容"), ("办理状太", "办理状态"), ("来电号吗", "联系电话"),
        ("备注", nil), ("序号", nil), ("受理坐席", nil), ("回访满意度调查", "满意度"),
    ] as [(String, String?)])
    func closestKnownHeader(name: String, closest: String?) {
        let match = HeaderMatcher.match(["编号", name], columns: InputColumn.specs)
        #expect(match.closest == [closest])
    }

    @Test func utf16TextIsReadLikeTheCSV() throws {
        let csv = "编号,受理日期,渠道,诉求内容,办理状态\nU1,2026-10-03,来访,\"路灯,不亮\",已办结\n"
        let tsv = "编号\t受理日期\t渠道\t诉求内容\t办理状态\r\nU1\t2026-10-03\t来访\t路灯,不亮\t已办结\r\n"
        let csvPath = try write("u.csv", csv)
        let txtPath = directory + "/u.txt"
        try Data([0xFF, 0xFE] + Array(tsv.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: URL(fileURLWithPath: txtPath))
        let one = try pipeline.check(month: try month(), inputs: [csvPath], encoding: nil)
        let two = try pipeline.check(month: try month(), inputs: [txtPath], encoding: nil)
        // The same notices (the file has no 办结日期 column), on the same rows.
        #expect(!one.problems.isEmpty)
        #expect(one.problems.map(\.problemText) == two.problems.map(\.problemText))
        #expect(one.problems.map(\.row) == two.problems.map(\.row))
        #expect(two.files.first?.form == "utf-16le")
        #expect(two.files.first?.rows == 1)
    }

    @Test(arguments: [(0, "A"), (8, "I"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
    func columnLetters(index: Int, letters: String) {
        #expect(ColumnLetters.name(of: index) == letters)
    }

    /// The form is told by content: a workbook renamed `.csv` is read as a workbook, a CSV renamed
    /// `.xlsx` as text, with the same rows.
    @Test func renamedFilesAreReadByTheirContent() throws {
        let register = TestSupport.root + "/SampleData/2026-10/城关镇登记表-2026-10.xlsx"
        let asCSV = directory + "/登记表.csv"
        try FileManager.default.copyItem(atPath: register, toPath: asCSV)
        let workbook = try pipeline.check(month: try month(), inputs: [asCSV], encoding: nil)
        #expect(workbook.files.first?.form == "xlsx")
        #expect(workbook.files.first?.sheet == "10月登记")
        #expect(workbook.files.first?.rows == 21)
        #expect(workbook.problems.contains { $0.logLine.hasPrefix("登记表.csv[10月登记]:row 16: 诉求内容: 必填项为空") })

        let text = try write("a.xlsx", "编号,受理日期,渠道,诉求内容,办理状态,办结日期,村社区\nA1,2026-10-03,来访,路灯不亮,已办结,2026-10-04,东门社区\n")
        let csv = try pipeline.check(month: try month(), inputs: [text], encoding: nil)
        #expect(csv.files.first?.form == "utf-8")
        #expect(csv.files.first?.rows == 1)
        #expect(csv.problems.isEmpty)
    }

    @Test(arguments: [
        (["A1", "路灯不亮"], "A1,路灯不亮"),
        (["A1", "路灯,不亮"], "A1,\"路灯,不亮\""),
        (["A1", "他说\"好\""], "A1,\"他说\"\"好\"\"\""),
        (["A1", "两行\n内容", ""], "A1,\"两行\n内容\","),
        ([], ""),
    ])
    func workbookRowsAreKeptAsCSVLines(cells: [String], line: String) {
        #expect(CSVLine.join(cells) == line)
        #expect(RawRow.cells(cells).text == line)
        #expect(RawRow.text("x,y").text == "x,y")
    }

    /// What the seeds checks notice reaches the month's 数据问题, on the seeds file's line.
    @Test func seedsNoticesReachTheMonthsDataProblems() throws {
        let seeds = directory + "/seeds"
        try FileManager.default.copyItem(atPath: TestSupport.seeds, toPath: seeds)
        var domains = try String(contentsOfFile: seeds + "/domains.csv", encoding: .utf8).components(separatedBy: "\n")
        domains[1] = domains[1].replacingOccurrences(of: "|", with: "、")
        try TestSupport.write(domains.joined(separator: "\n"), to: seeds + "/domains.csv")
        let local = Pipeline(workspace: Workspace(root: directory, seeds: seeds), logger: Logger(label: "test"))
        let path = try write("d.csv", "编号,受理日期,渠道,诉求内容,办理状态,办结日期,村社区\nD1,2026-10-03,来访,路灯不亮,已办结,2026-10-04,东门社区\n")
        let (_, problems) = try local.check(month: try month(), inputs: [path], encoding: nil)
        let notice = try #require(problems.first)
        #expect(notice.file == "domains.csv")
        #expect(notice.row == 2)
        #expect(notice.level == .notice)
        #expect(notice.message.contains("请用 | 分隔"))
    }
}

/// Inputs the fuzzers found, kept as regression tests (Tests/Fixtures/fuzz).
@Suite struct FuzzRegressionTests {
    /// FuzzHeaders (2026-12-02): a header line with replacement characters made Foundation's
    /// `String.contains`, used to suggest the closest known header, trap ("String index is out of
    /// bounds"). The match now compares characters itself.
    @Test func headerLineThatTrappedFoundationContains() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixtures + "/fuzz/headers-foundation-contains.txt"))
        let text = String(decoding: data, as: UTF8.self)
        let cells = text.split(omittingEmptySubsequences: false) { $0 == "," || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            .map(String.init)
        let match = HeaderMatcher.match(cells, columns: InputColumn.specs)
        #expect(match.index["受理日期"] == 1)
        #expect(match.index["人数"] == 6)
        #expect(match.unknown.count == match.closest.count)
    }

    @Test(arguments: [
        (["受", "理", "日", "期"], ["理", "日"], true), (["受", "理"], ["理", "日"], false), (["a"], [], true),
        (["\u{FFFD}", "e\u{301}", "号"], ["e\u{301}", "号"], true), (["编", "号"], ["编", "号", "x"], false),
    ] as [([Character], [Character], Bool)])
    func holds(whole: [Character], part: [Character], expected: Bool) {
        #expect(HeaderMatcher.holds(whole, part) == expected)
    }
}
