/// How many texts of a month (or of a sample of it) hold each bigram — the month's vocabulary, against
/// which a later month's new or rising terms stand out. Stored per month (``encoded()``) so a report reads
/// a year's profiles instead of a year's texts.
struct TermProfile: Sendable, Equatable {
    /// The number of texts counted.
    private(set) var documents = 0
    /// Texts holding each bigram (``TextGrams`` keys).
    private(set) var counts: [UInt32: UInt32] = [:]

    init() {}

    init(documents: Int, counts: [UInt32: UInt32]) {
        self.documents = documents
        self.counts = counts
    }

    /// The profile of `texts`.
    init<Texts: Sequence>(texts: Texts) where Texts.Element == String {
        for text in texts { add(text) }
    }

    /// Counts one more text.
    mutating func add(_ text: String) {
        documents += 1
        for key in TextGrams.distinctBigrams(text) { counts[key, default: 0] += 1 }
    }

    /// The number of texts holding `key`.
    func count(_ key: UInt32) -> Int { Int(counts[key] ?? 0) }

    /// Adds `other`'s texts and counts to this profile's.
    mutating func merge(_ other: TermProfile) {
        documents += other.documents
        counts.merge(other.counts) { $0 + $1 }
    }

    /// A copy without the bigrams held by fewer than `minimum` texts (what is stored: a bigram seen once in
    /// a month says nothing about the month).
    func pruned(below minimum: UInt32) -> TermProfile {
        TermProfile(documents: documents, counts: counts.filter { $0.value >= minimum })
    }

    /// The profile in the stored form's order, for lookups.
    func frozen() -> TermCounts {
        let keys = counts.keys.sorted()
        return TermCounts(documents: documents, keys: keys, counts: keys.map { counts[$0] ?? 0 })
    }
}

/// A ``TermProfile`` as stored and looked up: its bigrams in key order with their counts. Reading a stored
/// profile is a copy of its bytes, and a lookup a binary search, so a report reads a year of them at once.
struct TermCounts: Sendable, Equatable {
    private(set) var documents: Int
    private(set) var keys: [UInt32]
    private(set) var counts: [UInt32]

    init(documents: Int, keys: [UInt32], counts: [UInt32]) {
        self.documents = documents
        self.keys = keys
        self.counts = counts
    }

    /// The number of texts holding `key`.
    func count(_ key: UInt32) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key ? Int(counts[low]) : 0
    }

    /// The stored form: the document count, then (key, count) pairs in key order, little-endian UInt32s.
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + keys.count * 8)
        func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        append(UInt32(clamping: documents))
        for (key, count) in zip(keys, counts) {
            append(key)
            append(count)
        }
        return bytes
    }

    /// Reads ``encoded()``'s form; nil when the bytes are not one (keys out of order included: the caller
    /// counts the profile again).
    init?(encoded bytes: [UInt8]) {
        guard bytes.count >= 4, (bytes.count - 4) % 8 == 0 else { return nil }
        func value(at offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
        }
        documents = Int(value(at: 0))
        let pairs = (bytes.count - 4) / 8
        var keys: [UInt32] = []
        var counts: [UInt32] = []
        keys.reserveCapacity(pairs)
        counts.reserveCapacity(pairs)
        var offset = 4
        while offset < bytes.count {
            let key = value(at: offset)
            if let last = keys.last, last >= key { return nil }
            keys.append(key)
            counts.append(value(at: offset + 4))
            offset += 8
        }
        self.keys = keys
        self.counts = counts
    }
}

/// The history a month's terms are compared with: the earlier months' profiles and the background.
struct TermHistory: Sendable {
    let parts: [TermCounts]
    /// The texts counted in all of them.
    let documents: Int
    /// Whether the county's own earlier months are among them (not only the built-in background).
    let hasCountyMonths: Bool

    init(_ parts: [TermCounts], hasCountyMonths: Bool = true) {
        self.parts = parts
        documents = parts.reduce(0) { $0 + $1.documents }
        self.hasCountyMonths = hasCountyMonths
    }

    /// The texts holding `key` in all of them.
    func count(_ key: UInt32) -> Int { parts.reduce(0) { $0 + $1.count(key) } }
}
