import Foundation
import Testing
@testable import MinqingKit

#if canImport(Glibc)
import Glibc
#endif

// MARK: - Support (shared with TextEncodingTests)

/// A unique temporary directory, removed when the value goes away.
final class CSVReaderTestDir {
    let path: String
    private var counter = 0

    init() {
        path = NSTemporaryDirectory() + "/csvreader-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to a new file in the directory and returns its path.
    func write(_ bytes: [UInt8], name: String? = nil) -> String {
        counter += 1
        let file = path + "/" + (name ?? "input-\(counter).csv")
        Self.put(bytes, at: file)
        return file
    }

    /// Writes `bytes` to `file`, replacing it.
    static func put(_ bytes: [UInt8], at file: String) {
        #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)), "write \(file)")
    }
}

/// One record as the reader reports it.
struct CSVReaderTestRow: Equatable, Sendable, CustomStringConvertible {
    var fields: [String]
    var line: Int
    var lineCount: Int = 1
    var raw: String
    var nul = false

    var description: String { "L\(line)+\(lineCount) \(fields.debugDescription) raw=\(raw.debugDescription)\(nul ? " NUL" : "")" }
}

/// Everything read from one file: the records, then the error that stopped reading (if any).
struct CSVReaderTestOutcome: Equatable {
    var rows: [CSVReaderTestRow] = []
    var error: CSVError?
    var encoding: TextEncoding?
    var hadBOM = false
}

enum CSVReaderFixture {
    /// Chunk sizes that force every kind of boundary, plus the default.
    static let chunkSizes = [1, 2, 3, 7, 64, 1 << 20]

    /// Reads every record of `path`.
    static func read(path: String, encoding: TextEncoding? = nil, chunkSize: Int = 1 << 20,
                     maxRecordBytes: Int = 64 << 20) -> CSVReaderTestOutcome {
        var outcome = CSVReaderTestOutcome()
        do {
            let reader = try CSVReader(path: path, encoding: encoding, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
            outcome.encoding = reader.encoding
            outcome.hadBOM = reader.hadBOM
            while try reader.nextRecord() {
                outcome.rows.append(CSVReaderTestRow(fields: reader.recordFields(), line: reader.recordLine,
                                           lineCount: reader.recordLineCount, raw: reader.rawRecord(),
                                           nul: reader.recordHasNUL))
            }
            #expect(try reader.nextRecord() == false, "stays at end of file")
        } catch let error as CSVError {
            outcome.error = error
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
        return outcome
    }

    /// Writes `bytes` and reads them back with every chunk size; checks all agree and returns the outcome.
    static func readAllChunkings(_ bytes: [UInt8], in dir: CSVReaderTestDir, encoding: TextEncoding? = nil,
                                 chunkSizes: [Int] = chunkSizes) -> CSVReaderTestOutcome {
        let path = dir.write(bytes)
        let reference = read(path: path, encoding: encoding)
        for size in chunkSizes where size != 1 << 20 {
            let outcome = read(path: path, encoding: encoding, chunkSize: size)
            #expect(outcome == reference, "chunkSize \(size) differs from 1 MiB chunks")
        }
        return reference
    }

    /// `text` encoded as GB18030 by glibc iconv (independent of the decoder under test).
    static func gb18030(_ text: String) -> [UInt8] {
        let cd = iconv_open("GB18030", "UTF-8")
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            Issue.record("iconv_open(GB18030, UTF-8) failed")
            return []
        }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let produced = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf -> Int in
                var inPtr = inBuf.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outPtr = outBuf.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = inBuf.count
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                #expect(r != -1 && inLeft == 0, "iconv encodes \(text.prefix(20))")
                return outBuf.count - outLeft
            }
        }
        return Array(output.prefix(produced))
    }
}

/// A small deterministic PRNG (SplitMix64) for the property tests.
struct CSVReaderTestRNG {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

// MARK: - Table of tricky inputs

struct CSVReaderTestCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: [UInt8]
    let rows: [CSVReaderTestRow]
    var testDescription: String { name }

    init(_ name: String, _ input: String, _ rows: [CSVReaderTestRow]) {
        self.init(name, Array(input.utf8), rows)
    }

    init(_ name: String, _ input: [UInt8], _ rows: [CSVReaderTestRow]) {
        self.name = name
        self.input = input
        self.rows = rows
    }
}

private func row(_ fields: [String], line: Int, lines: Int = 1, raw: String, nul: Bool = false) -> CSVReaderTestRow {
    CSVReaderTestRow(fields: fields, line: line, lineCount: lines, raw: raw, nul: nul)
}

