import CZlib
import Foundation
import Testing
@testable import MinqingKit

/// The fast path of the long lists: rows written as XML, shared strings, raw deflate pieces joined,
/// the zip written by hand (zip64 included), and the whole read back by openpyxl.
@Suite("工作簿快速写出 sheet XML and package")
struct SheetPackageTests {
    // MARK: Sheet XML

    @Test(arguments: [
        ("普通文本", "<t>普通文本</t>"),
        ("a<b>&c", "<t>a&lt;b&gt;&amp;c</t>"),
        ("=HYPERLINK(\"x\")", "<t>=HYPERLINK(\"x\")</t>"),
        (" 前后空格 ", "<t xml:space=\"preserve\"> 前后空格 </t>"),
        ("行一\n行二", "<t>行一\n行二</t>"),
        ("回车\r换行", "<t>回车_x000D_换行</t>"),
        ("响铃\u{07}", "<t>响铃_x0007_</t>"),
        ("空\u{0}字符", "<t>空字符</t>"),
        ("字面_x0041_转义", "<t>字面_x005F_x0041_转义</t>"),
        ("不是_x41_转义", "<t>不是_x41_转义</t>"),
        ("非字符\u{FFFF}与\u{FFFE}", "<t>非字符_xFFFF_与_xFFFE_</t>"),
        ("\t制表", "<t xml:space=\"preserve\">\t制表</t>"),
    ])
    func textIsEscapedForExcel(_ text: String, _ expected: String) {
        let out = ByteBuffer()
        SheetXML.appendText(text, to: out)
        #expect(String(decoding: out.array, as: UTF8.self) == expected)
    }

    @Test func longTextIsCutAtExcelsLimit() {
        let out = ByteBuffer()
        SheetXML.appendText(String(repeating: "长", count: 40_000), to: out)
        let xml = String(decoding: out.array, as: UTF8.self)
        #expect(xml.hasSuffix(XlsxWorksheet.truncationMarker + "</t>"))
        #expect(xml.count == "<t></t>".count + XlsxWorksheet.maxCellCharacters)
    }

