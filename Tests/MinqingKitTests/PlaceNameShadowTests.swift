import Foundation
import Testing
@testable import MinqingKit

/// A domain keyword inside a registered place name (`桥` in 大桥村) does not vote where the text names
/// that place (SPEC §10).
@Suite("地名中的关键词 keywords inside place names")
struct PlaceNameShadowTests {
    /// (诉求内容, domain) with the example seeds plus a keyword 桥 for 道路交通 (the seeds have 大桥村 and
    /// 石桥村).
    static let cases: [(String, String)] = [
        ("大桥村有人反映情况", "其他"),
        ("石桥村和大桥村", "其他"),
        ("村口的桥塌了", "道路交通"),
        ("大桥村的桥塌了", "道路交通"),  // one 桥 outside the place name
        ("大桥村停水", "供水"),
        ("桥桥", "道路交通"),
        ("大桥", "道路交通"),  // not the registered name 大桥村
    ]

    static let classifier: Classifier? = {
        guard let directory = try? TestSupport.temporaryDirectory("shadow") else { return nil }
        let seeds = directory + "/seeds"
        guard (try? FileManager.default.copyItem(atPath: TestSupport.seeds, toPath: seeds)) != nil,
              let text = try? String(contentsOfFile: seeds + "/domains.csv", encoding: .utf8),
              (try? TestSupport.write(text.replacingOccurrences(of: "公路|路面|", with: "公路|桥|路面|"),
                                      to: seeds + "/domains.csv")) != nil,
              let reference = try? ReferenceLoader.load(folder: seeds) else { return nil }
        return Classifier(reference: reference, rules: GradingRules())
    }()

    @Test(arguments: cases)
    func keywordsInsidePlaceNamesDoNotVote(_ content: String, _ domain: String) throws {
        let classifier = try #require(Self.classifier)
        #expect(classifier.classify(TestSupport.input(content: content)).0.domain == domain, "\(content)")
    }

    /// (keywords, place names, text, patterns reported inside a place)
    static let shadowCases: [([String], [String], String, [Int])] = [
        (["桥", "公路"], ["大桥村"], "大桥村的桥", [0]),
        (["桥", "公路"], ["大桥村"], "桥", []),
        (["桥"], ["大桥村", "桥头村"], "大桥村桥头村", [0, 0]),
        (["桥"], ["大桥村", "大桥"], "大桥村", [0]),  // inside two names at once: once
        (["公路"], ["大桥村"], "大桥村公路", []),
    ]

    @Test(arguments: shadowCases)
    func hitsInsidePlaces(_ keywords: [String], _ places: [String], _ text: String, _ expected: [Int]) {
        let shadow = PlaceNameShadow(patterns: keywords, domainKeywordCount: keywords.count, placeNames: places)
        var found: [Int] = []
        shadow.forEachHitInsidePlace(in: text) { found.append($0) }
        #expect(found == expected)
    }
}
