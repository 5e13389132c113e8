/// Classifies demands per SPEC §3: domain by keywords, responsible units, and grade by the row's own
/// facts (headcount, A keywords). Repeat demands (重复诉求) need the month and its history: they are
/// marked while the month is stored (``RepeatTracker``, whose answers are those of ``RepeatDetector``).
struct Classifier: Sendable {
    /// The primary unit of a demand whose township cannot be found.
    static let unknownTownship = "属地不明"

    let reference: ReferenceData
    let rules: GradingRules
    /// Domain keywords first (index < domainKeywordCount), then A keywords.
    let matcher: KeywordMatcher
    let patternDomain: [Int]
    let domainKeywordCount: Int
    let lookups: ReferenceLookups
    let gradeRule: RowGradeRule
    /// Domain keywords inside registered place names, which do not vote there.
    let shadow: PlaceNameShadow

    /// Prepares the keyword automaton for the seeds' domains and the config's A keywords.
    init(reference: ReferenceData, rules: GradingRules) {
        self.reference = reference
        self.rules = rules
        var patterns: [String] = []
        var patternDomain: [Int] = []
        for (index, domain) in reference.domains.enumerated() {
            for keyword in domain.keywords {
                patterns.append(keyword)
                patternDomain.append(index)
            }
        }
        domainKeywordCount = patterns.count
        patterns.append(contentsOf: rules.aKeywords)
        self.patternDomain = patternDomain
        self.matcher = KeywordMatcher(patterns: patterns)
        self.shadow = PlaceNameShadow(
            patterns: patterns, domainKeywordCount: domainKeywordCount, placeNames: reference.placeNames)
        self.lookups = ReferenceLookups(reference: reference)
        self.gradeRule = RowGradeRule(groupHeadcount: rules.groupHeadcount)
    }

    /// Classifies one demand; notices say what was kept although the seeds do not know it.
    func classify(_ input: DemandInput) -> (Classification, [Notice]) {
        lookups.with { classify(input, $0) }
    }

    private func classify(_ input: DemandInput, _ lookups: ReferenceLookups) -> (Classification, [Notice]) {
        var notices: [Notice] = []
        var domainHits = [Int](repeating: 0, count: reference.domains.count)
        var aHits: [String] = []
        var shadowedHit = false
        matcher.forEachMatch(in: input.content) { pattern in
            if pattern < domainKeywordCount {
                domainHits[patternDomain[pattern]] += 1
                if shadow.isShadowed[pattern] { shadowedHit = true }
            } else {
                let word = matcher.patterns[pattern]
                if !aHits.contains(word) { aHits.append(word) }
            }
        }
        if shadowedHit {
            // `桥` inside 大桥村 names the place, not 道路交通 (rare: only such rows come here).
            shadow.forEachHitInsidePlace(in: input.content) { domainHits[patternDomain[$0]] -= 1 }
        }

        // 涉及领域
        var domain = ReferenceData.otherDomain
        if !input.domain.isEmpty, lookups.facts(input.domain).isDomain {
            domain = input.domain
        } else {
            if !input.domain.isEmpty {
                notices.append(Notice(
                    column: "涉及领域",
                    message: "涉及领域「\(input.domain)」未在 domains.csv 登记，已按诉求内容的关键词归类。"))
            }
            var best = 0
            for (index, hits) in domainHits.enumerated() where hits > best {
                best = hits
                domain = reference.domains[index].name
            }
        }

        // 属地
        var basis = UnitBasisParts()
        var township = input.township
        let place = input.village.isEmpty ? nil : lookups.facts(input.village).place
        if !input.village.isEmpty, place == nil {
            notices.append(lookups.unknownVillageNotice(input.village))
        }
        if !township.isEmpty {
            basis.place = .given
            if !lookups.facts(township).isTownship {
                notices.append(lookups.unknownTownshipNotice(township))
            } else if let place, place.township != township {
                notices.append(Notice(
                    column: "乡镇",
                    message: "村社区「\(place.village)」登记在「\(place.township)」，与填写的乡镇「\(township)」不一致，已按填写的乡镇统计。"))
            }
        } else if let place {
            township = place.township
            basis.place = .fromVillage
        } else {
            basis.place = .unknown
            notices.append(Notice(column: "乡镇", message: "乡镇为空且村社区无法查到，属地不明，计入「\(Classifier.unknownTownship)」。"))
        }

        // 主管部门
        var department = input.department
        if !department.isEmpty {
            basis.department = .given
            let facts = lookups.facts(department)
            if !facts.isUnit && !facts.isTownship {
                notices.append(Notice(
                    column: "主管部门",
                    message: "主管部门「\(department)」未在 units.csv 登记（类型 未登记），已按原值保留并计分。"))
            }
        } else if let rule = lookups.facts(domain).domainRule, !rule.department.isEmpty {
            department = rule.department
            basis.department = .domain(domain)
        } else {
            basis.department = .none
        }

        let primaryUnit: String
        if !department.isEmpty {
            primaryUnit = department
            basis.scored = .department
        } else {
            primaryUnit = township.isEmpty ? Classifier.unknownTownship : township
            basis.scored = .township
        }
        let liaison = place?.liaison ?? ""

        // 等级 (repeat demands are marked while the month is stored: RepeatRule)
        let (grade, gradeBasis) = gradeRule.grade(
            given: input.grade, headcount: input.headcount, aKeywords: aHits, type: input.demandType)
        let classification = Classification(
            domain: domain, township: township, department: department, liaison: liaison,
            primaryUnit: primaryUnit, primaryUnitType: lookups.facts(primaryUnit).unitType,
            grade: grade, gradeBasis: gradeBasis,
            unitBasis: lookups.unitBasis(basis))
        return (classification, notices)
    }
}
