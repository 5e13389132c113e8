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
}
