/// Generated months of petition texts for the topic tests: everyday complaints about the county's places
/// in the same words every month, boilerplate endings, and planted topics of known size.
struct TopicMonthGenerator {
    /// A small deterministic random stream (SplitMix64).
    struct Stream {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) < p * 10_000 }
    }

    static let places = [
        "柳溪村", "青山社区", "御景湾小区", "黄土岭村", "新城社区", "石门乡", "龙泉村", "马鞍村", "花山社区", "江口镇",
        "荷叶村", "水口村", "双河村", "和平里小区", "电厂宿舍", "金鸡村", "新塘村", "兴隆小区", "城关镇", "云溪镇",
    ]
    static let complaints = [
        "路灯坏了好久没人修", "垃圾堆在路边没人清运", "已经停水三天了", "晚上广场舞噪音扰民", "孩子上学学位紧张",
        "门诊买药医保报销难", "道路坑洼下雨积水", "变压器容量不够经常跳闸", "下水道堵塞污水外溢", "养殖场臭气熏天",
        "工资被拖欠三个月", "楼道乱堆杂物存在消防隐患", "公交班次太少出行不便", "菜市场卖注水肉", "低保评定不公平",
        "拆迁补偿款迟迟不到位", "小区物业乱收费", "河道里有人倒垃圾", "村里的水泥路没有修完", "网吧接纳未成年人",
    ]
    static let endings = ["", "", "希望有关部门尽快处理。", "请尽快解决。", "盼早日回复。", "已经反映过好几次，一直没人管。"]

    /// One everyday text.
    static func everyday(_ stream: inout Stream) -> String {
        "\(stream.pick(places))\(stream.pick(complaints))。\(stream.pick(endings))"
    }

    /// `count` everyday texts.
    static func month(count: Int, seed: UInt64) -> [String] {
        var stream = Stream(state: seed)
        return (0..<count).map { _ in everyday(&stream) }
    }

    /// A planted topic: texts around one shared name, in different words, as different domains would file them.
    static let estateTopic = [
        "伊景园滨河苑的车位只卖不租，开发商要求捆绑购买储藏间。",
        "投诉伊景园滨河苑开发商车位捆绑销售，物业也不管。",
        "伊景园滨河苑地下车位必须和杂物间一起买，价格太高，业主意见很大。",
        "我是伊景园滨河苑业主，车位捆绑销售不合理，希望有关部门尽快处理。",
        "伊景园滨河苑小区车位捆绑出售，不买就不让停车，晚上车只能停在路边。",
        "反映伊景园滨河苑开发商违规捆绑销售车位的问题。",
        "伊景园滨河苑车位捆绑储藏室销售，是否合法？请相关部门核查。",
    ]
    static let roadTopic = [
        "107国道大货车超载超速，路面压坏了。",
        "107国道晚上大货车太多，噪音大，影响休息。",
        "107国道上的大货车撒漏砂石，骑车很危险。",
        "建议在107国道加装限速设施，大货车开得太快。",
        "107国道大货车把排水沟压塌了，下雨就积水。",
    ]

    /// `count` texts of a planted topic, cycling through its wordings with a place in front of some.
    static func planted(_ topic: [String], count: Int, seed: UInt64) -> [String] {
        var stream = Stream(state: seed)
        return (0..<count).map { i in (stream.chance(0.3) ? "\(stream.pick(places))居民反映：" : "") + topic[i % topic.count] }
    }
}
