import Foundation
import GRDB
import Logging
import Testing
@testable import MinqingKit

/// SPEC §8's backlog read from a real SQLite file: random multi-month histories (late replies, reopened
/// cases, corrections of earlier months, 补录) checked against the identity and a plain recount of the
/// stored records that does not use the settled-month index.
@Suite("积案 backlog")
struct BacklogTests {
    @Test(arguments: [
        // (records as month offset:resolved, settled month offset or nil)
        ([(0, true)], 0 as Int?),
        ([(0, false)], nil),
        ([(0, false), (2, true)], 2),
        ([(0, true), (1, false)], nil),
        ([(0, true), (1, false), (3, true)], 3),
        ([(0, false), (1, true), (2, true)], 1),
        ([(0, true), (2, true)], 0),
    ])
    func settledMonth(records: [(Int, Bool)], settled: Int?) throws {
        let base = try #require(YearMonth(parsing: "2026-05"))
        func month(_ offset: Int) -> YearMonth { (0..<offset).reduce(base) { m, _ in m.next } }
        let result = Settlement.month(of: records.map { Settlement.Record(month: month($0.0), resolved: $0.1) })
        #expect(result == settled.map(month))
    }

    /// One generated history, ingested month by month (with re-runs), then every month's backlog read.
    @Test(arguments: 1...6)
    func identityHoldsOnRandomHistories(seed: UInt64) throws {
        var rng = SplitMix(seed: seed)
        let directory = try TestSupport.temporaryDirectory("backlog")
        let pipeline = Pipeline(workspace: Workspace(root: directory, seeds: TestSupport.seeds), logger: Logger(label: "test"))
        var months = [try #require(YearMonth(parsing: "2026-04"))]
        while months.count < 6 { months.append(months[months.count - 1].next) }
        var known: [(id: String, received: String)] = []
        var next = 1
        var inputs: [YearMonth: [String]] = [:]
        func row(_ id: String, _ received: String, resolved: Bool, in month: YearMonth) -> String {
            let status = resolved ? "已办结" : ["办理中", "未办理"][Int(rng.next() % 2)]
            let day = resolved ? "\(month)-\(String(format: "%02d", 1 + Int(rng.next() % 28)))" : ""
            return "\(id),\(received),来访,路面坑洼 \(id),\(status),\(day)"
        }
        func ingest(_ month: YearMonth, _ rows: [String]) throws {
            let path = directory + "/in-\(month)-\(rng.next() % 1000).csv"
            try TestSupport.write("编号,受理日期,渠道,诉求内容,办理状态,办结日期\n" + rows.joined(separator: "\n") + "\n", to: path)
            let outcome = try pipeline.ingest(month: month, inputs: [path], encoding: nil, strict: false, command: "test")
            #expect(outcome.rejected == 0, "\(outcome.problems.map(\.message))")
            inputs[month] = rows
        }
        for (k, month) in months.enumerated() {
            var rows: [String] = []
            for _ in 0..<(8 + Int(rng.next() % 8)) {
                let id = "D\(next)"
                next += 1
                let received = "\(month)-\(String(format: "%02d", 1 + Int(rng.next() % 28)))"
                rows.append(row(id, received, resolved: rng.next() % 10 < 6, in: month))
                known.append((id, received))
            }
            // Late rows of earlier demands: resolved, still open or reopened.
            let earlier = known.filter { !$0.received.hasPrefix(month.description) }
            for _ in 0..<min(earlier.count, Int(rng.next() % 6)) {
                let pick = earlier[Int(rng.next() % UInt64(earlier.count))]
                if rows.contains(where: { $0.hasPrefix(pick.id + ",") }) { continue }
                rows.append(row(pick.id, pick.received, resolved: rng.next() % 10 < 7, in: month))
            }
            // 补录: an earlier-dated demand never seen.
            if k > 0 && rng.next() % 2 == 0 {
                let id = "L\(next)"
                next += 1
                let received = "\(months[k - 1])-1\(rng.next() % 9)"
                rows.append(row(id, received, resolved: rng.next() % 2 == 0, in: month))
                known.append((id, received))
            }
            try ingest(month, rows)
            // A correction of this month or of an earlier one: a demand removed, a status changed.
            if k > 0 && rng.next() % 2 == 0 {
                let target = months[Int(rng.next() % UInt64(k + 1))]
                var again = inputs[target] ?? []
                if again.count > 2 { again.remove(at: Int(rng.next() % UInt64(again.count))) }
                let j = Int(rng.next() % UInt64(again.count))
                let fields = again[j].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                again[j] = row(fields[0], fields[1], resolved: fields[4] != "已办结", in: target)
                try ingest(target, again)
            }
        }

        let store = try Store(path: directory + "/minqing.sqlite")
        let recount = try Recount(store: store)
        for month in months {
            try store.read(month: month) { records in
                var backlog = Backlog()
                backlog.carriedOver = try records.openCount(asOf: month.previous)
                backlog.received = try records.count(.all)
                backlog.resolvedOwn = backlog.received - (try records.count(.unresolved))
                backlog.resolvedEarlier = try records.lateResolved().count
                backlog.reopened = try records.reopenedCount()
                var open: [String] = []
                try records.forEachOpenDemand { demand, _ in open.append(demand.id) }
                backlog.openAtEnd = open.count
                #expect(backlog.balances, "seed \(seed), \(month): \(backlog)")
                #expect(Set(open) == recount.open(at: month), "seed \(seed), \(month)")
                #expect(open.count == Set(open).count)
                #expect(try records.openCount(asOf: month) == open.count)
                #expect(backlog.carriedOver == recount.open(at: month.previous).count)
                #expect(backlog.resolvedEarlier == recount.resolvedEarlier(in: month), "seed \(seed), \(month)")
            }
        }
    }
}

/// The open demands and late resolutions recounted from every stored record, without the index.
private struct Recount {
    var demands: [(id: String, month: YearMonth, resolved: Bool)] = []
    var late: [String: [(month: YearMonth, resolved: Bool)]] = [:]

