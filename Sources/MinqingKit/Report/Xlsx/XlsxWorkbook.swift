import CXlsxWriter
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one `lxw_workbook*`; nothing is written until `close()`.
///
/// The library writes to a hidden temporary file next to `path` (".<name>.<random>.partial"), and
/// `close()` renames it onto `path` only after a successful save: a failed run never leaves a partial
/// workbook at `path` and never destroys the previous one.
///
/// If `close()` is never called, `deinit` frees the workbook with `lxw_workbook_free` (libxlsxwriter's
/// free-without-saving; it writes nothing) after closing the constant-memory temporary files
/// that `lxw_workbook_free` itself leaves open in 1.1.4. Not thread-safe: use one workbook from
/// one thread.
final class XlsxWorkbook {
    /// Final path of the .xlsx file.
    let path: String
    /// Whether rows are streamed to temporary files (rows must then be written in increasing order per sheet).
    let constantMemory: Bool
    /// Whether `close()` has run (successfully or not); afterwards every call throws.
    private(set) var isClosed = false

    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let partialPath: String
    private var sheetHandles: [UnsafeMutablePointer<lxw_worksheet>] = []
    private(set) var sheetNames: [String] = []
    /// The names lowercased, to refuse a repeat without comparing with every sheet (a 督办清单 may have
    /// thousands).
    private var lowercasedNames: Set<String> = []
    private var formats: [XlsxFormatSpec: XlsxFormat] = [:]
    private var conditionalFormats: [XlsxFormatSpec: XlsxFormat] = [:]
    private var propertiesSet = false

