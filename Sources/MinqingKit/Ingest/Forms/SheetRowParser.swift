import CLibXML2

/// Reads an .xlsx worksheet's `<sheetData>` through libxml2's SAX2 push parser, fed 64 KB of the
/// inflated part at a time, and queues the rows of each piece for ``nextRow()``. Each cell becomes the
/// text Excel shows (``CellText``). Rows and cells without an `r` follow the previous one; rows with no
/// value at all are passed over (their numbers say where we are).
///
/// Why SAX2 and not the pull reader (``XMLPartReader``, used for the small parts): on a sheet of 10⁷
/// `<c/>` libxml2's xmlTextReader took 5.6 s and SAX2 2.6 s in C on this machine, before any of our own
/// work: the reader builds and frees a node per element and answers each attribute through a call.
/// Memory holds one piece's rows.
final class SheetRowParser {
    /// Excel's limits: a reference beyond them means a damaged or hostile file, and refusing there keeps
    /// a sheet of 10⁷ empty cells in one row from running on.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384
    /// The most bytes one row's cells may hold, and all the sheet's cells (a real 1,000,000-row register
    /// holds about 200 MB): shared strings are stored once but read once per cell that names them, so a
    /// small file could otherwise make the scanner read terabytes.
    static let maxRowBytes = 64 << 20
    static let maxSheetBytes = 4 << 30
    static let pieceSize = 64 << 10

    private let stream: ZipPartStream
    private var parser: xmlParserCtxtPtr?
    private let strings: SharedStringTable
    private let styles: CellStyles
    private let dateSystem: ExcelDateSystem
    private let path: String
    private let sheetName: String
    private var piece: [UInt8]

    /// Rows parsed and not yet handed out: `queue[handed..<queued]`; `queue[current]` is the current row.
    private var queue: [RowCells] = []
    private var queued = 0
    private var handed = 0
    private var current = -1
    private var finished = false
    /// Why parsing stopped, set by a callback (which cannot throw).
    private var failure: InputRefused?
    private var parseError: (message: String, line: Int32)?

    // The parse state.
    private var inSheetData = false
    private var sheetDataEnded = false
    private var building = RowCells()
    /// The bytes of the current row's shared-string cells, and of all cells so far.
    private var rowSharedBytes = 0
    private var sheetBytes = 0
    private var rowNumber = 0
    private var column = -1
    private var inCell = false
    private var cellKind = Kind.number
    private var cellStyle = 0
    private var collecting = Collecting.nothing
    private var phoneticDepth = 0
    /// A cell's `<v>` and its inline `<t>` text, reused from cell to cell.
    private var value: [UInt8] = []
    private var inlineText: [UInt8] = []

    private enum Kind { case number, shared, inline, formulaText, boolean, error, isoDate }
    private enum Collecting { case nothing, value, inline }

