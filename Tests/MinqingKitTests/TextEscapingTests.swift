import Testing
@testable import MinqingKit

struct TextEscapingTests {
    /// (input, Markdown cell)
    static let markdownCases: [(String, String)] = [
        ("", ""),
        ("普通文字", "普通文字"),
        ("a|b", "a\\|b"),
        ("C:\\path", "C:\\\\path"),
        ("<script>", "&lt;script&gt;"),
        ("A & B", "A &amp; B"),
        ("&lt;", "&amp;lt;"),
        ("[链接](http://x)", "\\[链接\\](http://x)"),
        ("`code`", "\\`code\\`"),
        ("*重点* _下划线_", "\\*重点\\* \\_下划线\\_"),
        ("~~删除~~", "\\~\\~删除\\~\\~"),
        ("第一行\n第二行", "第一行<br>第二行"),
        ("第一行\r\n第二行", "第一行<br>第二行"),
        ("第一行\r第二行", "第一行<br>第二行"),
        ("a\n\nb", "a<br><br>b"),
        ("a\r\n\r\nb", "a<br><br>b"),
        ("a\n\rb", "a<br><br>b"),
        ("a\u{2028}b", "a<br>b"),
        ("<br>", "&lt;br&gt;"),
        ("x<y\r\n&z|", "x&lt;y<br>&amp;z\\|"),
        ("a\tb", "a b"),
        ("a\u{0}b", "a b"),
        ("# 标题 - 列表 + 1.", "# 标题 - 列表 + 1."),
    ]

    @Test(arguments: markdownCases)
    func markdownCell(_ input: String, _ expected: String) {
        #expect(MarkdownEscaping.cell(input) == expected)
    }

    /// (input, CSV field)
    static let fieldCases: [(String, String)] = [
        ("", ""),
        ("abc", "abc"),
        ("诉求内容", "诉求内容"),
        ("a,b", "\"a,b\""),
        ("他说\"你好\"", "\"他说\"\"你好\"\"\""),
        ("\"", "\"\"\"\""),
        ("第一行\n第二行", "\"第一行\n第二行\""),
        ("a\r\nb", "\"a\r\nb\""),
        ("a\rb", "\"a\rb\""),
        (" 前导空格", "\" 前导空格\""),
        ("尾随空格 ", "\"尾随空格 \""),
        ("\t制表", "\"\t制表\""),
        ("中 间 空 格", "中 间 空 格"),
        ("a;b", "a;b"),
        ("'already", "'already"),
        ("，全角逗号", "，全角逗号"),
        ("=1+1", "=1+1"),
    ]

    @Test(arguments: fieldCases)
    func csvField(_ input: String, _ expected: String) {
        #expect(CSVWriting.field(input) == expected)
    }

    /// (input, safe CSV field)
    static let safeCases: [(String, String)] = [
        ("", ""),
        ("abc", "abc"),
        ("=1+1", "'=1+1"),
        ("=HYPERLINK(\"http://x\",\"点我\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""),
        ("+86 138", "'+86 138"),
        ("-0.3", "'-0.3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("\nx", "\"'\nx\""),
        ("＝1+1", "'＝1+1"),
        ("a=1", "a=1"),
        ("1-2", "1-2"),
        ("=a,b", "\"'=a,b\""),
        (" =1", "\" =1\""),
        ("张*华", "张*华"),
    ]

    @Test(arguments: safeCases)
    func csvSafeField(_ input: String, _ expected: String) {
        #expect(CSVWriting.safeField(input) == expected)
    }

    /// (fields, record)
    static let recordCases: [([String], String)] = [
        ([], "\r\n"),
        (["a"], "a\r\n"),
        (["input.csv", "12", "拒收", "受理日期无效：2026-02-30", "=x,\"y\""],
         "input.csv,12,拒收,受理日期无效：2026-02-30,\"'=x,\"\"y\"\"\"\r\n"),
        (["", ""], ",\r\n"),
    ]

    @Test(arguments: recordCases)
    func csvRecord(_ fields: [String], _ expected: String) {
        #expect(CSVWriting.record(fields) == expected)
    }
}
