import GRDBSQLite

/// How a column's values are kept in SQL.
enum SQLType: String, Sendable {
    case text = "TEXT"
    case integer = "INTEGER"
}

/// One column of a stored table, declared once: its SQL name and type, how a record being written binds
/// it, and how the read model takes it back. A ``ColumnTable`` derives the insert, the select list and
/// the schema's column list from the order of its columns, so a position is never written by hand.
struct StoredColumn<Record, Model>: Sendable {
    /// The SQL column name.
    let name: String
    let type: SQLType
    /// The Chinese name messages and 更正说明 use (the SPEC header of the field it keeps), if any.
    let header: String?
    /// Whether a re-run reports changes of this column in 更正说明 (under ``header``).
    let compared: Bool
    /// Binds exactly one value of the record through `row`. The record is lent by address: a stored
    /// closure of a generic record type would otherwise receive a copy of the whole record (a
    /// reabstraction thunk copying it, with its strings retained) for every column of every row.
    let bind: @Sendable (UnsafePointer<Record>, RowBinding) throws -> Void
    /// Takes the column's value from `row` into the read model (nil: not read back).
    let read: (@Sendable (RowCursor, inout Model) throws -> Void)?

    init(_ name: String, _ type: SQLType, header: String? = nil, compared: Bool = false,
         bind: @escaping @Sendable (UnsafePointer<Record>, RowBinding) throws -> Void,
         read: (@Sendable (RowCursor, inout Model) throws -> Void)? = nil) {
        self.name = name
        self.type = type
        self.header = header
        self.compared = compared
        self.bind = bind
        self.read = read
    }

    /// The column as a schema declares it: `name TEXT NOT NULL`.
    var definition: String { "\(name) \(type.rawValue) NOT NULL" }
}

/// A table's columns in order, and what follows from that order: the insert's column list and
/// placeholders, the read's select list, and the schema's column definitions.
struct ColumnTable<Record, Model>: Sendable {
    let columns: [StoredColumn<Record, Model>]
    /// The columns read back into the model, in select order.
    let readColumns: [StoredColumn<Record, Model>]
    /// The columns' bind and read functions alone: the per-row loops go through these, so they do not
    /// copy (and retain) each column's names for every row.
    private let binders: [@Sendable (UnsafePointer<Record>, RowBinding) throws -> Void]
    private let readers: [@Sendable (RowCursor, inout Model) throws -> Void]

    init(_ columns: [StoredColumn<Record, Model>]) {
        self.columns = columns
        readColumns = columns.filter { $0.read != nil }
        binders = columns.map(\.bind)
        readers = readColumns.compactMap(\.read)
    }

    /// The column names in insert order.
    var names: [String] { columns.map(\.name) }

    /// `INSERT INTO table (a, b, …) VALUES (?, ?, …)` over every column.
    func insertSQL(into table: String) -> String {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(placeholders))"
    }

    /// The select list of the read columns, each prefixed with `alias.` when given.
    func selectList(alias: String? = nil) -> String {
        readColumns.map { column in alias.map { "\($0).\(column.name)" } ?? column.name }.joined(separator: ", ")
    }

    /// The column definitions of a `CREATE TABLE` or `ALTER TABLE … ADD COLUMN`.
    var definitions: [String] { columns.map(\.definition) }

    /// The columns whose changes a re-run reports, with their SPEC headers.
    var compared: [(column: String, header: String)] {
        columns.filter(\.compared).map { ($0.name, $0.header ?? $0.name) }
    }

    /// The values of `record` for an insert statement made from ``insertSQL(into:)``, through `row`
    /// (cleared first); every column must give exactly one value.
    func encode(_ record: Record, _ row: RowBinding) throws -> EncodedRow {
        row.clear()
        try withUnsafePointer(to: record) { record in
            for (k, bind) in binders.enumerated() {
                try bind(record, row)
                guard row.count == k + 1 else {
                    throw ColumnDeclarationError(column: columns[k].name, values: Int(row.count) - k)
                }
            }
        }
        return row.finish()
    }

    /// The parameter (1-based) of the column named `name` in ``insertSQL(into:)``.
    func parameter(of name: String) -> Int32? {
        columns.firstIndex { $0.name == name }.map { Int32($0 + 1) }
    }

    /// Reads the current row of a statement selecting ``selectList(alias:)`` (first) into `model`.
    func read(_ row: RowCursor, into model: inout Model) throws {
        row.rewind()
        for (k, read) in readers.enumerated() {
            do {
                try read(row, &model)
            } catch var error as StoredValueError {
                error.column = readColumns[k].header ?? readColumns[k].name
                throw error
            }
        }
    }
}

/// A column declaration that binds other than one value (a programming error, caught before anything
/// is written).
struct ColumnDeclarationError: MinqingError {
    let column: String
    let values: Int
    var exitStatus: ExitStatus { .refused }
    var description: String { "数据库列「\(column)」的声明写入了 \(values) 个值，应为 1 个。这是 minqing 的程序错误，数据库未被改动；请报告此问题。" }
}

/// The current row of a select, read column by column in select order.
final class RowCursor {
    let statement: RawStatement
    /// Shares the strings of repeating columns (乡镇, 办理状态…) from row to row.
    private let shared = StringCache()
    private var index: Int32
    private let first: Int32

    /// A cursor whose first column is at `offset` in the select list.
    init(_ statement: RawStatement, offset: Int32 = 0) {
        self.statement = statement
        self.first = offset
        self.index = offset
    }

    func rewind() { index = first }

    private func next() -> Int32 {
        defer { index += 1 }
        return index
    }

    /// The column as text.
    func text() -> String { statement.text(next()) }
    /// The column as text shared with earlier rows that had the same bytes.
    func sharedText() -> String { statement.text(next(), cache: shared) }
    func int() -> Int { statement.int(next()) }

    /// The column as one of an enum's stored values; an error names the value when it is none of them.
    func stored<Value: StoredValue>(_ type: Value.Type) throws -> Value {
        let text = statement.text(next(), cache: shared)
        guard let value = Value.stored(text) else {
            throw StoredValueError(
                demandID: "", column: "", value: text,
                reason: "应为 " + Value.allCases.map(\.rawValue).joined(separator: "、") + " 之一")
        }
        return value
    }
}
