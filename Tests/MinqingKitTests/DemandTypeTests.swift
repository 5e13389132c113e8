import Testing
@testable import MinqingKit

/// 诉求类型 and 解决情况 (SPEC §9): spellings, blanks, and which types are scored.
@Suite("诉求类型与解决情况 demand type and resolution")
struct DemandTypeTests {
    @Test(arguments: [
        ("投诉", DemandType.complaint), ("举报", .report), ("求助", .help), ("咨询", .consultation),
        ("建议", .suggestion), ("表扬", .praise), ("求决", .help), ("揭发控告", .report), ("意见建议", .suggestion),
        ("感谢", .praise), (" 投诉 ", .complaint), ("", .unclassified), ("　", .unclassified), ("未分类", .unclassified),
    ])
    func typeSpellings(text: String, type: DemandType) {
        #expect(DemandType(spelling: text) == type)
    }

    @Test(arguments: ["投诉举报", "其他", "complaint", "表扬信"])
    func unknownTypes(text: String) {
        #expect(DemandType(spelling: text) == nil)
    }

    /// 表扬 and 咨询 are counted but never scored, graded A by a rule, or an earlier demand for 重复诉求.
    @Test(arguments: [
        (DemandType.complaint, true), (.report, true), (.help, true), (.suggestion, true), (.unclassified, true),
        (.consultation, false), (.praise, false),
    ])
    func scored(type: DemandType, isScored: Bool) {
        #expect(type.isScored == isScored)
    }

    @Test(arguments: [
        ("已解决", Resolution.resolved), ("部分解决", .partlyResolved), ("未解决", .unresolved),
        ("", .notVisited), (" ", .notVisited), ("未回访", .notVisited), (" 已解决", .resolved),
    ])
    func resolutionSpellings(text: String, resolution: Resolution) {
        #expect(Resolution(spelling: text) == resolution)
    }

    @Test(arguments: ["是", "否", "解决", "已办结"])
    func unknownResolutions(text: String) {
        #expect(Resolution(spelling: text) == nil)
    }

    @Test(arguments: [
        (Resolution.resolved, true), (.partlyResolved, true), (.unresolved, true), (.notVisited, false),
    ])
    func resolutionRate(resolution: Resolution, counts: Bool) {
        #expect(resolution.countsInRate == counts)
    }
}
