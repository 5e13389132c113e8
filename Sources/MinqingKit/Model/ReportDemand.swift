/// A demand as the reports list it: its stored values (unmasked), with 办理状态, 等级 and 满意度 typed.
struct ReportDemand: Sendable, Equatable {
    var id = ""
    var received = ""
    /// 受理日期's day number (the date of ``received`` without its time), for the clock.
    var receivedDay = 0
    var channel = ""
    var petitioner = ""
    var phone = ""
    var township = ""
    var village = ""
    var domain = ""
    var grade = Grade.b
    var gradeBasis = ""
    var department = ""
    var liaison = ""
    var status = DemandStatus.pending
    var resolved = ""
    var satisfaction = Satisfaction.unrated
    var content = ""
    var primaryUnit = ""
    var primaryUnitType = ""
    var unitBasis = ""
    var headcount = 1
    /// 截止日期 as the input gave it (`2026-10-20`, or blank).
    var deadlineGiven = ""
    var demandType = DemandType.unclassified
    var resolution = Resolution.notVisited
    /// 截止日期, 办理天数 and 时效 as of the report month's end, filled by ``DemandClock`` for the lists.
    var clock: DemandClock.Reading?

    /// An empty demand, filled in by the store's reader.
    init() {}

    /// The facts the month's statistics need.
    var facts: DemandFacts {
        DemandFacts(
            domain: domain, channel: channel, status: status, grade: grade, satisfaction: satisfaction,
            primaryUnit: primaryUnit, primaryUnitType: primaryUnitType, township: township, liaison: liaison,
            village: village, headcount: headcount, isScored: demandType.isScored, timeliness: clock?.timeliness,
            handlingDays: status == .resolved ? clock?.handlingDays : nil, resolution: resolution)
    }
}
