import Testing
@testable import MinqingKit

/// The topic finder on generated months (TopicMonthGenerator): everyday complaints in the same words
/// every month with boilerplate endings, and planted topics of known size around a shared name.
@Suite struct TopicFinderTests {
    static func history(months: Int, size: Int) -> TermHistory {
        TermHistory([BackgroundProfile.profile] + (0..<months).map {
            TermProfile(texts: TopicMonthGenerator.month(count: size, seed: UInt64(100 + $0)).map(TextGrams.folded)).frozen()
        })
    }

    static let month: [String] = TopicMonthGenerator.month(count: 2000, seed: 7)
        + TopicMonthGenerator.planted(TopicMonthGenerator.estateTopic, count: 44, seed: 1)
        + TopicMonthGenerator.planted(TopicMonthGenerator.roadTopic, count: 12, seed: 2)

    static func sized(_ found: [TopicFinder.Found], in texts: [String]) -> [String: Int] {
        var tally = TopicTally(found: found, settings: TopicSettings())
        for (i, text) in texts.enumerated() {
            var demand = ReportDemand()
            demand.id = "D\(i)"
            demand.content = text
            tally.add(demand, shown: demand)
        }
        return Dictionary(uniqueKeysWithValues: tally.topics(monthTotal: texts.count) { _ in nil }.map { ($0.name, $0.count) })
    }

    @Test func plantedTopicsAreFoundWithTheirSizeAndNoBoilerplate() {
        let found = TopicFinder(settings: .init()).find(sample: Self.month, monthTotal: Self.month.count, history: Self.history(months: 6, size: 2000))
        #expect(found.map(\.name) == ["伊景园滨河苑 车位", "107国道 大货车"])
        #expect(Self.sized(found, in: Self.month) == ["伊景园滨河苑 车位": 44, "107国道 大货车": 12])
    }

    /// A month with no planted topic has none, whatever its boilerplate: every month says the same.
    @Test func anOrdinaryMonthHasNoTopic() {
        let ordinary = TopicMonthGenerator.month(count: 2000, seed: 8)
        #expect(TopicFinder(settings: .init()).find(sample: ordinary, monthTotal: 2000, history: Self.history(months: 6, size: 2000)).isEmpty)
    }

    /// Without any county history, the built-in background keeps the boilerplate out, and the estate is
    /// still found; the everyday complaints, new to the finder, may show as topics in a first month.
    @Test func firstMonthAgainstTheBackgroundAlone() {
        var finder = TopicFinder(settings: .init())
        finder.places = Set(TopicMonthGenerator.places)
        let found = finder.find(sample: Self.month, monthTotal: Self.month.count, history: TermHistory([BackgroundProfile.profile], hasCountyMonths: false))
        #expect(found.contains { $0.anchor == "伊景园滨河苑" })
        for boilerplate in ["希望有关部门尽快处理", "请尽快解决", "已经反映过好几次", "一直没人管", "盼早日回复"] {
            #expect(!found.contains { $0.name.contains(boilerplate) || boilerplate.contains($0.anchor) }, "\(boilerplate)")
        }
    }

    @Test func sameInputSameTopics() {
        let history = Self.history(months: 3, size: 1500)
        let first = TopicFinder(settings: .init()).find(sample: Self.month, monthTotal: Self.month.count, history: history)
        let second = TopicFinder(settings: .init()).find(sample: Self.month, monthTotal: Self.month.count, history: history)
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    /// A topic below min_demands is not one.
    @Test func smallerThanTheMinimumIsNoTopic() {
        var settings = TopicFinder.Settings()
        settings.minDemands = 13
        let found = TopicFinder(settings: settings).find(sample: Self.month, monthTotal: Self.month.count, history: Self.history(months: 6, size: 2000))
        #expect(found.map(\.anchor) == ["伊景园滨河苑"])
    }

    /// A name alone is a topic when its demands are about different things (a company: wages, dust,
    /// noise), but not a registered place's: a village's demands are about all kinds of things.
    @Test func aNameAloneIsATopicUnlessItIsAPlace() {
        let company = ["鑫源建材厂拖欠我们三个月工资，老板联系不上。", "鑫源建材厂的粉尘太大，附近庄稼都是灰。",
                       "鑫源建材厂半夜还在生产，噪音扰民。", "反映鑫源建材厂乱倒废料的问题。"]
        var stream = TopicMonthGenerator.Stream(state: 5)
        let newVillage = (0..<20).map { _ in "龙王岭" + TopicMonthGenerator.complaints[Int(stream.next() % 20)] + "。" }
        let month = TopicMonthGenerator.month(count: 2000, seed: 9) + TopicMonthGenerator.planted(company, count: 16, seed: 3) + newVillage
        let history = Self.history(months: 6, size: 2000)
        var finder = TopicFinder(settings: .init())
        #expect(finder.find(sample: month, monthTotal: month.count, history: history).map(\.name) == ["龙王岭", "鑫源建材厂"])
        finder.places = ["龙王岭"]
        let found = finder.find(sample: month, monthTotal: month.count, history: history)
        #expect(found.map(\.name) == ["鑫源建材厂"])
        #expect(Self.sized(found, in: month) == ["鑫源建材厂": 16])
    }

    /// Growing a seed into the name the texts share.
    @Test(arguments: [
        ("滨河", ["伊景园滨河苑的车位", "投诉伊景园滨河苑开发商", "伊景园滨河苑业主"], "伊景园滨河苑"),
        ("国道", ["107国道大货车", "107国道晚上", "在107国道上"], "107国道"),
        // Continuations that differ stop the growth; a particle (的) never continues a name.
        ("没人", ["一直没人管", "好久没人修", "还是没人清运"], "没人"),
        ("小区", ["和平里小区的路灯", "和平里小区的水管"], "和平里小区"),
    ])
    func grow(seed: String, texts: [String], expected: String) {
        #expect(TopicFinder(settings: .init()).grow(seed, in: texts) == expected)
    }
}

@Suite struct TextGramsTests {
    @Test(arguments: [
        ("伊景园", ["伊景", "景园"]),
        ("车位，捆绑", ["车位", "捆绑"]),
        ("107国道", ["10", "07", "7国", "国道"]),
        ("ＡＢ栋", ["ab", "b栋"]),
        ("a", []),
        ("😀好的", ["好的"]),
    ])
    func bigrams(text: String, expected: [String]) {
        var seen: [String] = []
        TextGrams.forEachBigram(text) { seen.append(TextGrams.text($0)) }
        #expect(seen == expected)
    }