    init(store: Store) throws {
        try store.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT id, month, status FROM demand") {
                demands.append((row[0], try #require(YearMonth(parsing: row[1])), (row[2] as String) == "已办结"))
            }
            for row in try Row.fetchAll(db, sql: "SELECT demand_id, month, status FROM late_update ORDER BY month") {
                late[row[0], default: []].append((try #require(YearMonth(parsing: row[1])), (row[2] as String) == "已办结"))
            }
        }
    }

    func resolved(_ d: (id: String, month: YearMonth, resolved: Bool), asOf end: YearMonth) -> Bool {
        let later = (late[d.id] ?? []).filter { $0.month > d.month && $0.month <= end }
        return later.last?.resolved ?? d.resolved
    }

    func open(at end: YearMonth) -> Set<String> {
        Set(demands.filter { $0.month <= end && !resolved($0, asOf: end) }.map(\.id))
    }

    func resolvedEarlier(in month: YearMonth) -> Int {
        demands.filter { d in
            d.month < month && (late[d.id] ?? []).contains { $0.month == month && $0.resolved }
                && !resolved(d, asOf: month.previous)
        }.count
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The unit score's two terms of SPEC §8 and the 需关注单位 rule, table by table.
@Suite("得分与需关注单位 score terms and attention")
struct ScoreTermsAndAttentionTests {
    @Test(arguments: [
        // resolved, unresolved, earlier resolved this month, earlier open and overdue, score
        (3, 0, 0, 0, 3.0),  // SPEC §4's example: no history, §4's score
        (0, 1, 0, 0, -0.3),
        (1, 1, 2, 0, 2.7),
        (0, 0, 0, 3, -0.9),
        (2, 2, 1, 1, 2.1),
        (0, 0, 1, 0, 1.0),
    ])
    func scoreTerms(resolved: Int, unresolved: Int, late: Int, overdue: Int, score: Double) {
        #expect(ScoringRules().score(resolved: resolved, unresolved: unresolved, lateResolved: late, overdueOpen: overdue) == score)
    }

    @Test func configuredWeights() {
        var rules = ScoringRules()
        rules.lateResolvedPoints = 0.5
        rules.overdueOpenPenalty = 1.0
        #expect(rules.score(resolved: 1, unresolved: 0, lateResolved: 2, overdueOpen: 1) == 1.0)
    }

    /// A unit with `total` demands, `evaluated` of them rated and `satisfied` satisfied, `onTime` of
    /// `timed` on time, and `overdueA` A-grade demands overdue.
    static func unit(total: Int, evaluated: Int, satisfied: Int, timed: Int, onTime: Int, overdueA: Int) -> UnitRow {
        var tally = Tally()
        tally.total = total
        tally.satisfaction[Satisfaction.satisfied.ordinal] = satisfied
        tally.satisfaction[Satisfaction.dissatisfied.ordinal] = evaluated - satisfied
        tally.satisfaction[Satisfaction.unrated.ordinal] = total - evaluated
        tally.onTime = onTime
        tally.late = timed - onTime
        var row = UnitRow(unit: "县水务局", type: "县直部门", tally: tally, score: 0)
        row.overdueA = overdueA
        return row
    }

    @Test(arguments: [
        // total, evaluated, satisfied, timed, on time, overdue A, reasons
        (5, 5, 4, 5, 4, 0, [String]()),  // 80 % and 80 %: at the bar, not below
        (5, 5, 3, 0, 0, 0, ["满意率 60.0%，低于 80%"]),
        (5, 0, 0, 4, 3, 0, ["按期办结率 75.0%，低于 80%"]),
        (2, 2, 0, 2, 0, 0, []),  // fewer than 3 demands: rates not judged
        (2, 2, 0, 2, 0, 1, ["A级诉求已超期 1 件"]),  // an overdue A demand always counts
        (0, 0, 0, 0, 0, 2, ["A级诉求已超期 2 件"]),  // even with no demand this month
        (4, 4, 1, 4, 1, 1, ["满意率 25.0%，低于 80%", "按期办结率 25.0%，低于 80%", "A级诉求已超期 1 件"]),
    ])
    func attention(total: Int, evaluated: Int, satisfied: Int, timed: Int, onTime: Int, overdueA: Int, reasons: [String]) {
        let rule = AttentionRule(rules: AttentionRules())
        let row = Self.unit(total: total, evaluated: evaluated, satisfied: satisfied, timed: timed, onTime: onTime, overdueA: overdueA)
        #expect(rule.reasons(row).map(\.text) == reasons)
    }

    @Test func attentionBarsAreConfigurable() {
        var rules = AttentionRules()
        rules.minDemands = 1
        rules.minSatisfaction = 0.825
        let row = Self.unit(total: 1, evaluated: 1, satisfied: 0, timed: 0, onTime: 0, overdueA: 0)
        #expect(AttentionRule(rules: rules).reasons(row).map(\.text) == ["满意率 0.0%，低于 82.5%"])
    }
}
