import Testing
@testable import MinqingKit

/// 预警 (SPEC §11), rule by rule against tables of counts.
@Suite("预警 alerts")
struct AlertRuleTests {
    static func month(_ text: String, _ domains: [(String, Int)]) -> MonthFigures {
        var figures = MonthFigures(month: YearMonth(parsing: text) ?? YearMonth(uncheckedYear: 2000, month: 1))
        figures.domains = domains.map { MonthFigures.DomainCount(domain: $0.0, demands: $0.1) }
        figures.total = domains.reduce(0) { $0 + $1.1 }
        return figures
    }

    /// A domain rises when its count is ≥ 1.5 × the mean of the 3 latest earlier months with data and ≥ 5.
    @Test(arguments: [
        // count this month, earlier months' counts (newest first), alert?, mean
        (6, [2, 2, 2], true, 2.0),  // 6 ≥ 3 and ≥ 5
        (5, [4, 4, 4], false, 4.0),  // 5 < 6
        (6, [4, 4, 4], true, 4.0),  // exactly 1.5 ×
        (4, [0, 0, 0], false, 0.0),  // new, but under 5
        (5, [0, 0, 0], true, 0.0),  // new and 5: any mean of 0 is risen above
        (9, [6, 6, 6, 0], true, 6.0),  // only the 3 latest count: the 4th (0) is not in the mean
        (9, [6], true, 6.0),  // one earlier month: its count is the mean
        (9, [], false, 0.0),  // no earlier month with data: no alert
        (7, [3, 5, 7], false, 5.0),  // 7 < 7.5
        (8, [3, 5, 7], true, 5.0),
    ] as [(Int, [Int], Bool, Double)])
    func domainRise(count: Int, earlier: [Int], alerts: Bool, mean: Double) {
        let rule = DomainRiseRule(factor: 1.5, minimum: 5, months: 3)
        let history = earlier.enumerated().map { i, n in Self.month("2026-0\(9 - i)", [("供水", n)]) }
        let found = rule.alerts([MonthFigures.DomainCount(domain: "供水", demands: count)], earlier: history)
        if alerts {
            #expect(found == [.domainRise(domain: "供水", demands: count, mean: mean, months: min(3, earlier.count), factor: 1.5, minimum: 5)])
        } else {
            #expect(found.isEmpty)
        }
    }

    /// A domain a month did not have counts 0 in it; the settings change the factor, the minimum and the months.
    @Test func domainRiseSettingsAndMissingDomains() {
        let history = [Self.month("2026-09", [("道路交通", 3)]), Self.month("2026-08", [("供水", 4)]), Self.month("2026-07", [("供水", 2)])]
        let current = [MonthFigures.DomainCount(domain: "供水", demands: 4), MonthFigures.DomainCount(domain: "道路交通", demands: 3)]
        // 供水: mean (0 + 4 + 2) / 3 = 2, 4 ≥ 2 × 2 and ≥ 4; 道路交通: mean 1, 3 ≥ 2 but 3 < 4.
        #expect(DomainRiseRule(factor: 2, minimum: 4, months: 3).alerts(current, earlier: history) == [
            .domainRise(domain: "供水", demands: 4, mean: 2, months: 3, factor: 2, minimum: 4),
        ])
        // One month: September alone (供水 0, 道路交通 3).
        #expect(DomainRiseRule(factor: 1, minimum: 3, months: 1).alerts(current, earlier: history) == [
            .domainRise(domain: "供水", demands: 4, mean: 0, months: 1, factor: 1, minimum: 3),
            .domainRise(domain: "道路交通", demands: 3, mean: 3, months: 1, factor: 1, minimum: 3),
        ])
    }

    /// A 村社区 with ≥ village_alert demands of one domain; most first, then by 乡镇, 村社区, domain.
    @Test(arguments: [
        // bar, expected (村社区, domain, count) in order
        (3, [("西街社区", "道路交通", 4), ("东门社区", "供水", 3), ("城北村", "供水", 3)]),
        (4, [("西街社区", "道路交通", 4)]),
        (5, []),
        (2, [("西街社区", "道路交通", 4), ("东门社区", "供水", 3), ("城北村", "供水", 3), ("东门社区", "道路交通", 2)]),
    ] as [(Int, [(String, String, Int)])])
    func villages(bar: Int, expected: [(String, String, Int)]) {
        let counts = [
            VillageDomainCount(township: "城关镇", village: "东门社区", domain: "供水", demands: 3),
            VillageDomainCount(township: "城关镇", village: "东门社区", domain: "道路交通", demands: 2),
            VillageDomainCount(township: "城关镇", village: "城北村", domain: "供水", demands: 3),
            VillageDomainCount(township: "城关镇", village: "西街社区", domain: "道路交通", demands: 4),
            VillageDomainCount(township: "城关镇", village: "西街社区", domain: "供水", demands: 1),
        ]
        let found = VillageAlertRule(minimum: bar).alerts(counts)
        #expect(found == expected.map {
            .village(township: "城关镇", village: $0.0, domain: $0.1, demands: $0.2, bar: bar)
        })
    }

    /// The aggregator counts demands by 乡镇, 村社区 and domain, leaving out those without a 村社区; the
    /// month's alerts list the domains' rises first.
    @Test func aggregatorCountsVillagesAndTheRuleCombines() throws {
        var aggregator = MonthAggregator(reference: try TestSupport.reference(), scoring: ScoringRules())
        func add(_ village: String, _ domain: String, _ times: Int) {
            for _ in 0..<times {
                aggregator.add(DemandFacts(
                    domain: domain, channel: "来访", status: .resolved, grade: .b, satisfaction: .unrated,
                    primaryUnit: "县供水有限公司", primaryUnitType: "国有企业", township: village.isEmpty ? "" : "城关镇",
                    liaison: "", village: village, headcount: 1))
            }
        }
        add("东门社区", "供水", 3)
        add("西街社区", "供水", 2)
        add("", "供水", 1)
        let summary = aggregator.summary(month: try #require(YearMonth(parsing: "2026-10")))
        #expect(summary.villageDomains == [
            VillageDomainCount(township: "城关镇", village: "东门社区", domain: "供水", demands: 3),
            VillageDomainCount(township: "城关镇", village: "西街社区", domain: "供水", demands: 2),
        ])
        let alerts = AlertRule(rules: AlertRules()).alerts(summary, earlier: [Self.month("2026-09", [("供水", 2)])])
        #expect(alerts == [
            .domainRise(domain: "供水", demands: 6, mean: 2, months: 1, factor: 1.5, minimum: 5),
            .village(township: "城关镇", village: "东门社区", domain: "供水", demands: 3, bar: 3),
        ])
        #expect(alerts.map(\.text) == [
            "供水：本月 6 件，前 1 个月平均 2.0 件（达到 1.5 倍且不少于 5 件）",
            "城关镇 东门社区：供水 诉求 3 件（同一村社区同一领域达到 3 件）",
        ])
        #expect(alerts.map(\.kindLabel) == ["领域上升", "村社区预警"])
    }
}
