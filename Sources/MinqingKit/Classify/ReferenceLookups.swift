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

    init(reference: ReferenceData) {
        self.reference = reference
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
}
