extension ScoringRules {
    /// A unit's score (SPEC §4): resolved × points − unresolved × penalty, rounded to two decimals.
    func score(resolved: Int, unresolved: Int) -> Double {
        let raw = Double(resolved) * resolvedPoints - Double(unresolved) * unresolvedPenalty
        return (raw * 100).rounded(.toNearestOrAwayFromZero) / 100
    }
}
