import Foundation
import Testing
@testable import MinqingKit

#if canImport(CoreFoundation)
import CoreFoundation
#endif

@Suite struct TextEncodingTests {
    // MARK: Detection

    @Test func detectsByBOMAndContent() {
        #expect(TextEncoding.detect(prefix: []) == .utf8(bom: false))
        #expect(TextEncoding.detect(prefix: Array("id,name\n1,x\n".utf8)) == .utf8(bom: false))
        #expect(TextEncoding.detect(prefix: [0xEF, 0xBB, 0xBF]) == .utf8(bom: true))
        #expect(TextEncoding.detect(prefix: [0xEF, 0xBB, 0xBF] + Array("编号".utf8)) == .utf8(bom: true))
        #expect(TextEncoding.detect(prefix: Array("编号,诉求内容\n".utf8)) == .utf8(bom: false))
        #expect(TextEncoding.detect(prefix: CSVReaderFixture.gb18030("编号,诉求内容\n")) == .gb18030)
        #expect(TextEncoding.detect(prefix: [0xFF, 0xFE, 0x16, 0x7F]) == .utf16(bigEndian: false))
        #expect(TextEncoding.detect(prefix: [0xFE, 0xFF, 0x7F, 0x16]) == .utf16(bigEndian: true))
    }

    @Test func detectionAllowsSequenceCutAtSampleEnd() {
        let unit = Array("群众诉求,".utf8)
        var sample: [UInt8] = []
        while sample.count < TextEncoding.detectionSampleSize { sample += unit }
        let cut = Array(sample.prefix(TextEncoding.detectionSampleSize))
        #expect(cut.last.map { $0 >= 0x80 } == true, "the sample ends inside a character")
        #expect(TextEncoding.detect(prefix: cut) == .utf8(bom: false))
        // Bytes beyond the sample are not examined.
        #expect(TextEncoding.detect(prefix: sample + [0xFF]) == .utf8(bom: false))
        // A cut sequence in a short prefix is allowed too; a wrong continuation is not.
        #expect(TextEncoding.detect(prefix: Array("a,中".utf8).dropLast(1).map { $0 }) == .utf8(bom: false))
        #expect(TextEncoding.detect(prefix: [0x61, 0xE4, 0x41]) == .gb18030)
    }

    @Test func bomFollowedByGB18030IsAMismatch() {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("id\n".utf8) + CSVReaderFixture.gb18030("中文\n")
        #expect(TextEncoding.detect(prefix: bytes) == .bomMismatch(offset: 6))
    }

    @Test func validatorAgreesWithStandardLibrary() {
        var rng = CSVReaderTestRNG(seed: 3)
        let alphabet: [UInt8] = [0x41, 0x2C, 0xE4, 0xB8, 0xAD, 0x80, 0xBF, 0xC2, 0xC1, 0xE0, 0xA0, 0xED, 0x9F,
                                 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF, 0xEF, 0xBC, 0x8C, 0x9F, 0x98, 0xC3, 0xA9]
        for _ in 0..<20_000 {
            let bytes = (0..<rng.below(16)).map { _ in rng.pick(alphabet) }
            let result = bytes.withUnsafeBufferPointer { UTF8Validator.validate($0) }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((result.validEnd == bytes.count && !result.invalid) == valid, "\(bytes)")
            // The valid prefix really is valid, and an incomplete tail becomes valid or invalid only later.
            #expect(String(validating: bytes.prefix(result.validEnd), as: UTF8.self) != nil)
            if !result.invalid && result.validEnd < bytes.count {
                #expect(bytes.count - result.validEnd <= 3)
            }
        }
        #expect(Array("中".utf8).withUnsafeBufferPointer { UTF8Validator.validate($0) } == (3, false))
        #expect([0xED, 0xA0, 0x80].withUnsafeBufferPointer { UTF8Validator.validate($0) } == (0, true), "surrogate")
        #expect([0x41, 0xE0, 0x80, 0x80].withUnsafeBufferPointer { UTF8Validator.validate($0) } == (1, true), "overlong")
        #expect([0x41, 0xF0, 0x9F].withUnsafeBufferPointer { UTF8Validator.validate($0) } == (1, false), "cut")
    }

    // MARK: GB18030 decoder

    @Test func testEncoderProducesKnownGB18030Bytes() {
        #expect(CSVReaderFixture.gb18030("中文€𠀀a") == [0xD6, 0xD0, 0xCE, 0xC4, 0xA2, 0xE3, 0x95, 0x32, 0x82, 0x36, 0x61])
    }

