import Testing
@testable import MinqingKit

/// The text rules every workbook cell goes through (SPEC §10), table-driven.
@Suite struct CellTextTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (3.0, "3"), (-5.0, "-5"), (12.5, "12.5"), (0.1, "0.1"), (0.0015, "0.0015"),
        (0.1 + 0.2, "0.30000000000000004"), (999_999_999_999_999.0, "999999999999999"), (1e15, "1000000000000000.0"), (1e16, "1e+16"),
        (1e20, "1e+20"), (-1234567890123.0, "-1234567890123"), (Double.infinity, "inf"),
    ])
    func numberAsGeneralShowsIt(_ value: Double, _ expected: String) {
        #expect(CellText.number(value) == expected)
    }

    @Test(arguments: [
        (1.0, ExcelDateSystem.from1900, "1900-01-01"), (59.0, .from1900, "1900-02-28"),
        (60.0, .from1900, "1900-02-29"), (61.0, .from1900, "1900-03-01"), (46298.0, .from1900, "2026-10-03"),
        (46298.5, .from1900, "2026-10-03 12:00:00"), (46298.598668981485, .from1900, "2026-10-03 14:22:05"),
        (46298.999999, .from1900, "2026-10-04"), (46298.0000058, .from1900, "2026-10-03 00:00:01"),
        (0.5, .from1900, "12:00:00"), (0.0, .from1900, "00:00:00"), (2_958_465.0, .from1900, "9999-12-31"),
        (0.0, .from1904, "1904-01-01"), (44836.0, .from1904, "2026-10-03"), (0.25, .from1904, "1904-01-01 06:00:00"),
    ])
    func dateSerial(_ serial: Double, _ system: ExcelDateSystem, _ expected: String) {
        #expect(CellText.date(serial: serial, system: system) == expected)
    }

    @Test(arguments: [-1.0, 2_958_466.0, Double.nan, Double.infinity])
    func serialsExcelCannotShowStayNumbers(_ serial: Double) {
        #expect(CellText.date(serial: serial, system: .from1900) == nil)
    }

    @Test(arguments: [
        ("2026-10-03T00:00:00Z", "2026-10-03"), ("2026-10-03", "2026-10-03"), ("2026-10-03T14:22:05", "2026-10-03 14:22:05"),
        ("2026-10-03T14:22:05.6", "2026-10-03 14:22:06"), ("2026-10-03 14:22", "2026-10-03 14:22:00"),
        ("2026-10-03T23:59:59.7", "2026-10-04"), ("abc", "abc"), ("2026-13-03", "2026-13-03"), ("2026-10-03T", "2026-10-03T"),
    ])
    func isoDateCell(_ text: String, _ expected: String) {
        #expect(CellText.isoDate(text) == expected)
    }

    @Test(arguments: [
        ("yyyy-mm-dd", true), ("yyyy\"年\"m\"月\"d\"日\"", true), ("[$-804]yyyy/m/d;@", true), ("h:mm:ss", true),
        ("[h]:mm", true), ("mmm-yy", true), ("m/d/yy h:mm AM/PM", true), ("DD/MM/YYYY", true),
        ("General", false), ("0.00", false), ("#,##0", false), ("0%", false), ("0.00E+00", false), ("@", false),
        ("0.00\"d\"", false), ("[Red]0.00", false), ("0.0\\d", false), ("_d0", false), ("*s0", false),
        ("0.0\"万\"", false), ("", false),
    ])
    func customFormatIsADate(_ code: String, _ expected: Bool) {
        #expect(CellStyles.isDateFormat(code) == expected)
    }

    @Test func builtInDateFormats() {
        let dates = Set((0..<200).filter(CellStyles.isBuiltInDate))
        #expect(dates == Set(Array(14...22) + Array(27...36) + Array(45...47) + Array(50...58)))
    }

    @Test(arguments: [("A1", 0), ("Z9", 25), ("AA1", 26), ("az3", 51), ("XFD1048576", 16383)])
    func cellReferenceColumn(_ reference: String, _ expected: Int) {
        var text = reference
        #expect(text.withUTF8 { SheetRowParser.column(of: $0) } == expected)
    }

    @Test(arguments: ["1", "", "ABCD1"])
    func cellReferenceWithoutAColumn(_ reference: String) {
        var text = reference
        #expect(text.withUTF8 { SheetRowParser.column(of: $0) } == nil)
    }

    @Test(arguments: [("0", true), ("123", true), ("-5", true), ("-0", false), ("007", false), ("1.5", false),
                      ("123456789012345", true), ("1234567890123456", false), ("", false), ("-", false), ("1e5", false)])
    func plainIntegersAreCopiedAsWritten(_ text: String, _ expected: Bool) {
        var text = text
        #expect(text.withUTF8 { SheetRowParser.isPlainInteger($0) } == expected)
    }

    @Test func csvLineQuotesLikeRFC4180() {
        var cells = RowCells()
        cells.set(0, "a")
        cells.set(2, "含,逗号")
        cells.set(3, "say \"hi\"")
        cells.set(4, "two\nlines")
        #expect(cells.count == 5)
        #expect(cells.csvLine() == "a,,\"含,逗号\",\"say \"\"hi\"\"\",\"two\nlines\"")
        cells.clear()
        cells.set(1, "")
        #expect(cells.count == 0)
    }

    @Test func cellsOutOfOrderOverwriteTheirColumn() {
        // FuzzXLSX found it: `<c r="C1">` then `<c r="A1">` trapped on an empty range.
        var cells = RowCells()
        cells.set(2, "c")
        cells.set(0, "a")
        cells.set(2, "C")
        #expect(cells.count == 3)
        #expect((0..<3).map(cells.field) == ["a", "", "C"])
    }
}

