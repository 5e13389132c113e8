/// A demand as it is written: the classified demand, the month that registers it, its person key for
/// 重复诉求 and the ingest that wrote it. (A repeat found while storing replaces the 等级 and 等级依据
/// parameters when the row is inserted: ``MonthIngestSession/insert(_:grade:)``.)
struct StoredDemand {
    let demand: Demand
    /// The month whose input registered the demand: the month of its 受理日期, or a later one for a
    /// 补录 (SPEC §1), which counts in the month that registers it.
    let month: YearMonth
    let repeatKey: String
    let ingestID: Int
}

/// Encodes the month's demands for ``MonthIngestSession/insert(_:grade:)`` on the thread that reads
/// the inputs, so the thread that writes the database only binds them. Used by one thread at a time.
final class DemandEncoder: @unchecked Sendable {
    let month: YearMonth
    let ingestID: Int
    private let binding = RowBinding()

    init(month: YearMonth, ingestID: Int) {
        self.month = month
        self.ingestID = ingestID
    }

    /// The demand's row, registered by this month, with its classification's 等级.
    func encode(_ demand: Demand, personKey: String) throws -> EncodedRow {
        try DemandColumns.table.encode(
            StoredDemand(demand: demand, month: month, repeatKey: personKey, ingestID: ingestID), binding)
    }
}

/// The `demand` table, one entry per column in table order: SQL name and type, its SPEC header (and
/// whether a re-run reports its changes), how a demand binds it and how ``ReportDemand`` reads it. The insert,
/// the reports' select, the corrections' comparison and the schema check (ColumnTableTests) all come
/// from this list. To add a column: one entry here, and a migration in ``Schema`` adding it.
enum DemandColumns {
    typealias Column = StoredColumn<StoredDemand, ReportDemand>

