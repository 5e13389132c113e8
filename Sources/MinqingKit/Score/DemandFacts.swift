/// The facts of one demand that the month's statistics need.
struct DemandFacts: Sendable, Equatable {
    var domain: String
    var channel: String
    var status: DemandStatus
    var grade: Grade
    var satisfaction: Satisfaction
    var primaryUnit: String
    var primaryUnitType: String
    var township: String
    var liaison: String
    var village: String
    var headcount: Int
    /// False for 表扬 and 咨询 (SPEC §9): counted in totals, never in a unit's score.
    var isScored = true

    init(
        domain: String, channel: String, status: DemandStatus, grade: Grade, satisfaction: Satisfaction,
        primaryUnit: String, primaryUnitType: String, township: String, liaison: String, village: String,
        headcount: Int, isScored: Bool = true
    ) {
        self.domain = domain
        self.channel = channel
        self.status = status
        self.grade = grade
        self.satisfaction = satisfaction
        self.primaryUnit = primaryUnit
        self.primaryUnitType = primaryUnitType
        self.township = township
        self.liaison = liaison
        self.village = village
        self.headcount = headcount
        self.isScored = isScored
    }
}