    @Test func rowsAndCellsHaveExcelsShape() {
        var xml = SheetXML(columns: 28)
        xml.startRow(12, height: 45.5)
        xml.inlineCell(0, style: 2, text: "E01")
        xml.sharedCell(27, style: 3, index: 1234)
        xml.blankCell(1, style: 2)
        xml.inlineCell(2, style: 2, text: "")
        xml.endRow()
        xml.startRow(1_048_576, height: nil)
        xml.endRow()
        let text = String(decoding: xml.take().array, as: UTF8.self)
        #expect(text == """
            <row r="12" ht="45.5" customHeight="1"><c r="A12" s="2" t="inlineStr"><is><t>E01</t></is></c>\
            <c r="AB12" s="3" t="s"><v>1234</v></c><c r="B12" s="2"/><c r="C12" s="2"/></row>\
            <row r="1048576"></row>
            """)
        #expect(xml.count == 0)
    }

    @Test(arguments: [(31.0, "31"), (45.5, "45.5"), (409.0, "409"), (16.5, "16.5"), (2.0, "2")])
    func heightsPrintLikePercentG(_ points: Double, _ expected: String) {
        let out = ByteBuffer()
        SheetXML.appendPoints(points, to: out)
        #expect(String(decoding: out.array, as: UTF8.self) == expected)
    }

    @Test func decimalsOfEverySize() {
        for value in [0, 7, 10, 99, 100, 65_535, 1_048_576, Int(Int32.max), Int.max] {
            let out = ByteBuffer(capacity: 1)
            out.appendDecimal(value)
            #expect(String(decoding: out.array, as: UTF8.self) == String(value))
        }
    }

    // MARK: Shared strings and interning

    @Test func internerComparesBytes() {
        let names = ByteInterner()
        #expect(names.id("青山镇") == 0)
        #expect(names.id("花山街道") == 1)
        #expect(names.id("青山镇") == 0)
        // é composed and decomposed are equal Swift strings but different bytes, as Excel sees them.
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(names.id(composed) != names.id(decomposed))
        #expect(names.id("", adding: true) == 4)
        #expect(names.id("未见过", adding: false) == nil)
        for i in 0..<20_000 { #expect(names.id("单位\(i)") == i + 5) }
        for i in stride(from: 0, to: 20_000, by: 997) { #expect(names.string(i + 5) == "单位\(i)") }
        #expect(names.count == 20_005)
    }

    @Test func sharedStringsStopAtCapacity() {
        let table = SharedStrings(capacity: 2)
        #expect(table.index(of: "满意") == 0)
        #expect(table.index(of: "不满意") == 1)
        #expect(table.index(of: "满意") == 0)
        #expect(table.index(of: "基本满意") == nil)
        #expect(table.index(of: "") == nil)
        #expect(table.index(of: String(repeating: "x", count: 256)) == nil)
        #expect(table.references == 3)
        let xml = String(decoding: table.xml(), as: UTF8.self)
        #expect(xml.hasSuffix("count=\"3\" uniqueCount=\"2\"><si><t>满意</t></si><si><t>不满意</t></si></sst>"))
    }

    // MARK: Masking fast paths

    @Test func fastNameMaskingAgreesWithTheRules() {
        var names = ["张三", "张三丰", "张小三丰", "欧阳修", "欧阳小明", "司马相如", "王女士", "欧阳先生", "欧阳小先生",
                     "匿名", "不详", "无名氏", "匿名群众", "李师傅", "诸葛孔明亮", "阿依古丽买买提", "㐀㐁", "一二三四五六"]
        // Every compound surname and honorific, with one, two and three more characters.
        for surname in Masking.compoundSurnames {
            names += [surname, surname + "明", surname + "小明", surname + "先生", surname + "大先生"]
        }
        for honorific in Masking.honorifics { names += ["王" + honorific, "王小" + honorific] }
        var generated = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let length = Int.random(in: 2...6, using: &generated)
            names.append(String((0..<length).map { _ in Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FA5, using: &generated))!) }))
        }
        for name in names {
            #expect(Masking.name(name) == Masking.generalName(name), "\(name)")
        }
        #expect(Masking.fastChineseName("张 三") == nil)
        #expect(Masking.fastChineseName("阿依·买买提") == nil)
        #expect(Masking.fastChineseName("John") == nil)
        #expect(Masking.fastChineseName("张") == nil)
        #expect(Masking.compoundSurnames.allSatisfy { $0.utf8.count == 6 })
        #expect(Masking.honorifics.allSatisfy { $0.utf8.count == 6 })
    }

    @Test(arguments: ["13812345678", "19900001111", "12812345678", "1381234567", "138123456789", "138 1234 5678",
                      "+8613812345678", "0553-1234567", "１３８１２３４５６７８"])
    func fastMobileMaskingAgreesWithTheRules(_ phone: String) {
        let fast = Masking.fastMobile(phone)
        if let fast { #expect(fast == String(phone.prefix(3)) + "****" + String(phone.suffix(4))) }
        #expect(Masking.phone(phone) == (fast ?? Masking.phone(phone)))
        #expect((fast != nil) == (phone.utf8.count == 11 && phone.hasPrefix("1") && !phone.hasPrefix("12")
            && phone.allSatisfy { $0.isASCII && $0.isNumber }))
    }

    // MARK: Deflate pieces and the zip

    @Test func joinedDeflatePiecesReadAsOneStream() throws {
        let head = Array("<worksheet><sheetData>".utf8)
        let rows = (0..<5_000).flatMap { Array("<row r=\"\($0)\"><c><v>\($0 * 7)</v></c></row>".utf8) }
        let tail = Array("</sheetData></worksheet>".utf8)
        let a = try Deflater.deflated(head, final: false, context: "test")
        let b = try Deflater.deflated(rows, final: false, context: "test")
        let c = try Deflater.deflated(tail, final: true, context: "test")
        let whole = head + rows + tail
        let joined = a.data + b.data + c.data
        let inflated = try inflateRaw(joined[...], expectedLength: whole.count, context: "test")
        #expect(inflated == whole)
        var crc = Deflater.combine(a.crc, b.crc, secondLength: b.length)
        crc = Deflater.combine(crc, c.crc, secondLength: c.length)
        let direct = whole.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        #expect(crc == direct)
        #expect(joined.count < whole.count / 5)
    }

    /// Many chunks, output larger than the deflater's 256 KB buffer (random bytes do not compress), an
    /// empty piece in the middle, and a flush right after input: zlib inflates the join exactly.
    @Test func deflaterStreamsManyChunksAndLargeOutput() throws {
        var random = CSVReaderTestRNG(seed: 20261122)
        let noise = (0..<700_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let text = Array(String(repeating: "<c r=\"B7\" s=\"1\" t=\"s\"><v>12</v></c>", count: 40_000).utf8)
        var joined: [UInt8] = []
        let append: (UnsafeRawBufferPointer) -> Void = { joined.append(contentsOf: $0) }
        var crc: UInt32 = 0
        var whole: [UInt8] = []
        for (index, piece) in [noise, [], text, noise.reversed(), text].enumerated() {
            let deflater = try Deflater(context: "test")
            var start = 0
            while start < piece.count {
                let end = min(piece.count, start + 65_537)
                try piece[start..<end].withUnsafeBytes { try deflater.compress($0, context: "test", to: append) }
                start = end
            }
            try deflater.finish(final: index == 4, context: "test", to: append)
            #expect(deflater.inputCount == UInt64(piece.count))
            crc = whole.isEmpty ? deflater.crc : Deflater.combine(crc, deflater.crc, secondLength: deflater.inputCount)
            whole += piece
        }
        let inflated = try inflateRaw(joined[...], expectedLength: whole.count, context: "test")
        #expect(inflated == whole)
        #expect(crc == whole.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) })
    }

    /// Reports are byte-identical run to run, so the compressed bytes must not depend on what the heap
    /// held before: a deflater made after dirty blocks were freed (where glibc is likely to reuse them)
    /// gives the same bytes as the first one. (A workbook once differed by one compressed byte after a
    /// killed run; igzip's level buffer is zeroed since.)
    @Test func deflateIgnoresLeftoverMemory() throws {
        var random = CSVReaderTestRNG(seed: 7)
        let rows = (0..<20_000).map { "<row r=\"\($0)\"><c t=\"s\"><v>\(random.below(500))</v></c></row>" }
        let xml = Array(rows.joined().utf8)
        let first = try Deflater.deflated(xml, final: false, context: "test")
        for round in 0..<4 {
            // glibc serves a large block from mmap (zeroed) until one is freed; then from the heap.
            for size in [1 << 19, 300_000, 290_000] {
                let block = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
                block.initialize(repeating: UInt8(truncatingIfNeeded: random.next()), count: size)
                for i in stride(from: 0, to: size, by: 7) { block[i] = UInt8(truncatingIfNeeded: random.next()) }
                block.deallocate()
            }
            let again = try Deflater.deflated(xml, final: false, context: "test")
            #expect(again.data == first.data, "round \(round): \(again.data.count) bytes, first \(first.data.count)")
        }
    }

    @Test(arguments: [UInt64(0xFFFF_FFFF), 0])
    func zipIsReadByPython(zip64Threshold: UInt64) throws {
        let directory = try TestSupport.temporaryDirectory("zip")
        let path = directory + "/test.zip"
        let sink = try FileSink(path: path)
        let writer = ZipWriter(sink: sink)
        writer.zip64Threshold = zip64Threshold
        let contents: [(String, [UInt8])] = [
            ("a.txt", Array("第一个文件".utf8)),
            ("dir/b.xml", Array(String(repeating: "<x>重复</x>", count: 1000).utf8)),
        ]
        for (name, bytes) in contents {
            let packed = try Deflater.deflated(bytes, final: true, context: "test")
            try writer.beginEntry(name: name, method: 8, time: 0, date: 33, crc: packed.crc,
                                  compressedSize: UInt64(packed.data.count), size: packed.length)
            try sink.write(packed.data)
        }
        try writer.finish()
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for info in z.infolist():
                print(info.filename, len(z.read(info.filename)), z.read(info.filename).decode()[:5])
            """
        let result = try EndToEnd.execute("/usr/bin/env", ["python3", "-c", script, path], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "a.txt 15 第一个文件\ndir/b.xml 13000 <x>重复\n")
        // The archive reads back through our own reader as well (no zip64 there: libxlsxwriter's is small).
        if zip64Threshold > 0 {
            let archive = try ZipReader(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), context: "test")
            #expect(archive.entries.map(\.name) == ["a.txt", "dir/b.xml"])
            #expect(try archive.contents(archive.entries[1], context: "test") == contents[1].1)
        }
    }

    /// A list sheet spliced into a libxlsxwriter workbook, with zip64 forced: openpyxl reads every value,
    /// the header and layout from libxlsxwriter, and the shared strings.
    @Test(arguments: [UInt64(0xFFFF_FFFF), 0])
    func splicedSheetReadsBackThroughOpenpyxl(zip64Threshold: UInt64) throws {
        let directory = try TestSupport.temporaryDirectory("splice")
        let base = directory + "/.book.xlsx.partial", path = directory + "/book.xlsx"
        let book = try XlsxWorkbook(path: base, constantMemory: true)
        let style = WorkbookStyle(book)
        let month = try #require(YearMonth(year: 2026, month: 10))
        let factory = SheetFactory(book: book, style: style, county: "江岭县", month: month)
        let first = try factory.makeSheet("总览", headers: ["指标"], widths: [10])
        try first.writeText(1, 0, "诉求总数", style.text)
        let sheet = try factory.makeSheet("明细", headers: ["编号", "乡镇", "内容"], widths: [10, 10, 40])
        let oracle = try factory.makeSheet("对照", headers: ["编号", "乡镇", "内容"], widths: [10, 10, 40])
        let spliced = try SplicedSheet(sheet: sheet, lastColumn: 2, folder: directory)
        let strings = SharedStrings()
        let values: [[String]] = [
            ["E01", "青山镇", "=1+1"],
            ["E02", "花山街道", "@SUM(A1)"],
            ["E03", "青山镇", "-3 与 +4"],
            ["E04", "", "含_x0041_与\u{01}控制符"],
            ["E05", "花山街道", "  两端空格  "],
            ["E06", "青山镇", "多行\n文本"],
        ]
        var xml = SheetXML(columns: 3)
        let text = try book.styleIndex(style.text), wrapped = try book.styleIndex(style.wrapped)
        for (i, row) in values.enumerated() {
            xml.startRow(i + 2, height: i == 5 ? 31 : nil)
            xml.inlineCell(0, style: text, text: row[0])
            if let index = strings.index(of: row[1]) {
                xml.sharedCell(1, style: text, index: index)
            } else {
                xml.inlineCell(1, style: text, text: row[1])
            }
            xml.inlineCell(2, style: wrapped, text: row[2])
            xml.endRow()
            spliced.rows = i + 1
            for (c, value) in row.enumerated() { try oracle.writeText(i + 1, c, value, c == 2 ? style.wrapped : style.text) }
        }
        try spliced.compress(xml.take())
        try spliced.finishRows()
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: values.count, lastCol: 2)
        try book.close()
        try WorkbookSplice.assemble(
            base: base, output: path, sheets: [spliced], sharedStrings: strings, zip64Threshold: zip64Threshold)
        #expect(!FileManager.default.fileExists(atPath: base))

        let read = try EndToEnd.readWorkbook(path)
        #expect(read.sheets == ["总览", "明细", "对照"])
        // The same values written cell by cell through libxlsxwriter are the oracle.
        func cells(_ name: String) -> [[String]] { read.rows(name).map { $0.map { $0 is NSNull ? "" : "\($0)" } } }
        #expect(cells("明细").first == ["编号", "乡镇", "内容"])
        #expect(cells("明细") == cells("对照"))
        #expect(cells("明细")[1] == values[0])
        #expect(cells("明细")[6] == values[5])
        #expect(read.formulaCount == 0)
        #expect(read.sheet("明细")["autofilter"] as? String == "A1:C7")
        #expect(read.sheet("明细")["freeze"] as? String == "A2")
        #expect(read.rows("总览").count == 2)
    }

    /// The rows of two sheets arriving interleaved, compressed in many small pieces (a piece every row
    /// or two, and a budget that compresses both sheets' buffers), spliced under title rows that
    /// libxlsxwriter wrote with its own shared strings, the sheets created after their rows: openpyxl
    /// reads every value in its place.
    @Test func interleavedSheetsReadBackThroughOpenpyxl() throws {
        let directory = try TestSupport.temporaryDirectory("interleaved")
        let base = directory + "/.book.xlsx.partial", path = directory + "/book.xlsx"
        let book = try XlsxWorkbook(path: base, constantMemory: false)
        let style = WorkbookStyle(book)
        let text = try book.styleIndex(style.text)
        let rows = try InterleavedRows(folder: directory, columns: 3, pieceSize: 200, budget: 500)
        let first = rows.makeSheet(firstRow: 3, lastColumn: 2), second = rows.makeSheet(firstRow: 3, lastColumn: 2)
        var expected: [[[String]]] = [[], []]
        for i in 0..<300 {
            let which = i % 3 == 0 ? 1 : 0
            let values = ["\(expected[which].count + 1)", "R\(i)", i == 7 ? "=1+1" : "第 \(i) 行 & <内容>"]
            try rows.appendRow(to: which == 0 ? first : second, height: i == 4 ? 31 : nil) { xml in
                xml.numberCell(0, style: text, value: expected[which].count + 1)
                xml.inlineCell(1, style: text, text: values[1])
                xml.inlineCell(2, style: text, text: values[2])
            }
            expected[which].append(values)
        }
        // Created after the rows, the second first.
        for (sheet, name) in [(second, "乙"), (first, "甲")] {
            let made = try book.addWorksheet(name)
            sheet.number = made.number
            sheet.name = made.name
            try made.writeText(0, 0, "标题\(name)", style.text)
            for (c, header) in ["序号", "编号", "内容"].enumerated() { try made.writeText(1, c, header, style.header) }
        }
        try rows.finish()
        try book.close()
        try WorkbookSplice.assemble(base: base, output: path, sheets: [second, first], sharedStrings: SharedStrings())

        let read = try EndToEnd.readWorkbook(path)
        #expect(read.sheets == ["乙", "甲"])
        func cells(_ name: String) -> [[String]] { read.rows(name).map { $0.map { $0 is NSNull ? "" : "\($0)" } } }
        #expect(cells("乙") == [["标题乙", "", ""], ["序号", "编号", "内容"]] + expected[1])
        #expect(cells("甲") == [["标题甲", "", ""], ["序号", "编号", "内容"]] + expected[0])
        #expect(expected[1].count == 100 && expected[0].count == 200)
        #expect(read.formulaCount == 0)
    }
}