let csvReaderTestCases: [CSVReaderTestCase] = [
    CSVReaderTestCase("simple", "a,b,c\n1,2,3\n", [
        row(["a", "b", "c"], line: 1, raw: "a,b,c"),
        row(["1", "2", "3"], line: 2, raw: "1,2,3"),
    ]),
    CSVReaderTestCase("quoted with commas", "\"a,b\",c\n", [row(["a,b", "c"], line: 1, raw: "\"a,b\",c")]),
    CSVReaderTestCase("doubled quotes", "\"he said \"\"hi\"\"\",x\n\"\"\"\",\"a\"\"\"\n", [
        row(["he said \"hi\"", "x"], line: 1, raw: "\"he said \"\"hi\"\"\",x"),
        row(["\"", "a\""], line: 2, raw: "\"\"\"\",\"a\"\"\""),
    ]),
    CSVReaderTestCase("embedded LF", "id,text\n1,\"line1\nline2\"\n2,after\n", [
        row(["id", "text"], line: 1, raw: "id,text"),
        row(["1", "line1\nline2"], line: 2, lines: 2, raw: "1,\"line1\nline2\""),
        row(["2", "after"], line: 4, raw: "2,after"),
    ]),
    CSVReaderTestCase("embedded CRLF", "1,\"a\r\nb\r\n\r\nc\"\r\n2,d\r\n", [
        row(["1", "a\r\nb\r\n\r\nc"], line: 1, lines: 4, raw: "1,\"a\r\nb\r\n\r\nc\""),
        row(["2", "d"], line: 5, raw: "2,d"),
    ]),
    CSVReaderTestCase("embedded lone CR", "\"a\rb\",c\nd\n", [
        row(["a\rb", "c"], line: 1, lines: 2, raw: "\"a\rb\",c"),
        row(["d"], line: 3, raw: "d"),
    ]),
    CSVReaderTestCase("CRLF file", "a,b\r\nc,d\r\n", [
        row(["a", "b"], line: 1, raw: "a,b"),
        row(["c", "d"], line: 2, raw: "c,d"),
    ]),
    CSVReaderTestCase("lone CR file", "a,b\rc,d\re", [
        row(["a", "b"], line: 1, raw: "a,b"),
        row(["c", "d"], line: 2, raw: "c,d"),
        row(["e"], line: 3, raw: "e"),
    ]),
    CSVReaderTestCase("mixed terminators", "a\nb\r\nc\rd\n", [
        row(["a"], line: 1, raw: "a"), row(["b"], line: 2, raw: "b"),
        row(["c"], line: 3, raw: "c"), row(["d"], line: 4, raw: "d"),
    ]),
    CSVReaderTestCase("UTF-8 BOM", [0xEF, 0xBB, 0xBF] + Array("编号,x\n1,2\n".utf8), [
        row(["编号", "x"], line: 1, raw: "编号,x"),
        row(["1", "2"], line: 2, raw: "1,2"),
    ]),
    CSVReaderTestCase("no trailing newline", "a,b\nc,d", [
        row(["a", "b"], line: 1, raw: "a,b"),
        row(["c", "d"], line: 2, raw: "c,d"),
    ]),
    CSVReaderTestCase("trailing CR at end of file", "a\r", [row(["a"], line: 1, raw: "a")]),
    CSVReaderTestCase("quoted last field without newline", "a,\"b\"", [row(["a", "b"], line: 1, raw: "a,\"b\"")]),
    CSVReaderTestCase("trailing empty field", "a,b,\nc,d,", [
        row(["a", "b", ""], line: 1, raw: "a,b,"),
        row(["c", "d", ""], line: 2, raw: "c,d,"),
    ]),
    CSVReaderTestCase("empty fields", ",,\n,a,\n,\n", [
        row(["", "", ""], line: 1, raw: ",,"),
        row(["", "a", ""], line: 2, raw: ",a,"),
        row(["", ""], line: 3, raw: ","),
    ]),
    CSVReaderTestCase("quoted empty fields", "\"\",\"\"\n\"\"\n", [
        row(["", ""], line: 1, raw: "\"\",\"\""),
        row([""], line: 2, raw: "\"\""),
    ]),
    CSVReaderTestCase("blank lines skipped but counted", "\n\na\n\r\n\rb\n\n", [
        row(["a"], line: 3, raw: "a"),
        row(["b"], line: 6, raw: "b"),
    ]),
    CSVReaderTestCase("ragged rows", "a,b,c\nd\ne,f\n", [
        row(["a", "b", "c"], line: 1, raw: "a,b,c"),
        row(["d"], line: 2, raw: "d"),
        row(["e", "f"], line: 3, raw: "e,f"),
    ]),
    CSVReaderTestCase("spaces kept", " a , b \n", [row([" a ", " b "], line: 1, raw: " a , b ")]),
    CSVReaderTestCase("Chinese text", "编号,诉求内容,办理状态\nMQ001,\"小区门口道路破损，雨天积水，\"\"急\"\"\",已办结\n", [
        row(["编号", "诉求内容", "办理状态"], line: 1, raw: "编号,诉求内容,办理状态"),
        row(["MQ001", "小区门口道路破损，雨天积水，\"急\"", "已办结"], line: 2,
            raw: "MQ001,\"小区门口道路破损，雨天积水，\"\"急\"\"\",已办结"),
    ]),
    CSVReaderTestCase("4-byte UTF-8", "𠀀,😀x\n", [row(["𠀀", "😀x"], line: 1, raw: "𠀀,😀x")]),
    CSVReaderTestCase("quote inside unquoted field kept", "ab\"c,d\"e\"\n", [row(["ab\"c", "d\"e\""], line: 1, raw: "ab\"c,d\"e\"")]),
    CSVReaderTestCase("text after closing quote appended", "\"ab\"c,\"x\"y\"z\",\"\"q\n", [
        row(["abc", "xy\"z\"", "q"], line: 1, raw: "\"ab\"c,\"x\"y\"z\",\"\"q"),
    ]),
    CSVReaderTestCase("escaped quote before line break", "\"a\"\"\nb\",c\nd\n", [
        row(["a\"\nb", "c"], line: 1, lines: 2, raw: "\"a\"\"\nb\",c"),
        row(["d"], line: 3, raw: "d"),
    ]),
    CSVReaderTestCase("multi-line record then blank lines", "\"x\n\ny\"\n\n\nz", [
        row(["x\n\ny"], line: 1, lines: 3, raw: "\"x\n\ny\""),
        row(["z"], line: 6, raw: "z"),
    ]),
    CSVReaderTestCase("NUL byte kept", "a\u{0}b,c\n\"\u{0}\",d\ne\n", [
        row(["a\u{0}b", "c"], line: 1, raw: "a\u{0}b,c", nul: true),
        row(["\u{0}", "d"], line: 2, raw: "\"\u{0}\",d", nul: true),
        row(["e"], line: 3, raw: "e"),
    ]),
    CSVReaderTestCase("only blank lines", "\n\r\n\r", []),
]

