/// An .xlsx workbook (Office Open XML) read as a ``TableSource``: the package through libzip, each part
/// streamed through libxml2 (``XMLPartReader`` for the small parts, ``SheetRowParser``'s SAX2 parser for the
/// chosen worksheet), row by row. Memory holds the shared
/// strings (compactly), the styles and one row, whatever the number of rows.
final class XLSXSource: TableSource {
    let path: String
    let sheetName: String
    let dateSystem: ExcelDateSystem
    var formName: String { "xlsx" }
    var physicalLine: Int? { nil }

    private let rows: SheetRowParser
    private var finished = false
    private var failure: InputRefused?

    /// Opens the workbook at `path` and the worksheet `sheet` (nil: the first sheet that is not hidden).
    /// Throws ``InputRefused`` for a file that cannot be read as a workbook, or that has no such sheet.
    init(path: String, sheet: String?) throws {
        self.path = path
        let package = try ZipPackage(path: path)
        let catalog = try WorkbookCatalog.read(package)
        let chosen = try Self.choose(sheet, in: catalog, path: path)
        sheetName = chosen.name
        dateSystem = catalog.dateSystem
        let strings = try Self.readPart(catalog.sharedStringsPart, of: package, SharedStringTable.read) ?? SharedStringTable()
        let styles = try Self.readPart(catalog.stylesPart, of: package, CellStyles.read) ?? CellStyles()
        guard !chosen.part.isEmpty, let stream = try package.open(chosen.part) else {
            throw WorkbookRefusal.missingPart(path, part: chosen.part.isEmpty ? "工作表「\(chosen.name)」" : chosen.part)
        }
        rows = try SheetRowParser(stream: stream, strings: strings, styles: styles, dateSystem: catalog.dateSystem,
                                  path: path, sheetName: chosen.name)
    }

    /// The sheet asked for, or the first visible one; refuses naming the sheets there are.
    static func choose(_ name: String?, in catalog: WorkbookCatalog, path: String) throws -> WorkbookCatalog.Sheet {
        if let name {
            if let sheet = catalog.sheets.first(where: { $0.name == name }) { return sheet }
            throw WorkbookRefusal.noSuchSheet(path, sheet: name, existing: catalog.sheets.map(\.name))
        }
        guard let sheet = catalog.sheets.first(where: { !$0.hidden }) else {
            throw WorkbookRefusal.noVisibleSheet(path, hidden: catalog.sheets.map(\.name))
        }
        return sheet
    }

    /// Reads an optional part (shared strings, styles) with `read`; nil when the workbook has none.
    private static func readPart<T>(_ part: String?, of package: ZipPackage, _ read: (XMLPartReader) throws -> T) throws -> T? {
        guard let part, let stream = try package.open(part) else { return nil }
        return try read(XMLPartReader(stream: stream, path: package.path))
    }

    func nextRow() throws -> Bool {
        if let failure { throw failure }
        if finished { return false }
        do {
            if try rows.nextRow() { return true }
            finished = true
            return false
        } catch let refused as InputRefused {
            failure = refused
            throw refused
        }
    }

    var fieldCount: Int { rows.fieldCount }
    func field(_ i: Int) -> String { rows.field(i) }
    var rowNumber: Int { rows.currentRowNumber }
    func rawRecord() -> String { rows.csvLine() }
    var recordHasNUL: Bool { rows.hasNUL }
}
