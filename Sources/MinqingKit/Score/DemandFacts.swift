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
    /// 时效 as of the month's end (nil when not computed).
    var timeliness: Timeliness?
    /// 办理天数 of a resolved demand with 办结日期.
    var handlingDays: Int?
    var resolution = Resolution.notVisited

    init(
        domain: String, channel: String, status: DemandStatus, grade: Grade, satisfaction: Satisfaction,
        primaryUnit: String, primaryUnitType: String, township: String, liaison: String, village: String,
        headcount: Int, isScored: Bool = true, timeliness: Timeliness? = nil, handlingDays: Int? = nil,
        resolution: Resolution = .notVisited
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
        self.timeliness = timeliness
        self.handlingDays = handlingDays
        self.resolution = resolution
    }
}
