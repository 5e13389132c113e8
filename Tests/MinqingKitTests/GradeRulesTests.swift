import Testing
@testable import MinqingKit

/// The grade rules as values (SPEC §3): each reason's text, the row rule, the repeat rule, and the lists.
@Suite("定级规则 grade rules")
struct GradeRulesTests {
    @Test(arguments: [
        (GradeReason.manual, "人工定级"),
        (.group(threshold: 5), "人数≥5"),
        (.keywords(["欠薪"]), "关键词:欠薪"),
        (.keywords(["欠薪", "安全隐患"]), "关键词:欠薪、安全隐患"),
        (.repeated(RepeatDetector.Hit(earlierID: "S1", days: 20)), "重复诉求:20天前已有S1"),
    ])
    func reasonText(reason: GradeReason, text: String) {
        #expect(reason.text == text)
    }

    @Test(arguments: [
        (nil, 1, [], Grade.b, "一般诉求"),
        (nil, 5, [], .a, "人数≥5"),
        (nil, 4, [], .b, "一般诉求"),
        (nil, 7, ["火灾"], .a, "人数≥5; 关键词:火灾"),
        (nil, 1, ["煤气", "漏电"], .a, "关键词:煤气、漏电"),
        (Grade.b, 9, ["火灾"], .b, "人工定级"),
        (Grade.a, 1, [], .a, "人工定级"),
    ] as [(Grade?, Int, [String], Grade, String)])
    func rowRule(given: Grade?, headcount: Int, keywords: [String], grade: Grade, basis: String) {
        let (g, b) = RowGradeRule(groupHeadcount: 5).grade(given: given, headcount: headcount, aKeywords: keywords)
        #expect(g == grade)
        #expect(b.text == basis)
    }

    /// 表扬 and 咨询 are never graded A by a rule; a given 等级 still wins (SPEC §9).
    @Test(arguments: [
        (DemandType.praise, nil, 9, ["火灾"], Grade.b, "表扬不定级"),
        (.consultation, nil, 1, ["欠薪"], .b, "咨询不定级"),
        (.consultation, Grade.a, 1, [], .a, "人工定级"),
        (.complaint, nil, 1, ["欠薪"], .a, "关键词:欠薪"),
        (.unclassified, nil, 6, [], .a, "人数≥5"),
    ] as [(DemandType, Grade?, Int, [String], Grade, String)])
    func typesNotJudged(type: DemandType, given: Grade?, headcount: Int, keywords: [String], grade: Grade, basis: String) {
        let (g, b) = RowGradeRule(groupHeadcount: 5).grade(given: given, headcount: headcount, aKeywords: keywords, type: type)
        #expect(g == grade)
        #expect(b.text == basis)
    }

    /// A unit's score counts neither 表扬 nor 咨询; its totals count them.
    @Test func praiseAndConsultationAreNotScored() {
        var tally = Tally()
        for (status, scored) in [(DemandStatus.resolved, true), (.pending, true), (.pending, false), (.resolved, false)] {
            tally.add(DemandFacts(
                domain: "", channel: "", status: status, grade: .b, satisfaction: .unrated, primaryUnit: "县水务局",
                primaryUnitType: "县直部门", township: "", liaison: "", village: "", headcount: 1, isScored: scored))
        }
        #expect(tally.total == 4)
        #expect((tally.scoredResolved, tally.scoredUnresolved) == (1, 1))
        #expect(ScoringRules().score(resolved: tally.scoredResolved, unresolved: tally.scoredUnresolved) == 0.7)
    }

    /// A repeat makes the demand A: after an A demand's own reasons, instead of 一般诉求; a basis read back
    /// from the database is kept as it was.
    @Test(arguments: [
        (Grade.b, GradeBasis.ordinary, "重复诉求:3天前已有X9"),
        (.a, GradeBasis([.keywords(["欠薪"])]), "关键词:欠薪; 重复诉求:3天前已有X9"),
        (.a, GradeBasis(stored: "人数≥5; 关键词:火灾"), "人数≥5; 关键词:火灾; 重复诉求:3天前已有X9"),
        (.b, GradeBasis(stored: "一般诉求"), "重复诉求:3天前已有X9"),
    ])
    func repeatRule(grade: Grade, basis: GradeBasis, expected: String) {
        let (g, b) = RepeatRule.apply(RepeatDetector.Hit(earlierID: "X9", days: 3), grade: grade, basis: basis)
        #expect(g == .a)
        #expect(b.text == expected)
    }

    @Test(arguments: [
        (DemandList.all, Grade.a, DemandStatus.resolved, true),
        (.all, .b, .pending, true),
        (.gradeA, .a, .resolved, true),
        (.gradeA, .b, .pending, false),
        (.unresolved, .b, .pending, true),
        (.unresolved, .a, .inProgress, true),
        (.unresolved, .a, .resolved, false),
    ])
    func demandLists(list: DemandList, grade: Grade, status: DemandStatus, included: Bool) {
        #expect(list.includes(grade: grade, status: status) == included)
    }

    /// 满意率's numerator: the three satisfied levels, defined once.
    @Test func satisfiedLevels() {
        var tally = Tally()
        for level in Satisfaction.allCases {
            tally.add(DemandFacts(
                domain: "", channel: "", status: .resolved, grade: .b, satisfaction: level, primaryUnit: "",
                primaryUnitType: "", township: "", liaison: "", village: "", headcount: 1))
        }
        #expect(Tally.satisfiedLevels == [.verySatisfied, .satisfied, .basicallySatisfied])
        #expect(tally.satisfied == 3)
        #expect(tally.evaluated == 5)
    }
}
