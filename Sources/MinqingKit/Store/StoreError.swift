import Foundation

/// A database problem, named by the database file and what was being done.
public struct StoreError: MinqingError {
    /// The database file.
    public let path: String
    /// What was being done and what went wrong, as a sentence.
    public let message: String

    public var description: String { "数据库 \(path)：\(message)" }

    /// A database that cannot be opened, read or written refuses the run.
    public var exitStatus: ExitStatus { .refused }
}
