/// Repeat detection (重复诉求) while a month is being stored, so a repeat demand can be stored with its
/// grade A instead of being rewritten afterwards.
///
/// Each person's demands (history and this month's, as they arrive) are kept in the order of
/// ``RepeatDetector``: date, time, input order (history first), then arrival. ``provisionalHit(key:day:seconds:)``
/// answers for a demand about to be stored from what has arrived so far; ``hits()`` gives the final
/// answer over everything — the same as ``RepeatDetector/find(month:history:windowDays:)`` — and only the
/// demands whose answer changed (a later row with an earlier date) need rewriting. Inputs in date order
/// change none.
final class RepeatTracker {
    private struct Entry {
        var day: Int32
        var seconds: Int32
        /// Position in this month's input; −1 for history.
        var order: Int32
        /// Arrival number, the last tie-break.
        var arrival: Int32
        var id: String

        func precedes(_ other: Entry) -> Bool {
            if day != other.day { return day < other.day }
            if seconds != other.seconds { return seconds < other.seconds }
            if order != other.order { return order < other.order }
            return arrival < other.arrival
        }
    }

    let windowDays: Int
    private let keys = ByteInterner()
    /// Each person's demands in order, by the key's number in `keys`.
    private var people: [[Entry]] = []
    private var arrivals: Int32 = 0

    /// A tracker for a window of `windowDays` days (0 turns detection off).
    init(windowDays: Int) {
        self.windowDays = windowDays
    }

    /// The number of the person with this key (nil when detection is off or the key is blank), which
    /// ``provisionalHit(person:day:seconds:)`` and ``addMonth(person:day:seconds:order:id:)`` take: one
    /// lookup per demand.
    func person(_ key: String) -> Int? {
        guard windowDays > 0, !key.isEmpty, let person = keys.id(key) else { return nil }
        if person == people.count { people.append([]) }
        return person
    }

    /// Adds a demand of an earlier month (`key` never empty).
    func addHistory(key: String, day: Int32, seconds: Int32, id: String) {
        guard let person = person(key) else { return }
        add(person, Entry(day: day, seconds: seconds, order: -1, arrival: 0, id: id))
    }

    /// Adds this month's demand at input position `order`, which must be greater than every earlier one.
    func addMonth(person: Int, day: Int32, seconds: Int32, order: Int32, id: String) {
        add(person, Entry(day: day, seconds: seconds, order: order, arrival: 0, id: id))
    }

    /// The hit of a month demand about to be added (its order greater than all so far), from the
    /// demands added so far.
    func provisionalHit(person: Int, day: Int32, seconds: Int32) -> RepeatDetector.Hit? {
        let list = people[person]
        // Every demand so far has a smaller order, so the nearest earlier one is the last at or
        // before this date and time.
        var i = list.count - 1
        while i >= 0, list[i].day > day || (list[i].day == day && list[i].seconds > seconds) { i -= 1 }
        guard i >= 0 else { return nil }
        let days = Int(day - list[i].day)
        return days <= windowDays ? RepeatDetector.Hit(earlierID: list[i].id, days: days) : nil
    }

    /// The final hits, by month order: each month demand's nearest earlier demand of the same person
    /// within the window.
    func hits() -> [Int32: RepeatDetector.Hit] {
        guard windowDays > 0 else { return [:] }
        var hits: [Int32: RepeatDetector.Hit] = [:]
        for list in people {
            for i in list.indices.dropFirst() where list[i].order >= 0 {
                let days = Int(list[i].day - list[i - 1].day)
                if days <= windowDays { hits[list[i].order] = RepeatDetector.Hit(earlierID: list[i - 1].id, days: days) }
            }
        }
        return hits
    }

    private func add(_ person: Int, _ entry: Entry) {
        var entry = entry
        entry.arrival = arrivals
        arrivals &+= 1
        people[person].append(entry)
        // Rows mostly arrive in date order: move the new one back to its place.
        var i = people[person].count - 1
        while i > 0, entry.precedes(people[person][i - 1]) {
            people[person].swapAt(i, i - 1)
            i -= 1
        }
    }
}
