extension ScoringRules {
    /// A unit's score (SPEC §4 and §8): the month's own demands, resolved × points − unresolved ×
    /// penalty, plus each earlier demand resolved this month × late_resolved_points, less each earlier
    /// demand still open and 已超期 at the month's end × overdue_open_penalty; two decimals. Without
    /// earlier months the last two are zero and the score is §4's.
    func score(resolved: Int, unresolved: Int, lateResolved: Int = 0, overdueOpen: Int = 0) -> Double {
        let raw = Double(resolved) * resolvedPoints - Double(unresolved) * unresolvedPenalty
            + Double(lateResolved) * lateResolvedPoints - Double(overdueOpen) * overdueOpenPenalty
        return (raw * 100).rounded(.toNearestOrAwayFromZero) / 100
    }
}
