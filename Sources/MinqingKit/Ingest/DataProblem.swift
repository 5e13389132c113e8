/// 级别 of a data problem: 拒收 (the row was rejected) or 提示 (a notice; the row was counted).
public enum ProblemLevel: String, Sendable, Codable, CaseIterable {
    case rejected = "拒收"
    case notice = "提示"
}

/// One entry of 数据问题: a rejected row or a notice, with the row's original text.
public struct DataProblem: Sendable, Equatable {
    /// The input file's name (or a seeds file's, for a notice about the seeds).
    var file: String
    /// The worksheet, for a workbook; "" for a text file.
    var sheet: String
    /// The row as the clerk's spreadsheet shows it (the header row, or 1, for the whole file).
    var row: Int
    /// The physical line of a text file where the row starts, when it is not `row` (a record before
    /// it spanned several lines); 0 otherwise.
    var physicalLine: Int
    public var level: ProblemLevel
    /// The column concerned (Chinese header), blank for the whole row or file.
    var column: String
    /// What is wrong and what was done.
    var message: String
    /// The row exactly as in the file.
    var raw: String

    init(
        file: String, sheet: String = "", row: Int, physicalLine: Int = 0, level: ProblemLevel, column: String,
        message: String, raw: String
    ) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.physicalLine = physicalLine == row ? 0 : physicalLine
        self.level = level
        self.column = column
        self.message = message
        self.raw = raw
    }

    /// 问题 as shown in the reports: `column: message`, or the message alone.
    var problemText: String { column.isEmpty ? message : "\(column): \(message)" }

    /// 文件 as shown in the reports: the file's name, with the worksheet of a workbook.
    var fileText: String { sheet.isEmpty ? file : "\(file)（工作表 \(sheet)）" }

    /// 行号 as shown in the reports: the row, with the text file's physical line when it differs
    /// (`312（文件第 1972 行）`).
    var rowText: String { physicalLine > 0 ? "\(row)（文件第 \(physicalLine) 行）" : String(row) }

    /// Where the row is, for logs: `file:row N`, with the physical line when it differs
    /// (`file:row 312 (line 1972)`) and the worksheet of a workbook (`file[登记表]:row 12`).
    var place: String {
        let file = sheet.isEmpty ? self.file : "\(self.file)[\(sheet)]"
        return physicalLine > 0 ? "\(file):row \(row) (line \(physicalLine))" : "\(file):row \(row)"
    }

    /// The compiler-style line for logs: `file:row N: column: problem`.
    public var logLine: String { "\(place): \(problemText)" }
}

/// A file that cannot be read as a whole: the run is refused and nothing is changed.
struct InputRefused: MinqingError {
    /// The input file.
    let path: String
    /// What is wrong and what to do.
    let message: String

    var description: String { message }

    /// An input that cannot be read refuses the run.
    var exitStatus: ExitStatus { .refused }
}