    /// Prepares a workbook that `close()` will write to `path`; fails early if the folder is missing or read-only.
    init(path: String, constantMemory: Bool, tmpdir: String? = nil) throws {
        self.path = path
        self.constantMemory = constantMemory
        let context = "创建工作簿 \(path)"
        let creating = LXW_ERROR_CREATING_XLSX_FILE
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw XlsxError(creating, context, reason: "输出路径为空或是一个文件夹")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw XlsxError(creating, context, reason: "输出文件夹 \(folder) 不存在")
        }
        guard access(folder, W_OK) == 0 else {
            throw XlsxError(creating, context, reason: "输出文件夹 \(folder) 不可写")
        }
        if let tmpdir {
            var tmpIsDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: tmpdir, isDirectory: &tmpIsDir), tmpIsDir.boolValue,
                  access(tmpdir, W_OK) == 0 else {
                throw XlsxError(LXW_ERROR_CREATING_TMPFILE, context,
                                reason: "临时文件夹 \(tmpdir) 不存在或不可写")
            }
        }
        partialPath = (folder as NSString).appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).partial")

        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 0
        // libxlsxwriter copies tmpdir (lxw_strdup) and the file name inside workbook_new_opt.
        let made: UnsafeMutablePointer<lxw_workbook>? = Self.withOptionalCString(tmpdir) { tmp in
            options.tmpdir = tmp
            return workbook_new_opt(partialPath, &options)
        }
        guard let made else {
            throw XlsxError(LXW_ERROR_MEMORY_MALLOC_FAILED, context)
        }
        handle = made
    }

    deinit {
        guard let handle else { return }
        closeConstantMemoryTempFiles()
        lxw_workbook_free(handle)
    }

    /// Sets the document properties; `created` (must be after 1970) fixes the timestamp so reruns are byte-identical.
    func setProperties(title: String, subject: String, author: String, company: String, created: Date) throws {
        let context = "设置工作簿 \(path) 的文档属性"
        let wb = try openHandle(context)
        let seconds = created.timeIntervalSince1970.rounded(.down)
        guard seconds >= 1, seconds < 253_402_300_800 else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context,
                            reason: "创建时间必须在 1970 年之后（0 表示“当前时间”，会使每次输出的文件不同）")
        }
        guard !propertiesSet else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context, reason: "文档属性只能设置一次")
        }
        // The library strdup's every field inside workbook_set_properties, so our copies can go right after.
        let fields = [title, subject, author, company].map { strdup(Self.withoutNUL($0)) }
        defer { fields.forEach { free($0) } }
        guard fields.allSatisfy({ $0 != nil }) else {
            throw XlsxError(LXW_ERROR_MEMORY_MALLOC_FAILED, context)
        }
        var props = lxw_doc_properties()
        props.title = fields[0]
        props.subject = fields[1]
        props.author = fields[2]
        props.company = fields[3]
        props.created = time_t(seconds)
        try lxwCheck(workbook_set_properties(wb, &props), context)
        propertiesSet = true
    }

    /// Adds a worksheet at the end; throws a clear error for an invalid or duplicate name.
    func addWorksheet(_ name: String) throws -> XlsxWorksheet {
        let context = "添加工作表「\(name)」"
        let wb = try openHandle(context)
        try validateSheetName(name, context)
        try lxwCheck(workbook_validate_sheet_name(wb, name), context)
        guard let sheet = workbook_add_worksheet(wb, name) else {
            let code = constantMemory ? LXW_ERROR_CREATING_TMPFILE : LXW_ERROR_MEMORY_MALLOC_FAILED
            throw XlsxError(code, context)
        }
        sheetHandles.append(sheet)
        sheetNames.append(name)
        lowercasedNames.insert(name.lowercased())
        return XlsxWorksheet(workbook: self, handle: sheet, name: name, number: sheetHandles.count)
    }

    /// Returns the workbook's format for `spec`, creating it once and caching it.
    func format(_ spec: XlsxFormatSpec) -> XlsxFormat {
        if let cached = formats[spec] { return cached }
        let made = makeFormat(spec)
        if made.pointer != nil { formats[spec] = made }
        return made
    }

    /// The cell-format index (`s="N"` in the sheet XML) of `format`, registering it in the workbook's
    /// styles if no cell has used it yet; for rows written as XML outside libxlsxwriter.
    func styleIndex(_ format: XlsxFormat) throws -> Int {
        let pointer = try checkOwner(format, "查找单元格格式")
        try openHandle("查找单元格格式")
        return Int(lxw_format_get_xf_index(pointer))
    }

    /// A separate format object for conditional formats (libxlsxwriter gives those a dxf index).
    func conditionalFormat(_ spec: XlsxFormatSpec) -> XlsxFormat {
        if let cached = conditionalFormats[spec] { return cached }
        let made = makeFormat(spec)
        if made.pointer != nil { conditionalFormats[spec] = made }
        return made
    }

    private func makeFormat(_ spec: XlsxFormatSpec) -> XlsxFormat {
        var pointer: UnsafeMutablePointer<lxw_format>?
        if let handle, !isClosed, let made = workbook_add_format(handle) {
            spec.apply(to: made)
            pointer = made
        }
        return XlsxFormat(spec: spec, pointer: pointer, owner: ObjectIdentifier(self))
    }

    /// Adds a one-series column chart (or bar chart if `horizontal`) with data labels and no legend.
    func addColumnChart(title: String, categories: XlsxRange, values: XlsxRange, seriesName: String,
                               horizontal: Bool = false) throws -> XlsxChart {
        let context = "添加图表「\(title)」"
        let wb = try openHandle(context)
        try checkChartData(
            context, names: [("图表标题", title), ("系列名称", seriesName)], categories: categories, values: [values])
        let type = horizontal ? LXW_CHART_BAR : LXW_CHART_COLUMN
        guard let chart = workbook_add_chart(wb, UInt8(type.rawValue)) else {
            throw XlsxError(LXW_ERROR_MEMORY_MALLOC_FAILED, context)
        }
        // chart_add_series, chart_series_set_name and chart_title_set_name copy their strings.
        guard let series = chart_add_series(chart, categories.formula, values.formula) else {
            throw XlsxError(LXW_ERROR_MEMORY_MALLOC_FAILED, context)
        }
        chart_series_set_name(series, Self.withoutNUL(seriesName))
        chart_series_set_labels(series)
        chart_title_set_name(chart, Self.withoutNUL(title))
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        return XlsxChart(handle: chart, owner: ObjectIdentifier(self), title: title)
    }

    /// Adds a line chart with one line per series over the same categories, markers and data labels on each
    /// point, the legend below and the value axis from 0.
    func addLineChart(title: String, categories: XlsxRange, series: [(name: String, values: XlsxRange)]) throws -> XlsxChart {
        let context = "添加图表「\(title)」"
        let wb = try openHandle(context)
        try checkChartData(
            context, names: ([title] + series.map(\.name)).map { ("名称", $0) }, categories: categories,
            values: series.map(\.values))
        guard let chart = workbook_add_chart(wb, UInt8(LXW_CHART_LINE.rawValue)) else {
            throw XlsxError(LXW_ERROR_MEMORY_MALLOC_FAILED, context)
        }
        for (name, values) in series {
            guard let line = chart_add_series(chart, categories.formula, values.formula) else {
                throw XlsxError(LXW_ERROR_MEMORY_MALLOC_FAILED, context)
            }
            chart_series_set_name(line, Self.withoutNUL(name))
            chart_series_set_marker_type(line, UInt8(LXW_CHART_MARKER_AUTOMATIC.rawValue))
            chart_series_set_labels(line)
            chart_series_set_labels_position(line, UInt8(LXW_CHART_LABEL_POSITION_ABOVE.rawValue))
        }
        chart_title_set_name(chart, Self.withoutNUL(title))
        chart_axis_set_min(chart.pointee.y_axis, 0)
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        return XlsxChart(handle: chart, owner: ObjectIdentifier(self), title: title)
    }

    /// The checks every chart's data passes before libxlsxwriter sees it: no name that libxlsxwriter would
    /// read as a formula (`label` names it in the message), every range valid and on a sheet of this
    /// workbook, and each series as long as the categories.
    private func checkChartData(
        _ context: String, names: [(label: String, text: String)], categories: XlsxRange, values: [XlsxRange]
    ) throws {
        for (label, text) in names where text.hasPrefix("=") {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context, reason: "\(label)「\(text)」以 = 开头，libxlsxwriter 会把它当作公式")
        }
        for range in [categories] + values {
            try range.validate(context)
            guard sheetNames.contains(range.sheet) else {
                throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context,
                                reason: "数据区域 \(range.formula) 引用的工作表「\(range.sheet)」不存在（请先添加该工作表）")
            }
        }
        for range in values where range.cellCount != categories.cellCount {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context,
                            reason: "类别区域 \(categories.formula) 与数值区域 \(range.formula) 的单元格数不同")
        }
    }

    /// Writes the workbook to `path` (via a temporary file and rename); after this every call throws.
    func close() throws {
        let context = "保存工作簿 \(path)"
        let wb = try openHandle(context)
        if sheetHandles.isEmpty {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context, reason: "工作簿里没有工作表")
        }
        // Probe the partial file first: if it cannot be created we throw while the workbook is
        // still intact, so deinit can free it (workbook_close frees it whatever happens).
        let probe = open(partialPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard probe >= 0 else {
            let why = String(cString: strerror(errno))
            throw XlsxError(LXW_ERROR_CREATING_XLSX_FILE, context,
                            reason: "无法在输出文件夹中创建临时文件 \(partialPath)（\(why)）")
        }
        posixClose(probe)
        isClosed = true
        handle = nil
        let err = workbook_close(wb)   // frees wb, success or not
        sheetHandles.removeAll()
        guard err == LXW_NO_ERROR else {
            unlink(partialPath)
            try lxwCheck(err, context)
            return
        }
        guard rename(partialPath, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(partialPath)
            throw XlsxError(LXW_ERROR_CREATING_XLSX_FILE, context,
                            reason: "无法把临时文件改名为 \(path)（\(why)）")
        }
    }

    // MARK: - internals

    @discardableResult
    func openHandle(_ context: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle, !isClosed else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context(), reason: "工作簿已经关闭")
        }
        return handle
    }

    func checkOwner(_ format: XlsxFormat?, _ context: @autoclosure () -> String) throws
        -> UnsafeMutablePointer<lxw_format>? {
        guard let format else { return nil }
        guard format.owner == ObjectIdentifier(self) else {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context(), reason: "格式属于另一个工作簿")
        }
        guard let pointer = format.pointer else {
            throw XlsxError(LXW_ERROR_MEMORY_MALLOC_FAILED, context(), reason: "格式未能创建（内存不足或工作簿已关闭）")
        }
        return pointer
    }

    private func validateSheetName(_ name: String, _ context: String) throws {
        let length = name.utf16.count
        guard length >= 1, length <= 31 else {
            throw XlsxError(LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, context,
                            reason: "工作表名称「\(name)」有 \(length) 个字符，须为 1 至 31 个")
        }
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        if let bad = name.first(where: { forbidden.contains($0) }) {
            throw XlsxError(LXW_ERROR_INVALID_SHEETNAME_CHARACTER, context,
                            reason: "工作表名称「\(name)」含有不允许的字符 \(bad)")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            throw XlsxError(LXW_ERROR_INVALID_SHEETNAME_CHARACTER, context,
                            reason: "工作表名称「\(name)」含有控制字符")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw XlsxError(LXW_ERROR_SHEETNAME_START_END_APOSTROPHE, context,
                            reason: "工作表名称「\(name)」以单引号开头或结尾")
        }
        if name.lowercased() == "history" {
            throw XlsxError(LXW_ERROR_PARAMETER_VALIDATION, context, reason: "“History” 是 Excel 保留的工作表名称")
        }
        if lowercasedNames.contains(name.lowercased()) {
            throw XlsxError(LXW_ERROR_SHEETNAME_ALREADY_USED, context,
                            reason: "工作簿里已有名为「\(name)」的工作表")
        }
    }

    /// `lxw_workbook_free` does not fclose the per-sheet temp files of constant-memory mode (1.1.4).
    private func closeConstantMemoryTempFiles() {
        guard constantMemory else { return }
        for sheet in sheetHandles {
            if let file = sheet.pointee.optimize_tmpfile {
                fclose(file)
                sheet.pointee.optimize_tmpfile = nil
                sheet.pointee.file = nil
            }
        }
    }

    static func withoutNUL(_ text: String) -> String {
        text.utf8.contains(0) ? text.replacingOccurrences(of: "\0", with: "") : text
    }

    private static func withOptionalCString<R>(_ text: String?, _ body: (UnsafeMutablePointer<CChar>?) -> R) -> R {
        guard let text else { return body(nil) }
        guard let copy = strdup(text) else { return body(nil) }
        defer { free(copy) }
        return body(copy)
    }
}

private func posixClose(_ fd: Int32) {
    _ = close(fd)
}
