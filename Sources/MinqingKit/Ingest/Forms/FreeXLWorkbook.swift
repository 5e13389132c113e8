import CFreeXL

/// An .xls file opened by FreeXL: the one owner of its handle; every FreeXL call is checked by ``check``.
final class FreeXLWorkbook {
    let path: String
    private let handle: UnsafeRawPointer

    /// Opens the file; `metadataOnly` reads the workbook's header records, not its cells.
    init(path: String, metadataOnly: Bool) throws {
        self.path = path
        var handle: UnsafeRawPointer?
        let status = metadataOnly ? freexl_open_info(path, &handle) : freexl_open(path, &handle)
        guard status == FREEXL_OK, let handle else {
            if let handle { freexl_close(handle) }
            throw Self.openFailure(path: path, status: status)
        }
        self.handle = handle
    }

    deinit { freexl_close(handle) }

    /// One `freexl_get_info` value.
    func info(_ what: Int32) throws -> Int32 {
        var value: UInt32 = 0
        try check(freexl_get_info(handle, UInt16(what), &value), "读取工作簿信息")
        return Int32(bitPattern: value)
    }

    /// The worksheets' names in tab order.
    func sheetNames() throws -> [String] {
        let count = try info(FREEXL_BIFF_SHEET_COUNT)
        return try (0..<max(0, min(Int(count), Int(UInt16.max)))).map { index in
            var name: UnsafePointer<CChar>?
            try check(freexl_get_worksheet_name(handle, UInt16(index), &name), "读取工作表名称")
            return name.map { String(cString: $0) } ?? ""
        }
    }

    /// Makes `sheet` the active worksheet; its row and column counts.
    func select(sheet: Int) throws -> (rows: UInt32, columns: UInt16) {
        try check(freexl_select_active_worksheet(handle, UInt16(sheet)), "选择工作表")
        var rows: UInt32 = 0
        var columns: UInt16 = 0
        try check(freexl_worksheet_dimensions(handle, &rows, &columns), "读取工作表大小")
        return (rows, columns)
    }

    /// A cell of the active sheet as Excel shows it; nil when blank.
    func cellText(row: UInt32, column: UInt16, dateSystem: ExcelDateSystem) throws -> String? {
        var value = FreeXL_CellValue()
        try check(freexl_get_cell_value(handle, row, column, &value), "读取第 \(row + 1) 行的单元格")
        switch Int32(value.type) {
        case FREEXL_CELL_INT:
            return String(value.value.int_value)
        case FREEXL_CELL_DOUBLE:
            return CellText.number(value.value.double_value)
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_DATE, FREEXL_CELL_TIME:
            guard let text = value.value.text_value else { return nil }
            let string = String(cString: text)
            return string.isEmpty ? nil : string
        case FREEXL_CELL_DATETIME:
            // FreeXL writes the time even at midnight; Excel's cell shows a date then (as for .xlsx).
            guard let text = value.value.text_value else { return nil }
            let string = String(cString: text)
            return string.hasSuffix(" 00:00:00") ? String(string.dropLast(9)) : string
        default:
            return nil
        }
    }

    /// Throws a refusal naming what was being done when FreeXL reports an error.
    private func check(_ status: Int32, _ doing: String) throws {
        guard status != FREEXL_OK else { return }
        throw WorkbookRefusal.damaged(path, detail: "\(doing)时出错：\(Self.describe(status))")
    }

    /// The refusal for a failed open: an OLE2 file holding `EncryptedPackage` is an encrypted .xlsx.
    private static func openFailure(path: String, status: Int32) -> InputRefused {
        if status == FREEXL_FILE_NOT_FOUND { return WorkbookRefusal.unreadable(path, detail: "找不到该文件或无法读取") }
        if OLE2Probe.holdsEncryptedPackage(path: path) { return WorkbookRefusal.encrypted(path) }
        return WorkbookRefusal.damaged(path, detail: "不是可读取的 .xls 工作簿：\(describe(status))")
    }

    /// FreeXL's error codes in words.
    static func describe(_ status: Int32) -> String {
        switch status {
        case FREEXL_INSUFFICIENT_MEMORY: return "内存不足"
        case FREEXL_INVALID_CFBF_HEADER, FREEXL_CFBF_INVALID_SIGNATURE, FREEXL_CFBF_INVALID_SECTOR_SIZE:
            return "OLE2 文件头无效"
        case FREEXL_CFBF_READ_ERROR, FREEXL_CFBF_SEEK_ERROR: return "文件不完整（读取越界）"
        case FREEXL_CFBF_EMPTY_FAT_CHAIN, FREEXL_CFBF_ILLEGAL_FAT_ENTRY, FREEXL_INVALID_MINI_STREAM,
             FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
            return "OLE2 分配表损坏"
        case FREEXL_BIFF_INVALID_BOF, FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "其中没有 Excel 97–2003 工作簿"
        case FREEXL_BIFF_INVALID_SST, FREEXL_BIFF_ILLEGAL_SST_INDEX: return "共享字符串表损坏"
        case FREEXL_INVALID_CHARACTER, FREEXL_UNSUPPORTED_CHARSET: return "含有无法转换的字符"
        case FREEXL_CRAFTED_FILE: return "文件结构异常（可能是恶意构造的文件）"
        default: return "FreeXL 错误代码 \(status)"
        }
    }
}
