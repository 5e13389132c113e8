/// Builds a ``MonthSummary`` from the month's demands in one pass, in memory proportional to the number
/// of units, domains, channels and villages (never to the number of demands).
public struct MonthAggregator {
    let reference: ReferenceData
    let scoring: ScoringRules
    private var totals = Tally()
    private var resolvedByTownships = 0
    private var domainChannel: [String: [String: Int]] = [:]
    private var channelSeen: Set<String> = []
    private var domainSeen: Set<String> = []
    private var units: [String: (type: String, tally: Tally)] = [:]
    private var liaisons: [String: Tally] = [:]
    private var townships: [String: Tally] = [:]

    /// An aggregator for the workspace's seeds and scoring rules.
    public init(reference: ReferenceData, scoring: ScoringRules) {
        self.reference = reference
        self.scoring = scoring
    }

    /// Adds one demand.
    public mutating func add(_ facts: DemandFacts) {
        totals.add(facts)
        if facts.status == .resolved && facts.primaryUnitType == ReferenceData.townshipType { resolvedByTownships += 1 }
        domainChannel[facts.domain, default: [:]][facts.channel, default: 0] += 1
        channelSeen.insert(facts.channel)
        domainSeen.insert(facts.domain)
        units[facts.primaryUnit, default: (facts.primaryUnitType, Tally())].tally.add(facts)
        if !facts.liaison.isEmpty { liaisons[facts.liaison + "\u{1F}" + facts.village, default: Tally()].add(facts) }
        townships[facts.township.isEmpty ? Classifier.unknownTownship : facts.township, default: Tally()].add(facts)
    }

    /// The summary; previous-month figures are filled in by the caller.
    public func summary(month: YearMonth) -> MonthSummary {
        let channels = reference.channels + channelSeen.subtracting(reference.channels).sorted()
        let domainNames = reference.domains.map(\.name) + [ReferenceData.otherDomain]
        let domains = (domainNames + domainSeen.subtracting(domainNames).sorted()).map { domain in
            let counts = channels.map { domainChannel[domain]?[$0] ?? 0 }
            return DomainRow(domain: domain, perChannel: counts, total: counts.reduce(0, +))
        }
        let channelTotals = channels.indices.map { c in domains.reduce(0) { $0 + $1.perChannel[c] } }

        let unitRows = units.map { name, entry in
            UnitRow(
                unit: name, type: entry.type, tally: entry.tally,
                score: scoring.score(resolved: entry.tally.resolved, unresolved: entry.tally.unresolved))
        }.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let ra = a.tally.resolutionRate ?? 0, rb = b.tally.resolutionRate ?? 0
            if ra != rb { return ra > rb }
            return a.unit < b.unit
        }

        let unitOrder = Dictionary(reference.units.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let liaisonRows = reference.places.filter { !$0.liaison.isEmpty }.map {
            LiaisonRow(unit: $0.liaison, village: $0.village, tally: liaisons[$0.liaison + "\u{1F}" + $0.village] ?? Tally())
        }.enumerated().sorted { a, b in
            let ua = unitOrder[a.element.unit] ?? Int.max, ub = unitOrder[b.element.unit] ?? Int.max
            return ua != ub ? ua < ub : a.offset < b.offset
        }.map(\.element)

        var townshipNames: [String] = []
        for place in reference.places where !townshipNames.contains(place.township) { townshipNames.append(place.township) }
        townshipNames += Set(townships.keys).subtracting(townshipNames).sorted()
        let townshipRows = townshipNames.map { TownshipRow(township: $0, tally: townships[$0] ?? Tally()) }

        return MonthSummary(
            month: month, totals: totals, resolvedByTownships: resolvedByTownships, previousMonthTotal: nil,
            sameMonthLastYearTotal: nil, channels: channels, channelTotals: channelTotals, domains: domains,
            units: unitRows, liaisons: liaisonRows, townships: townshipRows)
    }
}
