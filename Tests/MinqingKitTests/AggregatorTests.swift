import Testing
@testable import MinqingKit

@Suite("评分与统计 scoring")
struct AggregatorTests {
    func facts(
        _ unit: String, _ type: String, _ status: DemandStatus, _ grade: Grade = .b,
        satisfaction: Satisfaction = .unrated, domain: String = "供水", channel: String = "来访",
        township: String = "城关镇", liaison: String = "", village: String = ""
    ) -> DemandFacts {
        DemandFacts(
            domain: domain, channel: channel, status: status, grade: grade, satisfaction: satisfaction,
            primaryUnit: unit, primaryUnitType: type, township: township, liaison: liaison, village: village,
            headcount: 1)
    }

    @Test func fanchangFigures() throws {
        // 县建投公司: 3 demands, all resolved → 3.00; 县商务局: one unresolved → −0.30.
        let reference = try TestSupport.reference()
        var aggregator = MonthAggregator(reference: reference, scoring: ScoringRules())
        for _ in 0..<3 { aggregator.add(facts("县城市建设投资有限公司", "国有企业", .resolved, satisfaction: .basicallySatisfied)) }
        aggregator.add(facts("县商务局", "县直部门", .inProgress, .a, satisfaction: .unrated, domain: "商贸流通", channel: "12345热线"))
        aggregator.add(facts("城关镇", "乡镇", .resolved, satisfaction: .veryDissatisfied, domain: "宅基地与邻里纠纷"))
        aggregator.add(facts("城关镇", "乡镇", .resolved, satisfaction: .satisfied, domain: "宅基地与邻里纠纷"))
        let month = try #require(YearMonth(parsing: "2026-10"))
        let s = aggregator.summary(month: month)
        #expect(s.totals.total == 6)
        #expect(s.totals.resolved == 5)
        #expect(s.totals.resolutionRate == 5.0 / 6.0)
        #expect(s.totals.evaluated == 5)
        #expect(s.totals.satisfied == 4)
        #expect(s.totals.satisfactionRate == 0.8)
        #expect(s.resolvedByTownships == 2)
        #expect(s.grassrootsRate == 0.4)
        #expect(s.units.map(\.unit) == ["县城市建设投资有限公司", "城关镇", "县商务局"])
        #expect(s.units.map(\.score) == [3.0, 2.0, -0.3])
        #expect(s.units[0].tally.count(.basicallySatisfied) == 3)
        #expect(s.units[1].tally.count(.veryDissatisfied) == 1)
        let water = try #require(s.domains.first { $0.domain == "供水" })
        #expect(water.total == 3)
        #expect(water.perChannel[s.channels.firstIndex(of: "来访") ?? -1] == 3)
        #expect(s.domains.last?.domain == "其他")
        #expect(s.channelTotals.reduce(0, +) == 6)
        #expect(s.channels == reference.channels)
        let chengguan = try #require(s.townships.first { $0.township == "城关镇" })
        #expect(chengguan.tally.total == 6)
    }

    @Test func liaisonTableCountsByGradeAndResolution() throws {
        let reference = try TestSupport.reference()
        let pair = try #require(reference.places.first { !$0.liaison.isEmpty })
        var aggregator = MonthAggregator(reference: reference, scoring: ScoringRules())
        aggregator.add(facts("x", "县直部门", .resolved, .a, liaison: pair.liaison, village: pair.village))
        aggregator.add(facts("x", "县直部门", .resolved, .a, liaison: pair.liaison, village: pair.village))
        aggregator.add(facts("x", "县直部门", .pending, .b, liaison: pair.liaison, village: pair.village))
        let s = aggregator.summary(month: try #require(YearMonth(parsing: "2026-07")))
        let row = try #require(s.liaisons.first { $0.unit == pair.liaison && $0.village == pair.village })
        #expect(row.tally.gradeA == 2)
        #expect(row.tally.gradeB == 1)
        #expect(row.tally.resolvedA == 2)
        #expect(row.tally.resolvedB == 0)
        #expect(row.tally.unresolved == 1)
        #expect(s.liaisons.count == reference.places.filter { !$0.liaison.isEmpty }.count)
    }

    @Test(arguments: [
        (nil as Int?, 10, nil as Double?),
        (0, 10, nil),
        (10, 10, 0.0),
        (200, 130, -0.35),
        (100, 125, 0.25),
    ])
    func change(previous: Int?, current: Int, expected: Double?) {
        #expect(Rate.change(from: previous, to: current) == expected)
    }

    @Test(arguments: [
        (0.978, "97.8%"), (1.0, "100.0%"), (0.0, "0.0%"),
    ])
    func percent(value: Double, text: String) {
        #expect(Formatting.percent(value) == text)
    }

    @Test func formattingOfMissingAndSigned() {
        #expect(Formatting.percent(nil) == "—")
        #expect(Formatting.change(-0.35) == "-35.0%")
        #expect(Formatting.change(0.125) == "+12.5%")
        #expect(Formatting.change(0) == "0.0%")
        #expect(Formatting.score(-0.3) == "-0.30")
        #expect(Formatting.score(3) == "3.00")
        #expect(Formatting.weight(0.3) == "0.3")
        #expect(Formatting.weight(1) == "1")
    }
}

@Suite("报告模板 template")
struct TemplateTests {
    @Test func builtInTemplateIsTheShippedFile() throws {
        let file = try String(contentsOfFile: TestSupport.root + "/ReportTemplates/bulletin.md.mustache", encoding: .utf8)
        #expect(DefaultTemplate.text + "\n" == file, "run scripts/embed_template.sh")
    }

    @Test func valuesAreEscapedForMarkdownCells() throws {
        let report = try MarkdownReport(templateText: "{{a}}|{{{a}}}", source: "t")
        let rendered = report.template.render(["a": "x|y<b>\n[z]"])
        #expect(rendered == "x\\|y&lt;b&gt;<br>\\[z\\]|x|y<b>\n[z]")
    }

    @Test func badTemplateIsNamed() {
        #expect(throws: TemplateError.self) { try MarkdownReport(templateText: "{{#units}}", source: "bad.mustache") }
    }
}
