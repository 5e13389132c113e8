import Logging

/// The settings minqing takes from environment variables. The command line builds them once from the
/// process's environment and passes them down; nothing else reads the environment.
public struct RuntimeSettings: Sendable, Equatable {
    /// SQLite's page cache in MB: 128, or `MINQING_SQLITE_CACHE_MB` (1–4096). A month larger than the
    /// cache is written to the database file before the commit (its pages' originals saved in the
    /// journal first); a smaller cache uses less memory and does the same work in more writes.
    var sqliteCacheMegabytes: Int
    /// `MINQING_LOG_LEVEL` as given (nil when unset), used when `--log-level` is not; checked by
    /// ``logLevel(named:)`` where the logger is made, so that only the commands that log refuse a bad one.
    public var logLevelName: String?

    /// The page cache without `MINQING_SQLITE_CACHE_MB`.
    public static let defaultSQLiteCacheMegabytes = 128
    /// The page cache sizes `MINQING_SQLITE_CACHE_MB` may ask for.
    static let sqliteCacheMegabytesRange = 1...4096

    /// Settings given directly (the defaults: as with an empty environment).
    public init(sqliteCacheMegabytes: Int = defaultSQLiteCacheMegabytes, logLevelName: String? = nil) {
        self.sqliteCacheMegabytes = sqliteCacheMegabytes
        self.logLevelName = logLevelName
    }

    /// The settings of `environment` (pass `ProcessInfo.processInfo.environment`). A cache size that is
    /// not a whole number in 1–4096 is ignored: the cache is then 128 MB.
    public init(environment: [String: String]) {
        self.init(
            sqliteCacheMegabytes: Self.cacheMegabytes(environment["MINQING_SQLITE_CACHE_MB"]),
            logLevelName: environment["MINQING_LOG_LEVEL"])
    }

    /// The cache size `text` asks for, or the default when it is missing, not a number or out of range.
    static func cacheMegabytes(_ text: String?) -> Int {
        guard let text, let value = Int(text), sqliteCacheMegabytesRange.contains(value) else {
            return defaultSQLiteCacheMegabytes
        }
        return value
    }

    /// The log level called `name` (trace, debug, info, notice, warning, error, critical; any case),
    /// or nil when there is none of that name.
    public static func logLevel(named name: String) -> Logger.Level? {
        Logger.Level(rawValue: name.lowercased())
    }
}
