import Foundation

/// Writes 督办清单-YYYY-MM.xlsx (SPEC §12): one sheet per responsible unit (a demand's primary unit)
/// with demands open at the month's end, any month of receipt, printable as the notice the office
/// sends to that unit — a title, the unit, the month and its counts (截至 月末 未办结 N 件，其中已超期
/// M 件), then its open demands, overdue first, with an empty 办理情况（请填写） column for the unit's
/// answer. A month with no open demand gets one sheet saying so.
///
/// The demands arrive one by one from ``WorkbookWriter/openDemand`` (masked, with their clock, in
/// 未办结诉求's order), the units interleaved: each unit's rows are written as XML and compressed in
/// pieces by ``InterleavedRows``, with their cells inline (libxlsxwriter writes the title and header
/// rows with its own shared strings). Nothing is kept per demand, so a province's 200,000 open demands
/// cost the XML and its compression, not memory. The sheets are created in libxlsxwriter at
/// ``finish()``, when every unit and its counts are known: in the order of units.csv, then the other
/// units by name, each named after its unit as Excel allows (``XlsxSheetNames``).
///
/// Used by one thread at a time: ``Pipeline`` calls ``append(_:)`` on a second thread while the open
/// demands are read, and ``finish()`` after joining it.
final class SupervisionWorkbook {
    /// One column of a unit's sheet.
    struct Column {
        let header: String
        let width: Double
        let wrap: Bool
    }

    /// 序号: the demand's place in its unit's list.
    static let serial = Column(header: "序号", width: 5, wrap: false)
    /// The demand's columns: as 未办结诉求 shows them, without 等级依据 and 主管部门 (the unit is the
    /// sheet's), widths chosen for one A4 landscape page. 受理日期 wraps its time, when it has one, under
    /// the date.
    static let demandColumns: [DemandColumn] = {
        let c = DemandSheetColumns.self
        return [
            (c.id, 15.0, false), (c.received, 11.0, true), (c.township, 9.0, false), (c.village, 10.0, false),
            (c.domain, 10.0, true), (c.grade, 5.0, false), (c.status, 9.0, false), (c.deadline, 11.0, false),
            (c.daysOpen, 9.0, false), (c.timeliness, 8.0, false), (c.content, 42.0, true),
        ].map { column, width, wrap in
            DemandColumn(header: column.header, width: width, wrap: wrap, shared: false, value: column.value)
        }
    }()
    /// 办理情况（请填写）: left empty for the unit to fill in.
    static let reply = Column(header: "办理情况（请填写）", width: 28, wrap: true)

    /// Short values shown centred.
    static let centeredHeaders: Set<String> = [DemandSheetColumns.grade.header, DemandSheetColumns.daysOpen.header]
    /// Every row is at least two lines high, leaving room to write 办理情况 by hand on the printed notice.
    static let minimumRowHeight = 31.0

    /// A data cell's format: bordered, at the top, in the workbook's font.
    private static func cell(bold: Bool = false, fontColor: UInt32? = nil, align: XlsxAlign? = nil,
                             numFormat: String? = nil) -> XlsxFormatSpec {
        XlsxFormatSpec(bold: bold, numFormat: numFormat, fontColor: fontColor, align: align, valign: .top, border: .thin,
                       fontName: WorkbookStyle.font)
    }

    /// Every column's header, in order.
    static var headers: [String] { [serial.header] + demandColumns.map(\.header) + [reply.header] }
    /// Every column's width, in order.
    static var widths: [Double] { [serial.width] + demandColumns.map(\.width) + [reply.width] }
    /// Rows above the demands: the title, the unit's line, the column headers.
    static let headerRows = 3
    /// The sheet of a month without open demands.
    static let emptySheetName = "督办清单"
    /// What that sheet says.
    static let nothingOpen = "月末没有未办结的诉求。"
    /// The name a sheet gets for a blank unit (the store never holds one; a safeguard).
    static let blankUnit = "未指定单位"
    /// Most characters of the unit's name in the page header (Excel allows 255 in all).
    private static let pageLabelLength = 60

