import Foundation

/// `history` was asked about a workspace whose database does not exist yet.
struct NoDatabase: MinqingError {
    /// The database file.
    let path: String

    var description: String { "数据库 \(path) 不存在：还没有导入过任何月份。" }

    /// Pointing at a database that is not there is a usage error.
    var exitStatus: ExitStatus { .usage }
}

extension Pipeline {
    /// The ingests of `month` (every month when nil), oldest first, for `minqing history`.
    ///
    /// Reads under the workspace lock, so that it never shows a month a run is half-way through
    /// writing: when a run holds the lock it throws ``WorkspaceBusy`` at once, naming the run's pid,
    /// rather than wait. When the lock file cannot be made (a read-only folder) it reads without it.
    /// A database that does not exist is ``NoDatabase``, and neither it nor a lock file is created.
    public func history(month: YearMonth?) throws -> [IngestHistoryEntry] {
        let database = workspace.database
        guard FileManager.default.fileExists(atPath: database) else { throw NoDatabase(path: database) }
        let lock = try WorkspaceLock.forReading(databasePath: database)
        return try withExtendedLifetime(lock) {
            try openStore().history(month: month)
        }
    }
}
