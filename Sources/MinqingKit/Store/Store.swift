import CSQLiteSetup
import Foundation
import GRDB

/// The workspace database: opens (creating and migrating) the SQLite file, and refuses a newer schema.
final class Store: DemandStore {
    /// The database file.
    let path: String
    let queue: DatabaseQueue

    /// Opens the database at `path`, creating it and applying migrations as needed.
    ///
    /// A rollback journal (`journal_mode = DELETE`, `synchronous = FULL`): a transaction writes each
    /// page once, into the database file, after saving the original of any page that existed before it
    /// in `<database>-journal`; the commit deletes the journal. A transaction that fails or is killed
    /// leaves the journal behind, and the next connection to open the database puts the saved pages
    /// back, which makes the file exactly what it was. (WAL mode wrote a large month twice — into the
    /// WAL, then into the database — which cost about 4 s at a million demands; docs/PERFORMANCE.md.)
    /// A database created in WAL mode by an earlier version is switched on opening.
    ///
    /// `cacheMegabytes` is SQLite's page cache (``RuntimeSettings/sqliteCacheMegabytes``).
    init(path: String, cacheMegabytes: Int = RuntimeSettings.defaultSQLiteCacheMegabytes) throws {
        self.path = path
        _ = Store.sqliteConfigured
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let cacheKB = cacheMegabytes * 1024
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA cache_size = -\(cacheKB);")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(path: path, message: "无法打开数据库（\(Store.describe(error))）。请检查文件路径和权限。")
        }
        let migrator = Schema.migrator
        do {
            if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError(
                    path: path, message: "数据库由更新版本的 minqing 创建，当前版本 \(minqingVersion) 无法使用。请升级 minqing 后再运行。")
            }
            try migrator.migrate(queue)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(path: path, message: "无法升级数据库结构（\(Store.describe(error))）。数据库未被改动。")
        }
    }

    /// SQLite's process-wide options, set once before the first connection (see `minqing_sqlite_configure`).
    static let sqliteConfigured: Int32 = minqing_sqlite_configure()

    func ingest<T>(_ start: IngestStart, _ body: (any MonthIngestSession) throws -> T) throws -> T {
        try write { db in try body(try SQLiteIngestSession(db: db, start: start)) }
    }

    func rehearse<T>(_ start: IngestStart, _ body: (any MonthIngestSession) throws -> T) throws -> T {
        var result: T?
        do {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    result = try body(try SQLiteIngestSession(db: db, start: start))
                    return .rollback
                }
            }
        } catch let error as DatabaseError {
            throw StoreError(path: path, message: Store.sentence(for: error, writing: false))
        }
        guard let result else { throw StoreError(path: path, message: "试运行没有结果（内部错误）。数据库未被改动。") }
        return result
    }

    func read<T>(month: YearMonth, _ body: (any MonthRecords) throws -> T) throws -> T {
        try read { db in try body(MonthReader(db: db, month: month)) }
    }

    /// Runs `body` in one write transaction: everything or nothing is applied. An SQLite failure
    /// (a full disk, an I/O error) becomes a ``StoreError`` naming the database and the cause.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch let error as DatabaseError {
            throw StoreError(path: path, message: Store.sentence(for: error, writing: true))
        }
    }

    /// Runs `body` with read access.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw StoreError(path: path, message: Store.sentence(for: error, writing: false))
        }
    }

    /// What went wrong and what to do, for a clerk: the cause named in Chinese, SQLite's own words after.
    static func sentence(for error: DatabaseError, writing: Bool) -> String {
        let unchanged = writing ? "本次运行未做任何更改，数据库和原有报告保持原样。" : ""
        let detail = "（SQLite：\(describe(error))）"
        switch error.resultCode {
        case .SQLITE_FULL:
            return "磁盘已满，无法写入数据库\(detail)。\(unchanged)请清理该磁盘后重试。"
        case .SQLITE_IOERR:
            return "读写数据库文件时出错，可能是磁盘已满、文件大小受限或磁盘故障\(detail)。\(unchanged)请检查磁盘空间后重试。"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return "无法写入数据库文件\(detail)。\(unchanged)请检查文件和所在文件夹的权限。"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "数据库文件已损坏或不是 minqing 的数据库\(detail)。\(unchanged)请从备份恢复后重试。"
        default:
            return "数据库操作失败\(detail)。\(unchanged)"
        }
    }

    /// A short description of a GRDB or SQLite error.
    static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
