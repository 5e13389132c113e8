import Testing
@testable import MinqingKit

/// SPEC §10: an unknown 乡镇 or 村社区 within one edit of a registered one is named in its notice.
@Suite("相近地名 near place names")
struct NearNameIndexTests {
    static let villages = ["柳溪村", "柳塘村", "大桥村", "石桥村", "白云山村", "白云村口", "东村", "江口社区"]

    /// (spelling, the registered name suggested or nil)
    static let cases: [(String, String?)] = [
        ("柳西村", "柳溪村"),          // one character replaced
        ("柳溪", "柳溪村"),            // one left out at the end
        ("柳村", "柳溪村"),            // one left out inside: 柳溪村 and 柳塘村, the first wins
        ("柳溪村村", "柳溪村"),        // one too many
        ("柳x溪村", "柳溪村"),
        ("大桥", "大桥村"),
        ("小桥村", "大桥村"),          // 大桥村 and 石桥村 are both one edit away: the first
        ("石桥", "石桥村"),
        ("白云", "白云山村"),          // begins two names of four characters: the first
        ("白云山", "白云山村"),
        ("西村", "东村"),
        ("江口", "江口社区"),          // two edits, but 江口社区 begins with it
        ("柳溪村", nil),               // registered
        ("柳", nil),                   // too short
        ("", nil),
        ("溪柳村", nil),               // two characters swapped: two edits
        ("青山镇", nil),
        ("完全不同的名字", nil),
    ]

    @Test(arguments: cases)
    func suggestsTheNearName(_ spelling: String, _ expected: String?) {
        #expect(NearNameIndex(Self.villages).nearest(to: spelling) == expected, "\(spelling)")
    }

    /// (names, spelling, suggestion): the order of the names decides between equally near ones, and a
    /// shorter name beginning with the spelling beats a longer one.
    static let orderCases: [([String], String, String?)] = [
        (["石桥村", "大桥村"], "小桥村", "石桥村"),
        (["大桥村", "石桥村"], "小桥村", "大桥村"),
        (["白云山庄村", "白云村口"], "白云", "白云村口"),
        (["白云村口", "白云山庄村"], "白云", "白云村口"),
        (["城关镇", "城关镇"], "城关", "城关镇"),
        ([], "城关", nil),
    ]

    @Test(arguments: orderCases)
    func orderDecides(_ names: [String], _ spelling: String, _ expected: String?) {
        #expect(NearNameIndex(names).nearest(to: spelling) == expected)
    }

    /// (township, village, expected notice messages) with the example seeds.
    static let noticeCases: [(String, String, [String])] = [
        ("", "柳糖村", ["村社区「柳糖村」未在 places.csv 登记（类型 未登记），已按原值保留。是否为「柳塘村」？",
                       "乡镇为空且村社区无法查到，属地不明，计入「属地不明」。"]),
        ("城关", "", ["乡镇「城关」未在 places.csv 或 units.csv 登记（类型 未登记），已按原值保留。是否为「城关镇」？"]),
        ("青山乡", "", ["乡镇「青山乡」未在 places.csv 或 units.csv 登记（类型 未登记），已按原值保留。是否为「青山镇」？"]),
        ("花山", "", ["乡镇「花山」未在 places.csv 或 units.csv 登记（类型 未登记），已按原值保留。是否为「花山街道」？"]),
        ("火星镇", "不存在村", ["村社区「不存在村」未在 places.csv 登记（类型 未登记），已按原值保留。",
                             "乡镇「火星镇」未在 places.csv 或 units.csv 登记（类型 未登记），已按原值保留。"]),
    ]

    @Test(arguments: noticeCases)
    func classifierNoticesAskAboutTheNearName(_ township: String, _ village: String, _ expected: [String]) throws {
        let classifier = Classifier(reference: try TestSupport.reference(), rules: GradingRules())
        for _ in 0..<2 {  // the second time from the memo
            let (_, notices) = classifier.classify(TestSupport.input(content: "停水", township: township, village: village))
            #expect(notices.map(\.message) == expected)
        }
    }
}
