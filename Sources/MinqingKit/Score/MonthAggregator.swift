/// Builds a ``MonthSummary`` from the month's demands in one pass, in memory proportional to the number
/// of units, domains, channels and villages (never to the number of demands).
struct MonthAggregator {
    let reference: ReferenceData
    let scoring: ScoringRules
    let attention: AttentionRule
    private var totals = Tally()
    /// The unit counts from earlier months' demands (SPEC §8), by unit: its type, 往月诉求本月办结,
    /// 超期未办结, and A-grade demands 已超期 (any month).
    private var earlier: [Int: (type: String, lateResolved: Int, overdueOpen: Int, overdueA: Int)] = [:]
    private var backlog = Backlog()
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
    /// Demands by 乡镇, 村社区 and domain (预警, SPEC §11).
    private var villageDomains: [PlaceDomain: Int] = [:]

    /// A 村社区 (with its 乡镇) and a domain, by their numbers.
    private struct PlaceDomain: Hashable {
        var township: Int
        var village: Int
        var domain: Int
    }

    /// An aggregator for the workspace's seeds and scoring rules.
    init(reference: ReferenceData, scoring: ScoringRules, attention: AttentionRules = AttentionRules()) {
        self.reference = reference
        self.scoring = scoring
        self.attention = AttentionRule(rules: attention)
        townshipTypeID = names.id(ReferenceData.townshipType)
    }

    /// Adds one demand.
    mutating func add(_ facts: DemandFacts) {
        totals.add(facts)
        let unit = id(facts.primaryUnit)
        if facts.status == .resolved && id(facts.primaryUnitType) == townshipTypeID { resolvedByTownships += 1 }
        let domain = id(facts.domain)
        domainChannel[Self.pair(domain, id(facts.channel)), default: 0] += 1
        if units[unit] == nil { units[unit] = (facts.primaryUnitType, Tally()) }
        units[unit]?.tally.add(facts)
        let village = id(facts.village)
        if !facts.liaison.isEmpty { liaisons[Self.pair(id(facts.liaison), village), default: Tally()].add(facts) }
        let township = id(facts.township.isEmpty ? Classifier.unknownTownship : facts.township)
        townships[township, default: Tally()].add(facts)
        if !facts.village.isEmpty { villageDomains[PlaceDomain(township: township, village: village, domain: domain), default: 0] += 1 }
    }

    /// Adds an earlier month's demand that this month's input resolved (往月诉求本月办结).
    mutating func addLateResolved(_ facts: DemandFacts) {
        backlog.resolvedEarlier += 1
        guard facts.isScored else { return }
        let unit = id(facts.primaryUnit)
        earlier[unit, default: (facts.primaryUnitType, 0, 0, 0)].lateResolved += 1
    }

    /// Adds one of the month's own demands, stamped by the clock; true when it is open at the month's end
    /// and received in the month (then it is added as open too: a 补录 received before the month was
    /// added among the open demands read before the month's). The bulletin's pass and the figures `ingest`
    /// keeps both add the month through this.
    mutating func addMonthDemand(_ demand: ReportDemand, facts: DemandFacts, firstDay: Day) -> Bool {
        add(facts)
        guard facts.status != .resolved && demand.receivedDay >= firstDay.dayNumber else { return false }
        addOpen(facts, days: demand.clock?.handlingDays ?? 0, earlier: false)
        return true
    }

    /// Adds a demand open at the month's end (any month of receipt; `earlier`: not this month's),
    /// `days` 已办天数 old.
    mutating func addOpen(_ facts: DemandFacts, days: Int, earlier isEarlier: Bool) {
        let overdue = facts.timeliness == .overdue
        backlog.addOpen(days: days, overdue: overdue, earlier: isEarlier)
        guard overdue else { return }
        let unit = id(facts.primaryUnit)
        if isEarlier && facts.isScored { earlier[unit, default: (facts.primaryUnitType, 0, 0, 0)].overdueOpen += 1 }
        if facts.grade == .a { earlier[unit, default: (facts.primaryUnitType, 0, 0, 0)].overdueA += 1 }
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

        var unitRows = units.map { id, entry in
            UnitRow(unit: names.string(id), type: entry.type, tally: entry.tally, score: 0)
        }
        for (id, counts) in earlier where units[id] == nil {
            unitRows.append(UnitRow(unit: names.string(id), type: counts.type, tally: Tally(), score: 0))
        }
        for k in unitRows.indices {
            if let id = names.id(unitRows[k].unit, adding: false), let counts = earlier[id] {
                (unitRows[k].lateResolved, unitRows[k].overdueOpen, unitRows[k].overdueA) =
                    (counts.lateResolved, counts.overdueOpen, counts.overdueA)
            }
            let row = unitRows[k]
            unitRows[k].score = scoring.score(
                resolved: row.tally.scoredResolved, unresolved: row.tally.scoredUnresolved,
                lateResolved: row.lateResolved, overdueOpen: row.overdueOpen)
        }
        unitRows.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            let ra = a.tally.resolutionRate ?? 0, rb = b.tally.resolutionRate ?? 0
            if ra != rb { return ra > rb }
            return a.unit < b.unit
        }
        let attentionList = unitRows.compactMap { row -> AttentionEntry? in
            let reasons = attention.reasons(row)
            return reasons.isEmpty ? nil : AttentionEntry(unit: row.unit, reasons: reasons)
        }
        var backlog = self.backlog
        backlog.received = totals.total
        backlog.resolvedOwn = totals.resolved

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

        let villageDomainRows = villageDomains.map { key, demands in
            VillageDomainCount(
                township: names.string(key.township), village: names.string(key.village), domain: names.string(key.domain),
                demands: demands)
        }.sorted { ($0.township, $0.village, $0.domain) < ($1.township, $1.village, $1.domain) }

        return MonthSummary(
            month: month, totals: totals, resolvedByTownships: resolvedByTownships, previousMonthTotal: nil,
            sameMonthLastYearTotal: nil, channels: channels, channelTotals: channelTotals, domains: domains,
            units: unitRows, liaisons: liaisonRows, townships: townshipRows, backlog: backlog, attention: attentionList,
            villageDomains: villageDomainRows)
    }
}