    static let table = ColumnTable<StoredDemand, ReportDemand>([
        Column("id", .text, bind: { s, row in row.text(s.pointee.demand.input.id) },
               read: { row, d in d.id = row.text() }),
        Column("month", .text, bind: { s, row in row.month(s.pointee.month) }),
        Column("received", .text, header: InputColumn.received.header, compared: true,
               bind: { s, row in row.day(s.pointee.demand.input.received.day, secondsOfDay: s.pointee.demand.input.received.secondsOfDay) },
               read: { row, d in d.received = row.text() }),
        Column("received_day", .integer, bind: { s, row in row.int(s.pointee.demand.input.received.day.dayNumber) },
               read: { row, d in d.receivedDay = row.int() }),
        Column("received_secs", .integer, bind: { s, row in row.int(s.pointee.demand.input.received.secondsOfDay ?? 0) }),
        Column("channel", .text, header: InputColumn.channel.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.channel) },
               read: { row, d in d.channel = row.sharedText() }),
        Column("content", .text, header: InputColumn.content.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.content) },
               read: { row, d in d.content = row.text() }),
        Column("status", .text, header: InputColumn.status.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.status.rawValue) },
               read: { row, d in d.status = try row.stored(DemandStatus.self) }),
        Column("petitioner", .text, header: InputColumn.petitioner.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.petitioner) },
               read: { row, d in d.petitioner = row.text() }),
        Column("phone", .text, header: InputColumn.phone.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.phone) },
               read: { row, d in d.phone = row.text() }),
        Column("headcount", .integer, header: InputColumn.headcount.header, compared: true,
               bind: { s, row in row.int(s.pointee.demand.input.headcount) },
               read: { row, d in d.headcount = row.int() }),
        Column("township_given", .text, header: InputColumn.township.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.township) }),
        Column("village", .text, header: InputColumn.village.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.village) },
               read: { row, d in d.village = row.sharedText() }),
        Column("domain_given", .text, header: InputColumn.domain.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.domain) }),
        Column("grade_given", .text, header: InputColumn.grade.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.grade?.rawValue ?? "") }),
        Column("department_given", .text, header: InputColumn.department.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.department) }),
        Column("resolved", .text, header: InputColumn.resolved.header, compared: true,
               bind: { s, row in row.day(s.pointee.demand.input.resolved) },
               read: { row, d in d.resolved = row.sharedText() }),
        Column("satisfaction", .text, header: InputColumn.satisfaction.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.satisfaction.rawValue) },
               read: { row, d in d.satisfaction = try row.stored(Satisfaction.self) }),
        Column("domain", .text, bind: { s, row in row.text(s.pointee.demand.classification.domain) },
               read: { row, d in d.domain = row.sharedText() }),
        Column("township", .text, bind: { s, row in row.text(s.pointee.demand.classification.township) },
               read: { row, d in d.township = row.sharedText() }),
        Column("department", .text, bind: { s, row in row.text(s.pointee.demand.classification.department) },
               read: { row, d in d.department = row.sharedText() }),
        Column("liaison", .text, bind: { s, row in row.text(s.pointee.demand.classification.liaison) },
               read: { row, d in d.liaison = row.sharedText() }),
        Column("primary_unit", .text, bind: { s, row in row.text(s.pointee.demand.classification.primaryUnit) },
               read: { row, d in d.primaryUnit = row.sharedText() }),
        Column("primary_type", .text, bind: { s, row in row.text(s.pointee.demand.classification.primaryUnitType) },
               read: { row, d in d.primaryUnitType = row.sharedText() }),
        Column("grade", .text, header: InputColumn.grade.header, bind: { s, row in row.text(s.pointee.demand.classification.grade.rawValue) },
               read: { row, d in d.grade = try row.stored(Grade.self) }),
        Column("grade_basis", .text, bind: { s, row in row.text(s.pointee.demand.classification.gradeBasis.text) },
               read: { row, d in d.gradeBasis = row.sharedText() }),
        Column("unit_basis", .text, bind: { s, row in row.text(s.pointee.demand.classification.unitBasis) },
               read: { row, d in d.unitBasis = row.sharedText() }),
        Column("repeat_key", .text, bind: { s, row in row.text(s.pointee.repeatKey) }),
        Column("source_file", .text, bind: { s, row in row.text(s.pointee.demand.input.sourceFile) }),
        Column("source_line", .integer, bind: { s, row in row.int(s.pointee.demand.input.sourceLine) }),
        Column("ingest_id", .integer, bind: { s, row in row.int(s.pointee.ingestID) }),
        // v2: the optional columns of SPEC §9.
        Column("deadline_given", .text, header: InputColumn.deadline.header, compared: true,
               bind: { s, row in row.day(s.pointee.demand.input.deadline) },
               read: { row, d in d.deadlineGiven = row.sharedText() }),
        Column("demand_type", .text, header: InputColumn.demandType.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.demandType.rawValue) },
               read: { row, d in d.demandType = try row.stored(DemandType.self) }),
        Column("resolution", .text, header: InputColumn.resolution.header, compared: true,
               bind: { s, row in row.text(s.pointee.demand.input.resolution.rawValue) },
               read: { row, d in d.resolution = try row.stored(Resolution.self) }),
        // v3: the month from which the demand is 已办结 in every later record (`9999-12` while open);
        // the session keeps it up to date when a later month's row changes the demand (``Settlement``).
        Column("settled_month", .text, bind: { s, row in
            if s.pointee.demand.input.status == .resolved { row.month(s.pointee.month) } else { row.text(SettlementUpkeep.open) }
        }),
    ])
}

extension DateTimeValue {
    /// The stored form: `2026-10-03` or `2026-10-03 14:22:05`.
    var text: String {
        guard let seconds = secondsOfDay, seconds >= 0, seconds < 86_400 else { return day.description }
        return day.description + " " + Day.digits([(seconds / 3600, 2), (seconds / 60 % 60, 2), (seconds % 60, 2)], separator: 0x3A)
    }
}
