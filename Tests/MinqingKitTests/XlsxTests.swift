import Foundation
import Testing
import CXlsxWriter
@testable import MinqingKit

// MARK: - helpers

/// Reads a workbook back with openpyxl and returns what it saw as JSON.
private let openpyxlReader = #"""
import json, sys, zipfile
try:
    import openpyxl
except ImportError as e:
    print("openpyxl is not installed for this python3: " + str(e), file=sys.stderr)
    sys.exit(3)
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
def color(c):
    return c.rgb if c is not None and isinstance(c.rgb, str) else None
out = {"sheets": wb.sheetnames, "props": {"title": wb.properties.title, "creator": wb.properties.creator,
       "created": wb.properties.created.isoformat() if wb.properties.created else None}, "ws": {}}
for ws in wb.worksheets:
    cells = {}
    for c in ws._cells.values():  # only stored cells: iter_rows would walk the whole used grid
            if c.value is None and c.style_id == 0:
                continue
            cells[c.coordinate] = {"v": c.value, "t": c.data_type, "fmt": c.number_format,
                                   "bold": bool(c.font.b), "fontColor": color(c.font.color)}
    cfs = []
    for rng, rules in ws.conditional_formatting._cf_rules.items():
        for r in rules:
            cfs.append({"range": str(rng.sqref), "type": r.type, "operator": r.operator,
                        "formula": list(r.formula), "fontColor": color(r.dxf.font.color) if r.dxf and r.dxf.font else None})
    ps = ws.page_setup
    out["ws"][ws.title] = {
        "cells": cells, "freeze": ws.freeze_panes, "autofilter": ws.auto_filter.ref,
        "orientation": ps.orientation, "paperSize": ps.paperSize, "fitToWidth": ps.fitToWidth,
        "fitToHeight": ps.fitToHeight, "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
        "printTitleRows": ws.print_title_rows,
        "header": [ws.oddHeader.left.text, ws.oddHeader.center.text, ws.oddHeader.right.text],
        "footer": [ws.oddFooter.left.text, ws.oddFooter.center.text, ws.oddFooter.right.text],
        "charts": len(ws._charts), "cf": cfs,
        "colWidths": {k: v.width for k, v in ws.column_dimensions.items() if v.customWidth},
    }
