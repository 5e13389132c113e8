import Foundation
import Testing
@testable import MinqingKit

/// SPEC §10's seeds checks: notices (提示) about seeds that load but probably do not mean what the
/// clerk meant.
@Suite("基础数据提示 seeds checks")
struct SeedChecksTests {
    /// (关键词 cell, keywords used, parts with other separators, corrected cell)
    static let cells: [(String, [String], [String], String)] = [
        ("停水|水压", ["停水", "水压"], [], "停水|水压"),
        ("停水、水压", ["停水", "水压"], ["停水、水压"], "停水|水压"),
        ("停水，水压|漏水", ["停水", "水压", "漏水"], ["停水，水压"], "停水|水压|漏水"),
        ("停水,水压", ["停水", "水压"], ["停水,水压"], "停水|水压"),
        ("停水;水压；漏水", ["停水", "水压", "漏水"], ["停水;水压；漏水"], "停水|水压|漏水"),
        ("停水 水压", ["停水", "水压"], ["停水 水压"], "停水|水压"),
        ("停水\u{3000}水压", ["停水", "水压"], ["停水\u{3000}水压"], "停水|水压"),
        ("停水、、水压|", ["停水", "水压"], ["停水、、水压"], "停水|水压"),
        (" 停水 | 水压 ", ["停水", "水压"], [], "停水|水压"),
        ("", [], [], ""),
        ("||", [], [], ""),
    ]

    @Test(arguments: cells)
    func keywordCellsAreSplit(_ text: String, _ keywords: [String], _ stray: [String], _ corrected: String) {
        let cell = KeywordCell(text)
        #expect(cell.keywords == keywords)
        #expect(cell.strayParts == stray)
        #expect(cell.corrected == corrected)
        #expect((cell.notice(domain: "供水", line: 2) == nil) == stray.isEmpty)
    }

    /// (cell, expected notice message)
    static let cellMessages: [(String, String)] = [
        ("停水、水压", "领域「供水」的关键词「停水、水压」用「、」隔开，minqing 只按 | 分隔关键词；本次已拆开分别使用。请用 | 分隔：停水|水压"),
        ("停水，水压|漏水 爆管", "领域「供水」的关键词「停水，水压」「漏水 爆管」用「，」、空格隔开，minqing 只按 | 分隔关键词；本次已拆开分别使用。请用 | 分隔：停水|水压|漏水|爆管"),
    ]

    @Test(arguments: cellMessages)
    func keywordCellNoticeNamesTheSplit(_ text: String, _ message: String) throws {
        let notice = try #require(KeywordCell(text).notice(domain: "供水", line: 3))
        #expect(notice == SeedNotice(file: "domains.csv", line: 3, column: "关键词", message: message))
        #expect(notice.description == "基础数据 domains.csv 第 3 行 关键词：" + message)
    }

    static func domains(_ rows: [(String, String)]) -> [DomainLine] {
        rows.enumerated().map { index, row in
            DomainLine(rule: DomainRule(name: row.0, department: "", keywords: KeywordCell(row.1).keywords), line: index + 2)
        }
    }

    /// (domains as (name, keywords), place names, expected (line, part of the message) per notice)
    static let placeCases: [([(String, String)], [String], [(Int, String)])] = [
        ([("道路交通", "桥|公路")], ["板桥村", "东门社区"], [(2, "关键词「桥」是登记地名「板桥村」的一部分")]),
        ([("道路交通", "桥")], ["板桥村", "石桥社区", "桥头村", "桥东村", "东门社区"],
         [(2, "登记地名「板桥村」「石桥社区」「桥头村」等 4 处的一部分：诉求内容中这些地名里的「桥」不给「道路交通」计票，其他位置照常计票。")]),
        ([("供水", "停水"), ("农田水利", "水库|河堤")], ["水库村", "河堤社区"],
         [(3, "「水库」是登记地名「水库村」的一部分"), (3, "「河堤」是登记地名「河堤社区」的一部分")]),
        ([("供水", "停水|水压")], ["板桥村", "城关镇"], []),
        ([("道路交通", "桥桥")], ["桥桥桥村"], [(2, "登记地名「桥桥桥村」的一部分")]),
        ([], ["板桥村"], []),
    ]

    @Test(arguments: placeCases)
    func keywordsInsidePlaceNames(_ rows: [(String, String)], _ places: [String], _ expected: [(Int, String)]) {
        let notices = KeywordInPlaceName.notices(domains: Self.domains(rows), placeNames: places)
        #expect(notices.count == expected.count, "\(notices)")
        for (notice, (line, part)) in zip(notices, expected) {
            #expect(notice.file == "domains.csv" && notice.column == "关键词" && notice.line == line)
            #expect(notice.message.contains(part), "\(notice.message)")
        }
    }

