import Foundation
import GRDB
import Testing
@testable import MinqingKit

/// The bulk insert's encoded rows (`EncodedRow`, made on one thread and bound with SQLITE_STATIC on
/// another): what SQLite stores is exactly the value given, row after row, texts of any length and
/// integers alike, and dates take the stored forms.
@Suite("入库编码行 encoded rows")
struct EncodedRowTests {
    /// A real database file with a table of `columns` text columns and its insert statement.
    private static func table(_ columns: Int) throws -> (DatabaseQueue, String) {
        let path = try TestSupport.temporaryDirectory("rowtexts") + "/t.sqlite"
        let queue = try DatabaseQueue(path: path)
        let names = (1...columns).map { "c\($0)" }
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (\(names.map { "\($0) TEXT NOT NULL" }.joined(separator: ", ")))")
        }
        return (queue, "INSERT INTO t VALUES (\(Array(repeating: "?", count: columns).joined(separator: ", ")))")
    }

    @Test func textsArriveExactlyThroughGrowth() throws {
        let (queue, sql) = try Self.table(3)
        var random = CSVReaderTestRNG(seed: 3)
        // Empty, ASCII, Chinese, a NUL-free control mix, and texts long enough to grow a 16-byte buffer many times.
        var rows: [[String]] = [["", "a", "诉求内容"], ["\t\r\n", "", "编号,\"引号\""]]
        for n in [15, 16, 17, 1_000, 70_000] {
            rows.append((0..<3).map { k in
                String((0..<(n + k)).map { _ in random.pick(Array("ab中文，。\n\"x")) })
            })
        }
        try queue.write { db in
            let statement = try RawStatement(db, sql)
            let encoder = RowBinding(capacity: 16)
            // All rows encoded first, then inserted: each row keeps its own bytes.
            let encoded = rows.map { row in
                for text in row { encoder.text(text) }
                return encoder.finish()
            }
            for row in encoded { #expect(try statement.insertUnlessDuplicate(row)) }
        }
        let stored = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT c1, c2, c3 FROM t ORDER BY rowid").map { row in
                [row[0] as String, row[1] as String, row[2] as String]
            }
        }
        #expect(stored == rows)
        // Empty texts are stored as empty text, not NULL (the columns are NOT NULL).
        #expect(stored.first?.first == "")
    }

    @Test(arguments: [
        (2026, 10, 3, nil, "2026-10-03"),
        (2026, 10, 3, 0, "2026-10-03 00:00:00"),
        (2026, 1, 31, 14 * 3600 + 22 * 60 + 5, "2026-01-31 14:22:05"),
        (2026, 12, 31, 86_399, "2026-12-31 23:59:59"),
        (999, 2, 1, 61, "0999-02-01 00:01:01"),
    ] as [(Int, Int, Int, Int?, String)])
    func datesTakeTheStoredForm(_ year: Int, _ month: Int, _ day: Int, _ seconds: Int?, _ expected: String) throws {
        let (queue, sql) = try Self.table(2)
        let date = try #require(Day(year: year, month: month, day: day))
        try queue.write { db in
            let statement = try RawStatement(db, sql)
            let encoder = RowBinding(capacity: 4)
            encoder.day(date, secondsOfDay: seconds)
            encoder.month(date.yearMonth)
            #expect(try statement.insertUnlessDuplicate(encoder.finish()))
        }
        let row = try #require(try queue.read { db in try Row.fetchOne(db, sql: "SELECT c1, c2 FROM t") })
        #expect(row[0] as String == expected)
        #expect(row[0] as String == DateTimeValue(day: date, secondsOfDay: seconds).text)
        #expect(row[1] as String == date.yearMonth.description)
    }

    /// Integers, texts and a replaced parameter in one row; a row with the wrong number of values is
    /// refused before anything is bound.
    @Test func integersOverridesAndCounts() throws {
        let path = try TestSupport.temporaryDirectory("encodedrow") + "/t.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER NOT NULL, b TEXT NOT NULL, c INTEGER NOT NULL, d TEXT NOT NULL)")
            let statement = try RawStatement(db, "INSERT INTO t VALUES (?, ?, ?, ?)")
            let encoder = RowBinding()
            for (a, b, c, d) in [(Int.min, "", Int.max, "丙"), (0, "乙", -1, "")] {
                encoder.int(a)
                encoder.text(b)
                encoder.int(c)
                encoder.text(d)
                #expect(try statement.insertUnlessDuplicate(encoder.finish(), [(4, "替换")]))
            }
            encoder.int(1)
            #expect(throws: DatabaseError.self) { try statement.insertUnlessDuplicate(encoder.finish()) }
        }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT a, b, c, d FROM t ORDER BY rowid").map {
                "\($0[0] as Int)|\($0[1] as String)|\($0[2] as Int)|\($0[3] as String)"
            }
        }
        #expect(rows == ["\(Int.min)||\(Int.max)|替换", "0|乙|-1|替换"])
    }
}