    private let path: String
    private let county: String
    private let month: YearMonth
    private let reference: ReferenceData
    private let book: XlsxWorkbook
    private let factory: SheetFactory
    private let rows: InterleavedRows
    private let serialStyle: Int
    private let styles: [Int]
    private let replyStyle: Int
    /// 时效 of an overdue demand: bold red, so the unit sees them at a glance.
    private let overdueStyle: Int
    private let timelinessIndex: Int
    private let wrapIndexes: [Int]
    private var units: [String: UnitRows] = [:]
    private var appendWatch = Stopwatch()

    /// The demands of one unit so far.
    private final class UnitRows {
        let unit: String
        let sheet: InterleavedSheet
        var overdue = 0
        init(unit: String, sheet: InterleavedSheet) {
            self.unit = unit
            self.sheet = sheet
        }
    }

    /// Where the 督办清单's time went.
    struct Timings: Sendable {
        /// Writing the demands' rows, compression included.
        var rows = 0.0
        /// Compressing them.
        var compress = 0.0
        /// Creating the sheets and assembling the file, at ``finish()``.
        var assemble = 0.0
    }

    private(set) var timings = Timings()

    /// A 督办清单 of `month` for `county`, written to `path` at ``finish()``; the compressed rows wait
    /// in unlinked files beside it. The unit order comes from `reference`.
    init(path: String, county: String, month: YearMonth, reference: ReferenceData) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        self.county = county
        self.month = month
        self.reference = reference
        // Not constant_memory: the sheets hold three rows each in libxlsxwriter, and a sheet per unit
        // would otherwise keep a temporary file open per unit.
        book = try XlsxWorkbook(path: path + ".partial", constantMemory: false)
        try book.setProperties(
            title: "\(county)群众诉求督办清单（\(month.chineseTitle)）", subject: "督办清单",
            author: "minqing \(minqingVersion)", company: county, created: WorkbookWriter.documentTime(month))
        factory = SheetFactory(book: book, style: WorkbookStyle(book), county: county, month: month)
        let style = factory.style
        let text = try book.styleIndex(style.text), wrapped = try book.styleIndex(style.wrapped)
        let centered = try book.styleIndex(book.format(Self.cell(align: .center)))
        serialStyle = try book.styleIndex(book.format(Self.cell(align: .center, numFormat: "0")))
        overdueStyle = try book.styleIndex(book.format(Self.cell(bold: true, fontColor: 0xC00000)))
        styles = Self.demandColumns.map { column in
            column.wrap ? wrapped : Self.centeredHeaders.contains(column.header) ? centered : text
        }
        replyStyle = wrapped
        wrapIndexes = Self.demandColumns.indices.filter { Self.demandColumns[$0].wrap }
        timelinessIndex = Self.demandColumns.firstIndex { $0.header == DemandSheetColumns.timeliness.header } ?? -1
        rows = try InterleavedRows(folder: folder.isEmpty ? "." : folder, columns: Self.headers.count)
    }

    /// Adds a demand open at the month's end (masked, with its clock) to its unit's sheet; the
    /// demands of a unit keep the order they come in.
    func append(_ demand: ReportDemand) throws {
        try appendWatch.time {
            let unit: UnitRows
            if let known = units[demand.primaryUnit] {
                unit = known
            } else {
                unit = UnitRows(
                    unit: demand.primaryUnit,
                    sheet: rows.makeSheet(firstRow: Self.headerRows + 1, lastColumn: Self.headers.count - 1))
                units[demand.primaryUnit] = unit
            }
            let columns = Self.demandColumns
            var height = RowHeight()
            for i in wrapIndexes { height.add(columns[i].value(demand), width: columns[i].width) }
            let serial = unit.sheet.rows + 1
            let overdue = demand.clock?.timeliness == .overdue
            if overdue { unit.overdue += 1 }
            try rows.appendRow(to: unit.sheet, height: max(height.points ?? 0, Self.minimumRowHeight)) { xml in
                xml.numberCell(0, style: serialStyle, value: serial)
                for (c, column) in columns.enumerated() {
                    let style = overdue && c == timelinessIndex ? overdueStyle : styles[c]
                    xml.inlineCell(c + 1, style: style, text: column.value(demand))
                }
                xml.blankCell(columns.count + 1, style: replyStyle)
            }
        }
    }

    /// The units with open demands in sheet order: as units.csv lists them, then the others by name.
    private func orderedUnits() -> [UnitRows] {
        var position: [String: Int] = [:]
        for (i, unit) in reference.units.enumerated() where position[unit.name] == nil { position[unit.name] = i }
        return units.values.sorted { a, b in
            switch (position[a.unit], position[b.unit]) {
            case let (x?, y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.unit < b.unit
            }
        }
    }

    /// Creates the sheets (title, the unit's line, headers, print setup) and writes the workbook.
    func finish() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        let ordered = orderedUnits()
        var names = XlsxSheetNames(blank: Self.blankUnit)
        if ordered.isEmpty {
            let sheet = try book.addWorksheet(names.unique(Self.emptySheetName))
            try writeTitle(sheet, line: "月份：\(month.chineseTitle)　　截至 \(month.lastDay) 未办结 0 件")
            try factory.layout(sheet, headers: [], widths: Self.widths, headerRow: 1, report: "督办清单", pageCount: false)
            try sheet.mergeRange(firstRow: 2, firstCol: 0, lastRow: 2, lastCol: Self.headers.count - 1,
                                 Self.nothingOpen, factory.style.note)
        }
        for unit in ordered {
            let sheet = try book.addWorksheet(names.unique(unit.unit))
            unit.sheet.number = sheet.number
            unit.sheet.name = sheet.name
            let count = unit.sheet.rows
            try writeTitle(
                sheet,
                line: "责任单位：\(unit.unit)　　月份：\(month.chineseTitle)　　截至 \(month.lastDay) 未办结 \(count) 件，其中已超期 \(unit.overdue) 件")
            let label = XlsxSheetNames.prefix(unit.unit, maxLength: Self.pageLabelLength)
            try factory.layout(
                sheet, headers: Self.headers, widths: Self.widths, headerRow: Self.headerRows - 1, report: "督办清单",
                pageLabel: label.isEmpty ? Self.blankUnit : label, pageCount: false)
            // Each unit's notice counts its pages from 1, also when the whole file is printed at once
            // (which is also why the footer gives no 共 N 页: that would count every unit's pages).
            try sheet.restartPageNumbers()
            try sheet.autofilter(
                firstRow: Self.headerRows - 1, firstCol: 0, lastRow: Self.headerRows - 1 + count,
                lastCol: Self.headers.count - 1)
        }
        try rows.finish()
        try book.close()
        try WorkbookSplice.assemble(
            base: path + ".partial", output: path, sheets: ordered.map(\.sheet), sharedStrings: SharedStrings())
        timings = Timings(
            rows: appendWatch.seconds, compress: rows.compressWatch.seconds,
            assemble: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// The title row (`县群众诉求督办清单`) and the line under it, each across the sheet.
    private func writeTitle(_ sheet: XlsxWorksheet, line: String) throws {
        let last = Self.headers.count - 1
        try sheet.setRowHeight(0, 30)
        try sheet.mergeRange(firstRow: 0, firstCol: 0, lastRow: 0, lastCol: last, "\(county)群众诉求督办清单",
                             book.format(XlsxFormatSpec(bold: true, align: .center, valign: .center, fontSize: 16,
                                                        fontName: WorkbookStyle.font)))
        try sheet.setRowHeight(1, 22)
        try sheet.mergeRange(firstRow: 1, firstCol: 0, lastRow: 1, lastCol: last, line,
                             book.format(XlsxFormatSpec(valign: .center, fontName: WorkbookStyle.font)))
    }
}
