import Foundation

/// What the classifier looks up about one name (a 村社区, 乡镇, 领域 or 单位 as written in the input),
/// found once per distinct name.
struct NameFacts {
    /// The name is a registered 领域 (or 其他).
    var isDomain: Bool
    /// The 领域's rule, when it is one.
    var domainRule: DomainRule?
    /// The 村社区 of that name, when registered.
    var place: Place?
    /// The name is a registered 乡镇.
    var isTownship: Bool
    /// The name is a registered unit (units.csv).
    var isUnit: Bool
    /// The unit type of the name (registered type, 乡镇（街道）, or 未登记).
    var unitType: String
}

/// The classifier's name lookups, memoised by the names' UTF-8 bytes: hashing Chinese `String`s six
/// times a row was a fifth of the classifier's time. Safe to share between threads (one lock per
/// demand classified).
final class ReferenceLookups: @unchecked Sendable {
    private let reference: ReferenceData
    private let lock = NSLock()
    private let names = ByteInterner()
    private var facts: [NameFacts] = []
    /// 责任依据 texts already made, by ``UnitBasisParts/key(domainNumber:)``: a few dozen distinct ones in
    /// a month of any size.
    private var unitBases: [Int: String] = [:]
    /// The registered 村社区 and 乡镇 a misspelt one probably means.
    private let nearVillages: NearNameIndex
    private let nearTownships: NearNameIndex
    /// The notices of unknown 村社区 and 乡镇 already made, by the name's number: unknown spellings repeat.
    private var unknownVillageNotices: [Int: Notice] = [:]
    private var unknownTownshipNotices: [Int: Notice] = [:]

    init(reference: ReferenceData) {
        self.reference = reference
        nearVillages = NearNameIndex(reference.places.map(\.village))
        nearTownships = NearNameIndex(
            reference.places.map(\.township)
                + reference.units.filter { $0.type == ReferenceData.townshipType }.map(\.name))
    }

    /// The notice of a 村社区 places.csv does not know, naming the registered one it probably means
    /// (call inside ``with(_:)``).
    func unknownVillageNotice(_ village: String) -> Notice {
        Self.memoised(names.id(village), in: &unknownVillageNotices) {
            Notice(
                column: "村社区",
                message: "村社区「\(village)」未在 places.csv 登记（类型 未登记），已按原值保留。"
                    + Self.question(nearVillages.nearest(to: village)))
        }
    }

    /// The notice of a 乡镇 neither places.csv nor units.csv knows, naming the registered one it
    /// probably means (call inside ``with(_:)``).
    func unknownTownshipNotice(_ township: String) -> Notice {
        Self.memoised(names.id(township), in: &unknownTownshipNotices) {
            Notice(
                column: "乡镇",
                message: "乡镇「\(township)」未在 places.csv 或 units.csv 登记（类型 未登记），已按原值保留。"
                    + Self.question(nearTownships.nearest(to: township)))
        }
    }

    /// The notice kept for the name numbered `id` in `cache`, made once; made afresh, unkept, for a
    /// name the interner did not number.
    private static func memoised(_ id: Int?, in cache: inout [Int: Notice], _ make: () -> Notice) -> Notice {
        guard let id else { return make() }
        if let notice = cache[id] { return notice }
        let notice = make()
        cache[id] = notice
        return notice
    }

    /// `是否为「柳溪村」？`, or nothing without a near name.
    static func question(_ near: String?) -> String {
        near.map { "是否为「\($0)」？" } ?? ""
    }

    /// Runs `body` with exclusive use of the memo.
    func with<T>(_ body: (ReferenceLookups) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(self)
    }

    /// The facts of `name` (call inside ``with(_:)``).
    func facts(_ name: String) -> NameFacts {
        let id = names.id(name) ?? 0
        if id < facts.count { return facts[id] }
        let rule = reference.domainByName[name]
        let made = NameFacts(
            isDomain: rule != nil || name == ReferenceData.otherDomain, domainRule: rule,
            place: reference.placeByVillage[name], isTownship: reference.townships.contains(name),
            isUnit: reference.unitType[name] != nil, unitType: reference.type(ofUnit: name))
        facts.append(made)
        return made
    }

    /// The 责任依据 text of `parts`, made once per distinct text (call inside ``with(_:)``).
    func unitBasis(_ parts: UnitBasisParts) -> String {
        var domainNumber = -1
        if case .domain(let domain) = parts.department { domainNumber = names.id(domain) ?? -1 }
        let key = parts.key(domainNumber: domainNumber)
        if let text = unitBases[key] { return text }
        let text = parts.text
        unitBases[key] = text
        return text
    }
}

/// The three parts of 责任依据 (SPEC §3): how the 属地 was found, where the 主管部门 came from, and which
/// unit is scored.
struct UnitBasisParts {
    enum Place: Int {
        case given, fromVillage, unknown
    }

    enum Department {
        case given
        /// The competent department of this domain.
        case domain(String)
        /// None: the township is responsible.
        case none
    }

    enum Scored: Int {
        case department, township
    }

    var place = Place.unknown
    var department = Department.none
    var scored = Scored.township

    /// `属地:填写; 主管部门:领域「城乡建设」; 计分:主管部门`.
    var text: String {
        let place = switch self.place {
        case .given: "属地:填写"
        case .fromVillage: "属地:由村社区查得"
        case .unknown: "属地:不明"
        }
        let department = switch self.department {
        case .given: "主管部门:填写"
        case .domain(let domain): "主管部门:领域「\(domain)」"
        case .none: "主管部门:无(属地负责)"
        }
        let scored = switch self.scored {
        case .department: "计分:主管部门"
        case .township: "计分:属地"
        }
        return place + "; " + department + "; " + scored
    }

    /// A number for the parts, the domain given by its number (−1 when none).
    func key(domainNumber: Int) -> Int {
        let department = switch self.department {
        case .given: 0
        case .domain: 1
        case .none: 2
        }
        return place.rawValue | department << 2 | scored.rawValue << 4 | (domainNumber + 1) << 6
    }
}
