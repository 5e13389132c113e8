/// The facts of one demand that the month's statistics need.
public struct DemandFacts: Sendable, Equatable {
    public var domain: String
    public var channel: String
    public var status: DemandStatus
    public var grade: Grade
    public var satisfaction: Satisfaction
    public var primaryUnit: String
    public var primaryUnitType: String
    public var township: String
    public var liaison: String
    public var village: String
    public var headcount: Int

    public init(
        domain: String, channel: String, status: DemandStatus, grade: Grade, satisfaction: Satisfaction,
        primaryUnit: String, primaryUnitType: String, township: String, liaison: String, village: String,
        headcount: Int
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
    }
}
