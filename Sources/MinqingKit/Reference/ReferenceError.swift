import Foundation

/// A problem in the reference data (seeds) that stops the run.
public struct ReferenceError: MinqingError, Equatable {
    /// The seeds file.
    public let path: String
    /// The line, when the problem is in one row.
    public let line: Int?
    /// What is wrong and what to do, as a sentence.
    public let message: String

    public var description: String {
        let name = (path as NSString).lastPathComponent
        if let line { return "基础数据 \(name) 第 \(line) 行：\(message)" }
        return "基础数据 \(name)：\(message)"
    }

    /// Seeds that cannot be loaded are a configuration error.
    public var exitStatus: ExitStatus { .usage }
}