/// Form detection from the first bytes, and the DOCTYPE guard of every part's prolog.
@Suite struct WorkbookFormTests {
    @Test func magicBytes() throws {
        #expect(WorkbookForm.isZip([0x50, 0x4B, 0x03, 0x04, 0x14]))
        #expect(!WorkbookForm.isZip([0x50, 0x4B, 0x05, 0x06]))
        #expect(WorkbookForm.isOLE2([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]))
        #expect(!WorkbookForm.isOLE2([0xD0, 0xCF, 0x11]))
        #expect(WorkbookForm.detect(path: WorkbookFixtures.committed("shared-strings.xlsx")) == .zip)
        #expect(WorkbookForm.detect(path: WorkbookFixtures.committed("register.xls")) == .ole2)
        #expect(WorkbookForm.detect(path: WorkbookFixtures.committed("encrypted.xlsx")) == .ole2)
        #expect(WorkbookForm.detect(path: TestSupport.fixtures + "/bad-input/empty.csv") == nil)
        #expect(WorkbookForm.detect(path: TestSupport.fixtures + "/bad-input/cr-line-ends.csv") == nil)
        #expect(WorkbookForm.detect(path: "/nonexistent") == nil)
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x/>", XMLPrologGuard.Verdict.doctype),
        ("\u{FEFF}<!DOCTYPE x><x/>", .doctype),
        ("<?xml version=\"1.0\"?><!-- <a> --><!DOCTYPE x><x/>", .doctype),
        ("<?xml version=\"1.0\"?>\n<worksheet><!DOCTYPE x>", .clean),
        ("<?xml ?><!-- c --><?pi <b> ?><root/>", .clean),
        ("<!ELEMENT x>", .undecided),
    ])
    func prologGuard(_ xml: String, _ expected: XMLPrologGuard.Verdict) {
        var whole = XMLPrologGuard()
        var bytewise = XMLPrologGuard()
        let bytes = Array(xml.utf8)
        bytes.withUnsafeBytes { whole.scan($0) }
        for byte in bytes { withUnsafeBytes(of: byte) { bytewise.scan($0) } }
        #expect(whole.verdict == expected)
        #expect(bytewise.verdict == expected)
    }
}
