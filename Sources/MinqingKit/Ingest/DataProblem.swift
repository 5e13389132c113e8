/// 级别 of a data problem: 拒收 (the row was rejected) or 提示 (a notice; the row was counted).
public enum ProblemLevel: String, Sendable, Codable, CaseIterable {
    case rejected = "拒收"
    case notice = "提示"
}

/// One entry of 数据问题: a rejected row or a notice, with the row's original text.
public struct DataProblem: Sendable, Equatable {
    /// The input file's name.
    var file: String
    /// The physical line where the row starts (1 = header).
    var line: Int
    public var level: ProblemLevel
    /// The column concerned (Chinese header), blank for the whole row or file.
    var column: String
    /// What is wrong and what was done.
    var message: String
    /// The row exactly as in the file.
    var raw: String

    init(file: String, line: Int, level: ProblemLevel, column: String, message: String, raw: String) {
        self.file = file
        self.line = line
        self.level = level
        self.column = column
        self.message = message
        self.raw = raw
    }

    /// 问题 as shown in the reports: `column: message`, or the message alone.
    var problemText: String { column.isEmpty ? message : "\(column): \(message)" }

    /// The compiler-style line for logs: `file:line: column: problem`.
    public var logLine: String { "\(file):\(line): \(problemText)" }
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
