/// A remark about the seeds that does not stop the run (提示): the file still loads, and the notice
/// says what looks wrong, what minqing did about it and how to fix the file. The month's 数据问题
/// shows them.
struct SeedNotice: Sendable, Equatable {
    /// The seeds file's name, e.g. `domains.csv`.
    var file: String
    /// The file's line (the header is line 1).
    var line: Int
    /// The column concerned (its header).
    var column: String
    /// What was noticed, what was done and what to do, as a sentence.
    var message: String

    /// `基础数据 domains.csv 第 3 行 关键词：…`.
    var description: String { "基础数据 \(file) 第 \(line) 行 \(column)：\(message)" }

    /// Orders notices by file, then line (the order of the checks within a line is kept by a stable sort).
    static func ordered(_ notices: [SeedNotice]) -> [SeedNotice] {
        notices.enumerated().sorted {
            ($0.element.file, $0.element.line, $0.offset) < ($1.element.file, $1.element.line, $1.offset)
        }.map(\.element)
    }
}
