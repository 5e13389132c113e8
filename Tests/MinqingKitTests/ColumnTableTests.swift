import Foundation
import GRDB
import Testing
@testable import MinqingKit

/// One declaration per stored column (`ColumnTable`): the insert, the select and the schema follow the
/// declaration's order, a column added to a table reaches the database and comes back, and the demand
/// table's declaration is exactly the migrated schema.
@Suite("列声明 column declarations")
struct ColumnTableTests {
    /// A test-only record and its read model.
    struct Parcel {
        var id: String
        var weight: Int
        var note: String
    }

    struct ParcelView: Equatable {
        var id = ""
        var weight = 0
        var note = ""
    }

    typealias Column = StoredColumn<Parcel, ParcelView>

    static let base = ColumnTable<Parcel, ParcelView>([
        Column("id", .text, bind: { p, row in row.text(p.pointee.id) }, read: { row, v in v.id = row.text() }),
        Column("weight", .integer, header: "重量", compared: true, bind: { p, row in row.int(p.pointee.weight) },
               read: { row, v in v.weight = row.int() }),
    ])

    /// The column a later version adds: one entry.
    static let note = Column(
        "note", .text, header: "备注", compared: true, bind: { p, row in row.text(p.pointee.note) }, read: { row, v in v.note = row.sharedText() })

    /// Creates `table` in a fresh database from the declaration's definitions, inserts `parcels` through
    /// its insert and reads them back through its select.
    static func roundTrip(_ table: ColumnTable<Parcel, ParcelView>, _ parcels: [Parcel]) throws -> (
        views: [ParcelView], columns: [String]
    ) {
        let path = try TestSupport.temporaryDirectory("columns") + "/t.sqlite"
        let queue = try DatabaseQueue(path: path)
        return try queue.write { db in
            try db.execute(sql: "CREATE TABLE parcel (\(table.definitions.joined(separator: ", ")))")
            let insert = try RawStatement(db, table.insertSQL(into: "parcel"))
            let binding = RowBinding()
            for parcel in parcels {
                #expect(try insert.insertUnlessDuplicate(table.encode(parcel, binding)))
            }
            let select = try RawStatement(db, "SELECT \(table.selectList()) FROM parcel ORDER BY rowid")
            let cursor = RowCursor(select)
            var views: [ParcelView] = []
            while try select.step() {
                var view = ParcelView()
                try table.read(cursor, into: &view)
                views.append(view)
            }
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(parcel)").map { $0["name"] as String }
            return (views, columns)
        }
    }

    static let parcels = [Parcel(id: "P1", weight: 3, note: "易碎"), Parcel(id: "P2", weight: 12, note: "")]

    @Test func baseTableRoundTrips() throws {
        let (views, columns) = try Self.roundTrip(Self.base, Self.parcels)
        #expect(columns == ["id", "weight"])
        #expect(views == [ParcelView(id: "P1", weight: 3), ParcelView(id: "P2", weight: 12)])
        #expect(Self.base.insertSQL(into: "parcel") == "INSERT INTO parcel (id, weight) VALUES (?, ?)")
    }

    /// Adding one entry is all it takes: the insert binds it, the select reads it, the schema has it,
    /// and a re-run would compare it.
    @Test func anAddedColumnIsInsertedAndRead() throws {
        let table = ColumnTable(Self.base.columns + [Self.note])
        let (views, columns) = try Self.roundTrip(table, Self.parcels)
        #expect(columns == ["id", "weight", "note"])
        #expect(views == [ParcelView(id: "P1", weight: 3, note: "易碎"), ParcelView(id: "P2", weight: 12, note: "")])
        #expect(table.insertSQL(into: "parcel") == "INSERT INTO parcel (id, weight, note) VALUES (?, ?, ?)")
        #expect(table.selectList(alias: "p") == "p.id, p.weight, p.note")
        #expect(table.compared.map(\.header) == ["重量", "备注"])
    }

    /// A column between others shifts nothing by hand: the values still land in their own columns.
    @Test func aColumnInsertedInTheMiddleKeepsEveryValueInItsPlace() throws {
        let table = ColumnTable([Self.base.columns[0], Self.note, Self.base.columns[1]])
        let (views, columns) = try Self.roundTrip(table, Self.parcels)
        #expect(columns == ["id", "note", "weight"])
        #expect(views.map(\.weight) == [3, 12])
        #expect(views.map(\.note) == ["易碎", ""])
    }

    /// A declaration that binds no value, or two, is refused before anything is written.
    @Test(arguments: [0, 2])
    func aColumnMustBindExactlyOneValue(values: Int) throws {
        let broken = Column("weight", .integer, bind: { p, row in
            for _ in 0..<values { row.int(p.pointee.weight) }
        })
        let table = ColumnTable([Self.base.columns[0], broken])
        #expect(throws: ColumnDeclarationError.self) { _ = try Self.roundTrip(table, Self.parcels) }
    }

    /// The demand table's declaration is the schema the migrations make, column for column.
    @Test func demandDeclarationMatchesTheMigratedSchema() throws {
        let directory = try TestSupport.temporaryDirectory("schema")
        let store = try Store(path: directory + "/minqing.sqlite")
        let schema = try store.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(demand)").map { ($0["name"] as String, $0["type"] as String) }
        }
        let declared = DemandColumns.table.columns.map { ($0.name, $0.type.rawValue) }
        #expect(schema.map(\.0) == declared.map(\.0))
        #expect(schema.map(\.1) == declared.map(\.1))
    }

    /// The fields a re-run reports, in the order 更正说明 lists them.
    @Test func demandCorrectionsCompareTheInputFields() {
        #expect(DemandColumns.table.compared.map(\.header) == [
            "受理日期", "渠道", "诉求内容", "办理状态", "诉求人", "联系电话", "人数", "乡镇", "村社区", "涉及领域", "等级", "主管部门",
            "办结日期", "满意度", "截止日期", "诉求类型", "解决情况",
        ])
    }
}
