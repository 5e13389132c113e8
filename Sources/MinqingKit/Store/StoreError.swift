import Foundation

/// A database problem, named by the database file and what was being done.
struct StoreError: MinqingError {
    /// The database file.
    let path: String
    /// What was being done and what went wrong, as a sentence.
    let message: String

    var description: String { "数据库 \(path)：\(message)" }

    /// A database that cannot be opened, read or written refuses the run.
    var exitStatus: ExitStatus { .refused }
}
