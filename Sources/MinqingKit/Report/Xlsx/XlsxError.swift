import CXlsxWriter

/// An error from libxlsxwriter (or found by this wrapper before calling it), with what we were doing.
///
/// `code` is the raw `lxw_error` value; problems the wrapper detects itself (bad sheet name, cell
/// outside Excel's grid, rows out of order in constant-memory mode, …) use the matching `lxw_error`
/// code and carry a Chinese `reason`.
struct XlsxError: Error, CustomStringConvertible, Sendable {
    /// The raw `lxw_error` code.
    let code: Int32
    /// What we were doing, e.g. "保存工作簿 /path/x.xlsx".
    let context: String
    /// A specific explanation found by the wrapper; nil means "explain from the library code".
    let reason: String?

    /// Creates an error from a raw `lxw_error` code, a context and an optional explanation.
    init(code: Int32, context: String, reason: String? = nil) {
        self.code = code
        self.context = context
        self.reason = reason
    }

    init(_ err: lxw_error, _ context: String, reason: String? = nil) {
        self.init(code: Int32(bitPattern: UInt32(err.rawValue)), context: context, reason: reason)
    }

    /// The library's own (English) text for `code`.
    var libraryMessage: String {
        guard code >= 0, let text = lxw_strerror(lxw_error(rawValue: UInt32(code))) else {
            return "unknown error \(code)"
        }
        var message = String(cString: text)
        while message.hasSuffix(".") || message.hasSuffix(" ") { message.removeLast() }
        return message
    }

    /// A Chinese sentence for staff: what failed, why, and what to check.
    var description: String {
        let why = reason ?? "\(Self.chineseMessage(code))（libxlsxwriter：\(libraryMessage)）"
        // "保存工作簿 /x/y.xlsx 失败" reads better with a space after a path; none after Chinese text.
        let gap = context.unicodeScalars.last.map { $0.isASCII && $0 != " " } == true ? " " : ""
        return "\(context)\(gap)失败：\(why)。\(Self.hint(code))"
    }

    static func chineseMessage(_ code: Int32) -> String {
        switch UInt32(bitPattern: code) {
        case LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue: return "内存不足"
        case LXW_ERROR_CREATING_XLSX_FILE.rawValue: return "无法创建输出文件"
        case LXW_ERROR_CREATING_TMPFILE.rawValue: return "无法创建临时文件"
        case LXW_ERROR_READING_TMPFILE.rawValue: return "无法读取临时文件"
        case LXW_ERROR_ZIP_FILE_OPERATION.rawValue, LXW_ERROR_ZIP_PARAMETER_ERROR.rawValue,
             LXW_ERROR_ZIP_BAD_ZIP_FILE.rawValue, LXW_ERROR_ZIP_INTERNAL_ERROR.rawValue,
             LXW_ERROR_ZIP_FILE_ADD.rawValue, LXW_ERROR_ZIP_CLOSE.rawValue:
            return "写入压缩文件时出错"
        case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED.rawValue: return "工作表名称超过 31 个字符"
        case LXW_ERROR_INVALID_SHEETNAME_CHARACTER.rawValue: return "工作表名称含有不允许的字符"
        case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE.rawValue: return "工作表名称不能以单引号开头或结尾"
        case LXW_ERROR_SHEETNAME_ALREADY_USED.rawValue: return "工作表名称已被使用"
        case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED.rawValue: return "文本超过 Excel 单元格上限 32,767 个字符"
        case LXW_ERROR_255_STRING_LENGTH_EXCEEDED.rawValue: return "文本超过 255 个字符"
        case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE.rawValue: return "行号或列号超出范围"
        default: return "libxlsxwriter 返回错误 \(code)"
        }
    }

    static func hint(_ code: Int32) -> String {
        switch UInt32(bitPattern: code) {
        case LXW_ERROR_CREATING_XLSX_FILE.rawValue,
             LXW_ERROR_ZIP_FILE_OPERATION.rawValue, LXW_ERROR_ZIP_PARAMETER_ERROR.rawValue,
             LXW_ERROR_ZIP_BAD_ZIP_FILE.rawValue, LXW_ERROR_ZIP_INTERNAL_ERROR.rawValue,
             LXW_ERROR_ZIP_FILE_ADD.rawValue, LXW_ERROR_ZIP_CLOSE.rawValue:
            return "请检查输出文件夹是否存在且可写、磁盘是否已满。"
        case LXW_ERROR_CREATING_TMPFILE.rawValue, LXW_ERROR_READING_TMPFILE.rawValue:
            return "请检查临时文件夹是否存在且可写、磁盘是否已满。"
        case LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue:
            return "请关闭其他程序后重试，或使用常量内存模式。"
        case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED.rawValue, LXW_ERROR_INVALID_SHEETNAME_CHARACTER.rawValue,
             LXW_ERROR_SHEETNAME_START_END_APOSTROPHE.rawValue, LXW_ERROR_SHEETNAME_ALREADY_USED.rawValue:
            return "工作表名称须为 1 至 31 个字符，不能含 [ ] : * ? / \\，不能以单引号开头或结尾，且不能重名。"
        case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE.rawValue:
            return "Excel 每个工作表最多 1,048,576 行、16,384 列。"
        default:
            return "这是程序内部错误，请把这条信息告诉维护人员。"
        }
    }
}

/// The one helper every `lxw_error` goes through: throws an `XlsxError` unless `err` is `LXW_NO_ERROR`.
func lxwCheck(_ err: lxw_error, _ context: @autoclosure () -> String) throws {
    if err != LXW_NO_ERROR {
        throw XlsxError(err, context())
    }
}

extension XlsxError {
    /// A failure reading or writing the workbook's own files (disk full, permissions…), with the
    /// advice to check the output folder and the disk.
    static func io(_ context: String, _ reason: String) -> XlsxError {
        XlsxError(LXW_ERROR_CREATING_XLSX_FILE, context, reason: reason)
    }
}
