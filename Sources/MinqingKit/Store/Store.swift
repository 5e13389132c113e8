import Foundation
import GRDB

/// The workspace database: opens (creating and migrating) the SQLite file, and refuses a newer schema.
public final class Store {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    /// Opens the database at `path`, creating it and applying migrations as needed.
    ///
    /// WAL mode without automatic checkpoints: a commit only appends to the `-wal` file (the main file
    /// changes when the connection closes, after `run` has renamed its reports), so the moment between
    /// a run's commit and its renames is as short as it can be.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -131072; PRAGMA wal_autocheckpoint = 0;")
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

    /// Runs `body` in one write transaction: everything or nothing is applied.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.write(body)
    }

    /// Runs `body` with read access.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }

    /// A short description of a GRDB or SQLite error.
    static func describe(_ error: Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
