import Testing
@testable import MinqingKit

/// TopicTally: the topics' figures as the pass counts them.
@Suite struct TopicTallyTests {
    static func demand(_ id: String, _ content: String, petitioner: String = "", phone: String = "", domain: String = "住房",
                       unit: String = "县住建局") -> ReportDemand {
        var d = ReportDemand()
        d.id = id
        d.content = content
        d.petitioner = petitioner
        d.phone = phone
        d.domain = domain
        d.primaryUnit = unit
        return d
    }

    static let found = [
        TopicFinder.Found(anchor: "翠湖名苑", name: "翠湖名苑 捆绑", sampleCount: 6, score: 10),
        TopicFinder.Found(anchor: "107国道", name: "107国道 大货车", sampleCount: 2, score: 20),
    ]

    @Test func figuresOfATopic() {
        var settings = TopicSettings()
        settings.minDemands = 2
        settings.collectivePetitioners = 4
        var tally = TopicTally(found: Self.found, settings: settings)
        let demands = [
            Self.demand("A1", "翠湖名苑车位太贵，电话13907350112", petitioner: "顾立新", phone: "13907350112"),
            Self.demand("A2", "翠湖名苑开发商捆绑销售", petitioner: "顾立新", phone: "13907350112", domain: "商贸", unit: "县商务局"),
            Self.demand("A3", "翠湖名苑捆绑储藏室", petitioner: "邱红梅"),
            Self.demand("A4", "翠湖名苑业主反映", petitioner: "", phone: ""),
            Self.demand("A5", "翠湖名苑的车位", petitioner: "范晓东", phone: "18673510286", domain: "", unit: ""),
            Self.demand("B1", "107国道大货车", petitioner: "甲", phone: "1"),
            Self.demand("C1", "与热点无关的诉求"),
            // Full-width forms are folded before the anchors are looked for.
            Self.demand("B2", "１０７国道又压坏了", petitioner: "乙", phone: "2"),
        ]
        let masker = PersonalDataMasker(enabled: true)
        for d in demands { tally.add(d, shown: masker.masked(d)) }
        let topics = tally.topics(monthTotal: 40) { $0 == "翠湖名苑" ? (3, false) : nil }
        #expect(topics.map(\.name) == ["翠湖名苑 捆绑", "107国道 大货车"])
        let estate = topics[0]
        #expect(estate.count == 5)
        #expect(estate.share == 5.0 / 40.0)
        #expect(estate.ids == ["A1", "A2", "A3", "A4", "A5"])
        // 顾立新 twice (same phone) counts once; 邱红梅 by name; the anonymous demand once; 范晓东.
        #expect(estate.petitioners == 4)
        #expect(estate.isCollective)
        #expect(estate.domains == [NamedCount(name: "住房", count: 3), NamedCount(name: "商贸", count: 1), NamedCount(name: "（未定）", count: 1)])
        #expect(estate.units.first == NamedCount(name: "县住建局", count: 3))
        #expect(estate.previousCount == 3)
        #expect(!estate.previousIsEstimate)
        // The example is the first demand that also holds the subject term (捆绑), as the reports show it.
        #expect(estate.example == "翠湖名苑开发商捆绑销售")
        let road = topics[1]
        #expect(road.ids == ["B1", "B2"])
        #expect(road.petitioners == 2)
        #expect(!road.isCollective)
        #expect(road.previousCount == nil)
    }

    @Test func fewerThanTheMinimumAndTheLimit() {
        var settings = TopicSettings()
        settings.minDemands = 2
        settings.maxTopics = 1
        var tally = TopicTally(found: Self.found, settings: settings)
        for (i, text) in ["翠湖名苑", "翠湖名苑", "107国道", "107国道", "107国道"].enumerated() {
            let d = Self.demand("D\(i)", text)
            tally.add(d, shown: d)
        }
        // Largest first, at most max_topics.
        #expect(tally.topics(monthTotal: 5) { _ in nil }.map(\.anchor) == ["107国道"])
        settings.minDemands = 4
        var strict = TopicTally(found: Self.found, settings: settings)
        for (i, text) in ["翠湖名苑", "107国道", "107国道", "107国道"].enumerated() {
            let d = Self.demand("E\(i)", text)
            strict.add(d, shown: d)
        }
        #expect(strict.topics(monthTotal: 4) { _ in nil }.isEmpty)
    }

    @Test func maskedExample() {
        var tally = TopicTally(found: [Self.found[0]], settings: TopicSettings())
        let d = Self.demand("M1", "翠湖名苑捆绑销售，请回电13907350112", petitioner: "顾立新", phone: "13907350112")
        for _ in 0..<5 { tally.add(d, shown: PersonalDataMasker(enabled: true).masked(d)) }
        let example = tally.topics(monthTotal: 5) { _ in nil }.first?.example
        #expect(example == "翠湖名苑捆绑销售，请回电139****0112")
    }
}