z = zipfile.ZipFile(path)
out["zip"] = sorted(z.namelist())
out["chartXML"] = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/charts/")}
out["sheetXML"] = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet")}
print(json.dumps(out, ensure_ascii=False))
"""#

private struct ReaderFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs the openpyxl reader; fails loudly (never skips) when python3 or openpyxl is missing.
private func readBack(_ path: String) throws -> [String: Any] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", openpyxlReader, path]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do {
        try process.run()
    } catch {
        throw ReaderFailure(description: "cannot start python3 via /usr/bin/env (is python3 installed?): \(error)")
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let stderrText = String(decoding: errData, as: UTF8.self)
    guard process.terminationStatus == 0 else {
        throw ReaderFailure(description: "python3/openpyxl reader failed (status \(process.terminationStatus)); "
            + "these tests need python3 with openpyxl (pip install openpyxl): \(stderrText)")
    }
    guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw ReaderFailure(description: "reader printed no JSON object: \(String(decoding: data, as: UTF8.self))")
    }
    return json
}

private func makeTempDir() throws -> String {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("xlsxkit-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
}

private func sheet(_ json: [String: Any], _ name: String) -> [String: Any] {
    ((json["ws"] as? [String: Any])?[name] as? [String: Any]) ?? [:]
}

private func cell(_ json: [String: Any], _ sheetName: String, _ ref: String) -> [String: Any] {
    ((sheet(json, sheetName)["cells"] as? [String: Any])?[ref] as? [String: Any]) ?? [:]
}

private let fixedDate = Date(timeIntervalSince1970: 1_790_000_000)   // 2026-09-21

/// Writes a small but complete report-like workbook; used for read-back and byte-identity tests.
private func writeSample(_ path: String, constantMemory: Bool) throws {
    let wb = try XlsxWorkbook(path: path, constantMemory: constantMemory)
    try wb.setProperties(title: "民情月报 2026-10", subject: "群众诉求", author: "minqing",
                         company: "示例县", created: fixedDate)
    let header = wb.format(XlsxFormatSpec(bold: true, bgColor: 0xDDEBF7, align: .center, border: .thin))
    let percent = wb.format(XlsxFormatSpec(numFormat: XlsxNumFormat.percent1))
    let score = wb.format(XlsxFormatSpec(numFormat: XlsxNumFormat.negativeRed(decimals: 2)))

    let overview = try wb.addWorksheet("总览")
    let byDomain = try wb.addWorksheet("分类统计")
    let detail = try wb.addWorksheet("诉求明细")

    try overview.writeText(0, 0, "指标", header)
    try overview.writeText(0, 1, "数值", header)
    try overview.writeText(1, 0, "诉求总数")
    try overview.writeNumber(1, 1, 120)
    try overview.writeText(2, 0, "办结率")
    try overview.writeNumber(2, 1, 0.853, percent)
    try overview.writeText(3, 0, "得分")
    try overview.writeNumber(3, 1, -2.5, score)
    try overview.freezePanes(row: 1, col: 0)
    try overview.setColumn(0, 0, width: Double(displayWidth("基层化解率") + 2))
    try overview.conditionalFormatNegativeRed(firstRow: 1, firstCol: 1, lastRow: 3, lastCol: 1)

    try byDomain.writeText(0, 0, "涉及领域", header)
    try byDomain.writeText(0, 1, "合计", header)
    for (i, (domain, count)) in [("城乡建设", 40.0), ("劳动保障", 25.0), ("生态环境", 12.0)].enumerated() {
        try byDomain.writeText(i + 1, 0, domain)
        try byDomain.writeNumber(i + 1, 1, count)
    }

    let chart = try wb.addColumnChart(
        title: "按领域", categories: XlsxRange(sheet: "分类统计", firstRow: 1, firstCol: 0, lastRow: 3, lastCol: 0),
        values: XlsxRange(sheet: "分类统计", firstRow: 1, firstCol: 1, lastRow: 3, lastCol: 1), seriesName: "诉求数")
    try overview.insertChart(row: 1, col: 3, chart, xScale: 1.2)

    let headers = ["编号", "受理日期", "诉求内容"]
    for (c, h) in headers.enumerated() { try detail.writeText(0, c, h, header) }
    let contents = ["=SUM(A1)", "+1", "-1", "@x", "\tx", "修路 & 排水"]
    for (i, text) in contents.enumerated() {
        try detail.writeText(i + 1, 0, "MQ-\(i + 1)")
        try detail.writeText(i + 1, 1, "2026-10-0\(i + 1)")
        try detail.writeText(i + 1, 2, text)
    }
    try detail.freezePanes(row: 1, col: 0)
    try detail.autofilter(firstRow: 0, firstCol: 0, lastRow: contents.count, lastCol: headers.count - 1)
    try detail.setupPrint(landscape: true, paperA4: true, fitWidthPages: 1, repeatHeaderRows: 0...0,
                          header: "&L示例县&C2026年10月 民情月报&R&A", footer: "&C第 &P 页，共 &N 页")
    try wb.close()
}

// MARK: - read-back tests

@Suite("XlsxKit read back with openpyxl")
struct XlsxReadBackTests {
    @Test("sheet names, order, text and numbers", arguments: [false, true])
    func sheetsTextAndNumbers(constantMemory: Bool) throws {
        let dir = try makeTempDir()
        let path = dir + "/民情月报-2026-10.xlsx"
        try writeSample(path, constantMemory: constantMemory)
        let json = try readBack(path)
        #expect(json["sheets"] as? [String] == ["总览", "分类统计", "诉求明细"])
        #expect(cell(json, "总览", "A1")["v"] as? String == "指标")
        #expect(cell(json, "总览", "A1")["bold"] as? Bool == true)
        #expect(cell(json, "总览", "B2")["v"] as? Double == 120)
        #expect(cell(json, "总览", "B2")["t"] as? String == "n")
        #expect(cell(json, "分类统计", "A3")["v"] as? String == "劳动保障")
        #expect(cell(json, "诉求明细", "C7")["v"] as? String == "修路 & 排水")
        let props = json["props"] as? [String: Any] ?? [:]
        #expect(props["title"] as? String == "民情月报 2026-10")
        #expect(props["created"] as? String == "2026-09-21T14:13:20")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(files == ["民情月报-2026-10.xlsx"], "no partial file is left behind")
        // constant_memory writes inline strings (no sharedStrings.xml); openpyxl reads both.
        let zip = json["zip"] as? [String] ?? []
        #expect(zip.contains("xl/sharedStrings.xml") == !constantMemory)
    }

    @Test("text that looks like a formula stays text", arguments: [false, true])
    func formulaLikeTextStaysText(constantMemory: Bool) throws {
        let dir = try makeTempDir()
        let path = dir + "/t.xlsx"
        let wb = try XlsxWorkbook(path: path, constantMemory: constantMemory)
        let ws = try wb.addWorksheet("诉求明细")
        let texts = ["=SUM(A1)", "+1", "-1", "@x", "\tx", "=1+1", "  leading spaces", "行1\n行2"]
        for (i, text) in texts.enumerated() { try ws.writeText(i, 0, text) }
        try wb.close()
        let json = try readBack(path)
        for (i, text) in texts.enumerated() {
            let c = cell(json, "诉求明细", "A\(i + 1)")
            #expect(c["t"] as? String == "s", "\(text.debugDescription) must be a string cell")
            #expect(c["v"] as? String == text)
        }
        let xml = (json["sheetXML"] as? [String: String])?["xl/worksheets/sheet1.xml"] ?? ""
        #expect(!xml.contains("<f>"), "no formula element in the sheet XML")
    }

    @Test("percentage format, negative-red format and conditional format", arguments: [false, true])
    func numberFormats(constantMemory: Bool) throws {
        let dir = try makeTempDir()
        let path = dir + "/f.xlsx"
        try writeSample(path, constantMemory: constantMemory)
        let json = try readBack(path)
        #expect(cell(json, "总览", "B3")["fmt"] as? String == "0.0%")
        #expect(cell(json, "总览", "B3")["v"] as? Double == 0.853)
        #expect(cell(json, "总览", "B4")["fmt"] as? String == "0.00;[Red]-0.00")
        #expect(cell(json, "总览", "B4")["v"] as? Double == -2.5)
        let cfs = sheet(json, "总览")["cf"] as? [[String: Any]] ?? []
        #expect(cfs.count == 1)
        #expect(cfs.first?["range"] as? String == "B2:B4")
        #expect(cfs.first?["type"] as? String == "cellIs")
        #expect(cfs.first?["operator"] as? String == "lessThan")
        #expect(cfs.first?["formula"] as? [String] == ["0"])
        #expect(cfs.first?["fontColor"] as? String == "FFFF0000")
        let widths = sheet(json, "总览")["colWidths"] as? [String: Double] ?? [:]
        // 12 characters wide in Excel's UI is stored as 12.7109375 (libxlsxwriter adds Excel's padding).
        #expect(widths["A"] == 12.7109375)
    }

    @Test("freeze panes and autofilter", arguments: [false, true])
    func freezeAndAutofilter(constantMemory: Bool) throws {
        let dir = try makeTempDir()
        let path = dir + "/a.xlsx"
        try writeSample(path, constantMemory: constantMemory)
        let json = try readBack(path)
        #expect(sheet(json, "诉求明细")["freeze"] as? String == "A2")
        #expect(sheet(json, "诉求明细")["autofilter"] as? String == "A1:C7")
        #expect(sheet(json, "总览")["freeze"] as? String == "A2")
    }

    @Test("print settings: A4 landscape, one page wide, title row, header and footer")
    func printSettings() throws {
        let dir = try makeTempDir()
        let path = dir + "/p.xlsx"
        try writeSample(path, constantMemory: true)
        let json = try readBack(path)
        let s = sheet(json, "诉求明细")
        #expect(s["orientation"] as? String == "landscape")
        #expect(s["paperSize"] as? Int == 9)
        // fitToWidth="1" is the OOXML default, so libxlsxwriter leaves it out and openpyxl reports None.
        #expect((s["fitToWidth"] as? Int ?? 1) == 1)
        let xml = (json["sheetXML"] as? [String: String])?["xl/worksheets/sheet3.xml"] ?? ""
        #expect(xml.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"))
        #expect(s["fitToHeight"] as? Int == 0)
        #expect(s["fitToPage"] as? Bool == true)
        #expect(s["printTitleRows"] as? String == "$1:$1")
        #expect(s["header"] as? [String] == ["示例县", "2026年10月 民情月报", "&A"])
        let footer = s["footer"] as? [Any] ?? []
        #expect(footer.count == 3)
        #expect(footer.first is NSNull && footer.last is NSNull)
        #expect(footer.dropFirst().first as? String == "第 &P 页，共 &N 页")
    }

    @Test("chart on one sheet referencing another", arguments: [false, true])
    func chartAcrossSheets(constantMemory: Bool) throws {
        let dir = try makeTempDir()
        let path = dir + "/c.xlsx"
        try writeSample(path, constantMemory: constantMemory)
        let json = try readBack(path)
        #expect(sheet(json, "总览")["charts"] as? Int == 1)
        #expect(sheet(json, "诉求明细")["charts"] as? Int == 0)
        let xml = (json["chartXML"] as? [String: String])?["xl/charts/chart1.xml"] ?? ""
        #expect(xml.contains("<c:f>'分类统计'!$A$2:$A$4</c:f>"))
        #expect(xml.contains("<c:f>'分类统计'!$B$2:$B$4</c:f>"))
        #expect(xml.contains("<c:barDir val=\"col\"/>"))
        #expect(xml.contains("<c:showVal val=\"1\"/>"))
        #expect(!xml.contains("<c:legend>"))
        #expect(xml.contains("按领域"))
        // Without constant_memory the library caches the values in the chart; with it, it cannot.
        #expect(xml.contains("<c:v>城乡建设</c:v>") == !constantMemory)
    }

    @Test("same input gives byte-identical files", arguments: [false, true])
    func byteIdentical(constantMemory: Bool) throws {
        let dir = try makeTempDir()
        try writeSample(dir + "/1.xlsx", constantMemory: constantMemory)
        try writeSample(dir + "/2.xlsx", constantMemory: constantMemory)
        let first = try Data(contentsOf: URL(fileURLWithPath: dir + "/1.xlsx"))
        let second = try Data(contentsOf: URL(fileURLWithPath: dir + "/2.xlsx"))
        #expect(first.count > 1000)
        #expect(first == second)
    }

    @Test("text over 32,767 characters is truncated with a marker")
    func truncation() throws {
        let dir = try makeTempDir()
        let path = dir + "/long.xlsx"
        let wb = try XlsxWorkbook(path: path, constantMemory: false)
        let ws = try wb.addWorksheet("长文本")
        let long = String(repeating: "民", count: 40_000)
        let exact = String(repeating: "a", count: 32_767)
        #expect(try ws.writeText(0, 0, long) == true)
        #expect(try ws.writeText(1, 0, exact) == false)
        try wb.close()
        let json = try readBack(path)
        let value = cell(json, "长文本", "A1")["v"] as? String ?? ""
        #expect(value.utf16.count == 32_767)
        #expect(value.hasSuffix("…(截断)"))
        #expect(value.hasPrefix("民民民"))
        #expect(cell(json, "长文本", "A2")["v"] as? String == exact)
    }

    @Test("constant memory: interleaved sheets work, going back within a sheet throws")
    func constantMemoryOrder() throws {
        let dir = try makeTempDir()
        let path = dir + "/cm.xlsx"
        let wb = try XlsxWorkbook(path: path, constantMemory: true)
        let summary = try wb.addWorksheet("总览")
        let detail = try wb.addWorksheet("诉求明细")
        try detail.writeText(5, 0, "B6")
        try summary.writeText(0, 0, "A1")
        try detail.writeText(6, 0, "B7")
        try detail.writeText(6, 1, "B7 second column")
        try summary.writeNumber(1, 0, 42)
        try detail.writeText(6, 2, "same row, later call")
        let error = #expect(throws: XlsxError.self) { try detail.writeText(3, 0, "too late") }
        #expect(error?.description.contains("常量内存模式") == true)
        #expect(error?.description.contains("第 7 行") == true)
        try wb.close()
        let json = try readBack(path)
        #expect(cell(json, "诉求明细", "A6")["v"] as? String == "B6")
        #expect(cell(json, "诉求明细", "A7")["v"] as? String == "B7")
        #expect(cell(json, "诉求明细", "B7")["v"] as? String == "B7 second column")
        #expect(cell(json, "诉求明细", "C7")["v"] as? String == "same row, later call")
        #expect(cell(json, "诉求明细", "A4").isEmpty)
        #expect(cell(json, "总览", "A1")["v"] as? String == "A1")
        #expect(cell(json, "总览", "A2")["v"] as? Double == 42)
        #expect(json["sheets"] as? [String] == ["总览", "诉求明细"])
    }

    @Test("without constant memory rows may be written in any order")
    func normalModeAnyOrder() throws {
        let dir = try makeTempDir()
        let path = dir + "/any.xlsx"
        let wb = try XlsxWorkbook(path: path, constantMemory: false)
        let ws = try wb.addWorksheet("明细")
        try ws.writeText(9, 0, "late")
        try ws.writeText(0, 0, "early")
        try wb.close()
        let json = try readBack(path)
        #expect(cell(json, "明细", "A1")["v"] as? String == "early")
        #expect(cell(json, "明细", "A10")["v"] as? String == "late")
    }

    @Test("empty text writes a blank cell only when formatted")
    func emptyText() throws {
        let dir = try makeTempDir()
        let path = dir + "/e.xlsx"
        let wb = try XlsxWorkbook(path: path, constantMemory: false)
        let ws = try wb.addWorksheet("空")
        let boxed = wb.format(XlsxFormatSpec(bold: true, border: .thin))
        try ws.writeText(0, 0, "", boxed)
        try ws.writeText(0, 1, "")
        try ws.writeText(0, 2, "x")
        try wb.close()
        let json = try readBack(path)
        let cells = sheet(json, "空")["cells"] as? [String: Any] ?? [:]
        #expect(Set(cells.keys) == ["A1", "C1"])
        #expect(cell(json, "空", "A1")["v"] is NSNull)
        #expect(cell(json, "空", "A1")["bold"] as? Bool == true)
    }
}

// MARK: - errors and validation

@Suite("XlsxKit errors")
struct XlsxErrorTests {
    @Test("missing output folder is an error naming the path, not a crash")
    func missingFolder() throws {
        let dir = try makeTempDir()
        let path = dir + "/不存在的文件夹/民情月报.xlsx"
        let error = #expect(throws: XlsxError.self) {
            _ = try XlsxWorkbook(path: path, constantMemory: false)
        }
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains(dir + "/不存在的文件夹") == true)
        #expect(error?.code == Int32(LXW_ERROR_CREATING_XLSX_FILE.rawValue))
    }

    @Test("folder removed before close: error names the path and nothing is written")
    func folderVanishes() throws {
        let dir = try makeTempDir()
        let sub = dir + "/out"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        let path = sub + "/r.xlsx"
        let wb = try XlsxWorkbook(path: path, constantMemory: true)
        let ws = try wb.addWorksheet("总览")
        try ws.writeText(0, 0, "x")
        try FileManager.default.removeItem(atPath: sub)
        let error = #expect(throws: XlsxError.self) { try wb.close() }
        #expect(error?.description.contains("保存工作簿 \(path)") == true)
        #expect(error?.description.contains("请检查输出文件夹") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("libxlsxwriter's own errors are described in Chinese with the library text")
    func libraryErrorDescription() {
        let error = XlsxError(code: Int32(LXW_ERROR_CREATING_XLSX_FILE.rawValue),
                              context: "保存工作簿 /x/y.xlsx")
        #expect(error.description.hasPrefix("保存工作簿 /x/y.xlsx 失败：无法创建输出文件（libxlsxwriter：Error creating output xlsx file"))
        #expect(error.description.hasSuffix("请检查输出文件夹是否存在且可写、磁盘是否已满。"))
        #expect(throws: Never.self) { try lxwCheck(LXW_NO_ERROR, "nothing") }
        let thrown = #expect(throws: XlsxError.self) { try lxwCheck(LXW_ERROR_ZIP_CLOSE, "保存") }
        #expect(thrown?.code == Int32(LXW_ERROR_ZIP_CLOSE.rawValue))
    }

    @Test("invalid sheet names are refused with a clear error",
          arguments: ["a/b", "问题?", "[x]", "12345678901234567890123456789012", "'引号", "", "History", "总览"])
    func sheetNameValidation(name: String) throws {
        let dir = try makeTempDir()
        let wb = try XlsxWorkbook(path: dir + "/n.xlsx", constantMemory: false)
        _ = try wb.addWorksheet("总览")
        let error = #expect(throws: XlsxError.self) { _ = try wb.addWorksheet(name) }
        #expect(error?.description.contains("添加工作表「\(name)」失败") == true)
        #expect(error?.reason != nil)
    }

    @Test("Chinese names up to 31 characters and parentheses are fine")
    func validSheetNames() throws {
        let dir = try makeTempDir()
        let path = dir + "/ok.xlsx"
        let wb = try XlsxWorkbook(path: path, constantMemory: false)
        let long = String(repeating: "民", count: 31)
        for name in ["诉求明细", "诉求明细(2)", long, "O'Brien"] {
            let ws = try wb.addWorksheet(name)
            #expect(ws.name == name)
        }
        try wb.close()
        #expect(try readBack(path)["sheets"] as? [String] == ["诉求明细", "诉求明细(2)", long, "O'Brien"])
    }

    @Test("cells beyond Excel's grid throw, the last cell works")
    func gridLimits() throws {
        let dir = try makeTempDir()
        let path = dir + "/g.xlsx"
        let wb = try XlsxWorkbook(path: path, constantMemory: true)
        let ws = try wb.addWorksheet("边界")
        let rowError = #expect(throws: XlsxError.self) { try ws.writeText(1_048_576, 0, "x") }
        #expect(rowError?.code == Int32(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE.rawValue))
        #expect(rowError?.description.contains("1,048,576") == true)
        #expect(throws: XlsxError.self) { try ws.writeNumber(0, 16_384, 1) }
        #expect(throws: XlsxError.self) { try ws.writeNumber(-1, 0, 1) }
        #expect(throws: XlsxError.self) { try ws.writeNumber(0, 0, .nan) }
        try ws.writeNumber(1_048_575, 16_383, 7)
        try wb.close()
        #expect(cell(try readBack(path), "边界", "XFD1048576")["v"] as? Double == 7)
    }

    @Test("calls after close throw; a workbook dropped without close writes nothing")
    func lifecycle() throws {
        let dir = try makeTempDir()
        let path = dir + "/life.xlsx"
        let wb = try XlsxWorkbook(path: path, constantMemory: true)
        let ws = try wb.addWorksheet("一")
        try ws.writeText(0, 0, "x")
        try wb.close()
        #expect(wb.isClosed)
        #expect(throws: XlsxError.self) { try ws.writeText(1, 0, "y") }
        #expect(throws: XlsxError.self) { try wb.close() }
        #expect(throws: XlsxError.self) { _ = try wb.addWorksheet("二") }

        let droppedPath = dir + "/dropped.xlsx"
        do {
            let dropped = try XlsxWorkbook(path: droppedPath, constantMemory: true)
            let sheet = try dropped.addWorksheet("明细")
            for row in 0..<100 { try sheet.writeText(row, 0, "行 \(row)") }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["life.xlsx"])
    }

    @Test("dropping unclosed constant-memory workbooks does not leak their temp files")
    func noTempFileLeak() throws {
        func openDescriptors() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        }
        let dir = try makeTempDir()
        let before = try openDescriptors()
        for i in 0..<200 {
            let dropped = try XlsxWorkbook(path: dir + "/leak\(i).xlsx", constantMemory: true)
            for name in ["甲", "乙", "丙"] {
                try dropped.addWorksheet(name).writeText(0, 0, name)
            }
        }
        // 600 sheets' temp files would stay open without the fix; other tests running in
        // parallel may hold a few descriptors, hence the margin.
        #expect(try openDescriptors() < before + 100)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test("formats and charts belong to one workbook; a chart is inserted once")
    func ownership() throws {
        let dir = try makeTempDir()
        let a = try XlsxWorkbook(path: dir + "/a.xlsx", constantMemory: false)
        let b = try XlsxWorkbook(path: dir + "/b.xlsx", constantMemory: false)
        let sheetA = try a.addWorksheet("甲")
        let sheetB = try b.addWorksheet("乙")
        let formatB = b.format(XlsxFormatSpec(bold: true))
        #expect(b.format(XlsxFormatSpec(bold: true)) == formatB, "formats are cached by spec")
        #expect(throws: XlsxError.self) { try sheetA.writeText(0, 0, "x", formatB) }
        let range = XlsxRange(sheet: "乙", firstRow: 0, firstCol: 0, lastRow: 1, lastCol: 0)
        let chart = try b.addColumnChart(title: "t", categories: range, values: range, seriesName: "s")
        #expect(throws: XlsxError.self) { try sheetA.insertChart(row: 0, col: 0, chart) }
        try sheetB.insertChart(row: 0, col: 2, chart)
        #expect(throws: XlsxError.self) { try sheetB.insertChart(row: 10, col: 2, chart) }
        let missing = XlsxRange(sheet: "不存在", firstRow: 0, firstCol: 0, lastRow: 1, lastCol: 0)
        let error = #expect(throws: XlsxError.self) {
            _ = try b.addColumnChart(title: "t", categories: missing, values: range, seriesName: "s")
        }
        #expect(error?.description.contains("不存在") == true)
        #expect(throws: XlsxError.self) {
            _ = try b.addColumnChart(title: "=A1", categories: range, values: range, seriesName: "s")
        }
    }

    @Test("setProperties refuses a zero timestamp")
    func zeroCreated() throws {
        let dir = try makeTempDir()
        let wb = try XlsxWorkbook(path: dir + "/z.xlsx", constantMemory: false)
        #expect(throws: XlsxError.self) {
            try wb.setProperties(title: "t", subject: "s", author: "a", company: "c",
                                 created: Date(timeIntervalSince1970: 0))
        }
    }
}

// MARK: - pure helpers

@Suite("XlsxKit helpers")
struct XlsxHelperTests {
    @Test("display width counts CJK and fullwidth as 2")
    func widths() {
        #expect(displayWidth("民情abc") == 7)
        #expect(displayWidth("") == 0)
        #expect(displayWidth("ＡＢ，。") == 8)
        #expect(displayWidth("a\nb") == 2)
        #expect(displayWidth("𠀀") == 2)
    }

    @Test("range formulas quote the sheet name and double apostrophes")
    func rangeFormula() {
        #expect(XlsxRange(sheet: "总览", firstRow: 1, firstCol: 0, lastRow: 4, lastCol: 0).formula
                == "='总览'!$A$2:$A$5")
        #expect(XlsxRange(sheet: "O'Brien", firstRow: 0, firstCol: 26, lastRow: 1, lastCol: 27).formula
                == "='O''Brien'!$AA$1:$AB$2")
    }

    @Test("column names")
    func columnNames() {
        #expect(xlsxColumnName(0) == "A")
        #expect(xlsxColumnName(25) == "Z")
        #expect(xlsxColumnName(26) == "AA")
        #expect(xlsxColumnName(701) == "ZZ")
        #expect(xlsxColumnName(16_383) == "XFD")
    }

    @Test("truncation never splits a character and fits 32,767 UTF-16 units")
    func truncationBoundary() {
        let emoji = String(repeating: "😀", count: 20_000)   // 2 UTF-16 units each
        let (cut, truncated) = XlsxWorksheet.fitCellText(emoji)
        #expect(truncated)
        #expect(cut.utf16.count <= 32_767)
        #expect(cut.hasSuffix("…(截断)"))
        #expect(cut.dropLast("…(截断)".count).allSatisfy { $0 == "😀" })
        let (same, untouched) = XlsxWorksheet.fitCellText("短文本")
        #expect(same == "短文本" && !untouched)
    }

    @Test("literal _xHHHH_ text is protected from Excel's decoding")
    func literalEscapes() {
        #expect(XlsxWorksheet.escapeLiteralEscapes("_x0041_") == "_x005F_x0041_")
        #expect(XlsxWorksheet.escapeLiteralEscapes("a_x00e9_b_x12_") == "a_x005F_x00e9_b_x12_")
        #expect(XlsxWorksheet.escapeLiteralEscapes("no_x_here") == "no_x_here")
        #expect(XlsxWorksheet.escapeLiteralEscapes("民情") == "民情")
    }

    @Test("number format helpers and header/footer escaping")
    func formatHelpers() {
        #expect(XlsxNumFormat.negativeRed(decimals: 2) == "0.00;[Red]-0.00")
        #expect(XlsxNumFormat.negativeRed(decimals: 0) == "0;[Red]-0")
        #expect(XlsxHeaderFooter.literal("A&B县") == "A&&B县")
    }
}
