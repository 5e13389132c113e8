import CXlsxWriter

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One worksheet; the workbook owns the C object, this handle keeps the workbook alive.
///
/// Rows and columns are zero-based, as in libxlsxwriter; error messages show Excel's A1 names.
/// Every call throws once the workbook is closed.
final class XlsxWorksheet {
    /// Excel's limit on characters in one cell (counted here in UTF-16 units, as Excel does).
    static let maxCellCharacters = 32_767
    /// Appended to text cut down to `maxCellCharacters`.
    static let truncationMarker = "…(截断)"
    /// Number of rows in an Excel sheet (1,048,576).
    static let maxRows = Int(LXW_ROW_MAX)
    /// Number of columns in an Excel sheet (16,384).
    static let maxColumns = Int(LXW_COL_MAX)
    /// Longest page header or footer libxlsxwriter accepts.
    static let maxHeaderFooterCharacters = 255

    /// The sheet's name as shown on its tab.
    let name: String
    /// The sheet's position in the workbook, from 1 (libxlsxwriter stores it as xl/worksheets/sheetN.xml).
    let number: Int
    let workbook: XlsxWorkbook
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    /// Highest row a cell was written to (constant-memory mode only allows this row or later).
    private(set) var lastWrittenRow: Int?

    init(workbook: XlsxWorkbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String, number: Int) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
        self.number = number
    }

    /// Writes `text` as a string cell, never a formula (also for = + - @ or tab starts); returns true if the text was truncated.
    ///
    /// Empty text writes a blank cell when a format is given, else nothing. NUL characters are dropped.
    /// Other control characters are stored by libxlsxwriter as `_xHHHH_` escapes (Excel decodes them);
    /// literal text of that shape is protected as `_x005F_xHHHH_` so Excel shows it unchanged.
    /// Text longer than 32,767 characters is cut at a character boundary and ends with "…(截断)".
    @discardableResult
    func writeText(_ row: Int, _ col: Int, _ text: String, _ format: XlsxFormat? = nil) throws -> Bool {
        // Built only when something fails: this is the hot path of a million-row sheet.
        func context() -> String { "在工作表「\(name)」的 \(cellName(row, col)) 写入文本" }
        let (row32, col16) = try validateCell(row, col, context())
        let fmt = try workbook.checkOwner(format, context())
        let cleaned = Self.containsByte(text, 0x5F) || Self.containsByte(text, 0)
            ? Self.escapeLiteralEscapes(XlsxWorkbook.withoutNUL(text)) : text
        let (fitted, truncated) = Self.fitCellText(cleaned)
        if fitted.isEmpty {
            guard let fmt else { return false }
            try checkOrder(row, context())
            try lxwCheck(worksheet_write_blank(handle, row32, col16, fmt), context())
        } else {
            try checkOrder(row, context())
            try lxwCheck(worksheet_write_string(handle, row32, col16, fitted, fmt), context())
        }
        lastWrittenRow = max(lastWrittenRow ?? row, row)
        return truncated
    }

    /// Merges the range into one cell holding `text` (as a string, never a formula, cleaned as
    /// ``writeText(_:_:_:_:)`` cleans it), every cell of the range in `format`.
    func mergeRange(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int, _ text: String,
                    _ format: XlsxFormat? = nil) throws {
        let context = "合并工作表「\(name)」的 \(cellName(firstRow, firstCol)):\(cellName(lastRow, lastCol))"
        let (r1, c1, r2, c2) = try validateRange(firstRow, firstCol, lastRow, lastCol, context)
        let fmt = try workbook.checkOwner(format, context)
        let cleaned = Self.escapeLiteralEscapes(XlsxWorkbook.withoutNUL(text))
        try checkOrder(firstRow, context)
        try lxwCheck(worksheet_merge_range(handle, r1, c1, r2, c2, Self.fitCellText(cleaned).0, fmt), context)
        lastWrittenRow = max(lastWrittenRow ?? lastRow, lastRow)
    }

    /// Writes a number cell; NaN and infinity are refused (Excel cannot store them).
    func writeNumber(_ row: Int, _ col: Int, _ value: Double, _ format: XlsxFormat? = nil) throws {
        func context() -> String { "在工作表「\(name)」的 \(cellName(row, col)) 写入数值" }
        let (row32, col16) = try validateCell(row, col, context())
        let fmt = try workbook.checkOwner(format, context())
        guard value.isFinite else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context(), reason: "数值 \(value) 不是有限数，Excel 无法保存")
        }
        try checkOrder(row, context())
        try lxwCheck(worksheet_write_number(handle, row32, col16, value, fmt), context())
        lastWrittenRow = max(lastWrittenRow ?? row, row)
    }

    /// Sets the width (in Excel character units, 0…255) and optional default format of columns first…last.
    func setColumn(_ first: Int, _ last: Int, width: Double, _ format: XlsxFormat? = nil) throws {
        let context = "设置工作表「\(name)」第 \(columnName(first)) 至 \(columnName(last)) 列的列宽"
        let (_, firstCol) = try validateCell(0, first, context)
        let (_, lastCol) = try validateCell(0, last, context)
        guard first <= last, width.isFinite, width >= 0, width <= 255 else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context, reason: "列范围或列宽 \(width) 无效（列宽须在 0 至 255 之间）")
        }
        let fmt = try workbook.checkOwner(format, context)
        try lxwCheck(worksheet_set_column(handle, firstCol, lastCol, width, fmt), context)
    }

    /// Sets the height of `row` in points. In constant_memory mode call it before writing the row's cells.
    func setRowHeight(_ row: Int, _ height: Double) throws {
        func context() -> String { "设置工作表「\(name)」第 \(row + 1) 行的行高" }
        let (row32, _) = try validateCell(row, 0, context())
        guard height.isFinite, height >= 0, height <= 409 else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context(), reason: "行高 \(height) 无效（须在 0 至 409 磅之间）")
        }
        try checkOrder(row, context())
        try lxwCheck(worksheet_set_row(handle, row32, height, nil), context())
    }

    /// Freezes the rows above `row` and the columns left of `col` (row: 1, col: 0 freezes the header row).
    func freezePanes(row: Int, col: Int) throws {
        let context = "冻结工作表「\(name)」的窗格"
        let (row32, col16) = try validateCell(row, col, context)
        try workbook.openHandle(context)
        worksheet_freeze_panes(handle, row32, col16)
    }

    /// Adds an autofilter over the given range (header row included).
    func autofilter(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) throws {
        let context = "为工作表「\(name)」添加筛选"
        let (r1, c1, r2, c2) = try validateRange(firstRow, firstCol, lastRow, lastCol, context)
        try lxwCheck(worksheet_autofilter(handle, r1, c1, r2, c2), context)
    }

    /// Adds a conditional format: cells below zero in the range get a red font.
    func conditionalFormatNegativeRed(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) throws {
        let context = "为工作表「\(name)」添加负数标红的条件格式"
        let (r1, c1, r2, c2) = try validateRange(firstRow, firstCol, lastRow, lastCol, context)
        let red = workbook.conditionalFormat(XlsxFormatSpec(fontColor: 0xFF0000))
        let fmt = try workbook.checkOwner(red, context)
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN.rawValue)
        rule.value = 0
        rule.format = fmt
        try lxwCheck(worksheet_conditional_format_range(handle, r1, c1, r2, c2, &rule), context)
    }

    /// Inserts a chart with its top-left corner at the cell, optionally scaled.
    func insertChart(row: Int, col: Int, _ chart: XlsxChart, xScale: Double = 1, yScale: Double = 1) throws {
        let context = "在工作表「\(name)」的 \(cellName(row, col)) 插入图表「\(chart.title)」"
        let (row32, col16) = try validateCell(row, col, context)
        try workbook.openHandle(context)
        guard chart.owner == ObjectIdentifier(workbook) else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context, reason: "图表属于另一个工作簿")
        }
        guard !chart.isInserted else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context, reason: "同一个图表只能插入一次")
        }
        guard xScale.isFinite, yScale.isFinite, xScale > 0, yScale > 0 else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context, reason: "缩放比例须为正数")
        }
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        try lxwCheck(worksheet_insert_chart_opt(handle, row32, col16, chart.handle, &options), context)
        chart.isInserted = true
    }

    /// Page setup for printing: orientation, A4, fit to `fitWidthPages` wide (any height), repeated rows, header and footer.
    ///
    /// `header`/`footer` use Excel codes ("&L示例县&C2026年10月 民情月报&R&A", "&C第 &P 页，共 &N 页");
    /// put literal text through `XlsxHeaderFooter.literal(_:)` so an "&" in it is not read as a code.
    func setupPrint(landscape: Bool, paperA4: Bool, fitWidthPages: Int, repeatHeaderRows: ClosedRange<Int>?,
                           header: String?, footer: String?) throws {
        let context = "设置工作表「\(name)」的打印格式"
        try workbook.openHandle(context)
        guard fitWidthPages >= 0, fitWidthPages <= Int(UInt16.max) else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context, reason: "页宽 \(fitWidthPages) 无效")
        }
        var rows: (UInt32, UInt32)?
        if let repeatHeaderRows {
            let (r1, _) = try validateCell(repeatHeaderRows.lowerBound, 0, context)
            let (r2, _) = try validateCell(repeatHeaderRows.upperBound, 0, context)
            rows = (r1, r2)
        }
        for (label, text) in [("页眉", header), ("页脚", footer)] {
            if let text, text.unicodeScalars.count > Self.maxHeaderFooterCharacters {
                throw XlsxError(LXW_ERROR_255_STRING_LENGTH_EXCEEDED, context,
                                reason: "\(label)有 \(text.unicodeScalars.count) 个字符，最多 255 个")
            }
        }
        if landscape { worksheet_set_landscape(handle) } else { worksheet_set_portrait(handle) }
        if paperA4 { worksheet_set_paper(handle, 9) }
        if fitWidthPages > 0 { worksheet_fit_to_pages(handle, UInt16(fitWidthPages), 0) }
        if let rows { try lxwCheck(worksheet_repeat_rows(handle, rows.0, rows.1), context) }
        if let header { try lxwCheck(worksheet_set_header(handle, XlsxWorkbook.withoutNUL(header)), context) }
        if let footer { try lxwCheck(worksheet_set_footer(handle, XlsxWorkbook.withoutNUL(footer)), context) }
    }

    /// Prints the sheet scaled to `width` pages across and `height` down (0: as many as it needs).
    func fitToPages(width: Int, height: Int) throws {
        let context = "设置工作表「\(name)」的打印页数"
        try workbook.openHandle(context)
        guard (0...Int(UInt16.max)).contains(width), (0...Int(UInt16.max)).contains(height) else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context, reason: "页数 \(width) × \(height) 无效")
        }
        worksheet_fit_to_pages(handle, UInt16(width), UInt16(height))
    }

    /// Numbers the sheet's printed pages from 1, even when it is printed with other sheets.
    func restartPageNumbers() throws {
        try workbook.openHandle("设置工作表「\(name)」的起始页码")
        worksheet_set_start_page(handle, 1)
    }

    // MARK: - internals

    /// Cuts text to Excel's cell limit at a character boundary, appending the truncation marker.
    static func fitCellText(_ text: String) -> (String, Bool) {
        // UTF-16 length never exceeds UTF-8 length, and utf8.count is O(1) for native strings.
        if text.utf8.count <= maxCellCharacters || text.utf16.count <= maxCellCharacters {
            return (text, false)
        }
        let budget = maxCellCharacters - truncationMarker.utf16.count
        var used = 0
        var kept = 0
        for character in text {
            let units = character.utf16.count
            if used + units > budget { break }
            used += units
            kept += 1
        }
        return (String(text.prefix(kept)) + truncationMarker, true)
    }

    /// Protects literal `_xHHHH_` sequences, which Excel would otherwise decode into a character.
    static func escapeLiteralEscapes(_ text: String) -> String {
        guard text.utf8.count >= 7, Self.containsUnderscoreX(text) else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(5)
            if hex.count == 5, hex.last == "_", hex.dropLast().allSatisfy(\.isHexDigit) {
                out += "_x005F_x"
            } else {
                out += "_x"
            }
            rest = after
        }
        out += rest
        return out
    }

    /// Fast (memchr) test for one byte in the text's UTF-8; used to skip the clean-up passes.
    static func containsByte(_ text: String, _ byte: UInt8) -> Bool {
        var copy = text
        return copy.withUTF8 { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }

    private static func containsUnderscoreX(_ text: String) -> Bool {
        var previousWasUnderscore = false
        for byte in text.utf8 {
            if previousWasUnderscore && byte == UInt8(ascii: "x") { return true }
            previousWasUnderscore = byte == UInt8(ascii: "_")
        }
        return false
    }

    private func validateCell(_ row: Int, _ col: Int, _ context: @autoclosure () -> String) throws -> (UInt32, UInt16) {
        try workbook.openHandle(context())
        guard row >= 0, row < Self.maxRows, col >= 0, col < Self.maxColumns else {
            throw XlsxError(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, context(),
                            reason: "第 \(row + 1) 行第 \(col + 1) 列超出 Excel 工作表的范围")
        }
        return (UInt32(row), UInt16(col))
    }

    private func validateRange(_ firstRow: Int, _ firstCol: Int, _ lastRow: Int, _ lastCol: Int,
                               _ context: String) throws -> (UInt32, UInt16, UInt32, UInt16) {
        let (r1, c1) = try validateCell(firstRow, firstCol, context)
        let (r2, c2) = try validateCell(lastRow, lastCol, context)
        guard firstRow <= lastRow, firstCol <= lastCol else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context,
                            reason: "区域 \(cellName(firstRow, firstCol)):\(cellName(lastRow, lastCol)) 的起点在终点之后")
        }
        return (r1, c1, r2, c2)
    }

    private func checkOrder(_ row: Int, _ context: @autoclosure () -> String) throws {
        guard workbook.constantMemory, let last = lastWrittenRow, row < last else { return }
        throw XlsxError(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, context(),
                        reason: "常量内存模式下每个工作表只能按行号递增写入：已写到第 \(last + 1) 行，不能再写第 \(row + 1) 行")
    }

    private func cellName(_ row: Int, _ col: Int) -> String {
        guard row >= 0, col >= 0 else { return "第 \(row + 1) 行第 \(col + 1) 列" }
        return "\(columnName(col))\(row + 1)"
    }

    private func columnName(_ col: Int) -> String {
        col >= 0 ? xlsxColumnName(col) : "第 \(col + 1) 列"
    }
}

/// Helpers for page header and footer text.
enum XlsxHeaderFooter {
    /// Escapes literal text for a header/footer: "&" becomes "&&" so Excel does not read it as a code.
    static func literal(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&&")
    }
}
