/// A value in minqing.toml.
enum TOMLValue: Equatable, Sendable {
    /// A basic `"…"` or literal `'…'` string.
    case string(String)
    /// An integer such as `24` or `-1_000`.
    case integer(Int)
    /// A float such as `1.0`, `-0.3` or `1e3`.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// An array `[…]` of values.
    case array([TOMLValue])
}

/// A parsed minqing.toml: its tables of keys and where each key was written.
struct TOMLDocument: Sendable {
    /// Tables by name; "" is the root table, `[a.b]` is stored under "a.b".
    var tables: [String: [String: TOMLValue]]
    /// The line of each key as "table.key" (just "key" in the root table), for error messages about
    /// values; each table header's line is listed under the table's name too ("grading", "a.b").
    var keyLines: [String: Int]
    /// The line of each table header by table name (the root table is not listed).
    var tableLines: [String: Int]

    /// Creates a document; the root table always exists.
    init(tables: [String: [String: TOMLValue]] = ["": [:]], keyLines: [String: Int] = [:], tableLines: [String: Int] = [:]) {
        self.tables = tables
        self.keyLines = keyLines
        self.tableLines = tableLines
    }

    /// The value of `key` in `table` ("" = root), or nil.
    func value(_ key: String, in table: String = "") -> TOMLValue? {
        tables[table]?[key]
    }

    /// The line `key` of `table` was written on, or nil.
    func line(of key: String, in table: String = "") -> Int? {
        keyLines[TOMLDocument.path(table: table, key: key)]
    }

    /// The keyLines key of `key` in `table`: "table.key", or "key" in the root table.
    static func path(table: String, key: String) -> String {
        table.isEmpty ? key : table + "." + key
    }
}

/// A parse error with its 1-based line and column (columns count characters).
struct TOMLError: MinqingError, Equatable {
    /// The 1-based line.
    let line: Int
    /// The 1-based column in characters (0 when the error concerns a whole line).
    let column: Int
    /// What is wrong, in Chinese.
    let message: String

    /// Creates an error.
    init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// "第 3 行第 12 列：……" (or "第 3 行：……" when column is 0).
    var description: String {
        column > 0 ? "第 \(line) 行第 \(column) 列：\(message)" : "第 \(line) 行：\(message)"
    }

    /// The config loader names the file and reports it as a ``ConfigError``; on its own, a refusal.
    var exitStatus: ExitStatus { .refused }
}

/// Parses the TOML subset minqing.toml uses.
///
/// Supported: `#` comments, `[table]` and `[a.b]` headers (stored as "a.b"), bare keys (`A-Za-z0-9_-`)
/// and quoted keys (`"…"`, `'…'`), basic strings with escapes (`\" \\ \n \t \r \b \f \uXXXX \UXXXXXXXX`),
/// literal strings `'…'`, integers (sign and `_` separators), floats (`1.0`, `-0.3`, `1e3`), booleans,
/// and arrays of these (multi-line, trailing comma and comments allowed). A leading UTF-8 BOM is ignored;
/// lines may end in LF or CRLF.
///
/// Refused with an error naming line and column: duplicate keys and tables (a key and a table of the
/// same dotted name count as duplicates, as in TOML), unterminated strings and
/// arrays, bad values, a missing `=`, text after a value; and the TOML features minqing.toml does not
/// support: inline tables `{…}`, arrays of tables `[[…]]`, dotted keys `a.b = 1`, dates and times,
/// multi-line strings, hexadecimal/octal/binary integers, `inf` and `nan`.
enum TOMLParser {
    /// Parses `text`; throws a `TOMLError` at the first problem.
    static func parse(_ text: String) throws -> TOMLDocument {
        var p = TOMLScanner(text)
        return try p.parseDocument()
    }
}

private struct TOMLScanner {
    let s: [Unicode.Scalar]
    var i = 0
    var line = 1
    var lineStart = 0

    var doc = TOMLDocument()
    var table = ""