    @Test func decoderRoundTripsEverySplit() throws {
        let text = "编号,诉求内容\r\n1,\"€价格𠀀字，“引号”\"\n"
        let bytes = CSVReaderFixture.gb18030(text)
        for split in 0...bytes.count {
            let decoder = try #require(IconvDecoder())
            var out: [UInt8] = []
            #expect(decoder.decode(Array(bytes[..<split]), appendingTo: &out) == .ok)
            #expect(decoder.decode(Array(bytes[split...]), appendingTo: &out) == .ok)
            #expect(decoder.pendingCount == 0)
            #expect(String(decoding: out, as: UTF8.self) == text, "split at \(split)")
        }
        let decoder = try #require(IconvDecoder())
        var out: [UInt8] = []
        for byte in bytes { #expect(decoder.decode([byte], appendingTo: &out) == .ok) }
        #expect(String(decoding: out, as: UTF8.self) == text)
    }

    @Test func decoderCarriesIncompleteSequences() throws {
        let decoder = try #require(IconvDecoder())
        var out: [UInt8] = []
        #expect(decoder.decode([0x61, 0x95, 0x32], appendingTo: &out) == .ok)
        #expect(out == [0x61])
        #expect(decoder.pendingCount == 2)
        #expect(decoder.decode([0x82], appendingTo: &out) == .ok)
        #expect(decoder.pendingCount == 3)
        #expect(decoder.decode([0x36, 0x62], appendingTo: &out) == .ok)
        #expect(String(decoding: out, as: UTF8.self) == "a𠀀b")
        #expect(decoder.decode([0xD6], appendingTo: &out) == .ok)
        decoder.reset()
        #expect(decoder.pendingCount == 0)
    }

    @Test func decoderRejectsIllegalSequences() throws {
        let decoder = try #require(IconvDecoder())
        var out: [UInt8] = []
        #expect(decoder.decode([0x41, 0xD6, 0xD0, 0xFF, 0x42], appendingTo: &out) == .invalid)
        #expect(String(decoding: out, as: UTF8.self) == "A中")
        let other = try #require(IconvDecoder())
        out = []
        #expect(other.decode([0x80], appendingTo: &out) == .invalid)
        #expect(out.isEmpty)
    }

    @Test func decoderAgreesWithCoreFoundation() throws {
        let text = "民情月报：道路破损，拖欠工资€，𠀀、㐀、龘、〇、ー、…"
        let bytes = CSVReaderFixture.gb18030(text)
        let decoder = try #require(IconvDecoder())
        var out: [UInt8] = []
        #expect(decoder.decode(bytes, appendingTo: &out) == .ok)
        let cfEncoding = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(
            CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)))
        let viaFoundation = String(data: Data(bytes), encoding: cfEncoding)
        #expect(viaFoundation == text)
        #expect(String(decoding: out, as: UTF8.self) == text)
    }

    // MARK: Reading GB18030 and refused encodings

    @Test func readsGB18030FileDetected() {
        let text = "编号,诉求内容,办理状态\r\n"
            + "MQ001,\"反映“€”价格，\"\"𠀀\"\"字\r\n第二行\",已办结\r\n"
            + "MQ002,龘,办理中\r\n"
        let dir = CSVReaderTestDir()
        let outcome = CSVReaderFixture.readAllChunkings(CSVReaderFixture.gb18030(text), in: dir)
        #expect(outcome.error == nil)
        #expect(outcome.encoding == .gb18030)
        #expect(outcome.hadBOM == false)
        #expect(outcome.rows.map(\.fields) == [
            ["编号", "诉求内容", "办理状态"],
            ["MQ001", "反映“€”价格，\"𠀀\"字\r\n第二行", "已办结"],
            ["MQ002", "龘", "办理中"],
        ])
        #expect(outcome.rows.map(\.line) == [1, 2, 4])
        #expect(outcome.rows[1].raw == "MQ001,\"反映“€”价格，\"\"𠀀\"\"字\r\n第二行\",已办结")
    }

    @Test func forcedGB18030ReadsASCIIAndSkipsBOM() {
        let dir = CSVReaderTestDir()
        let ascii = CSVReaderFixture.read(path: dir.write(Array("a,b\n".utf8)), encoding: .gb18030)
        #expect(ascii.encoding == .gb18030)
        #expect(ascii.rows.map(\.fields) == [["a", "b"]])
        let withBOM = CSVReaderFixture.read(path: dir.write([0xEF, 0xBB, 0xBF] + CSVReaderFixture.gb18030("中,文\n")), encoding: .gb18030)
        #expect(withBOM.hadBOM)
        #expect(withBOM.rows.map(\.fields) == [["中", "文"]])
    }

    @Test func invalidGB18030NamesLine() {
        let bytes = CSVReaderFixture.gb18030("编号,内容\n1,\"中文\n换行\"\n2,") + [0xFF, 0x30] + Array("\n3,x\n".utf8)
        let dir = CSVReaderTestDir()
        let outcome = CSVReaderFixture.readAllChunkings(bytes, in: dir)
        #expect(outcome.encoding == .gb18030)
        #expect(outcome.rows.map(\.fields) == [["编号", "内容"], ["1", "中文\n换行"]])
        #expect(outcome.error?.kind == .undecodable(encoding: .gb18030))
        #expect(outcome.error?.line == 4)
    }

    @Test func truncatedGB18030AtEndOfFile() {
        let bytes = CSVReaderFixture.gb18030("中,文\n1,") + [0x95, 0x32]
        let dir = CSVReaderTestDir()
        let outcome = CSVReaderFixture.readAllChunkings(bytes, in: dir)
        #expect(outcome.rows.map(\.fields) == [["中", "文"]])
        #expect(outcome.error?.kind == .undecodable(encoding: .gb18030))
        #expect(outcome.error?.line == 2)
    }

    @Test func bomWithGB18030ContentIsRefused() {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("id,name\n1,ok\n".utf8) + CSVReaderFixture.gb18030("2,张三\n")
        let dir = CSVReaderTestDir()
        let path = dir.write(bytes, name: "诉求.csv")
        let outcome = CSVReaderFixture.read(path: path)
        #expect(outcome.rows.isEmpty)
        let error = outcome.error
        #expect(error?.kind == .bomMismatch)
        #expect(error?.line == 3)
        #expect(error?.description.hasPrefix("诉求.csv 第 3 行：文件开头标明为 UTF-8 编码（BOM），但内容不是 UTF-8") == true)
        // Forcing UTF-8 still refuses the bytes, on their line.
        let forced = CSVReaderFixture.read(path: path, encoding: .utf8)
        #expect(forced.rows.map(\.fields) == [["id", "name"], ["1", "ok"]])
        #expect(forced.error?.kind == .undecodable(encoding: .utf8))
        #expect(forced.error?.line == 3)
    }

    @Test(arguments: [[UInt8]([0xFF, 0xFE]), [0xFE, 0xFF]])
    func utf16IsRead(bom: [UInt8]) {
        // Excel's "Unicode 文本": UTF-16 with a byte order mark, tab-separated, CRLF.
        let text = "编号\t诉求内容\r\nA1\t小区停水，已三天\r\nA2\t\"路灯\t不亮\"\r\n"
        let body = Array(text.utf16).flatMap { unit -> [UInt8] in
            bom[0] == 0xFF ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let dir = CSVReaderTestDir()
        let path = dir.write(bom + body, name: "诉求.txt")
        // The byte order mark wins over a forced encoding.
        for encoding in [nil, TextEncoding.utf8, .gb18030] {
            let outcome = CSVReaderFixture.read(path: path, encoding: encoding)
            #expect(outcome.error == nil)
            #expect(outcome.encoding == (bom[0] == 0xFF ? .utf16le : .utf16be))
            #expect(outcome.rows.map(\.fields) == [["编号", "诉求内容"], ["A1", "小区停水，已三天"], ["A2", "路灯\t不亮"]])
        }
    }

    @Test func errorIsSticky() throws {
        let dir = CSVReaderTestDir()
        let reader = try CSVReader(path: dir.write(Array("a\n\"b".utf8)))
        #expect(try reader.nextRecord())
        #expect(throws: CSVError.self) { try reader.nextRecord() }
        #expect(throws: CSVError(path: reader.path, line: 2, kind: .unterminatedQuote(fieldLine: 2))) {
            try reader.nextRecord()
        }
    }

    @Test func encodingNamesMatchCommandLine() {
        #expect(TextEncoding.forcible.map(\.rawValue) == ["utf-8", "gb18030"])
        #expect(TextEncoding.allCases.map(\.rawValue) == ["utf-8", "gb18030", "utf-16le", "utf-16be"])
        #expect(TextEncoding(rawValue: "gb18030") == .gb18030)
    }
}