@Suite struct CSVReaderTests {
    @Test(arguments: csvReaderTestCases)
    func trickyInputs(_ testCase: CSVReaderTestCase) {
        let dir = CSVReaderTestDir()
        let outcome = CSVReaderFixture.readAllChunkings(testCase.input, in: dir)
        #expect(outcome.error == nil)
        #expect(outcome.encoding == .utf8)
        #expect(outcome.rows == testCase.rows)
    }

    @Test func bomIsReportedAndSkipped() throws {
        let dir = CSVReaderTestDir()
        let path = dir.write([0xEF, 0xBB, 0xBF] + Array("编号\n".utf8))
        let reader = try CSVReader(path: path)
        #expect(reader.hadBOM)
        #expect(reader.encoding == .utf8)
        #expect(try reader.nextRecord())
        #expect(reader.field(0) == "编号")
        #expect(reader.field(0).unicodeScalars.first == "编")
        let plain = try CSVReader(path: dir.write(Array("编号\n".utf8)))
        #expect(plain.hadBOM == false)
    }

    @Test func forcedUTF8SkipsBOM() throws {
        let dir = CSVReaderTestDir()
        let outcome = CSVReaderFixture.read(path: dir.write([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8)), encoding: .utf8)
        #expect(outcome.hadBOM)
        #expect(outcome.rows == [row(["a", "b"], line: 1, raw: "a,b")])
    }

    @Test func fieldOutOfRangeIsEmpty() throws {
        let dir = CSVReaderTestDir()
        let reader = try CSVReader(path: dir.write(Array("a,b\n".utf8)))
        #expect(try reader.nextRecord())
        #expect(reader.fieldCount == 2)
        #expect(reader.field(2) == "")
        #expect(reader.field(-1) == "")
        #expect(try reader.nextRecord() == false)
        #expect(reader.fieldCount == 0)
    }

