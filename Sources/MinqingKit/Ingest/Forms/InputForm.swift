/// Opens an input file as the table its content is (SPEC §10): a zip package is an .xlsx workbook, an
/// OLE2 compound file an .xls workbook (or an encrypted .xlsx, refused with a sentence), anything else
/// text. The file's name never decides: a workbook renamed `.csv` is read as a workbook, a CSV renamed
/// `.xlsx` as text.
enum InputForm {
    /// The table of the file at `path`: `encoding` forces a text file's encoding, `sheet` chooses a
    /// workbook's worksheet (default: the first that is not hidden; a text file has none).
    static func table(path: String, encoding: TextEncoding?, sheet: String?) throws -> TableSource {
        switch WorkbookForm.detect(path: path) {
        case .zip?: return try XLSXSource(path: path, sheet: sheet)
        case .ole2?: return try XLSSource(path: path, sheet: sheet)
        case nil: return try TextTableSource(path: path, encoding: encoding)
        }
    }
}
