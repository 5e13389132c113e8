import Foundation
import Testing

/// The bad-input corpus (Tests/Fixtures/bad-input, see its README.md): every file is run through the built
/// binary with `check` (which writes nothing), and the row-level ones also with `run`, to pin down the exit
/// status, the message naming file, line and column, and that no given row disappears (SPEC §1, §5).
@Suite("坏输入 bad-input corpus")
struct BadInputCorpusTests {
    static let folder = TestSupport.fixtures + "/bad-input"
    static func path(_ file: String) -> String { folder + "/" + file }

    /// One fixture under `check`: the exit status and the sentences stdout/stderr must contain.
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var status: Int32
        /// The whole file is refused (message on stderr, nothing on stdout).
        var refused = false
        var stdout: [String] = []
        var stderr: [String] = []
        /// More sentences stderr must contain.
        var alsoExpected: [String] = []
        var testDescription: String { file }
    }

    static let checkCases: [Case] = [
        // Whole-file problems: refused, exit 1, one sentence naming the file (and line when there is one).
        Case(file: "empty.csv", status: 1, refused: true,
             stderr: ["empty.csv：文件是空的，没有任何内容。"]),
        Case(file: "missing-required-column.csv", status: 1, refused: true,
             stderr: ["missing-required-column.csv 第 1 行（表头）：缺少必填列 诉求内容。"]),
        Case(file: "duplicated-header-column.csv", status: 1, refused: true,
             stderr: ["duplicated-header-column.csv 第 1 行（表头）：列「渠道」出现了 2 次（第 C、E 列）"]),
        Case(file: "bom-gb18030.csv", status: 1, refused: true,
             stderr: ["bom-gb18030.csv 第 1 行：文件开头标明为 UTF-8 编码（BOM），但内容不是 UTF-8（可能是 GB18030/GBK）"]),
        Case(file: "invalid-utf8-after-prefix.csv", status: 1, refused: true,
             stderr: ["invalid-utf8-after-prefix.csv 第"],
             alsoExpected: ["invalid-utf8-after-prefix.csv 第 4 行：含有无法识别的字符，不是有效的 UTF-8 编码。"]),
        Case(file: "invalid-gb18030.csv", status: 1, refused: true,
             stderr: ["invalid-gb18030.csv 第 3 行：含有无法识别的字符，不是有效的 GB18030/GBK 编码。"]),
        Case(file: "unterminated-quote.csv", status: 1, refused: true,
             stderr: ["unterminated-quote.csv 第 3 行：引号未闭合，文件在引号字段中结束（该字段从第 3 行开始）。"]),

        // Accepted files: exit 0.
        Case(file: "header-only.csv", status: 0,
             stdout: ["检查 2026-10：1 个文件，0 行，拒收 0 行，提示 0 条。"]),
        Case(file: "unknown-extra-column.csv", status: 0,
             stdout: ["unknown-extra-column.csv:row 1: 未使用的列已忽略：备注。", "1 行，拒收 0 行"]),
        Case(file: "unknown-references.csv", status: 0,
             stdout: [
                "unknown-references.csv:row 2: 渠道: 渠道「飞鸽传书」未在 channels.csv 登记，已按原值统计；如是新渠道，请加入 channels.csv [提示]",
                "unknown-references.csv:row 3: 村社区: 村社区「不存在村」未在 places.csv 登记（类型 未登记），已按原值保留。 [提示]",
                "unknown-references.csv:row 4: 涉及领域: 涉及领域「天文」未在 domains.csv 登记，已按诉求内容的关键词归类。 [提示]",
                "unknown-references.csv:row 5: 主管部门: 主管部门「县魔法局」未在 units.csv 登记（类型 未登记），已按原值保留并计分。 [提示]",
                // The file has no 办结日期 column: one notice for its 4 已办结 rows.
                "unknown-references.csv:row 1: 办结日期: 文件没有办结日期列：其中 4 件已办结的诉求不计入按期办结率和平均办理天数；请在导出中加上办结日期列 [提示]",
                "4 行，拒收 0 行，提示 6 条。",
             ]),
        Case(file: "resolved-dates.csv", status: 0,
             stdout: [
                "resolved-dates.csv:row 3: 办结日期: 已办结但没有办结日期：不计入按期办结率和平均办理天数；请补填办结日期 [提示]",
                "resolved-dates.csv:row 4: 办结日期: 办结日期 2026-11-03 晚于报告月份 2026-10 的月末；已按给定日期保存（导出晚于月末时常见），请核对 [提示]",
                "resolved-dates.csv:row 6: 办结日期: 办结日期 2026-11-02 晚于报告月份 2026-10 的月末；已按给定日期保存（导出晚于月末时常见），请核对 [提示]",
                // check rehearses the ingest, so it gives the 补录 notice run gives (SPEC §10).
                "resolved-dates.csv:row 6: 受理日期: 补录：往月诉求 RD5（受理日期 2026-09-15，2026-09）在数据库中没有记录",
                "resolved-dates.csv:row 8: 办结日期: 已办结但没有办结日期：不计入按期办结率和平均办理天数；请补填办结日期 [提示]",
                "resolved-dates.csv:row 9: 办结日期: 办结日期 2026-10-08 早于受理日期 2026-10-10，请核对 [提示]",
                "检查 2026-10：1 个文件，8 行，拒收 0 行，提示 6 条。",
             ]),

        // Row-level problems: the row is rejected, the rest goes on; `check` exits 1.
        Case(file: "nul-in-row.csv", status: 1,
             stdout: ["nul-in-row.csv:row 2: 该行含有空字符（NUL），文件可能已损坏，请从原系统重新导出 [拒收]", "2 行，拒收 1 行"]),
        Case(file: "ragged-rows.csv", status: 1,
             stdout: [
                "ragged-rows.csv:row 3: 该行有 7 个字段，比表头的 6 列多（可能是内容中的逗号没有加引号） [拒收]",
                "ragged-rows.csv:row 4: 该行只有 5 个字段，表头有 6 列，缺少的列按空白处理 [提示]",
                "3 行，拒收 1 行",
             ]),
        Case(file: "cr-line-ends.csv", status: 1,
             stdout: [
                // C2's quoted content spans lines 3–4, so C3 (row 4 as a spreadsheet shows it) starts on
                // physical line 5, and C4 (row 5) on line 6.
                "cr-line-ends.csv:row 4 (line 5): 办理状态: 未知的办理状态「待定」，应为 已办结、办理中 或 未办理 [拒收]",
                "cr-line-ends.csv:row 5 (line 6): 乡镇:",
                "4 行，拒收 1 行",
             ]),
        Case(file: "blank-required-values.csv", status: 1,
             stdout: [
                "blank-required-values.csv:row 2: 编号: 必填项为空 [拒收]",
                "blank-required-values.csv:row 3: 受理日期: 必填项为空 [拒收]",
                "blank-required-values.csv:row 4: 渠道: 必填项为空 [拒收]",
                "blank-required-values.csv:row 5: 诉求内容: 必填项为空 [拒收]",
                "blank-required-values.csv:row 6: 办理状态: 必填项为空 [拒收]",
                "6 行，拒收 5 行",
             ]),
        Case(file: "bad-dates.csv", status: 1,
             stdout: [
                "bad-dates.csv:row 2: 受理日期: 无法识别的日期「2026-02-30」",
                "bad-dates.csv:row 3: 受理日期: 无法识别的日期「2026/13/01」",
                "bad-dates.csv:row 4: 受理日期: 无法识别的日期「昨天」",
                "4 行，拒收 3 行",
             ]),
        Case(file: "unknown-status.csv", status: 1,
             stdout: [
                "unknown-status.csv:row 2: 办理状态: 未知的办理状态「已转办」，应为 已办结、办理中 或 未办理 [拒收]",
                "2 行，拒收 1 行",  // 办结 is an alias of 已办结
             ]),
        Case(file: "bad-headcount.csv", status: 1,
             stdout: [
                "bad-headcount.csv:row 2: 人数: 人数「0」应为正整数（如 1、5、12） [拒收]",
                "bad-headcount.csv:row 3: 人数: 人数「-1」应为正整数（如 1、5、12） [拒收]",
                "bad-headcount.csv:row 4: 人数: 人数「1.5」应为正整数（如 1、5、12） [拒收]",
                "bad-headcount.csv:row 5: 人数: 人数「一百」应为正整数（如 1、5、12） [拒收]",
                "6 行，拒收 4 行",  // blank (= 1) and 12 are fine
             ]),
        Case(file: "duplicate-id.csv", status: 1,
             stdout: ["duplicate-id.csv:row 4: 编号: 编号 K1 与本次输入第 2 行重复，保留先出现的一行 [拒收]", "3 行，拒收 1 行"]),
        Case(file: "date-after-month.csv", status: 1,
             stdout: [
                "date-after-month.csv:row 3: 受理日期: 受理日期 2026-11-01 晚于报告月份 2026-10，请在该月份的报告中处理 [拒收]",
                "2 行，拒收 1 行",  // 2026-10-31 is in the month
             ]),
        Case(file: "date-too-old.csv", status: 1,
             stdout: [
                "date-too-old.csv:row 3: 受理日期: 受理日期 2024-09-30 早于 2024-10-01（报告月份前 24 个月以上），请核对日期 [拒收]",
                "2 行，拒收 1 行",  // 2024-10-01, exactly 24 months back, is kept
             ]),
        Case(file: "many-problems.csv", status: 1,
             // 提示: 乡镇 on each of the 2 accepted rows (lines 2 and 10), and one for the file: no 办结日期
             // column for its 2 已办结 rows.
             stdout: ["检查 2026-10：1 个文件，8 行，拒收 6 行，提示 3 条。"]),
    ]

    @Test("check", arguments: checkCases)
    func check(_ c: Case) throws {
        let directory = try TestSupport.temporaryDirectory("bad-input")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try EndToEnd.run(
            ["check", "--month", "2026-10", "--seeds", TestSupport.seeds, Self.path(c.file)], in: directory)
        #expect(result.status == c.status, "\(result.stdout)\(result.stderr)")
        for sentence in c.stdout {
            #expect(result.stdout.contains(sentence), "stdout lacks «\(sentence)»:\n\(result.stdout)")
        }
        for sentence in c.stderr {
            #expect(result.stderr.contains(sentence), "stderr lacks «\(sentence)»:\n\(result.stderr)")
        }
        if c.refused {
            #expect(result.stdout.isEmpty, "\(result.stdout)")
            #expect(result.stderr.contains("本次运行未做任何更改"))
        } else {
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
        for sentence in c.alsoExpected {
            #expect(result.stderr.contains(sentence), "stderr lacks «\(sentence)»:\n\(result.stderr)")
        }
        // check writes nothing: no database, no lock, no reports.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    // MARK: run

    func run(_ files: [String], in directory: String) throws -> EndToEnd.Result {
        try EndToEnd.run(
            ["run", "--month", "2026-10", "--seeds", TestSupport.seeds] + files.map(Self.path), in: directory)
    }

    static let problemsCSV = "/reports/2026-10/数据问题-2026-10.csv"

    /// The multi-problem file under `run`: exit 0, each rejected row logged on stderr and kept verbatim.
    @Test func runKeepsEveryRejectedRowOfAMultiProblemFileVerbatim() throws {
        let directory = try TestSupport.temporaryDirectory("bad-input-run")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try run(["many-problems.csv"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("2026-10：诉求 2 件（"), "\(result.stdout)")
        #expect(result.stdout.contains("拒收 6 行，提示 3 条"))
        for sentence in [
            "many-problems.csv:row 3: 受理日期: 无法识别的日期「2026-02-30」",
            "many-problems.csv:row 4: 办理状态: 未知的办理状态「已转办」",
            "many-problems.csv:row 5: 人数: 人数「一百」应为正整数",
            "many-problems.csv:row 6: 编号: 编号 Z1 与本次输入第 2 行重复",
            "many-problems.csv:row 7: 受理日期: 受理日期 2026-11-01 晚于报告月份 2026-10",
            "many-problems.csv:row 8 (line 9): 该行有 7 个字段，比表头的 6 列多",
        ] {
            #expect(result.stderr.contains(sentence), "stderr lacks «\(sentence)»")
        }
        let problems = try Self.problems(directory + Self.problemsCSV)
        let rejected = problems.filter { $0.level == "拒收" }
        #expect(rejected.map(\.row) == [3, 4, 5, 6, 7, 8])
        #expect(rejected.map(\.line) == [3, 4, 5, 6, 7, 9])
        try Self.expectVerbatim(rejected, folder: Self.folder)
        #expect(try Self.dataRows("many-problems.csv").count == 2 + rejected.count)
    }

    /// All row-level fixtures in one run: for each file, rows given = accepted + rejected, and every
    /// rejected row is in 数据问题-2026-10.csv verbatim with its file and line.
    @Test func noGivenRowDisappears() throws {
        let files = [
            "many-problems.csv", "blank-required-values.csv", "bad-dates.csv", "bad-headcount.csv",
            "ragged-rows.csv", "cr-line-ends.csv", "unknown-status.csv", "duplicate-id.csv",
            "date-after-month.csv", "date-too-old.csv", "unknown-references.csv", "unknown-extra-column.csv",
            "header-only.csv", "resolved-dates.csv",
        ]
        let directory = try TestSupport.temporaryDirectory("bad-input-all")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try run(files, in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("拒收 24 行"), "\(result.stdout)")
        let problems = try Self.problems(directory + Self.problemsCSV)
        let rejected = problems.filter { $0.level == "拒收" }
        try Self.expectVerbatim(rejected, folder: Self.folder)

        // `history` gives each file's rows, accepted and rejected.
        let history = try EndToEnd.run(["history", "--month", "2026-10"], in: directory)
        #expect(history.status == 0, "\(history.stderr)")
        for file in files {
            let given = try Self.dataRows(file).count
            let rejectedHere = Set(rejected.filter { $0.file == file }.map(\.line)).count
            let line = history.stdout.split(separator: "\n").first { $0.contains("    \(file)  ") }
            let counts = line.flatMap { Self.fileCounts(String($0)) }
            #expect(counts?.rows == given, "\(file): \(line ?? "not in history")")
            #expect(counts?.rejected == rejectedHere, "\(file): \(line ?? "")")
            #expect((counts?.accepted ?? -1) + rejectedHere == given, "\(file): \(line ?? "")")
        }
    }

    /// The NUL row is rejected and kept whole, NUL included, in 数据问题.
    @Test func nulRowIsKeptVerbatim() throws {
        let directory = try TestSupport.temporaryDirectory("bad-input-nul")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try run(["nul-in-row.csv"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("诉求 1 件"))
        #expect(result.stdout.contains("拒收 1 行"))
        let rejected = try Self.problems(directory + Self.problemsCSV).filter { $0.level == "拒收" }
        #expect(rejected.map(\.line) == [2])
        #expect(rejected.first?.raw.hasPrefix("N1,2026-10-01,来访,路灯") == true)
        #expect(rejected.first?.raw == "N1,2026-10-01,来访,路灯\u{0}不亮,已办结")
    }

    /// Unknown 渠道, 村社区, 涉及领域 and 主管部门 are kept with notices: `run` exits 0 and counts all four.
    @Test func unknownReferenceValuesAreKeptUnderRun() throws {
        let directory = try TestSupport.temporaryDirectory("bad-input-ref")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try run(["unknown-references.csv"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("2026-10：诉求 4 件（"), "\(result.stdout)")
        #expect(result.stdout.contains("拒收 0 行，提示 6 条"))
        #expect(result.stderr.contains("unknown-references.csv:row 2: 渠道: 渠道「飞鸽传书」未在 channels.csv 登记"))
        #expect(result.stderr.contains("unknown-references.csv:row 5: 主管部门: 主管部门「县魔法局」未在 units.csv 登记"))
        let notices = try Self.problems(directory + Self.problemsCSV).filter { $0.level == "提示" }
        // One notice at the header for the missing 办结日期 column (4 已办结 rows); line 3 also 乡镇 (属地不明).
        #expect(notices.map(\.line) == [1, 2, 3, 3, 4, 5])
        #expect(notices.filter { $0.message.hasPrefix("办结日期: ") }.map(\.line) == [1])
    }

    /// 办结日期 under `run` (SPEC §8): every row is accepted; the notices name file, line, column and
    /// what to do, in 数据问题-2026-10.csv with the row verbatim. RD5 (受理日期 2026-09-15) is an
    /// earlier month's row: its 办结日期 is compared with October's end too, and it is a 补录.
    @Test func resolvedDatesAreKeptWithNotices() throws {
        let directory = try TestSupport.temporaryDirectory("bad-input-resolved")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try run(["resolved-dates.csv"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("拒收 0 行，提示 6 条"), "\(result.stdout)")
        let problems = try Self.problems(directory + Self.problemsCSV)
        let noDate = "办结日期: 已办结但没有办结日期：不计入按期办结率和平均办理天数；请补填办结日期"
        func after(_ date: String) -> String {
            "办结日期: 办结日期 \(date) 晚于报告月份 2026-10 的月末；已按给定日期保存（导出晚于月末时常见），请核对"
        }
        let expected: [(line: Int, message: String)] = [
            (3, noDate),
            (4, after("2026-11-03")),
            (6, after("2026-11-02")),
            (6, "受理日期: 补录：往月诉求 RD5（受理日期 2026-09-15，2026-09）在数据库中没有记录，计入登记它的本月 2026-10，截止日期和已办天数按其受理日期计算；2026-09 的月报不变"),
            (8, noDate),
            (9, "办结日期: 办结日期 2026-10-08 早于受理日期 2026-10-10，请核对"),
        ]
        #expect(problems.map { "\($0.file):\($0.line) \($0.level) \($0.message)" }
            == expected.map { "resolved-dates.csv:\($0.line) 提示 \($0.message)" })
        try Self.expectVerbatim(problems, folder: Self.folder)

        let history = try EndToEnd.run(["history", "--month", "2026-10"], in: directory)
        let line = history.stdout.split(separator: "\n").first { $0.contains("    resolved-dates.csv  ") }
        #expect(line.flatMap { Self.fileCounts(String($0)) }.map { [$0.rows, $0.accepted, $0.rejected] } == [8, 8, 0],
                "\(history.stdout)")

        // The month's resolved rows with 办结日期: RD1 (3 days, on time), RD3 (14, on time: due 11-04),
        // RD4 (23, late: due 10-23), and RD5, a 补录 counted in October (48, late: due 09-30). RD2 and RD7
        // (no 办结日期) and RD8 (办结日期 before 受理日期) are left out.
        let markdown = try String(contentsOfFile: directory + "/reports/2026-10/民情月报-2026-10.md", encoding: .utf8)
        #expect(markdown.contains("| 按期办结率 | 50.0% |"))
        #expect(markdown.contains("| 平均办理天数 | 22.0 |"))
    }

    /// A header-only file is a valid month with no demands: exit 0, reports written, 0 件.
    @Test func headerOnlyFileIsAnEmptyMonth() throws {
        let directory = try TestSupport.temporaryDirectory("bad-input-header")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try run(["header-only.csv"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("2026-10：诉求 0 件（A级 0，B级 0，已办结 0）；拒收 0 行，提示 0 条"))
        #expect(FileManager.default.fileExists(atPath: directory + "/reports/2026-10/民情月报-2026-10.md"))
    }

    /// A refused file refuses the whole run: exit 1, nothing on stdout, the earlier reports unchanged.
    @Test(arguments: ["empty.csv", "unterminated-quote.csv", "invalid-gb18030.csv", "duplicated-header-column.csv"])
    func refusedFileLeavesTheMonthAlone(file: String) throws {
        let directory = try TestSupport.temporaryDirectory("bad-input-refused")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try run(["many-problems.csv"], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: directory + Self.problemsCSV))
        let result = try run(["many-problems.csv", file], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains(file), "\(result.stderr)")
        #expect(result.stderr.contains("本次运行未做任何更改"))
        let after = try Data(contentsOf: URL(fileURLWithPath: directory + Self.problemsCSV))
        #expect(before == after)
    }

    /// A UTF-8 file with one GBK-encoded value is decoded whole as GB18030: every Chinese text turns into
    /// mojibake — so it is refused, naming line 4 as not valid UTF-8.
    @Test func utf8FileWithStrayGBKBytesIsNotSilentlyMisread() throws {
        let directory = try TestSupport.temporaryDirectory("bad-input-mixed")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try EndToEnd.run(
            ["check", "--month", "2026-10", "--seeds", TestSupport.seeds, Self.path("utf8-with-stray-gbk-bytes.csv")],
            in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("utf8-with-stray-gbk-bytes.csv 第 4 行：含有无法识别的字符，不是有效的 UTF-8 编码。"))
    }

    // MARK: helpers (an independent RFC 4180 reader, so the check does not rely on the tool's own)

    struct Record {
        var line: Int
        var raw: String
        var fields: [String]
    }

    /// Splits CSV text into records, each with its 1-based first physical line and its raw text (without
    /// the line end). LF, CRLF and CR all end a line; line ends inside quotes belong to the field.
    static func records(_ text: String) -> [Record] {
        let s = Array(text.unicodeScalars)
        var result: [Record] = []
        var raw = String.UnicodeScalarView(), field = String.UnicodeScalarView()
        var fields: [String] = []
        var inQuotes = false, line = 1, start = 1, i = 0
        while i < s.count {
            let c = s[i]
            let crlf = c == "\r" && i + 1 < s.count && s[i + 1] == "\n"
            if inQuotes {
                if c == "\"" {
                    if i + 1 < s.count && s[i + 1] == "\"" {
                        field.append(c); raw.append(c); raw.append(c); i += 2; continue
                    }
                    inQuotes = false; raw.append(c)
                } else {
                    if c == "\r" || c == "\n" { line += 1 }
                    field.append(c); raw.append(c)
                    if crlf { field.append(s[i + 1]); raw.append(s[i + 1]); i += 1 }
                }
                i += 1
                continue
            }
            switch c {
            case "\"": inQuotes = true; raw.append(c)
            case ",": fields.append(String(field)); field = .init(); raw.append(c)
            case "\r", "\n":
                fields.append(String(field))
                result.append(Record(line: start, raw: String(raw), fields: fields))
                raw = .init(); field = .init(); fields = []
                if crlf { i += 1 }
                line += 1; start = line
            default: field.append(c); raw.append(c)
            }
            i += 1
        }
        if !raw.isEmpty {
            fields.append(String(field))
            result.append(Record(line: start, raw: String(raw), fields: fields))
        }
        return result
    }

    /// The data rows (records after the header) of a fixture.
    static func dataRows(_ file: String) throws -> [Record] {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path(file))), as: UTF8.self)
        return Array(records(text).dropFirst())
    }

    struct Problem {
        var file: String
        /// 行号: the row as a spreadsheet shows it.
        var row: Int
        /// The physical line the row starts on (行号 names it when it differs: `8（文件第 9 行）`).
        var line: Int
        var level: String
        var message: String
        var raw: String
    }

    /// The rows of 数据问题-YYYY-MM.csv (文件, 行号, 级别, 问题, 原始内容).
    static func problems(_ path: String) throws -> [Problem] {
        var text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let all = records(text)
        #expect(all.first?.fields == ["文件", "行号", "级别", "问题", "原始内容"])
        return all.dropFirst().compactMap { r in
            let numbers = r.fields.count == 5
                ? r.fields[1].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } : []
            guard let row = numbers.first, numbers.count <= 2 else {
                Issue.record("malformed 数据问题 row: \(r.raw)")
                return nil
            }
            return Problem(
                file: r.fields[0], row: row, line: numbers.last ?? row, level: r.fields[2], message: r.fields[3],
                raw: r.fields[4])
        }
    }

    /// Each problem's 原始内容 is exactly the input record that starts on its line.
    static func expectVerbatim(_ problems: [Problem], folder: String) throws {
        var cache: [String: [Record]] = [:]
        for p in problems {
            if cache[p.file] == nil { cache[p.file] = try dataRows(p.file) }
            let record = cache[p.file]?.first { $0.line == p.line }
            #expect(record?.raw == p.raw, "\(p.file):\(p.line): 原始内容 «\(p.raw)» ≠ input «\(record?.raw ?? "no record")»")
        }
    }

    /// "N 行（受理 a，拒收 r）" from a `history` file line.
    static func fileCounts(_ line: String) -> (rows: Int, accepted: Int, rejected: Int)? {
        guard let match = line.firstMatch(of: /(\d+) 行（受理 (\d+)，拒收 (\d+)）/),
              let rows = Int(match.1), let accepted = Int(match.2), let rejected = Int(match.3)
        else { return nil }
        return (rows, accepted, rejected)
    }
}
