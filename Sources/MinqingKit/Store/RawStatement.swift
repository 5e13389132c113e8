import GRDB
import GRDBSQLite

/// A prepared statement driven through the SQLite C API for the bulk paths (one reused statement,
/// bound and stepped per row). GRDB's `Statement` owns the `sqlite3_stmt`; this keeps it alive.
final class RawStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private let sql: String

    /// Prepares `sql` on `db`.
    init(_ db: Database, _ sql: String) throws {
        self.statement = try db.makeStatement(sql: sql)
        self.handle = statement.sqliteStatement
        self.sql = sql
    }

    /// SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE (macros Swift does not import); a
    /// `TEXT PRIMARY KEY` of a rowid table reports the latter.
    static let keyConstraints: Set<Int32> = [SQLITE_CONSTRAINT | (6 << 8), SQLITE_CONSTRAINT | (8 << 8)]

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds text to parameter `index` (1-based).
    func bind(_ index: Int32, _ text: String) throws {
        var text = text
        let code = text.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                return sqlite3_bind_text(handle, index, "", 0, RawStatement.transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), RawStatement.transient)
            }
        }
        try check(code, "绑定参数 \(index)")
    }

    /// Binds the parameters of `row`, then `override` (parameter and text, bound after them), runs the
    /// insert and resets it; false (instead of an error) when it violates the primary key. The row's
    /// texts are bound where they are (`SQLITE_STATIC`), valid while this runs, and cleared after it.
    func insertUnlessDuplicate(_ row: EncodedRow, _ override: [(parameter: Int32, text: String)] = []) throws -> Bool {
        guard row.count == sqlite3_bind_parameter_count(handle) else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "内部错误：写入的值有 \(row.count) 个，语句需要 \(sqlite3_bind_parameter_count(handle)) 个", sql: sql)
        }
        return try row.bytes.withUnsafeBufferPointer { bytes in
            defer { sqlite3_clear_bindings(handle) }
            try row.forEachParameter(bytes, text: { parameter, text in
                // A nil destructor is SQLITE_STATIC: SQLite uses the bytes where they are.
                let pointer = UnsafeRawPointer(text.baseAddress ?? bytes.baseAddress)
                try check(
                    sqlite3_bind_text(handle, parameter, pointer?.assumingMemoryBound(to: CChar.self), Int32(text.count), nil),
                    "绑定参数 \(parameter)")
            }, integer: { parameter, value in
                try check(sqlite3_bind_int64(handle, parameter, value), "绑定参数 \(parameter)")
            })
            for (parameter, text) in override { try bind(parameter, text) }
            return try runUnlessDuplicate()
        }
    }

    /// Binds an integer to parameter `index` (1-based).
    func bind(_ index: Int32, _ value: Int) throws {
        try check(sqlite3_bind_int64(handle, index, Int64(value)), "绑定参数 \(index)")
    }

    /// Binds a real to parameter `index` (1-based).
    func bind(_ index: Int32, _ value: Double) throws {
        try check(sqlite3_bind_double(handle, index, value), "绑定参数 \(index)")
    }

    /// A parameter of ``run(_:)``.
    enum Parameter {
        case text(String)
        case int(Int)
    }

    /// Binds `parameters` to ?1, ?2, … and runs the statement (for the cold paths; the hot insert binds
    /// one by one without building an array).
    func run(_ parameters: [Parameter]) throws {
        for (i, parameter) in parameters.enumerated() {
            switch parameter {
            case .text(let text): try bind(Int32(i + 1), text)
            case .int(let n): try bind(Int32(i + 1), n)
            }
        }
        try run()
    }

    /// Runs a statement that returns no rows, then resets it for reuse.
    func run() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        if code != SQLITE_DONE && code != SQLITE_ROW { try check(code, "执行") }
    }

    /// Runs an insert, then resets it; false (instead of an error) when it violates the primary key.
    /// (The table's only unique key must be its primary key.)
    func runUnlessDuplicate() throws -> Bool {
        let code = sqlite3_step(handle)
        let extended = sqlite3_extended_errcode(sqlite3_db_handle(handle))
        sqlite3_reset(handle)
        if code & 0xFF == SQLITE_DONE { return true }
        if code & 0xFF == SQLITE_CONSTRAINT && RawStatement.keyConstraints.contains(extended) { return false }
        try check(code, "执行")
        return false
    }

    /// Steps to the next row; false when done (the statement is then reset).
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        if code == SQLITE_DONE { return false }
        try check(code, "读取")
        return false
    }

    /// Resets a statement stepped part of the way, for its next use.
    func reset() throws {
        try check(sqlite3_reset(handle), "重置")
    }

    /// Column `index` (0-based) of the current row as text ("" for NULL).
    func text(_ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// Column `index` (0-based) of the current row as text, shared through `cache` with earlier rows
    /// that had the same bytes (no new string for a 乡镇 or 办理状态 seen before).
    func text(_ index: Int32, cache: StringCache) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return cache.string(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// Whether column `index` (0-based) of the current row is NULL.
    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` (0-based) of the current row as an integer.
    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    /// Throws a database error naming `action` unless `code` is SQLITE_OK. `action` is built only on failure: binds run 31 times a row.
    private func check(_ code: Int32, _ action: @autoclosure () -> String) throws {
        guard code != SQLITE_OK else { return }
        let action = action()
        let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "\(action)失败：\(message)", sql: sql)
    }
}
