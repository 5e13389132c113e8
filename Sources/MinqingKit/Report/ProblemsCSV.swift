/// Writes 数据问题-YYYY-MM.csv: every rejected row and notice, with the row's original text verbatim.
///
/// UTF-8 with a BOM and CRLF line ends, so Excel and WPS open it directly. The file is the office's
/// worklist for correcting the input, so 原始内容 is never masked (the database keeps it too); fields that
/// would start a formula are prefixed with an apostrophe by ``CSVWriting/safeField(_:)``.
enum ProblemsCSV {
    /// The header row.
    static let headers = ["文件", "行号", "级别", "问题", "原始内容"]

    /// The file's bytes.
    static func render(_ problems: [DataProblem]) -> [UInt8] {
        var text = "\u{FEFF}" + headers.joined(separator: ",") + "\r\n"
        for p in problems {
            let fields = [p.fileText, p.rowText, p.level.rawValue, p.problemText, p.raw]
            text += fields.map { CSVWriting.safeField($0) }.joined(separator: ",") + "\r\n"
        }
        return Array(text.utf8)
    }
}
