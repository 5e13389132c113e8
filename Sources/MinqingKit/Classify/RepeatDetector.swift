/// Finds repeat demands (重复诉求): the same person made an earlier demand within the window.
///
/// The person is the normalised 联系电话, or 诉求人 + 村社区 when there is no phone. "Earlier" means an
/// earlier 受理日期 (and time, when given); on the same day and time, the demand listed first in the
/// input counts as earlier. History (demands of other months in the database) only ever counts as earlier
/// when its date is earlier. ``find(month:history:windowDays:)`` is the rule over a whole month; the
/// ingest applies it through ``RepeatTracker``, which gives the same answers while the rows are stored.
enum RepeatDetector {
    /// One demand as repeat detection sees it.
    struct Entry: Sendable, Equatable {
        /// The person key from ``personKey(phone:petitioner:village:)``; never empty.
        var key: String
        /// 受理日期 as a day number.
        var day: Int32
        /// Seconds into the day, or 0 when no time was given.
        var seconds: Int32
        /// The position in this month's input; −1 for history.
        var order: Int32
        /// 编号, named in the 等级依据.
        var id: String

        init(key: String, day: Int32, seconds: Int32, order: Int32, id: String) {
            self.key = key
            self.day = day
            self.seconds = seconds
            self.order = order
            self.id = id
        }
    }

    /// A repeat found for the month entry at `order`.
    struct Hit: Sendable, Equatable {
        /// 编号 of the earlier demand.
        var earlierID: String
        /// Days between the two demands.
        var days: Int
    }

    /// The person key: `T` + phone digits (a leading 86 country code dropped), else `N` + name + `|` +
    /// village, else empty (the demand cannot be matched).
    static func personKey(phone: String, petitioner: String, village: String) -> String {
        // The digits are gathered in a buffer on the stack: this runs for every row.
        let key: String? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: phone.utf8.count + 1) { digits in
            digits[0] = 0x54  // "T"
            var count = 1
            for byte in phone.utf8 where byte >= 48 && byte <= 57 {
                digits[count] = byte
                count += 1
            }
            var start = 0
            if count == 14, digits[1] == 0x38, digits[2] == 0x36, digits[3] == 0x31 {
                // +86: "T86…" becomes "T…"
                digits[2] = 0x54
                start = 2
            }
            guard count - start >= 6 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: digits[start..<count]), as: UTF8.self)
        }
        if let key { return key }
        if !petitioner.isEmpty, !village.isEmpty { return "N" + petitioner + "|" + village }
        return ""
    }

    /// The person key of a demand: none (blank) for 表扬 and 咨询, which are never repeats nor earlier
    /// demands of one (SPEC §9).
    static func personKey(of input: DemandInput) -> String {
        guard input.demandType.isScored else { return "" }
        return personKey(phone: input.phone, petitioner: input.petitioner, village: input.village)
    }

    /// Finds, for each month entry (by its `order`), the nearest earlier demand of the same person within
    /// `windowDays` days. A window of 0 turns detection off.
    static func find(month: [Entry], history: [Entry], windowDays: Int) -> [Int32: Hit] {
        guard windowDays > 0 else { return [:] }
        // Sorted as plain numbers: the key by its number in an interner (keys compare as bytes; only
        // which entries share a key matters, not the keys' order), then date, time and input order.
        // Sorting Chinese `String`s instead took seconds at a million demands.
        let interner = ByteInterner()
        var all: [(key: Int32, day: Int32, seconds: Int32, order: Int32, index: Int32)] = []
        all.reserveCapacity(history.count + month.count)
        for (i, entry) in history.enumerated() {
            all.append((Int32(interner.id(entry.key) ?? 0), entry.day, entry.seconds, entry.order, Int32(i)))
        }
        for (i, entry) in month.enumerated() {
            all.append((Int32(interner.id(entry.key) ?? 0), entry.day, entry.seconds, entry.order, Int32(history.count + i)))
        }
        all.sort { a, b in
            if a.key != b.key { return a.key < b.key }
            if a.day != b.day { return a.day < b.day }
            if a.seconds != b.seconds { return a.seconds < b.seconds }
            if a.order != b.order { return a.order < b.order }
            return a.index < b.index  // identical history entries: by position, so the answer never depends on the sort
        }
        func id(_ index: Int32) -> String {
            let i = Int(index)
            return i < history.count ? history[i].id : month[i - history.count].id
        }
        var hits: [Int32: Hit] = [:]
        for i in all.indices.dropFirst() where all[i].order >= 0 {
            let previous = all[i - 1], current = all[i]
            guard previous.key == current.key else { continue }
            let days = Int(current.day - previous.day)
            if days <= windowDays { hits[current.order] = Hit(earlierID: id(previous.index), days: days) }
        }
        return hits
    }
}
