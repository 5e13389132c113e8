/// A CSV or Unicode text file (UTF-8, GB18030, UTF-16; comma- or tab-separated) as a ``TableSource``.
final class TextTableSource: TableSource {
    private let reader: CSVReader
    private let path: String

    /// Opens `path`; `encoding` nil = detect. Throws ``InputRefused`` when the file cannot be read.
    init(path: String, encoding: TextEncoding?) throws {
        self.path = path
        do {
            reader = try CSVReader(path: path, encoding: encoding)
        } catch let error as CSVError {
            throw InputRefused(path: path, message: "\(error.description)本次运行未做任何更改。")
        }
    }

    func nextRow() throws -> Bool {
        do {
            return try reader.nextRecord()
        } catch let error as CSVError {
            throw InputRefused(path: path, message: "\(error.description)本次运行未做任何更改。")
        }
    }

    var fieldCount: Int { reader.fieldCount }
    func field(_ i: Int) -> String { reader.field(i) }
    var rowNumber: Int { reader.recordRow }
    var physicalLine: Int? { reader.recordLine == reader.recordRow ? nil : reader.recordLine }
    func rawRecord() -> String { reader.rawRecord() }
    var recordHasNUL: Bool { reader.recordHasNUL }
    var formName: String { reader.encoding.rawValue }
    var sheetName: String { "" }
    var dateSystem: ExcelDateSystem { .from1900 }
    /// The encoding read (detected or forced).
    var encoding: TextEncoding { reader.encoding }
}
