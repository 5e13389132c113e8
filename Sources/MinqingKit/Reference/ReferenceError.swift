import Foundation

/// A problem in the reference data (seeds) that stops the run.
struct ReferenceError: MinqingError, Equatable {
    /// The seeds file.
    let path: String
    /// The line, when the problem is in one row.
    let line: Int?
    /// What is wrong and what to do, as a sentence.
    let message: String

    var description: String {
        let name = (path as NSString).lastPathComponent
        if let line { return "基础数据 \(name) 第 \(line) 行：\(message)" }
        return "基础数据 \(name)：\(message)"
    }

    /// Seeds that cannot be loaded are a configuration error.
    var exitStatus: ExitStatus { .usage }
}
