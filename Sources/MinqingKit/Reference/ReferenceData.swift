/// A village or community (村社区), its township (乡镇) and its liaison unit (双联系单位).
struct Place: Sendable, Equatable {
    var township: String
    var village: String
    /// Blank when the village has no liaison unit.
    var liaison: String
}

/// A domain (涉及领域), its competent department and the keywords that recognise it.
struct DomainRule: Sendable, Equatable {
    var name: String
    /// Blank when the township (属地) is responsible.
    var department: String
    var keywords: [String]
    /// 办理时限 in days from domains.csv's optional 4th column (SPEC §8); nil: the grade's limit applies.
    var timeLimitDays: Int? = nil
}

/// The county's reference data (SPEC §2), loaded from the seeds folder and checked.
struct ReferenceData: Sendable {
    /// The name of the domain given to demands no keyword recognises.
    static let otherDomain = "其他"
    /// The 类型 of a unit the seeds do not know.
    static let unregisteredType = "未登记"
    /// The 类型 of a township unit.
    static let townshipType = "乡镇"

    /// Places in file order.
    var places: [Place]
    /// Places by 村社区.
    var placeByVillage: [String: Place]
    /// Units in file order with their 类型.
    var units: [(name: String, type: String)]
    /// 类型 by unit name.
    var unitType: [String: String]
    /// Domains in file order (the order breaks keyword ties).
    var domains: [DomainRule]
    /// Domains by name.
    var domainByName: [String: DomainRule]
    /// Channel names in file order.
    var channels: [String]
    /// Channel name by every spelling (names and aliases, lowercased).
    var channelBySpelling: [String: String]
    /// Township names (from places.csv and units of 类型 乡镇).
    var townships: Set<String>
    /// The holidays and 调休 workdays of the optional holidays.csv (SPEC §8); empty without the file.
    var holidays = HolidayCalendar()
    /// What the seeds checks noticed (SPEC §10), by file, then line; the data loaded all the same.
    var notices: [SeedNotice] = []

    /// The registered 村社区 and 乡镇 names, each once: villages in places.csv order, then the townships
    /// (places.csv's, then units.csv's) that are not also a village's name.
    var placeNames: [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for name in places.map(\.village) + places.map(\.township) + units.filter({ $0.type == ReferenceData.townshipType }).map(\.name)
        where seen.insert(name).inserted {
            names.append(name)
        }
        return names
    }

    /// The canonical channel for a spelling, or nil when unknown.
    func channel(for spelling: String) -> String? {
        // The spelling as written first: lower-casing every row's channel cost more than the lookup.
        channelBySpelling[spelling] ?? channelBySpelling[spelling.lowercased()]
    }

    /// The 类型 of a unit: from units.csv, 乡镇 for a known township, else 未登记.
    func type(ofUnit unit: String) -> String {
        if let type = unitType[unit] { return type }
        if townships.contains(unit) { return ReferenceData.townshipType }
        return ReferenceData.unregisteredType
    }
}