    /// (domains as (name, keywords), expected (line, message) per notice)
    static let sharedCases: [([(String, String)], [(Int, String)])] = [
        ([("供水", "停水|维修"), ("市政设施", "路灯|维修")],
         [(3, "关键词「维修」同时登记在领域「供水」（第 2 行）和「市政设施」（本行）：两个领域各计一票，票数相同时归入 domains.csv 中靠前的「供水」。请只在一个领域保留这个关键词。")]),
        ([("供水", "维修"), ("市政设施", "维修"), ("供电", "维修")],
         [(3, "「维修」同时登记在领域「供水」（第 2 行）和「市政设施」"), (4, "「维修」同时登记在领域「供水」（第 2 行）和「供电」")]),
        ([("供水", "停水|停水")], []),  // twice in one domain: not two domains
        ([("供水", "停水"), ("供电", "停电")], []),
    ]

    @Test(arguments: sharedCases)
    func keywordsInTwoDomains(_ rows: [(String, String)], _ expected: [(Int, String)]) {
        let notices = SharedKeyword.notices(domains: Self.domains(rows))
        #expect(notices.count == expected.count, "\(notices)")
        for (notice, (line, part)) in zip(notices, expected) {
            #expect(notice.line == line && notice.column == "关键词")
            #expect(notice.message.contains(part), "\(notice.message)")
        }
    }

    /// (places as (township, village), units.csv's units, expected (line, township) per notice)
    static let townshipCases: [([(String, String)], [String], [(Int, String)])] = [
        ([("城关镇", "东门社区"), ("云溪镇", "柳溪村"), ("云溪镇", "石桥村")], ["城关镇"], [(3, "云溪镇")]),
        ([("城关镇", "东门社区")], ["城关镇"], []),
        ([("甲镇", "一村"), ("乙镇", "二村"), ("甲镇", "三村")], [], [(2, "甲镇"), (3, "乙镇")]),
    ]

    @Test(arguments: townshipCases)
    func townshipsMissingFromUnits(_ rows: [(String, String)], _ units: [String], _ expected: [(Int, String)]) {
        let places = rows.enumerated().map { (place: Place(township: $1.0, village: $1.1, liaison: ""), line: $0 + 2) }
        let unitType = Dictionary(uniqueKeysWithValues: units.map { ($0, "乡镇") })
        let notices = TownshipWithoutUnit.notices(places: places, unitType: unitType)
        #expect(notices.map(\.line) == expected.map(\.0))
        #expect(notices.map(\.file).allSatisfy { $0 == "places.csv" })
        for (notice, (_, township)) in zip(notices, expected) {
            #expect(notice.message == "乡镇「\(township)」未在 units.csv 登记：以它为属地的诉求仍按乡镇计分，但单位名单不完整。请在 units.csv 加一行：\(township),乡镇")
        }
    }

    @Test func shippedSeedsHaveNoNotices() throws {
        #expect(try TestSupport.reference().notices.map(\.description) == [])
    }

    /// The example seeds with each check's fault: the folder still loads, the notices come by file, then
    /// line, and the split keywords classify.
    @Test func seedsWithFaultsLoadWithNotices() throws {
        let directory = try TestSupport.temporaryDirectory("seed-notices")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let seeds = directory + "/seeds"
        try FileManager.default.copyItem(atPath: TestSupport.seeds, toPath: seeds)
        func edit(_ file: String, _ change: (String) -> String) throws {
            let text = try String(contentsOfFile: seeds + "/" + file, encoding: .utf8)
            try TestSupport.write(change(text), to: seeds + "/" + file)
        }
        try edit("domains.csv") {
            $0.replacingOccurrences(of: "停水|自来水|", with: "停水、断水|自来水|") + "桥梁,,桥|公路\n"
        }
        try edit("places.csv") { $0 + "白云乡,白云村,\n" }
        let reference = try ReferenceLoader.load(folder: seeds)
        #expect(reference.notices.map { "\($0.file):\($0.line) \($0.column)" } == [
            "domains.csv:2 关键词", "domains.csv:21 关键词", "domains.csv:21 关键词", "places.csv:56 乡镇",
        ], "\(reference.notices.map(\.description))")
        #expect(reference.notices[1].message.contains("「桥」是登记地名「大桥村」「石桥村」的一部分"))
        #expect(reference.notices[2].message.contains("「公路」同时登记在领域「道路交通」（第 3 行）和「桥梁」"))
        let classifier = Classifier(reference: reference, rules: GradingRules())
        #expect(classifier.classify(TestSupport.input(content: "村里断水三天")).0.domain == "供水")
    }
}
