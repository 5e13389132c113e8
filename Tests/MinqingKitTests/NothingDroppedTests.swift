import Foundation
import GRDB
import Logging
import Testing
@testable import MinqingKit

/// SPEC §10's promise, as a property: every non-blank cell of an input reaches a stored field, is named
/// in a notice as ignored, or is in a rejected row (or a skipped title row, kept whole in its notice).
/// Inputs are generated with title rows, blank rows, unknown columns, columns without a header, bad rows
/// and optional columns in random order.
@Suite("nothing given is silently dropped")
struct NothingDroppedTests {
    /// Where each SPEC column is stored.
    static let storedColumn: [InputColumn: String] = [
        .id: "id", .received: "received", .channel: "channel", .content: "content", .status: "status",
        .petitioner: "petitioner", .phone: "phone", .headcount: "headcount", .township: "township_given",
        .village: "village", .domain: "domain_given", .grade: "grade_given", .department: "department_given",
        .resolved: "resolved", .satisfaction: "satisfaction", .deadline: "deadline_given",
        .demandType: "demand_type", .resolution: "resolution",
    ]

    /// A deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    }

    /// One value of `column` for a row, sometimes blank for optional ones, sometimes wrong.
    static func value(_ column: InputColumn, row: Int, bad: Bool, _ g: inout Generator) -> String {
        switch column {
        case .id: return "N\(row)"
        case .received: return bad ? "2026-10-4x" : ["2026-10-0\(1 + g.next(9))", "2026/10/1\(g.next(9))", "2026年10月2\(g.next(9))日"][g.next(3)]
        case .channel: return ["来访", "12345热线", "微信公众号", "抖音"][g.next(4)]
        case .content: return ["路灯不亮", "小区停水三天", "\"路面坑洼，车辆难行\"", "垃圾无人清运"][g.next(4)]
        case .status: return ["已办结", "办理中", "未办理", "办结"][g.next(4)]
        case .petitioner: return g.chance(30) ? "" : ["张三", "李四"][g.next(2)]
        case .phone: return g.chance(30) ? "" : "1380000\(1000 + row)"
        case .headcount: return g.chance(50) ? "" : "\(1 + g.next(8))"
        case .township: return g.chance(50) ? "" : "城关镇"
        case .village: return g.chance(30) ? "" : ["东门社区", "不存在村"][g.next(2)]
        case .domain: return g.chance(60) ? "" : ["供水", "天文"][g.next(2)]
        case .grade: return g.chance(70) ? "" : ["A", "B", "C"][g.next(3)]
        case .department: return g.chance(70) ? "" : "县水利局"
        case .resolved: return g.chance(40) ? "" : "2026-10-2\(g.next(9))"
        case .satisfaction: return g.chance(40) ? "" : ["满意", "不满意", "很好"][g.next(3)]
        case .deadline: return g.chance(50) ? "" : "2026-11-0\(1 + g.next(9))"
        case .demandType: return g.chance(50) ? "" : ["投诉", "咨询", "催办"][g.next(3)]
        case .resolution: return g.chance(50) ? "" : ["已解决", "未解决"][g.next(2)]
        }
    }

    enum Cell: Equatable { case known(InputColumn), unknown(String), unnamed }

    @Test(arguments: 1...6)
    func everyCellIsAccountedFor(seed: Int) throws {
        var g = Generator(state: UInt64(seed) &* 7919)
        // Columns: the required ones, some optional ones, unknown ones and unnamed ones, shuffled.
        var cells: [Cell] = InputColumn.allCases.filter { $0.spec.required || g.chance(50) }.map { .known($0) }
        for name in ["备注", "序号", "回访结果"] where g.chance(50) { cells.append(.unknown(name)) }
        if g.chance(60) { cells.append(.unnamed) }
        for i in stride(from: cells.count - 1, to: 0, by: -1) { cells.swapAt(i, g.next(i + 1)) }
        let header = cells.map { cell -> String in
            switch cell {
            case .known(let column): return g.chance(30) ? (column.spec.aliases.last ?? column.header) : column.header
            case .unknown(let name): return name
            case .unnamed: return ""
            }
        }
        var lines: [String] = []
        let titles = g.next(3)
        for t in 0..<titles { lines.append("标题行\(t)" + String(repeating: ",", count: cells.count - 1)) }
        lines.append(header.joined(separator: ","))
        var rows: [(line: [String], bad: Bool)] = []
        for r in 0..<40 {
            if g.chance(10) { lines.append(String(repeating: ",", count: cells.count - 1)) }
            let bad = g.chance(15)
            let values = cells.map { cell -> String in
                switch cell {
                case .known(let column): return Self.value(column, row: r, bad: bad, &g)
                case .unknown, .unnamed: return g.chance(50) ? "" : "附\(r)"
                }
            }
            rows.append((values, bad))
            lines.append(values.joined(separator: ","))
        }
        let directory = try TestSupport.temporaryDirectory("nothing-dropped")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/in.csv"
        try TestSupport.write(lines.joined(separator: "\n") + "\n", to: path)
        let pipeline = Pipeline(workspace: Workspace(root: directory, seeds: TestSupport.seeds), logger: Logger(label: "test"))
        let outcome = try pipeline.ingest(
            month: try #require(YearMonth(parsing: "2026-10")), inputs: [path], encoding: nil, strict: false, command: "test")
        let stored = try DatabaseQueue(path: directory + "/minqing.sqlite").read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT * FROM demand").map { row -> (String, Row) in (row["id"], row) })
        }
        let rejectedRaw = Set(outcome.problems.filter { $0.level == .rejected }.map(\.raw))
        let noticeText = outcome.problems.filter { $0.level == .notice }.map(\.message).joined(separator: "\n")
        let titleRaw = Set(outcome.problems.filter { $0.message.contains("这一行在表头之上") }.map(\.raw))
        #expect(titleRaw.count == titles)

        var counted = (stored: 0, rejected: 0, ignored: 0)
        for (r, row) in rows.enumerated() {
            let raw = row.line.joined(separator: ",")
            if rejectedRaw.contains(raw) {
                counted.rejected += row.line.filter { !$0.isBlank }.count
                continue
            }
            #expect(!row.bad, "bad row \(r) not rejected: \(raw)")
            let demand = try #require(stored["N\(r)"], "row \(r) neither stored nor rejected: \(raw)")
            for (i, cell) in cells.enumerated() where !row.line[i].isBlank {
                switch cell {
                case .known(let column):
                    let columnName = try #require(Self.storedColumn[column])
                    let value: String = demand[columnName].map { "\($0)" } ?? ""
                    if value.isEmpty {
                        // Not stored (a 等级 that is not A or B): then a notice on the row names it.
                        let named = outcome.problems.contains {
                            $0.raw == raw && $0.column == column.header && $0.message.contains(row.line[i].trimmedBlank)
                        }
                        #expect(named, "row \(r): \(column.header) «\(row.line[i])» neither stored nor named")
                        counted.ignored += 1
                    } else {
                        counted.stored += 1
                    }
                case .unknown(let name):
                    #expect(noticeText.contains("未使用的列已忽略") && noticeText.contains(name), "\(name) not named")
                    counted.ignored += 1
                case .unnamed:
                    #expect(noticeText.contains("列没有表头"), "unnamed column not named")
                    counted.ignored += 1
                }
            }
        }
        #expect(counted.stored > 0)
    }
}