    init(stream: ZipPartStream, strings: SharedStringTable, styles: CellStyles, dateSystem: ExcelDateSystem,
         path: String, sheetName: String) throws {
        self.stream = stream
        self.strings = strings
        self.styles = styles
        self.dateSystem = dateSystem
        self.path = path
        self.sheetName = sheetName
        piece = [UInt8](repeating: 0, count: Self.pieceSize)
        building.shared = strings
        var handler = Self.handler()
        parser = xmlCreatePushParserCtxt(&handler, Unmanaged.passUnretained(self).toOpaque(), nil, 0, stream.part)
        guard let parser else { throw WorkbookRefusal.damaged(path, detail: "\(stream.part)：无法开始读取 XML") }
        // Never XML_PARSE_NOENT or XML_PARSE_DTDLOAD; a DOCTYPE stops the parse (internalSubset below).
        xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue))
    }

    deinit {
        if let parser { xmlFreeParserCtxt(parser) }
    }

    /// Whether there is a current row (``nextRow()`` returned true).
    private var hasRow: Bool { current >= 0 && current < queue.count }
    /// The current row's number, cell count, cells, text as CSV and whether it holds a NUL.
    var currentRowNumber: Int { hasRow ? queue[current].number : 0 }
    var fieldCount: Int { hasRow ? queue[current].count : 0 }
    func field(_ i: Int) -> String { hasRow ? queue[current].field(i) : "" }
    func csvLine() -> String { hasRow ? queue[current].csvLine() : "" }
    var hasNUL: Bool { hasRow && queue[current].hasNUL }

    /// Advances to the next row with at least one non-blank cell; false after `</sheetData>`.
    func nextRow() throws -> Bool {
        while handed == queued {
            if finished { return false }
            queued = 0
            handed = 0
            try parsePiece()
        }
        current = handed
        handed += 1
        return true
    }

    /// Feeds the next piece of the part to the parser (or ends it).
    private func parsePiece() throws {
        guard let parser else { return }
        let got = piece.withUnsafeMutableBytes { buffer in
            buffer.baseAddress.map { stream.read(into: $0, count: buffer.count) } ?? 0
        }
        if got < 0 { throw stream.failure ?? WorkbookRefusal.damaged(path, detail: stream.part) }
        let status = piece.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlParseChunk(parser, $0.baseAddress, Int32(got), got == 0 ? 1 : 0) }
        }
        if let failure { throw failure }
        if sheetDataEnded || got == 0 {
            finished = true
            if !sheetDataEnded, status == 0 { return }  // a sheet without <sheetData>: no rows
        }
        if status != 0 && !sheetDataEnded {
            let detail = parseError.map { "第 \($0.line) 行：\($0.message)" } ?? "XML 解析失败（错误代码 \(status)）"
            throw WorkbookRefusal.badXML(path, part: stream.part, detail: detail)
        }
    }

    /// Stops the parse with a refusal (callbacks cannot throw).
    private func stop(_ refusal: InputRefused) {
        if failure == nil { failure = refusal }
        if let parser { xmlStopParser(parser) }
    }

    // MARK: - Elements

    fileprivate func startElement(_ name: UnsafePointer<UInt8>, _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        switch (name[0], name[1]) {
        case (UInt8(ascii: "c"), 0) where inSheetData:
            startCell(count, attributes)
        case (UInt8(ascii: "v"), 0) where inCell:
            collecting = .value
        case (UInt8(ascii: "t"), 0) where inCell && phoneticDepth == 0:
            collecting = .inline
        case (UInt8(ascii: "r"), UInt8(ascii: "o")) where inSheetData && XMLPartReader.equal(name, "row"):
            startRow(count, attributes)
        case (UInt8(ascii: "r"), UInt8(ascii: "P")) where XMLPartReader.equal(name, "rPh"):
            phoneticDepth += 1
        case (UInt8(ascii: "s"), _) where XMLPartReader.equal(name, "sheetData"):
            inSheetData = true
        default:
            break
        }
    }

    fileprivate func endElement(_ name: UnsafePointer<UInt8>) {
        switch (name[0], name[1]) {
        case (UInt8(ascii: "c"), 0) where inCell:
            inCell = false
            collecting = .nothing
            do { try setCell() } catch let refusal as InputRefused { stop(refusal) } catch {}
        case (UInt8(ascii: "v"), 0), (UInt8(ascii: "t"), 0):
            collecting = .nothing
        case (UInt8(ascii: "r"), UInt8(ascii: "o")) where inSheetData && XMLPartReader.equal(name, "row"):
            endRow()
        case (UInt8(ascii: "r"), UInt8(ascii: "P")) where XMLPartReader.equal(name, "rPh"):
            phoneticDepth = max(0, phoneticDepth - 1)
        case (UInt8(ascii: "s"), _) where inSheetData && XMLPartReader.equal(name, "sheetData"):
            inSheetData = false
            sheetDataEnded = true
            if let parser { xmlStopParser(parser) }  // the rest of the sheet (merges, print setup) is not needed
        default:
            break
        }
    }

    fileprivate func characters(_ text: UnsafePointer<UInt8>, _ count: Int) {
        switch collecting {
        case .nothing: return
        case .value: value.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
        case .inline: inlineText.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
        }
        if value.count + inlineText.count > Self.maxRowBytes {
            stop(WorkbookRefusal.badCell(path, sheet: sheetName, row: rowNumber, detail: "一个单元格的内容超过 64 MB"))
        }
    }

    private func startRow(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        var number = rowNumber + 1
        if let r = Self.attribute("r", count, attributes) {
            guard let given = Self.integer(r), given >= 1 else {
                stop(WorkbookRefusal.badCell(path, sheet: sheetName, row: number,
                                             detail: "行号「\(String(decoding: r, as: UTF8.self))」无效"))
                return
            }
            number = given
        }
        guard number <= Self.maxRows else {
            stop(WorkbookRefusal.beyondSheet(path, sheet: sheetName, what: "有第 \(number) 行"))
            return
        }
        rowNumber = number
        building.clear()
        rowSharedBytes = 0
        column = -1
    }

    private func endRow() {
        guard building.count > 0 else { return }
        building.number = rowNumber
        if queued < queue.count {
            swap(&queue[queued], &building)
        } else {
            queue.append(building)
            building = RowCells()
            building.shared = strings
        }
        queued += 1
    }

    private func startCell(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        cellKind = .number
        cellStyle = 0
        var reference: Int?
        if let attributes {
            for i in 0..<count {
                guard let name = attributes[i * 5], name[1] == 0, let start = attributes[i * 5 + 3],
                      let end = attributes[i * 5 + 4] else { continue }
                let text = UnsafeBufferPointer(start: start, count: end - start)
                switch name[0] {
                case UInt8(ascii: "r"): reference = Self.column(of: text)
                case UInt8(ascii: "s"): cellStyle = Self.integer(text) ?? 0
                case UInt8(ascii: "t"): cellKind = Self.kind(text)
                default: break
                }
            }
        }
        column = reference ?? column + 1
        guard column < Self.maxColumns else {
            stop(WorkbookRefusal.beyondSheet(path, sheet: sheetName, what: "第 \(rowNumber) 行有第 \(column + 1) 列"))
            return
        }
        inCell = true
        value.removeAll(keepingCapacity: true)
        inlineText.removeAll(keepingCapacity: true)
    }

    // MARK: - Cell values

    /// Sets the cell's text from what was read, by its kind.
    private func setCell() throws {
        let ownBefore = building.bytes.count
        switch cellKind {
        case .inline:
            inlineText.withUnsafeBufferPointer { building.set(column, $0) }
        case .shared:
            guard !value.isEmpty else { return }
            guard let index = value.withUnsafeBufferPointer(Self.integer), index < strings.count else {
                let given = String(decoding: value, as: UTF8.self)
                throw WorkbookRefusal.badCell(path, sheet: sheetName, row: rowNumber,
                                              detail: "单元格引用的共享字符串「\(given)」不存在（共 \(strings.count) 个）")
            }
            building.setShared(column, index)
            rowSharedBytes += strings.length(index)
            sheetBytes += strings.length(index)
        case .formulaText, .error:
            value.withUnsafeBufferPointer { building.set(column, $0) }
        case .boolean:
            switch value {
            case [UInt8(ascii: "1")]: building.set(column, "TRUE")
            case [UInt8(ascii: "0")]: building.set(column, "FALSE")
            default: value.withUnsafeBufferPointer { building.set(column, $0) }
            }
        case .isoDate:
            guard !value.isEmpty else { return }
            building.set(column, CellText.isoDate(String(decoding: value, as: UTF8.self)))
        case .number:
            setNumber()
        }
        sheetBytes += building.bytes.count - ownBefore
        if building.bytes.count + rowSharedBytes > Self.maxRowBytes {
            throw WorkbookRefusal.badCell(path, sheet: sheetName, row: rowNumber, detail: "该行内容超过 64 MB")
        }
        if sheetBytes > Self.maxSheetBytes {
            throw WorkbookRefusal.badCell(path, sheet: sheetName, row: rowNumber,
                                          detail: "工作表的单元格内容合计超过 4 GB（共享字符串被反复引用）")
        }
    }

    /// A number cell: a date when its style is a date format, else as General shows it.
    private func setNumber() {
        guard !value.isEmpty else { return }
        let isDate = styles.isDateStyle(cellStyle)
        if !isDate, value.withUnsafeBufferPointer(Self.isPlainInteger) {
            value.withUnsafeBufferPointer { building.set(column, $0) }
            return
        }
        let text = String(decoding: value, as: UTF8.self)
        guard let number = Double(text) else {
            building.set(column, text)  // not a number after all: kept as written
            return
        }
        if isDate, let date = CellText.date(serial: number, system: dateSystem) {
            building.set(column, date)
        } else {
            building.set(column, CellText.number(number))
        }
    }

    // MARK: - Attribute values

    /// The value of the un-namespaced attribute `name` among SAX2's (localname, prefix, URI, value, end) fives.
    private static func attribute(_ name: StaticString, _ count: Int,
                                  _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) -> UnsafeBufferPointer<UInt8>? {
        guard let attributes else { return nil }
        for i in 0..<count {
            guard let local = attributes[i * 5], attributes[i * 5 + 1] == nil, XMLPartReader.equal(local, name),
                  let start = attributes[i * 5 + 3], let end = attributes[i * 5 + 4] else { continue }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        return nil
    }

    /// The cell kind of a `t` attribute; an unknown one reads as a number (Excel's default).
    private static func kind(_ text: UnsafeBufferPointer<UInt8>) -> Kind {
        switch String(decoding: text, as: UTF8.self) {
        case "s": return .shared
        case "inlineStr": return .inline
        case "str": return .formulaText
        case "b": return .boolean
        case "e": return .error
        case "d": return .isoDate
        default: return .number
        }
    }

    // MARK: - The SAX2 handler

    /// The callbacks, each handing over to the parser object passed as the user data.
    private static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = 0xDEEDBEAF  // XML_SAX2_MAGIC: the namespace-aware callbacks below are used
        handler.startElementNs = { context, name, _, _, _, _, count, _, attributes in
            guard let context, let name else { return }
            Unmanaged<SheetRowParser>.fromOpaque(context).takeUnretainedValue()
                .startElement(name, Int(count), attributes)
        }
        handler.endElementNs = { context, name, _, _ in
            guard let context, let name else { return }
            Unmanaged<SheetRowParser>.fromOpaque(context).takeUnretainedValue().endElement(name)
        }
        let characters: charactersSAXFunc = { context, text, count in
            guard let context, let text, count > 0 else { return }
            Unmanaged<SheetRowParser>.fromOpaque(context).takeUnretainedValue().characters(text, Int(count))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        handler.internalSubset = { context, _, _, _ in
            guard let context else { return }
            let parser = Unmanaged<SheetRowParser>.fromOpaque(context).takeUnretainedValue()
            parser.stop(WorkbookRefusal.doctype(parser.path, part: parser.stream.part))
        }
        handler.serror = { context, error in
            guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let parser = Unmanaged<SheetRowParser>.fromOpaque(context).takeUnretainedValue()
            guard parser.parseError == nil else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "XML 错误"
            while message.last == "\n" { message.removeLast() }
            parser.parseError = (message, Int32(error.pointee.line))
        }
        return handler
    }
}
