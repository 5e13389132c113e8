import Testing
@testable import MinqingKit

struct TOMLParserTests {
    /// (document, table, key, expected value)
    static let valueCases: [(String, String, String, TOMLValue)] = [
        ("a = \"x\"", "", "a", .string("x")),
        ("a = 'C:\\dir\\n'", "", "a", .string("C:\\dir\\n")),
        ("a = \"q\\\"uote\\\\ \\n \\t \\u4E2D\\U0001F600\"", "", "a", .string("q\"uote\\ \n \t 中😀")),
        ("a = \"县 # 不是注释\" # 注释", "", "a", .string("县 # 不是注释")),
        ("a = ''", "", "a", .string("")),
        ("a = 42", "", "a", .integer(42)),
        ("a = +42", "", "a", .integer(42)),
        ("a = -17", "", "a", .integer(-17)),
        ("a = 0", "", "a", .integer(0)),
        ("a = 1_000_000", "", "a", .integer(1_000_000)),
        ("a = 1.0", "", "a", .float(1.0)),
        ("a = -0.3", "", "a", .float(-0.3)),
        ("a = 1e3", "", "a", .float(1000)),
        ("a = 6.02E-2", "", "a", .float(0.0602)),
        ("a = 1_000.5", "", "a", .float(1000.5)),
        ("a = true", "", "a", .boolean(true)),
        ("a = false", "", "a", .boolean(false)),
        ("a = []", "", "a", .array([])),
        ("a = [1, 2, 3]", "", "a", .array([.integer(1), .integer(2), .integer(3)])),
        ("a = [\"安全隐患\", '火灾',]", "", "a", .array([.string("安全隐患"), .string("火灾")])),
        ("a = [\n  \"欠薪\", # 工资\n  # 整行注释\n  \"燃气\"\n]", "", "a", .array([.string("欠薪"), .string("燃气")])),
        ("a = [[1, 2], [true]]", "", "a", .array([.array([.integer(1), .integer(2)]), .array([.boolean(true)])])),
        ("a = [1, 0.5]", "", "a", .array([.integer(1), .float(0.5)])),
        ("[score]\nresolved = 1.0", "score", "resolved", .float(1.0)),
        ("[a.b]\nk = 1", "a.b", "k", .integer(1)),
        ("[ a . \"b c\" ]\nk = 1", "a.b c", "k", .integer(1)),
        ("\"中文键\" = 1", "", "中文键", .integer(1)),
        ("'lit key' = 1", "", "lit key", .integer(1)),
        ("max-backdate_months = 24", "", "max-backdate_months", .integer(24)),
        ("\u{FEFF}a = 1", "", "a", .integer(1)),
        ("a = 1\r\nb = 2\r\n", "", "b", .integer(2)),
        ("  a\t=\t1  # trailing", "", "a", .integer(1)),
        ("# only a comment\n\n\n[t]\n\n  k = \"v\"\n", "t", "k", .string("v")),
    ]

    @Test(arguments: valueCases)
    func parsesValues(_ text: String, _ table: String, _ key: String, _ expected: TOMLValue) throws {
        let doc = try TOMLParser.parse(text)
        #expect(doc.value(key, in: table) == expected)
    }

    @Test func wholeDocument() throws {
        let text = """
            # minqing.toml
            county = "示例县"
            mask_personal_info = true

            [grading]
            group_headcount = 5
            repeat_days = 90
            a_keywords = [
              "安全隐患", "火灾", # 消防
              "欠薪",
            ]

            [scoring]
            resolved = 1.0
            unresolved = -0.3
            """
        let doc = try TOMLParser.parse(text)
        #expect(doc.tables.keys.sorted() == ["", "grading", "scoring"])
        #expect(doc.tables[""] == ["county": .string("示例县"), "mask_personal_info": .boolean(true)])
        #expect(doc.value("a_keywords", in: "grading") == .array([.string("安全隐患"), .string("火灾"), .string("欠薪")]))
        #expect(doc.value("unresolved", in: "scoring") == .float(-0.3))
        /// keyLines: "table.key" (root keys without a table prefix) -> line
        let lines: [(String, Int)] = [
            ("county", 2), ("mask_personal_info", 3), ("grading.group_headcount", 6),
            ("grading.repeat_days", 7), ("grading.a_keywords", 8), ("scoring.resolved", 14), ("scoring.unresolved", 15),
        ]
        for (path, line) in lines {
            #expect(doc.keyLines[path] == line, "\(path)")
        }
        #expect(doc.line(of: "resolved", in: "scoring") == 14)
        #expect(doc.tableLines == ["grading": 5, "scoring": 13])
        #expect(doc.keyLines["grading"] == 5)
        #expect(doc.keyLines["scoring"] == 13)
    }

    @Test func emptyDocumentHasRootTable() throws {
        for text in ["", "\n\n", "# nothing\n", "\u{FEFF}"] {
            let doc = try TOMLParser.parse(text)
            #expect(doc.tables == ["": [:]])
            #expect(doc.keyLines.isEmpty)
        }
    }