    @Test func profileRoundTripsThroughItsStoredForm() throws {
        let profile = TermProfile(texts: ["伊景园滨河苑", "伊景园车位", "车位"]).frozen()
        let read = try #require(TermCounts(encoded: profile.encoded()))
        #expect(read == profile)
        #expect(read.documents == 3)
        #expect(read.count(TextGrams.key(0x4F0A, 0x666F)) == 2)  // 伊景
        #expect(read.count(TextGrams.key(0x8F66, 0x4F4D)) == 2)  // 车位
        #expect(read.count(TextGrams.key(0x6EE8, 0x6CB3)) == 1)  // 滨河
        #expect(read.count(1) == 0)
        #expect(TermCounts(encoded: [1, 2, 3]) == nil)
    }

    @Test(arguments: [
        ("伊景园滨河苑车位", "滨河苑", true), ("伊景园滨河苑", "伊景园滨河苑", true), ("伊景园", "伊景园滨河苑", false),
        ("107国道", "107国道", true), ("abc", "bc", true), ("", "x", false), ("伊景园", "", false),
    ])
    func byteSearch(text: String, needle: String, expected: Bool) {
        var text = text
        let found = ByteSearch.contains(text, needle)
        #expect(found == expected)
    }
}

/// The finder on real petition text (../shared/data/labelled-messages.csv, 345 real messages to a
/// provincial board): long letters full of 尊敬的领导, 您好, 希望, 相关部门. The first 285 are the
/// history (five months of 57), the last 60 the month, with a planted topic of 8 demands; the built-in
/// background is left out (it was counted on these very messages).
@Suite struct TopicRealTextTests {
    static let messages: Result<[String], any Error> = Result {
        let path = TestSupport.root + "/../shared/data/labelled-messages.csv"
        let source = try TextTableSource(path: path, encoding: nil)
        var texts: [String] = []
        _ = try source.nextRow()  // the header: 编号, 受理日期, 诉求人, 诉求内容, 涉及领域
        while try source.nextRow() { texts.append(source.field(3)) }
        return texts
    }

    static let planted = [
        "关于A市金色家园小区车位捆绑销售的投诉：开发商要求业主买车位必须同时买储藏间，否则不卖。",
        "A市金色家园小区开发商捆绑销售车位，业主多次反映无果，请领导关注。",
        "金色家园小区的地下车位只卖不租，还要捆绑储藏室，价格太高，希望相关部门调查。",
        "投诉金色家园小区开发商违规捆绑销售车位和杂物间。",
    ]

    @Test func plantedTopicFoundInRealTextWithoutBoilerplate() throws {
        let all = try Self.messages.get()
        #expect(all.count == 345)
        let history = TermHistory(stride(from: 0, to: 285, by: 57).map {
            TermProfile(texts: all[$0..<$0 + 57].map(TextGrams.folded)).pruned(below: 2).frozen()
        })
        let month = Array(all[285...]) + (0..<8).map { Self.planted[$0 % Self.planted.count] }
        let found = TopicFinder(settings: .init()).find(sample: month, monthTotal: month.count, history: history)
        // The shared name anchors the topic (not 车位, the word that seeded it), and the real month has no
        // topic of its own: its letters share wording, not matters.
        #expect(found.map(\.name) == ["金色家园小区 车位"])
        let estate = try #require(found.first { $0.anchor.contains("金色家园") })
        #expect(TopicFinderTests.sized([estate], in: month).values.first == 8)
        for wording in ["尊敬", "领导", "您好", "希望", "相关部门", "有关部门", "解决", "反映"] {
            #expect(!found.contains { $0.anchor.contains(wording) }, "\(wording)")
        }
    }
}

@Suite struct FoldingTests {
    /// Only what folding changes makes a text be folded before the anchors are looked for.
    @Test(arguments: [
        ("翠湖名苑，车位。", false), ("１０７国道", true), ("ＡＢ栋", true), ("ａ栋", true), ("A栋", true), ("a栋！", false),
        ("（１）", true), ("（）", false), ("", false),
    ])
    func needsFolding(text: String, expected: Bool) {
        #expect(TextGrams.needsFolding(text) == expected)
        #expect((TextGrams.folded(text) != text) == expected)
    }
}

@Suite struct PoissonTailTests {
    @Test(arguments: [
        (6, 2.0, 0.016563608), (1, 0.5, 0.393469340), (5, 0.04, 8.2537e-10), (14, 0.1, 1.0449e-25), (0, 3.0, 1.0), (2, 3.0, 1.0),
        (200, 100.0, 9.3432e-19),
    ])
    func tail(k: Int, mean: Double, expected: Double) {
        let value = TopicFinder.poissonTail(atLeast: k, mean: mean)
        #expect(abs(value - expected) <= expected * 0.05 + 1e-12, "\(value)")
    }
}
