import Testing
@testable import MinqingKit

@Suite("重复诉求")
struct RepeatDetectorTests {
    @Test(arguments: [
        ("13812345678", "", "", "T13812345678"),
        ("138 1234 5678", "张三", "东门社区", "T13812345678"),
        ("+86 138-1234-5678", "", "", "T13812345678"),
        ("0553-1234567", "", "", "T05531234567"),
        ("", "张三", "东门社区", "N张三|东门社区"),
        ("", "张三", "", ""),
        ("123", "", "", ""),
    ])
    func personKey(phone: String, name: String, village: String, expected: String) {
        #expect(RepeatDetector.personKey(phone: phone, petitioner: name, village: village) == expected)
    }

    /// 表扬 and 咨询 have no person key: they are never repeats nor earlier demands of one (SPEC §9).
    @Test(arguments: [
        (DemandType.unclassified, "T13812345678"), (.complaint, "T13812345678"), (.praise, ""), (.consultation, ""),
    ])
    func personKeyOfDemandType(type: DemandType, expected: String) throws {
        let day = try #require(Day(year: 2026, month: 10, day: 3))
        let input = DemandInput(
            id: "X1", received: DateTimeValue(day: day, secondsOfDay: nil), channel: "来访",
            content: "路灯不亮", status: .pending, petitioner: "张三", phone: "138 1234 5678", headcount: 1, township: "",
            village: "东门社区", domain: "", grade: nil, department: "", resolved: nil, satisfaction: .unrated,
            demandType: type, sourceFile: "a.csv", sourceLine: 2)
        #expect(RepeatDetector.personKey(of: input) == expected)
    }

    typealias E = RepeatDetector.Entry

    @Test func earlierDemandWithinWindowMakesRepeat() {
        let month = [
            E(key: "T1", day: 100, seconds: 0, order: 0, id: "A"),
            E(key: "T1", day: 90, seconds: 0, order: 1, id: "B"),  // earlier date, later in input
            E(key: "T2", day: 100, seconds: 0, order: 2, id: "C"),
            E(key: "T3", day: 100, seconds: 50, order: 3, id: "D"),
            E(key: "T3", day: 100, seconds: 10, order: 4, id: "E"),
        ]
        let history = [
            E(key: "T2", day: 5, seconds: 0, order: -1, id: "H1"),  // 95 days before: outside
            E(key: "T3", day: 20, seconds: 0, order: -1, id: "H2"),  // 80 days before E
            E(key: "T4", day: 101, seconds: 0, order: -1, id: "H3"),  // later: never earlier
        ]
        let hits = RepeatDetector.find(month: month, history: history, windowDays: 90)
        #expect(hits[0] == RepeatDetector.Hit(earlierID: "B", days: 10))
        #expect(hits[1] == nil)
        #expect(hits[2] == nil)
        #expect(hits[4] == RepeatDetector.Hit(earlierID: "H2", days: 80))
        #expect(hits[3] == RepeatDetector.Hit(earlierID: "E", days: 0))
        #expect(hits.count == 3)
    }

    @Test func sameDayFirstListedCountsAsEarlier() {
        let month = [
            E(key: "T1", day: 10, seconds: 0, order: 0, id: "A"),
            E(key: "T1", day: 10, seconds: 0, order: 1, id: "B"),
        ]
        let hits = RepeatDetector.find(month: month, history: [], windowDays: 90)
        #expect(hits == [1: RepeatDetector.Hit(earlierID: "A", days: 0)])
    }

    @Test func windowBoundaryAndDisabled() {
        let month = [E(key: "T1", day: 190, seconds: 0, order: 0, id: "A")]
        let at90 = [E(key: "T1", day: 100, seconds: 0, order: -1, id: "H")]
        let at91 = [E(key: "T1", day: 99, seconds: 0, order: -1, id: "H")]
        #expect(RepeatDetector.find(month: month, history: at90, windowDays: 90).count == 1)
        #expect(RepeatDetector.find(month: month, history: at91, windowDays: 90).isEmpty)
        #expect(RepeatDetector.find(month: month, history: at90, windowDays: 0).isEmpty)
    }

    /// Random months against a direct reading of the rule: each demand's nearest earlier demand of the
    /// same person (by date, time, then input order; history before the month on a tie), within the window.
    @Test func agreesWithTheRuleOnRandomMonths() {
        var random = CSVReaderTestRNG(seed: 90)
        for _ in 0..<200 {
            let (history, month) = Self.randomDemands(
                &random, keys: ["T1", "T2", "N张三|花山社区", "N張三|花山社区", "T13800000000"], days: 120, history: 12, month: 20)
            let window = 1 + random.below(60)
            var expected: [Int32: RepeatDetector.Hit] = [:]
            let all = history + month
            for current in month {
                let earlier = all.enumerated().filter { _, e in
                    e.key == current.key && (e.day, e.seconds, e.order) < (current.day, current.seconds, current.order)
                }
                guard let nearest = earlier.max(by: { x, y in
                    (x.element.day, x.element.seconds, x.element.order, x.offset)
                        < (y.element.day, y.element.seconds, y.element.order, y.offset)
                })?.element else { continue }
                let days = Int(current.day - nearest.day)
                if days <= window { expected[current.order] = RepeatDetector.Hit(earlierID: nearest.id, days: days) }
            }
            #expect(RepeatDetector.find(month: month, history: history, windowDays: window) == expected)
        }
    }

    /// The tracker used while storing: its final hits equal ``RepeatDetector/find``'s, and its answer for
    /// each demand on arrival equals `find` over what had arrived by then.
    @Test func trackerAgreesWithFindOnArrivalAndAtTheEnd() {
        var random = CSVReaderTestRNG(seed: 1122)
        for _ in 0..<300 {
            let (history, month) = Self.randomDemands(
                &random, keys: ["T1", "T2", "N张三|花山社区", "T13800000000"], days: 90, history: 10, month: 25)
            let window = 1 + random.below(40)
            let tracker = RepeatTracker(windowDays: window)
            for h in history { tracker.addHistory(key: h.key, day: h.day, seconds: h.seconds, id: h.id) }
            for (i, m) in month.enumerated() {
                let soFar = RepeatDetector.find(month: Array(month[...i]), history: history, windowDays: window)
                guard let person = tracker.person(m.key) else {
                    Issue.record("no person number for \(m.key)")
                    continue
                }
                #expect(tracker.provisionalHit(person: person, day: m.day, seconds: m.seconds) == soFar[m.order])
                tracker.addMonth(person: person, day: m.day, seconds: m.seconds, order: m.order, id: m.id)
            }
            #expect(tracker.hits() == RepeatDetector.find(month: month, history: history, windowDays: window))
        }
        #expect(RepeatTracker(windowDays: 0).hits().isEmpty)
        #expect(RepeatTracker(windowDays: 0).person("T1") == nil)
        #expect(RepeatTracker(windowDays: 30).person("") == nil)
    }

    /// Up to `history` earlier demands and `month` demands of this month, over `keys`, dated within
    /// `days` days, at one of three times of day.
    static func randomDemands(_ random: inout CSVReaderTestRNG, keys: [String], days: Int, history: Int, month: Int)
        -> (history: [E], month: [E]) {
        func entry(_ order: Int32, _ id: String) -> E {
            E(key: random.pick(keys), day: Int32(100 + random.below(days)), seconds: Int32(random.below(3) * 100),
              order: order, id: id)
        }
        let earlier = (0..<random.below(history)).map { entry(-1, "H\($0)") }
        let current = (0..<random.below(month)).map { entry(Int32($0), "M\($0)") }
        return (earlier, current)
    }
}
