import Foundation

extension MarkdownReport {
    /// The template's context: ASCII keys, values already formatted (not yet escaped).
    static func context(_ data: BulletinData, gradeA: [ReportDemand], unresolved: [ReportDemand]) -> [String: Any] {
        let s = data.summary, t = s.totals, mask = data.masker
        var c: [String: Any] = [
            "county": data.county, "month": data.month.description, "monthTitle": data.month.chineseTitle,
            "version": minqingVersion, "masked": mask.enabled,
            "total": t.total, "gradeA": t.gradeA, "gradeB": t.gradeB, "resolved": t.resolved,
            "resolutionRate": Formatting.percent(t.resolutionRate),
            "satisfactionRate": Formatting.percent(t.satisfactionRate),
            "grassrootsRate": Formatting.percent(s.grassrootsRate),
            "monthOnMonth": Formatting.change(s.monthOnMonth), "yearOnYear": Formatting.change(s.yearOnYear),
            "accepted": data.ingest.accepted, "rejected": data.ingest.rejected, "notices": data.ingest.notices,
            "resolvedPoints": Formatting.weight(data.scoring.resolvedPoints),
            "unresolvedPenalty": Formatting.weight(data.scoring.unresolvedPenalty),
            "lateResolvedPoints": Formatting.weight(data.scoring.lateResolvedPoints),
            "overdueOpenPenalty": Formatting.weight(data.scoring.overdueOpenPenalty),
            "carriedOver": s.backlog.carriedOver, "resolvedThisMonth": s.backlog.resolved,
            "resolvedEarlier": s.backlog.resolvedEarlier, "openAtEnd": s.backlog.openAtEnd,
            "overdueAtEnd": s.backlog.overdueAtEnd, "onTimeRate": Formatting.percent(t.onTimeRate),
            "averageDays": t.averageHandlingDays.map { String(format: "%.1f", $0) } ?? Formatting.none,
            "hasVeryDissatisfied": data.hasVeryDissatisfied,
        ]
        c["files"] = data.ingest.files.enumerated().map { i, name in
            ["name": name, "last": i == data.ingest.files.count - 1] as [String: Any]
        }
        c["indicators"] = Indicators.rows(data).map { ["name": $0.name, "value": $0.text] }
        c["channels"] = s.channels.map { ["name": $0] }
        c["domains"] = s.domains.map { ["name": $0.domain, "cells": $0.perChannel, "total": $0.total] as [String: Any] }
        c["channelTotals"] = s.channelTotals
        let previousUnits = data.previousMonth.map { month in
            Dictionary(month.units.map { ($0.unit, $0) }, uniquingKeysWith: { first, _ in first })
        } ?? [:]
        c["units"] = s.units.enumerated().map { i, u in
            let previous = previousUnits[u.unit]
            return [
                "rank": i + 1, "name": u.unit, "type": u.type, "total": u.tally.total, "gradeA": u.tally.gradeA,
                "gradeB": u.tally.gradeB, "resolved": u.tally.resolved, "unresolved": u.tally.unresolved,
                "rate": Formatting.percent(u.tally.resolutionRate),
                "verySatisfied": u.tally.count(.verySatisfied), "satisfied": u.tally.count(.satisfied),
                "basicallySatisfied": u.tally.count(.basicallySatisfied),
                "dissatisfied": u.tally.count(.dissatisfied), "veryDissatisfied": u.tally.count(.veryDissatisfied),
                "score": Formatting.score(u.score), "lateResolved": u.lateResolved, "overdueOpen": u.overdueOpen,
                "previousTotal": previous.map { String($0.demands) } ?? Formatting.none,
                "previousScore": previous.map { Formatting.score($0.score) } ?? Formatting.none,
            ] as [String: Any]
        }
        let overdueACount = s.units.reduce(0) { $0 + $1.overdueA }
        c["hasOverdueA"] = overdueACount > 0
        c["overdueACount"] = overdueACount
        c["overdueADemands"] = data.overdueA.map { row($0, mask) }
        c["overdueAMore"] = overdueACount > data.overdueA.count ? overdueACount - data.overdueA.count : false
        c["hasAttention"] = !s.attention.isEmpty
        c["attentionCount"] = s.attention.count
        c["attention"] = s.attention.map { ["unit": $0.unit, "reasons": $0.reasonText] }
        let topics = data.topics.enumerated().map { index, topic -> [String: Any] in
            [
                "rank": index + 1, "name": topic.name, "count": topic.count, "share": Formatting.percent(topic.share),
                "petitioners": topic.petitioners, "collective": topic.isCollective ? "是" : "",
                "previous": topic.previousCount.map { topic.previousIsEstimate ? "约 \($0)" : "\($0)" } ?? Formatting.none,
                "domains": topic.domains.map { "\($0.name) \($0.count)" }.joined(separator: "、"),
                "units": topic.units.map { "\($0.name) \($0.count)" }.joined(separator: "、"),
                "example": topic.example,
            ]
        }
        c["hasTopics"] = !topics.isEmpty
        c["topics"] = topics
        c["topicNote"] = TopicNote.text(data)
        let collective = topics.filter { ($0["collective"] as? String) == "是" }
        c["hasCollective"] = !collective.isEmpty
        c["collectiveCount"] = collective.count
        c["collectiveTopics"] = collective
        let alerts = data.alerts
        c["hasAlerts"] = !alerts.isEmpty
        c["alertCount"] = alerts.count
        c["alerts"] = alerts.map { ["kind": $0.kindLabel, "text": $0.text] }
        // Anything under 本月需关注.
        c["hasConcerns"] = overdueACount > 0 || !s.attention.isEmpty || !alerts.isEmpty || !collective.isEmpty
        c["trend"] = data.trend.months.map { entry -> [String: Any] in
            guard let f = entry.figures else {
                return [
                    "month": entry.month.description, "total": Formatting.none, "gradeA": Formatting.none,
                    "resolved": Formatting.none, "resolutionRate": Formatting.none, "onTimeRate": Formatting.none,
                    "satisfactionRate": Formatting.none, "openAtEnd": Formatting.none,
                ]
            }
            return [
                "month": entry.month.description, "total": f.total, "gradeA": f.gradeA, "resolved": f.resolved,
                "resolutionRate": Formatting.percent(f.resolutionRate), "onTimeRate": Formatting.percent(f.onTimeRate),
                "satisfactionRate": Formatting.percent(f.satisfactionRate), "openAtEnd": f.openAtEnd,
            ]
        }
        c["hasLiaisons"] = s.liaisons.contains { $0.tally.total > 0 }
        c["liaisons"] = s.liaisons.filter { $0.tally.total > 0 }.map {
            [
                "unit": $0.unit, "village": $0.village, "gradeA": $0.tally.gradeA, "gradeB": $0.tally.gradeB,
                "resolvedA": $0.tally.resolvedA, "resolvedB": $0.tally.resolvedB, "unresolved": $0.tally.unresolved,
            ] as [String: Any]
        }
        c["townships"] = s.townships.map {
            [
                "name": $0.township, "total": $0.tally.total, "gradeA": $0.tally.gradeA, "gradeB": $0.tally.gradeB,
                "resolved": $0.tally.resolved, "rate": Formatting.percent($0.tally.resolutionRate),
            ] as [String: Any]
        }
        c["aCount"] = data.gradeACount
        c["hasA"] = data.gradeACount > 0
        c["aDemands"] = gradeA.map { row($0, mask) }
        c["aMore"] = data.gradeACount > gradeA.count ? data.gradeACount - gradeA.count : false
        c["unresolvedCount"] = data.unresolvedCount
        c["hasUnresolved"] = data.unresolvedCount > 0
        c["unresolvedDemands"] = unresolved.map { row($0, mask) }
        c["unresolvedMore"] = data.unresolvedCount > unresolved.count ? data.unresolvedCount - unresolved.count : false
        c["hasLateResolved"] = !data.lateResolved.isEmpty
        c["lateResolvedCount"] = data.lateResolved.count
        c["lateResolvedMore"] = data.lateResolved.count > listLimit ? data.lateResolved.count - listLimit : false
        c["lateResolved"] = data.lateResolved.prefix(listLimit).map { late in
            var r = row(late.demand, mask)
            r["previousStatus"] = late.previousStatus.rawValue
            r["resolvedDate"] = late.demand.resolved.isEmpty ? Formatting.none : late.demand.resolved
            r["satisfaction"] = late.demand.satisfaction.rawValue
            return r
        }
        c["hasProblems"] = !data.problems.isEmpty
        c["problems"] = data.problems.prefix(problemLimit).map {
            ["file": $0.fileText, "line": $0.rowText, "level": $0.level.rawValue, "problem": mask.text($0.problemText)] as [String: Any]
        }
        c["problemsMore"] = data.problems.count > problemLimit ? data.problems.count - problemLimit : false
        c["isRerun"] = data.ingest.isRerun
        c["added"] = data.ingest.added
        c["changed"] = data.ingest.changed
        c["removed"] = data.ingest.removed
        c["hasChanges"] = !data.corrections.isEmpty
        c["changes"] = data.corrections.map { correction -> [String: Any] in
            let kind = correction.kind.label
            return [
                "id": correction.demandID, "kind": kind, "field": correction.field.isEmpty ? Formatting.none : correction.field,
                "old": correction.kind == .changed ? mask.value(correction.old, of: correction.field) : Formatting.none,
                "new": correction.kind == .changed ? mask.value(correction.new, of: correction.field) : Formatting.none,
            ]
        }
        return c
    }

    /// One demand as a list row.
    static func row(_ d: ReportDemand, _ mask: PersonalDataMasker) -> [String: Any] {
        var content = mask.text(d.content)
        if content.count > contentLimit { content = String(content.prefix(contentLimit)) + "…" }
        return [
            "id": d.id, "received": d.received, "township": d.township.isEmpty ? Formatting.none : d.township,
            "village": d.village.isEmpty ? Formatting.none : d.village, "domain": d.domain, "grade": d.grade.rawValue,
            "basis": d.gradeBasis, "department": d.department.isEmpty ? "（属地负责）" : d.department,
            "status": d.status.rawValue, "content": content,
            "deadline": d.clock.map { $0.deadline.description } ?? Formatting.none,
            "days": d.clock?.handlingDays.map(String.init) ?? Formatting.none,
            "timeliness": d.clock?.timeliness.rawValue ?? Formatting.none,
        ]
    }
}