    init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        s = scalars
    }

    // MARK: Positions and errors

    var column: Int { i - lineStart + 1 }

    func error(_ message: String, line: Int? = nil, column: Int? = nil) -> TOMLError {
        TOMLError(line: line ?? self.line, column: column ?? self.column, message: message)
    }

    var current: Unicode.Scalar? { i < s.count ? s[i] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

    /// Whether the parser is at a line end (LF, CRLF or a lone CR) or the end of text.
    var atLineEnd: Bool {
        guard let c = current else { return true }
        return c == "\n" || c == "\r"
    }

    /// Consumes one line end, updating the line counter.
    mutating func consumeNewline() {
        guard let c = current else { return }
        if c == "\r" {
            i += 1
            if current == "\n" { i += 1 }
        } else if c == "\n" {
            i += 1
        } else {
            return
        }
        line += 1
        lineStart = i
    }

    mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" { i += 1 }
    }

    mutating func skipComment() {
        if current == "#" {
            while !atLineEnd { i += 1 }
        }
    }

    /// Skips spaces and an optional comment, then requires the end of the line.
    mutating func expectLineEnd(after what: String) throws {
        skipSpaces()
        skipComment()
        guard atLineEnd else {
            throw error("\(what)后面有多余的内容“\(restOfLinePreview())”")
        }
        consumeNewline()
    }

    func restOfLinePreview() -> String {
        var out = String.UnicodeScalarView()
        var j = i
        while j < s.count, s[j] != "\n", s[j] != "\r", out.count < 20 {
            out.append(s[j])
            j += 1
        }
        return String(out)
    }

    // MARK: Document

    mutating func parseDocument() throws -> TOMLDocument {
        while i < s.count {
            skipSpaces()
            guard let c = current else { break }
            if c == "#" {
                skipComment()
                consumeNewline()
            } else if c == "\n" || c == "\r" {
                consumeNewline()
            } else if c == "[" {
                try parseTableHeader()
            } else {
                try parseKeyValue()
            }
        }
        return doc
    }

    mutating func parseTableHeader() throws {
        let headerLine = line, headerColumn = column
        i += 1  // [
        if current == "[" {
            throw error("minqing.toml 不支持表数组 [[…]]，请改用普通的 [表名]", column: headerColumn)
        }
        var parts: [String] = []
        while true {
            skipSpaces()
            if atLineEnd { throw error("表头缺少“]”", line: headerLine, column: headerColumn) }
            if current == "]" { throw error("表名不能为空", line: headerLine, column: headerColumn) }
            parts.append(try parseKey())
            skipSpaces()
            if current == "." { i += 1; continue }
            if current == "]" { i += 1; break }
            if atLineEnd { throw error("表头缺少“]”", line: headerLine, column: headerColumn) }
            throw error("表头中有无效的字符“\(String(current ?? " "))”")
        }
        let name = parts.joined(separator: ".")
        if let previous = doc.tableLines[name] {
            throw error("重复的表 [\(name)]（第 \(previous) 行已定义）", line: headerLine, column: headerColumn)
        }
        if let previous = doc.keyLines[name] {
            throw error("表 [\(name)] 与第 \(previous) 行的键重名", line: headerLine, column: headerColumn)
        }
        doc.tableLines[name] = headerLine
        doc.keyLines[name] = headerLine
        if doc.tables[name] == nil { doc.tables[name] = [:] }
        table = name
        try expectLineEnd(after: "表头 [\(name)] ")
    }

    mutating func parseKeyValue() throws {
        let keyLine = line, keyColumn = column
        let key = try parseKey()
        skipSpaces()
        if current == "." {
            throw error("minqing.toml 不支持点分键（如 a.b = 1），请改用 [表名] 表头", line: keyLine, column: keyColumn)
        }
        guard current == "=" else {
            if atLineEnd {
                throw error("键“\(key)”后面缺少“=”")
            }
            throw error("键“\(key)”后面缺少“=”，却是“\(restOfLinePreview())”")
        }
        i += 1
        skipSpaces()
        let value = try parseValue()
        let path = TOMLDocument.path(table: table, key: key)
        if let previous = doc.keyLines[path] {
            if doc.tables[table]?[key] != nil {
                throw error("重复的键“\(key)”（第 \(previous) 行已定义）", line: keyLine, column: keyColumn)
            }
            throw error("键“\(key)”与第 \(previous) 行的表 [\(path)] 重名", line: keyLine, column: keyColumn)
        }
        doc.tables[table, default: [:]][key] = value
        doc.keyLines[path] = keyLine
        try expectLineEnd(after: "值")
    }

    // MARK: Keys

    static func isBareKeyChar(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    mutating func parseKey() throws -> String {
        guard let c = current else { throw error("缺少键名") }
        if c == "\"" { return try parseBasicString() }
        if c == "'" { return try parseLiteralString() }
        var out = String.UnicodeScalarView()
        while let c = current, TOMLScanner.isBareKeyChar(c) {
            out.append(c)
            i += 1
        }
        if out.isEmpty {
            if c == "=" { throw error("“=”前面缺少键名") }
            throw error("键名中有无效的字符“\(String(c))”（不带引号的键名只能含字母、数字、_ 和 -）")
        }
        return String(out)
    }

    // MARK: Values

    mutating func parseValue() throws -> TOMLValue {
        guard let c = current, !atLineEnd else { throw error("“=”后面缺少值") }
        switch c {
        case "\"":
            return .string(try parseBasicString())
        case "'":
            return .string(try parseLiteralString())
        case "[":
            return try parseArray()
        case "{":
            throw error("minqing.toml 不支持内联表 { … }，请改用 [表名] 表头")
        case "#":
            throw error("“=”后面缺少值")
        default:
            return try parseScalarToken()
        }
    }

    mutating func parseArray() throws -> TOMLValue {
        let openLine = line, openColumn = column
        i += 1  // [
        var items: [TOMLValue] = []
        func skipFiller(_ p: inout TOMLScanner) {
            while true {
                p.skipSpaces()
                if p.current == "#" { p.skipComment() }
                if let c = p.current, c == "\n" || c == "\r" { p.consumeNewline(); continue }
                break
            }
        }
        while true {
            skipFiller(&self)
            guard let c = current else {
                throw error("数组未闭合（缺少“]”）", line: openLine, column: openColumn)
            }
            if c == "]" { i += 1; break }
            if c == "," { throw error("数组中多了一个“,”") }
            items.append(try parseValue())
            skipFiller(&self)
            guard let d = current else {
                throw error("数组未闭合（缺少“]”）", line: openLine, column: openColumn)
            }
            if d == "," { i += 1; continue }
            if d == "]" { i += 1; break }
            throw error("数组元素之间缺少“,”（或数组缺少“]”）")
        }
        return .array(items)
    }

    mutating func parseBasicString() throws -> String {
        let startLine = line, startColumn = column
        if peek(1) == "\"", peek(2) == "\"" {
            throw error("minqing.toml 不支持多行字符串（\"\"\"），请写在一行内并用 \\n 表示换行")
        }
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let c = current, !atLineEnd else {
                throw error("字符串未闭合（缺少结尾的 \"）", line: startLine, column: startColumn)
            }
            if c == "\"" { i += 1; break }
            if c == "\\" {
                let escColumn = column
                i += 1
                guard let e = current, !atLineEnd else {
                    throw error("字符串未闭合（缺少结尾的 \"）", line: startLine, column: startColumn)
                }
                i += 1
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "e": out.append("\u{1B}")
                case "u", "U":
                    let digits = e == "u" ? 4 : 8
                    var value: UInt32 = 0
                    for _ in 0..<digits {
                        guard let h = current, let v = TOMLScanner.hexValue(h) else {
                            throw error("无效的转义 \\\(String(e))：需要 \(digits) 位十六进制数字", column: escColumn)
                        }
                        value = value * 16 + v
                        i += 1
                    }
                    guard let scalar = Unicode.Scalar(value) else {
                        throw error("无效的 Unicode 转义：不是合法的字符编码", column: escColumn)
                    }
                    out.append(scalar)
                default:
                    throw error("无效的转义 \\\(String(e))（可用 \\\" \\\\ \\n \\t \\uXXXX）", column: escColumn)
                }
                continue
            }
            if c.value < 0x20 && c != "\t" || c.value == 0x7F {
                throw error("字符串中有控制字符（U+\(String(c.value, radix: 16, uppercase: true))），请用转义")
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": return c.value - 0x30
        case "a"..."f": return c.value - 0x61 + 10
        case "A"..."F": return c.value - 0x41 + 10
        default: return nil
        }
    }

    mutating func parseLiteralString() throws -> String {
        let startLine = line, startColumn = column
        if peek(1) == "'", peek(2) == "'" {
            throw error("minqing.toml 不支持多行字符串（'''），请写在一行内")
        }
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let c = current, !atLineEnd else {
                throw error("字符串未闭合（缺少结尾的 '）", line: startLine, column: startColumn)
            }
            if c == "'" { i += 1; break }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    /// Reads a bare token (number, boolean, date) up to a delimiter and interprets it.
    mutating func parseScalarToken() throws -> TOMLValue {
        let startColumn = column
        var token = String.UnicodeScalarView()
        while let c = current {
            switch c {
            case " ", "\t", "\n", "\r", ",", "]", "#", "[", "{", "}", "=", "\"", "'": break
            default:
                token.append(c)
                i += 1
                continue
            }
            break
        }
        let text = String(token)
        // A date-time like 1979-05-27 07:32:00 has a space inside; include the time in the check.
        if TOMLScanner.looksLikeDate(text) {
            throw error("minqing.toml 不支持日期时间值（\(text)），请写成带引号的字符串，如 \"\(text)\"", column: startColumn)
        }
        if let value = TOMLScanner.interpret(text) { return value }
        if text.isEmpty {
            throw error("无效的值：“\(String(current ?? " "))”", column: startColumn)
        }
        switch text.lowercased() {
        case "inf", "+inf", "-inf", "nan", "+nan", "-nan":
            throw error("minqing.toml 不支持 inf 和 nan", column: startColumn)
        case "true", "false":
            throw error("无效的值“\(text)”：布尔值须为小写的 true 或 false", column: startColumn)
        default:
            break
        }
        if text.hasPrefix("0x") || text.hasPrefix("0o") || text.hasPrefix("0b") {
            throw error("minqing.toml 不支持十六进制、八进制或二进制整数（\(text)）", column: startColumn)
        }
        if TOMLScanner.isNumberLike(text), text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "_" || $0 == "+" || $0 == "-" }) {
            throw error("整数“\(text)”超出范围或格式不对", column: startColumn)
        }
        if TOMLScanner.isNumberLike(text) {
            throw error("无效的数字“\(text)”", column: startColumn)
        }
        throw error("无效的值“\(text)”（文字请加双引号，如 \"\(text)\"）", column: startColumn)
    }

    static func looksLikeDate(_ t: String) -> Bool {
        let u = Array(t.unicodeScalars)
        func isDigit(_ k: Int) -> Bool { k < u.count && ("0"..."9").contains(u[k]) }
        // 1979-05-27…  or  07:32:00…
        if u.count >= 5, isDigit(0), isDigit(1), isDigit(2), isDigit(3), u[4] == "-" { return true }
        if u.count >= 3, isDigit(0), isDigit(1), u[2] == ":" { return true }
        return false
    }

    static func isNumberLike(_ t: String) -> Bool {
        guard let f = t.unicodeScalars.first else { return false }
        return ("0"..."9").contains(f) || f == "+" || f == "-" || f == "."
    }

    /// Interprets a bare token as boolean, integer or float; nil if it is none of them.
    static func interpret(_ t: String) -> TOMLValue? {
        if t == "true" { return .boolean(true) }
        if t == "false" { return .boolean(false) }
        let u = Array(t.unicodeScalars)
        guard !u.isEmpty else { return nil }
        var k = 0
        var sign = ""
        if u[0] == "+" || u[0] == "-" {
            sign = u[0] == "-" ? "-" : ""
            k = 1
        }
        // Integer part: digits with single underscores between digits, no leading zero.
        func digits(_ k: inout Int) -> String? {
            var out = ""
            var lastWasDigit = false
            while k < u.count {
                let c = u[k]
                if ("0"..."9").contains(c) {
                    out.unicodeScalars.append(c)
                    lastWasDigit = true
                } else if c == "_" {
                    guard lastWasDigit, k + 1 < u.count, ("0"..."9").contains(u[k + 1]) else { return nil }
                    lastWasDigit = false
                } else {
                    break
                }
                k += 1
            }
            return out.isEmpty ? nil : out
        }
        guard let intPart = digits(&k) else { return nil }
        if intPart.count > 1 && intPart.hasPrefix("0") { return nil }
        if k == u.count {
            return Int(sign + intPart).map(TOMLValue.integer)
        }
        var literal = sign + intPart
        var isFloat = false
        if u[k] == "." {
            k += 1
            guard let frac = digits(&k) else { return nil }
            literal += "." + frac
            isFloat = true
        }
        if k < u.count, u[k] == "e" || u[k] == "E" {
            k += 1
            var expSign = ""
            if k < u.count, u[k] == "+" || u[k] == "-" {
                expSign = u[k] == "-" ? "-" : ""
                k += 1
            }
            guard let exp = digits(&k) else { return nil }
            literal += "e" + expSign + exp
            isFloat = true
        }
        guard isFloat, k == u.count, let d = Double(literal), d.isFinite else { return nil }
        return .float(d)
    }
}
