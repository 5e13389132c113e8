/// The topics of a report (SPEC §11 热点诉求): found before the pass over the month's demands, from a
/// sample of its texts against the earlier months' profiles, and sized during the pass (``TopicTally``).
enum TopicStage {
    /// How many earlier months the texts are compared with.
    static let historyMonths = 12

    /// The month's candidate topics, ready to be counted in the pass, and how many earlier months they
    /// were found against.
    static func prepare(
        _ reader: any MonthRecords, settings: TopicSettings, places: [String]
    ) throws -> (tally: TopicTally, historyMonths: Int) {
        let sample = try reader.textSample(of: reader.month, limit: TermProfiles.sampleLimit)
        // A month ingested without a demand has nothing to compare with.
        let earlier = try reader.termProfiles(monthsBefore: historyMonths).filter { $0.documents > 0 }
        let history = TermHistory([BackgroundProfile.profile] + earlier, hasCountyMonths: !earlier.isEmpty)
        var finder = TopicFinder(settings: settings.finder)
        finder.places = Set(places.map(TextGrams.folded))
        let found = finder.find(sample: sample.texts, monthTotal: sample.total, history: history)
        return (TopicTally(found: found, settings: settings), earlier.count)
    }

    /// How many demands of the month before held each of `anchors` (scaled from its sample when it is
    /// large; nil when that month has no demands).
    static func previousCounts(_ reader: any MonthRecords, anchors: [String]) throws -> [String: (count: Int, estimate: Bool)] {
        guard !anchors.isEmpty else { return [:] }
        let sample = try reader.textSample(of: reader.month.previous, limit: TermProfiles.sampleLimit)
        guard sample.total > 0 else { return [:] }
        let texts = sample.texts.map(TextGrams.folded)
        var counts: [String: (count: Int, estimate: Bool)] = [:]
        for anchor in anchors {
            let held = texts.reduce(0) { $0 + (ByteSearch.contains($1, anchor) ? 1 : 0) }
            counts[anchor] = sample.isWhole
                ? (held, false)
                : (Int((Double(held) * Double(sample.total) / Double(max(1, texts.count))).rounded()), true)
        }
        return counts
    }
}
