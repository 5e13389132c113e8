/// One 热点诉求 of the month (SPEC §11), as the workbook and the bulletin show it.
struct Topic: Sendable, Equatable {
    /// What a committee would call it: the shared term and what its demands are about (伊景园滨河苑 捆绑销售).
    var name: String
    /// The term every one of its demands holds (folded, see ``TextGrams/folded(_:)``).
    var anchor: String
    /// Its demands in the month.
    var count: Int
    /// Its share of the month's demands (0…1).
    var share: Double
    /// Distinct petitioners among its demands (by 联系电话, else 诉求人; a demand with neither counts once).
    var petitioners: Int
    /// The domains and units (主责单位) its demands fell to, most demands first.
    var domains: [NamedCount]
    var units: [NamedCount]
    /// Its demands in the previous month: nil when that month has no data; ``previousIsEstimate`` when
    /// counted on a sample of a large month and scaled.
    var previousCount: Int?
    var previousIsEstimate = false
    /// One of its demands' 诉求内容, masked as the reports mask (the first that also holds the subject term).
    var example: String
    /// The 编号 of its demands, in 受理日期 order.
    var ids: [String]
    /// 疑似群体性诉求: at least `collective_petitioners` distinct petitioners.
    var isCollective: Bool
}

/// A name and how many demands it has.
struct NamedCount: Sendable, Equatable {
    var name: String
    var count: Int
}

/// SPEC §11's `[topics]` settings.
struct TopicSettings: Sendable, Equatable {
    /// A topic has at least this many demands (`min_demands`).
    var minDemands = 5
    /// A topic with at least this many distinct petitioners is 疑似群体性诉求 (`collective_petitioners`).
    var collectivePetitioners = 5
    /// At most this many topics are shown.
    var maxTopics = 10

    /// The finder's settings for these.
    var finder: TopicFinder.Settings {
        var settings = TopicFinder.Settings()
        settings.minDemands = minDemands
        settings.maxTopics = maxTopics
        return settings
    }
}
