/// Builds a ``MonthSummary`` from the month's demands in one pass, in memory proportional to the number
/// of units, domains, channels and villages (never to the number of demands).
struct MonthAggregator {
    let reference: ReferenceData
    let scoring: ScoringRules
    private var totals = Tally()
    private var resolvedByTownships = 0
    /// Names (domains, channels, units, townships, villages) are counted under numbers from this
    /// interner: hashing Chinese `String`s for every demand was a tenth of the report's time.
    /// Owned by this value alone (never copied out).
    private let names = ByteInterner()
    private let townshipTypeID: Int?
    private var domainChannel: [Int: Int] = [:]
    private var units: [Int: (type: String, tally: Tally)] = [:]
    private var liaisons: [Int: Tally] = [:]
    private var townships: [Int: Tally] = [:]

    /// An aggregator for the workspace's seeds and scoring rules.
    init(reference: ReferenceData, scoring: ScoringRules) {
        self.reference = reference
        self.scoring = scoring
        townshipTypeID = names.id(ReferenceData.townshipType)
    }

    /// Adds one demand.
    mutating func add(_ facts: DemandFacts) {
        totals.add(facts)
        let unit = id(facts.primaryUnit)
        if facts.status == .resolved && id(facts.primaryUnitType) == townshipTypeID { resolvedByTownships += 1 }
        domainChannel[Self.pair(id(facts.domain), id(facts.channel)), default: 0] += 1
        if units[unit] == nil { units[unit] = (facts.primaryUnitType, Tally()) }
        units[unit]?.tally.add(facts)
        if !facts.liaison.isEmpty { liaisons[Self.pair(id(facts.liaison), id(facts.village)), default: Tally()].add(facts) }
        townships[id(facts.township.isEmpty ? Classifier.unknownTownship : facts.township), default: Tally()].add(facts)
    }

    private func id(_ name: String) -> Int { names.id(name) ?? -1 }
    private static func pair(_ a: Int, _ b: Int) -> Int { a << 32 | b }

    /// The summary; previous-month figures are filled in by the caller.
    func summary(month: YearMonth) -> MonthSummary {
        let channelSeen = Set(domainChannel.keys.map { names.string($0 & 0xFFFF_FFFF) })
        let domainSeen = Set(domainChannel.keys.map { names.string($0 >> 32) })
        func count(_ domain: String, _ channel: String) -> Int {
            guard let d = names.id(domain, adding: false), let c = names.id(channel, adding: false) else { return 0 }
            return domainChannel[Self.pair(d, c)] ?? 0
        }
        func liaisonTally(_ unit: String, _ village: String) -> Tally {
            guard let u = names.id(unit, adding: false), let v = names.id(village, adding: false) else { return Tally() }
            return liaisons[Self.pair(u, v)] ?? Tally()
        }
        let channels = reference.channels + channelSeen.subtracting(reference.channels).sorted()
        let domainNames = reference.domains.map(\.name) + [ReferenceData.otherDomain]
        let domains = (domainNames + domainSeen.subtracting(domainNames).sorted()).map { domain in
            let counts = channels.map { count(domain, $0) }
            return DomainRow(domain: domain, perChannel: counts, total: counts.reduce(0, +))
        }
        let channelTotals = channels.indices.map { c in domains.reduce(0) { $0 + $1.perChannel[c] } }

        let unitRows = units.map { id, entry in
            UnitRow(
                unit: names.string(id), type: entry.type, tally: entry.tally,
                score: scoring.score(resolved: entry.tally.scoredResolved, unresolved: entry.tally.scoredUnresolved))
        }.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let ra = a.tally.resolutionRate ?? 0, rb = b.tally.resolutionRate ?? 0
            if ra != rb { return ra > rb }
            return a.unit < b.unit
        }

        let unitOrder = Dictionary(reference.units.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let liaisonRows = reference.places.filter { !$0.liaison.isEmpty }.map {
            LiaisonRow(unit: $0.liaison, village: $0.village, tally: liaisonTally($0.liaison, $0.village))
        }.enumerated().sorted { a, b in
            let ua = unitOrder[a.element.unit] ?? Int.max, ub = unitOrder[b.element.unit] ?? Int.max
            return ua != ub ? ua < ub : a.offset < b.offset
        }.map(\.element)

        var townshipNames: [String] = []
        for place in reference.places where !townshipNames.contains(place.township) { townshipNames.append(place.township) }
        townshipNames += Set(townships.keys.map { names.string($0) }).subtracting(townshipNames).sorted()
        let townshipRows = townshipNames.map { name in
            TownshipRow(township: name, tally: names.id(name, adding: false).flatMap { townships[$0] } ?? Tally())
        }

        return MonthSummary(
            month: month, totals: totals, resolvedByTownships: resolvedByTownships, previousMonthTotal: nil,
            sameMonthLastYearTotal: nil, channels: channels, channelTotals: channelTotals, domains: domains,
            units: unitRows, liaisons: liaisonRows, townships: townshipRows)
    }
}
