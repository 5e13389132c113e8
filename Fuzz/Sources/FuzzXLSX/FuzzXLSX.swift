// libFuzzer harness: MinqingKit.XLSXSource on arbitrary workbooks.
//
// The first byte of each input chooses what the rest is:
// - even: the whole .xlsx file (zip structure, sizes, CRCs, every part);
// - 1 mod 4: a worksheet's XML, put into a stored (uncompressed) zip with a fixed workbook, shared strings
//   and styles, so mutations reach the XML and cell rules instead of failing the zip's CRC;
// - 3 mod 4: shared strings XML, then (after the first NUL byte, if any) styles XML, with a fixed sheet
//   that uses both.
// The first sheet's rows are read to the end: an InputRefused is fine; a crash, a hang, another error
// or a broken invariant (row numbers within Excel's rows, at most 16,384 cells, field(i) beyond the row
// blank) is not.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FuzzSupport
@testable import MinqingKit

private let path = inputPath(for: "fuzzxlsx", extension: "xlsx")

private func fail(_ message: String) -> Never { fuzzFailure("FuzzXLSX", message) }

private let mainNS = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
    + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
private let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/// A workbook package around the given sheet, shared strings and styles.
private func package(sheet: [UInt8], shared: [UInt8], styles: [UInt8]) -> [UInt8] {
    let workbook = #"<workbook \#(mainNS)><workbookPr/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    let rels = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(rel)worksheet" Target="worksheets/sheet1.xml"/>"#
        + #"<Relationship Id="rId2" Type="\#(rel)sharedStrings" Target="sharedStrings.xml"/>"#
        + #"<Relationship Id="rId3" Type="\#(rel)styles" Target="/xl/styles.xml"/></Relationships>"#
    return StoredZip.make([
        ("xl/workbook.xml", Array(workbook.utf8)),
        ("xl/_rels/workbook.xml.rels", Array(rels.utf8)),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", shared),
        ("xl/styles.xml", styles),
    ])
}

private let fixedShared = Array(#"<sst \#(mainNS)><si><t>编号</t></si><si><r><t>富</t></r><rPh><t>x</t></rPh></si></sst>"#.utf8)
private let fixedStyles = Array(("<styleSheet \(mainNS)><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m\"/>"
    + "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>").utf8)
private let fixedSheet = Array(("<worksheet \(mainNS)><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
    + "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" s=\"1\"><v>46298.5</v></c><c r=\"D1\" s=\"2\"><v>46298</v></c>"
    + "<c r=\"E1\" s=\"3\"><v>1</v></c></row></sheetData></worksheet>").utf8)

private func readAll() {
    let source: XLSXSource
    do {
        source = try XLSXSource(path: path, sheet: nil)
    } catch is InputRefused {
        return
    } catch {
        fail("XLSXSource.init threw a non-InputRefused: \(error)")
    }
    do {
        var rows = 0
        while try source.nextRow() {
            rows += 1
            let n = source.fieldCount
            if n < 1 || n > 16_384 { fail("row with \(n) cells") }
            if source.rowNumber < 1 || source.rowNumber > 1_048_576 { fail("row number \(source.rowNumber)") }
            if source.field(n) != "" || source.field(-1) != "" { fail("a field beyond the row is not blank") }
            for i in 0..<n { _ = source.field(i) }
            _ = source.rawRecord()
            _ = source.recordHasNUL
        }
        if try source.nextRow() { fail("a row after the end") }
    } catch is InputRefused {
        return
    } catch {
        fail("nextRow threw a non-InputRefused: \(error)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file: [UInt8]
    switch bytes.first.map({ $0 % 4 }) {
    case 1?:
        file = package(sheet: Array(bytes.dropFirst()), shared: fixedShared, styles: fixedStyles)
    case 3?:
        let rest = bytes.dropFirst()
        let split = rest.firstIndex(of: 0)
        let shared = Array(split.map { rest[..<$0] } ?? rest)
        let styles = split.map { Array(rest[($0 + 1)...]) } ?? fixedStyles
        file = package(sheet: fixedSheet, shared: shared, styles: styles)
    default:
        file = Array(bytes.dropFirst())
    }
    file.withUnsafeBytes { writeInput($0, to: path, target: "FuzzXLSX") }
    readAll()
    return 0
}

/// A zip of stored (uncompressed) entries, with their CRC-32s.
enum StoredZip {
    static func make(_ entries: [(name: String, data: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (name, data) in entries {
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            let offset = UInt32(out.count)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
                + le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count)) + le16(0)
            out += nameBytes + data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
                + le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(UInt16(nameBytes.count))
                + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let count = UInt16(entries.count)
        return out + central + le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count)
            + le32(UInt32(central.count)) + le32(UInt32(out.count)) + le16(0)
    }

    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in data { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
}

@main
enum FuzzXLSXMain {
    static func main() {
        atexit { unlink(path) }
        runFuzzer(fuzz)
    }
}