    @Test func unterminatedQuoteNamesStartLine() {
        let dir = CSVReaderTestDir()
        let input = "编号,内容\nA1,ok\nA2,\"开始\n没有结束\n\n"
        let outcome = CSVReaderFixture.readAllChunkings(Array(input.utf8), in: dir)
        #expect(outcome.rows.map(\.fields) == [["编号", "内容"], ["A1", "ok"]])
        let error = outcome.error
        #expect(error?.kind == .unterminatedQuote(fieldLine: 3))
        #expect(error?.line == 3)
        #expect(error.map { $0.description.hasPrefix("input-1.csv 第 3 行：引号未闭合") } == true)
    }

    @Test func unterminatedQuoteOnLaterLineOfRecord() {
        let dir = CSVReaderTestDir()
        let outcome = CSVReaderFixture.readAllChunkings(Array("h\n1,\"a\nb\",\"open\nx".utf8), in: dir)
        #expect(outcome.rows.map(\.fields) == [["h"]])
        #expect(outcome.error?.line == 2)
        #expect(outcome.error?.kind == .unterminatedQuote(fieldLine: 3))
    }

    @Test func errorMessagesAreClerkSentences() {
        let unterminated = CSVError(path: "/data/10月/诉求.csv", line: 12, kind: .unterminatedQuote(fieldLine: 12))
        #expect(unterminated.description
            == "诉求.csv 第 12 行：引号未闭合，文件在引号字段中结束（该字段从第 12 行开始）。请检查该行的双引号是否成对。")
        let utf16 = CSVError(path: "in/诉求.txt", line: 3, kind: .undecodable(encoding: .utf16le))
        #expect(utf16.description.hasPrefix("诉求.txt 第 3 行：含有无法识别的字符，不是有效的 UTF-16（Unicode 文本） 编码。"))
        #expect(CSVError(path: "诉求.csv", kind: .empty).description == "诉求.csv：文件是空的，没有任何内容。请确认导出的文件是否完整。")
        let bad = CSVError(path: "a/b.csv", line: 7, kind: .undecodable(encoding: .gb18030))
        #expect(bad.description.hasPrefix("b.csv 第 7 行：含有无法识别的字符，不是有效的 GB18030/GBK 编码。"))
        #expect(CSVError(path: "x.csv", line: 2, kind: .recordTooLarge(limit: 64 << 20)).description.contains("64 MB"))
        #expect(CSVError(path: "dir/", kind: .isDirectory).fileName == "dir")
    }

    @Test func nulFlagResetsPerRecord() throws {
        let dir = CSVReaderTestDir()
        let reader = try CSVReader(path: dir.write([0x61, 0x00, 0x0A, 0x62, 0x0A]))
        #expect(try reader.nextRecord())
        #expect(reader.recordHasNUL)
        #expect(reader.field(0) == "a\u{0}")
        #expect(try reader.nextRecord())
        #expect(reader.recordHasNUL == false)
    }

    @Test func oneMegabyteField() {
        let dir = CSVReaderTestDir()
        let unit = "诉求内容，含\"引号\"、逗号,与\r\n换行。"
        let big = String(repeating: unit, count: (1 << 20) / unit.utf8.count + 1)
        #expect(big.utf8.count > 1 << 20)
        let quoted = "\"" + big.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let input = "id,content\n1," + quoted + ",end\n2,next\n"
        let outcome = CSVReaderFixture.readAllChunkings(Array(input.utf8), in: dir, chunkSizes: [4099, 65536])
        #expect(outcome.error == nil)
        #expect(outcome.rows.count == 3)
        #expect(outcome.rows.dropFirst().first?.fields == ["1", big, "end"])
        #expect(outcome.rows.dropFirst().first?.raw == "1," + quoted + ",end")
        let breaks = big.utf8.filter { $0 == 0x0A }.count
        #expect(outcome.rows.dropFirst().first?.lineCount == breaks + 1)
        #expect(outcome.rows.last?.line == 2 + breaks + 1)
    }

    @Test func recordsSpanningChunkBoundaries() {
        var rng = CSVReaderTestRNG(seed: 7)
        var text = "编号,受理日期,诉求内容,办理状态\r\n"
        for i in 0..<150 {
            let content = rng.pick(["道路破损", "拖欠工资,三个月", "噪音\"扰民\"", "多行\r\n内容", "𠀀字", ""])
            let quotedContent = "\"" + content.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            text += "MQ\(i),2026-10-\(i % 28 + 1),\(quotedContent),已办结\r\n"
        }
        let dir = CSVReaderTestDir()
        let outcome = CSVReaderFixture.readAllChunkings(Array(text.utf8), in: dir, chunkSizes: [1, 7, 13, 4096])
        #expect(outcome.error == nil)
        #expect(outcome.rows.count == 151)
        #expect(outcome.rows.allSatisfy { $0.fields.count == 4 })
        #expect(outcome.rows.last?.fields.first == "MQ149")
    }

    @Test func recordTooLargeStopsRunawayQuote() {
        let dir = CSVReaderTestDir()
        let input = "a\n\"" + String(repeating: "x,\n", count: 2000)
        let path = dir.write(Array(input.utf8))
        let outcome = CSVReaderFixture.read(path: path, chunkSize: 64, maxRecordBytes: 1000)
        #expect(outcome.rows.map(\.fields) == [["a"]])
        #expect(outcome.error?.kind == .recordTooLarge(limit: 1000))
        #expect(outcome.error?.line == 2)
    }

    @Test func missingFileAndDirectory() {
        let dir = CSVReaderTestDir()
        #expect(CSVReaderFixture.read(path: dir.path + "/nope.csv").error == CSVError(path: dir.path + "/nope.csv", kind: .fileNotFound))
        #expect(CSVReaderFixture.read(path: dir.path).error?.kind == .isDirectory)
    }

    @Test func emptyAndBOMOnlyFilesAreRefused() {
        let dir = CSVReaderTestDir()
        #expect(CSVReaderFixture.read(path: dir.write([])).error?.kind == .empty)
        #expect(CSVReaderFixture.read(path: dir.write([0xEF, 0xBB, 0xBF])).error?.kind == .empty)
        #expect(CSVReaderFixture.read(path: dir.write([0xEF, 0xBB, 0xBF]), encoding: .gb18030).error?.kind == .empty)
        // A file of blank lines is not empty: it simply has no records.
        let blank = CSVReaderFixture.read(path: dir.write([0x0A, 0x0A]))
        #expect(blank.error == nil && blank.rows.isEmpty)
    }

    @Test func invalidUTF8AfterValidPrefixNamesLine() {
        // More than the 64 KiB detection sample of valid UTF-8, so the file is detected as UTF-8.
        var text = "编号,内容\n"
        for i in 0..<2000 { text += "\(i),群众诉求内容第\(i)条\n" }
        #expect(text.utf8.count > 64 * 1024)
        let bytes = Array(text.utf8) + Array("bad,".utf8) + [0xE4, 0x41] + Array("\nlast\n".utf8)
        let dir = CSVReaderTestDir()
        let outcome = CSVReaderFixture.readAllChunkings(bytes, in: dir, chunkSizes: [3, 1000])
        #expect(outcome.encoding == .utf8)
        #expect(outcome.rows.count == 2001)
        #expect(outcome.error?.kind == .undecodable(encoding: .utf8))
        #expect(outcome.error?.line == 2002)
    }

    @Test func forcedUTF8RejectsBadBytesOnTheirLine() {
        let dir = CSVReaderTestDir()
        let bytes = Array("a\n\"b\nc\",".utf8) + [0xC0, 0xAF] + Array("\n".utf8)
        let outcome = CSVReaderFixture.readAllChunkings(bytes, in: dir, encoding: .utf8)
        #expect(outcome.rows.map(\.fields) == [["a"]])
        #expect(outcome.error?.line == 3)
        #expect(outcome.error?.kind == .undecodable(encoding: .utf8))
    }

    @Test func truncatedUTF8AtEndOfFile() {
        let dir = CSVReaderTestDir()
        let outcome = CSVReaderFixture.readAllChunkings(Array("a\nb".utf8) + [0xE4, 0xB8], in: dir, encoding: .utf8)
        #expect(outcome.rows.map(\.fields) == [["a"]])
        #expect(outcome.error == CSVError(path: dir.path + "/input-1.csv", line: 2, kind: .undecodable(encoding: .utf8)))
    }

    // MARK: Properties

    /// Serializes a table the way a correct writer would: quotes when needed (and sometimes when not).
    private static func serialize(_ table: [[String]], rng: inout CSVReaderTestRNG) -> (bytes: String, rows: [CSVReaderTestRow]) {
        var out = ""
        var rows: [CSVReaderTestRow] = []
        var line = 1
        for (index, fields) in table.enumerated() {
            let cells = fields.map { field -> String in
                let needs = field.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
                    || (fields.count == 1 && field.isEmpty)
                guard needs || rng.below(4) == 0 else { return field }
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            let raw = cells.joined(separator: ",")
            let breaks = raw.unicodeScalars.reduce(into: (count: 0, lastCR: false)) { acc, s in
                if s == "\r" { acc.count += 1 } else if s == "\n" && !acc.lastCR { acc.count += 1 }
                acc.lastCR = s == "\r"
            }.count
            rows.append(CSVReaderTestRow(fields: fields, line: line, lineCount: breaks + 1, raw: raw))
            out += raw
            line += breaks
            let last = index == table.count - 1
            if !last || rng.below(2) == 0 {
                out += rng.pick(["\n", "\r\n", "\r"])
                line += 1
            }
        }
        return (out, rows)
    }

    @Test func randomTablesRoundTrip() {
        var rng = CSVReaderTestRNG(seed: 20261001)
        let alphabet = ["a", "b", "Z", "1", " ", ",", "\"", "\r", "\n", "\r\n", "中", "文", "，", "𠀀", "€", "\"\""]
        let dir = CSVReaderTestDir()
        let path = dir.path + "/table.csv"
        var gbCount = 0
        for round in 0..<2000 {
            let table = (0..<(1 + rng.below(5))).map { _ in
                (0..<(1 + rng.below(4))).map { _ in
                    (0..<rng.below(7)).map { _ in rng.pick(alphabet) }.joined()
                }
            }
            let (text, rows) = Self.serialize(table, rng: &rng)
            let useGB = round % 5 == 0
            let bytes = useGB ? CSVReaderFixture.gb18030(text) : Array(text.utf8)
            CSVReaderTestDir.put(bytes, at: path)
            let chunk = rng.pick([1, 2, 3, 4, 5, 7, 11, 64, 1 << 20])
            let outcome = CSVReaderFixture.read(path: path, chunkSize: chunk)
            let ascii = text.utf8.allSatisfy { $0 < 0x80 }
            if useGB && !ascii { gbCount += 1 }
            #expect(outcome.error == nil, "round \(round)")
            #expect(outcome.encoding == (useGB && !ascii ? .gb18030 : .utf8), "round \(round)")
            guard outcome.rows == rows else {
                Issue.record("round \(round), chunk \(chunk): \(text.debugDescription)\nexpected \(rows)\ngot \(outcome.rows)")
                return
            }
        }
        #expect(gbCount > 300)
    }

    @Test func randomBytesNeverCrashOrHang() {
        var rng = CSVReaderTestRNG(seed: 4180)
        // Half the rounds use well-formed pieces (so most parse), half any bytes (so most fail).
        let pieces: [[UInt8]] = [[0x2C], [0x2C], [0x22], [0x0D], [0x0A], [0x00], [0x61], [0x20],
                                 Array("中".utf8), Array("𠀀".utf8)]
        let bytesAlphabet: [UInt8] = [0x2C, 0x22, 0x0D, 0x0A, 0x00, 0x61, 0x20, 0xE4, 0xB8, 0xAD, 0xFF, 0x80,
                                      0xEF, 0xBB, 0xBF, 0xFE, 0x81, 0x30, 0x95, 0xC0, 0xF0, 0x9F]
        let dir = CSVReaderTestDir()
        let path = dir.path + "/fuzz.csv"
        var records = 0
        var errors = 0
        var clean = 0
        for round in 0..<2000 {
            let bytes = round % 2 == 0
                ? (0..<rng.below(32)).flatMap { _ in rng.pick(pieces) }
                : (0..<rng.below(48)).map { _ in rng.pick(bytesAlphabet) }
            CSVReaderTestDir.put(bytes, at: path)
            let encoding = round % 2 == 0 ? rng.pick([nil, TextEncoding.utf8]) : rng.pick([nil, .utf8, .gb18030])
            let whole = CSVReaderFixture.read(path: path, encoding: encoding)
            let chunked = CSVReaderFixture.read(path: path, encoding: encoding, chunkSize: 1 + rng.below(5))
            #expect(whole == chunked, "round \(round): \(bytes)")
            #expect(whole.rows.count <= bytes.count)
            #expect(whole.rows.map(\.line) == whole.rows.map(\.line).sorted())
            records += whole.rows.count
            errors += whole.error == nil ? 0 : 1
            clean += whole.error == nil && !whole.rows.isEmpty ? 1 : 0
        }
        #expect(records > 1000)
        #expect(clean > 300)
        #expect(errors > 300)
    }
}
