/// A demand as the reports list it: its stored values (unmasked), with 办理状态, 等级 and 满意度 typed.
public struct ReportDemand: Sendable, Equatable {
    public var id = ""
    public var received = ""
    public var channel = ""
    public var petitioner = ""
    public var phone = ""
    public var township = ""
    public var village = ""
    public var domain = ""
    public var grade = Grade.b
    public var gradeBasis = ""
    public var department = ""
    public var liaison = ""
    public var status = DemandStatus.pending
    public var resolved = ""
    public var satisfaction = Satisfaction.unrated
    public var content = ""
    public var primaryUnit = ""
    public var primaryUnitType = ""
    public var unitBasis = ""
    public var headcount = 1

    /// An empty demand, filled in by the store's reader.
    public init() {}

    /// The facts the month's statistics need.
    public var facts: DemandFacts {
        DemandFacts(
            domain: domain, channel: channel, status: status, grade: grade, satisfaction: satisfaction,
            primaryUnit: primaryUnit, primaryUnitType: primaryUnitType, township: township, liaison: liaison,
            village: village, headcount: headcount)
    }
}