    /// (document, line, column, a fragment the message must contain)
    static let errorCases: [(String, Int, Int, String)] = [
        ("a = 1\na = 2", 2, 1, "重复的键“a”（第 1 行已定义）"),
        ("[t]\nk = 1\n[t]\n", 3, 1, "重复的表 [t]（第 1 行已定义）"),
        ("a = \"abc", 1, 5, "字符串未闭合"),
        ("a = \"abc\nb = 1", 1, 5, "字符串未闭合"),
        ("a = 'abc", 1, 5, "字符串未闭合"),
        ("key 1", 1, 5, "键“key”后面缺少“=”"),
        ("key", 1, 4, "缺少“=”"),
        ("= 1", 1, 1, "“=”前面缺少键名"),
        ("a = ", 1, 5, "“=”后面缺少值"),
        ("a = # c", 1, 5, "“=”后面缺少值"),
        ("a = abc", 1, 5, "无效的值“abc”"),
        ("a = 1 2", 1, 7, "值后面有多余的内容“2”"),
        ("a = \"x\" y", 1, 9, "值后面有多余的内容“y”"),
        ("[t] x", 1, 5, "多余的内容"),
        ("a = [1, 2", 1, 5, "数组未闭合"),
        ("a = [\n1,\n2\n", 1, 5, "数组未闭合"),
        ("a = [1 2]", 1, 8, "数组元素之间缺少“,”"),
        ("a = [1,,2]", 1, 8, "数组中多了一个“,”"),
        ("a = {x = 1}", 1, 5, "不支持内联表"),
        ("[[t]]", 1, 1, "不支持表数组"),
        ("a = 1979-05-27", 1, 5, "不支持日期时间值"),
        ("a = 07:32:00", 1, 5, "不支持日期时间值"),
        ("a = \"\"\"x\"\"\"", 1, 5, "不支持多行字符串"),
        ("a = '''x'''", 1, 5, "不支持多行字符串"),
        ("a.b = 1", 1, 1, "不支持点分键"),
        ("a = 0x1F", 1, 5, "不支持十六进制"),
        ("a = inf", 1, 5, "不支持 inf 和 nan"),
        ("a = True", 1, 5, "小写的 true 或 false"),
        ("a = 1__0", 1, 5, "格式不对"),
        ("a = 012", 1, 5, "格式不对"),
        ("a = 99999999999999999999", 1, 5, "超出范围"),
        ("a = 1.", 1, 5, "无效的数字"),
        ("a = .5", 1, 5, "无效的数字"),
        ("a = 1e", 1, 5, "无效的数字"),
        ("a = \"\\x\"", 1, 6, "无效的转义 \\x"),
        ("a = \"\\u12\"", 1, 6, "需要 4 位十六进制数字"),
        ("a = \"\\uD800\"", 1, 6, "不是合法的字符编码"),
        ("中文 = 1", 1, 1, "键名中有无效的字符“中”"),
        ("[t", 1, 1, "表头缺少“]”"),
        ("[]", 1, 1, "表名不能为空"),
        ("\n\n  x = [\n 1,\n \"a\" \"b\"]", 5, 6, "数组元素之间缺少“,”"),
        ("[t]\r\nk = 1\r\nk = 2", 3, 1, "重复的键“k”"),
        ("\u{FEFF}a = x", 1, 5, "无效的值“x”"),
        ("a = 1\n[a]", 2, 1, "表 [a] 与第 1 行的键重名"),
        ("[a]\nb = 1\n[a.b]", 3, 1, "表 [a.b] 与第 2 行的键重名"),
        ("[a.b]\n[a]\nb = 1", 3, 1, "键“b”与第 1 行的表 [a.b] 重名"),
    ]

    @Test(arguments: errorCases)
    func reportsErrors(_ text: String, _ line: Int, _ column: Int, _ fragment: String) {
        do {
            let doc = try TOMLParser.parse(text)
            Issue.record("expected an error, got \(doc.tables)")
        } catch let error as TOMLError {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// (error, description)
    static let descriptions: [(TOMLError, String)] = [
        (TOMLError(line: 3, column: 12, message: "无效的值"), "第 3 行第 12 列：无效的值"),
        (TOMLError(line: 7, column: 0, message: "应为整数"), "第 7 行：应为整数"),
    ]

    @Test(arguments: descriptions)
    func describesErrorsInChinese(_ error: TOMLError, _ expected: String) {
        #expect(error.description == expected)
    }

    @Test func sameKeyInDifferentTablesIsFine() throws {
        let doc = try TOMLParser.parse("k = 1\n[a]\nk = 2\n[b]\nk = 3")
        let expected: [(String, Int, Int)] = [("", 1, 1), ("a", 2, 3), ("b", 3, 5)]
        for (table, value, line) in expected {
            #expect(doc.value("k", in: table) == .integer(value))
            #expect(doc.line(of: "k", in: table) == line)
        }
    }
}
