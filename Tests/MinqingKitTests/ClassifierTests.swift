import Testing
@testable import MinqingKit

@Suite("分类 classification")
struct ClassifierTests {
    let reference: ReferenceData
    let classifier: Classifier

    init() throws {
        reference = try TestSupport.reference()
        classifier = Classifier(reference: reference, rules: GradingRules())
    }

    @Test(arguments: [
        ("家里停水两天了，自来水水压也很低", "", "供水"),
        ("路面坑洼，班车绕行", "", "道路交通"),
        ("工地包工头拖欠工资", "", "就业与欠薪"),
        ("今天天气很好", "", "其他"),
        ("停水", "道路交通", "道路交通"),  // a known given domain wins
        ("停水", "不存在的领域", "供水"),  // an unknown given domain: keywords decide
        ("停电又停水", "", "供水"),  // one hit each: the first domain in domains.csv wins the tie
    ])
    func domain(content: String, given: String, expected: String) {
        let (c, _) = classifier.classify(TestSupport.input(content: content, domain: given))
        #expect(c.domain == expected)
    }

    @Test func unknownGivenDomainGivesNotice() {
        let (_, notices) = classifier.classify(TestSupport.input(content: "停水", domain: "不存在的领域"))
        #expect(notices.map(\.column) == ["涉及领域", "乡镇"])
    }

    @Test func townshipLookedUpFromVillageAndDepartmentFromDomain() {
        let (c, notices) = classifier.classify(TestSupport.input(content: "小区停水", village: "东门社区"))
        #expect(notices.isEmpty)
        #expect(c.township == "城关镇")
        #expect(c.department == "县供水有限公司")
        #expect(c.liaison == "县公安局")
        #expect(c.primaryUnit == "县供水有限公司")
        #expect(c.primaryUnitType == "国有企业")
        #expect(c.unitBasis == "属地:由村社区查得; 主管部门:领域「供水」; 计分:主管部门")
    }

    /// 责任依据 for each way the units are found (memoised: the same parts give the same text, different
    /// parts different texts, whatever order they come in).
    @Test(arguments: [
        ("停水", "城关镇", "", "", "属地:填写; 主管部门:领域「供水」; 计分:主管部门"),
        ("停水", "", "东门社区", "县水利局", "属地:由村社区查得; 主管部门:填写; 计分:主管部门"),
        ("宅基地地界纠纷", "", "东门社区", "", "属地:由村社区查得; 主管部门:无(属地负责); 计分:属地"),
        ("今天天气很好", "", "", "", "属地:不明; 主管部门:无(属地负责); 计分:属地"),
        ("路面坑洼", "", "", "", "属地:不明; 主管部门:领域「道路交通」; 计分:主管部门"),
    ])
    func unitBasis(content: String, township: String, village: String, department: String, expected: String) {
        let input = TestSupport.input(content: content, township: township, village: village, department: department)
        // Twice, after a demand with other parts: the memo gives each parts its own text.
        _ = classifier.classify(TestSupport.input(content: "停水", village: "东门社区"))
        #expect(classifier.classify(input).0.unitBasis == expected)
        #expect(classifier.classify(input).0.unitBasis == expected)
    }

    @Test func townshipIsPrimaryWhenDomainHasNoDepartment() {
        let (c, _) = classifier.classify(TestSupport.input(content: "宅基地地界纠纷", village: "东门社区"))
        #expect(c.domain == "宅基地与邻里纠纷")
        #expect(c.department == "")
        #expect(c.primaryUnit == "城关镇")
        #expect(c.primaryUnitType == "乡镇")
    }

    @Test func unknownDepartmentAndVillageAreKeptWithNotices() {
        let (c, notices) = classifier.classify(TestSupport.input(
            content: "停水", township: "城关镇", village: "不存在村", department: "县不存在局"))
        #expect(c.primaryUnit == "县不存在局")
        #expect(c.primaryUnitType == "未登记")
        #expect(Set(notices.map(\.column)) == ["村社区", "主管部门"])
        #expect(notices.allSatisfy { $0.message.contains("未登记") })
    }

    @Test func unknownPlaceGoesToUnknownTownship() {
        let (c, notices) = classifier.classify(TestSupport.input(content: "宅基地纠纷"))
        #expect(c.primaryUnit == Classifier.unknownTownship)
        #expect(notices.contains { $0.column == "乡镇" })
    }

    @Test(arguments: [
        (1, "路面坑洼", nil as Grade?, Grade.b, "一般诉求"),
        (5, "路面坑洼", nil, .a, "人数≥5"),
        (4, "路面坑洼", nil, .b, "一般诉求"),
        (6, "包工头欠薪，工地有安全隐患", nil, .a, "人数≥5; 关键词:欠薪、安全隐患"),
        (1, "楼道有火灾隐患", nil, .a, "关键词:火灾"),
        (9, "楼道有火灾隐患", .b, .b, "人工定级"),
        (1, "路面坑洼", .a, .a, "人工定级"),
    ])
    func grade(headcount: Int, content: String, given: Grade?, expected: Grade, basis: String) {
        let (c, _) = classifier.classify(TestSupport.input(content: content, headcount: headcount, grade: given))
        #expect(c.grade == expected)
        #expect(c.gradeBasis.text == basis)
    }
}
