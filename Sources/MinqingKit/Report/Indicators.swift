/// The rows of 总览: the SPEC's nine indicators first, then §8's 按期办结率 and 平均办理天数, §9's 解决率
/// (when any demand has a 解决情况), §8's backlog (上月结转, 本月办结, 月末未办结, 已超期, age groups),
/// extra counts, and the 需关注单位 with their reasons.
enum Indicators {
    /// A value of 总览: a count, a rate, a change, or nothing ("—").
    enum Value: Sendable, Equatable {
        case count(Int)
        case rate(Double?)
        case change(Double?)
        /// A number to one decimal (平均办理天数).
        case decimal(Double?)
        /// Words (a 需关注单位's mark).
        case text(String)
    }

    /// One indicator row.
    struct Row: Sendable, Equatable {
        var name: String
        var value: Value
        /// What the figure counts, in a clerk's words (总览's 说明 column), or a unit's reasons.
        var note = ""

        /// The value as text, as the Markdown report shows it.
        var text: String {
            switch value {
            case .count(let n): return String(n)
            case .rate(let r): return Formatting.percent(r)
            case .change(let r): return Formatting.change(r)
            case .decimal(let x): return x.map { String(format: "%.1f", $0) } ?? Formatting.none
            case .text(let words): return words
            }
        }
    }

    /// The indicator rows of a bulletin.
    static func rows(_ data: BulletinData) -> [Row] {
        let s = data.summary, t = s.totals, b = s.backlog
        let alerts = data.alerts
        return [
            Row(name: "诉求总数", value: .count(t.total)),
            Row(name: "A级", value: .count(t.gradeA)),
            Row(name: "B级", value: .count(t.gradeB)),
            Row(name: "已办结", value: .count(t.resolved)),
            Row(name: "办结率", value: .rate(t.resolutionRate)),
            Row(name: "满意率", value: .rate(t.satisfactionRate)),
            Row(name: "基层化解率", value: .rate(s.grassrootsRate)),
            Row(name: "环比", value: .change(s.monthOnMonth)),
            Row(name: "同比", value: .change(s.yearOnYear)),
            Row(name: "按期办结率", value: .rate(t.onTimeRate), note: "本月受理的：按期办结 ÷（按期办结 + 超期办结）"),
            Row(name: "平均办理天数", value: .decimal(t.averageHandlingDays), note: "本月受理、已办结且有办结日期的：办结日期 − 受理日期 的平均天数"),
        ] + (t.visited > 0 ? [Row(name: "解决率", value: .rate(t.solvedRate), note: "已解决 ÷（已解决 + 部分解决 + 未解决）")] : []) + [
            Row(name: "上月结转", value: .count(b.carriedOver), note: "上月末仍未办结的诉求，不论哪个月受理"),
            Row(name: "本月办结", value: .count(b.resolved), note: "本月受理的已办结 \(b.resolvedOwn) 件 + 往月诉求本月办结 \(b.resolvedEarlier) 件"),
            Row(name: "往月诉求本月办结", value: .count(b.resolvedEarlier), note: "往月受理、上月末未办结、本月报为已办结"),
        ] + (b.reopened > 0 ? [Row(name: "重新办理", value: .count(b.reopened), note: "上月末已办结、本月又报为未办结")] : []) + [
            Row(name: "月末未办结", value: .count(b.openAtEnd), note: b.reopened > 0
                ? "上月结转 + 本月受理 + 重新办理 − 本月办结" : "上月结转 + 本月受理 − 本月办结"),
            Row(name: "其中往月诉求", value: .count(b.openFromEarlier), note: "月末未办结中往月受理的"),
            Row(name: "已超期", value: .count(b.overdueAtEnd), note: "月末未办结中已过截止日期的"),
        ] + AgeBucket.allCases.map {
            Row(name: "未办结\($0.label)", value: .count(b.count($0)), note: "月末未办结中已办天数\($0.label)的")
        } + [
            Row(name: "办理中", value: .count(t.inProgress)),
            Row(name: "未办理", value: .count(t.pending)),
            Row(name: "涉及人数", value: .count(t.people)),
            Row(name: "已评价", value: .count(t.evaluated)),
            Row(name: "上月诉求总数", value: s.previousMonthTotal.map { .count($0) } ?? .change(nil)),
            Row(name: "去年同月诉求总数", value: s.sameMonthLastYearTotal.map { .count($0) } ?? .change(nil)),
            Row(name: "拒收行数", value: .count(data.ingest.rejected)),
            Row(name: "需关注单位", value: .count(s.attention.count), note: s.attention.isEmpty ? "" : "见下方各单位及原因"),
            Row(name: "预警", value: .count(alerts.count), note: alerts.isEmpty ? "" : "见下方各条及原因"),
        ]
    }

    /// The 预警 rows under the 需关注单位 of 总览: what it is about, the kind, and why.
    static func alertRows(_ data: BulletinData) -> [Row] {
        data.alerts.map { Row(name: $0.subject, value: .text($0.kindLabel), note: $0.reason) }
    }

    /// The 需关注单位 rows under the indicators of 总览: the unit, and its reasons as the note.
    static func attentionRows(_ data: BulletinData) -> [Row] {
        data.summary.attention.map { Row(name: $0.unit, value: .text("需关注"), note: $0.reasonText) }
    }
}
