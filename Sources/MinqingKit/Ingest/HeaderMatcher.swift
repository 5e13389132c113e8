import Foundation

/// One expected column: its Chinese header, its English alias, and whether it must be present.
struct ColumnSpec: Sendable, Equatable {
    var header: String
    /// Other spellings: the English alias first, then the names exports use (matched case-insensitively).
    var aliases: [String]
    /// The English alias.
    var alias: String? { aliases.first }
    var required: Bool

    init(_ header: String, alias: String? = nil, required: Bool) {
        self.init(header, aliases: alias.map { [$0] } ?? [], required: required)
    }

    init(_ header: String, aliases: [String], required: Bool) {
        self.header = header
        self.aliases = aliases
        self.required = required
    }
}

/// The result of matching a header row against the expected columns.
struct HeaderMatch: Sendable, Equatable {
    /// The field index of each expected column that is present, by its Chinese header.
    var index: [String: Int]
    /// Required columns that are missing (Chinese headers).
    var missing: [String]
    /// Headers present that no expected column uses, as written.
    var unknown: [String]
    /// For each unknown header, the known header it is probably a misspelling of (nil when none is close).
    var closest: [String?] = []
    /// Expected columns that appear more than once: header → the 1-based positions.
    var duplicated: [String: [Int]]
    /// The row's width up to its last non-blank header cell (trailing blank columns are not the table's).
    var width = 0
    /// Positions (0-based) of blank header cells before the last named one: columns without a header.
    var unnamed: [Int] = []

    /// How many expected columns the row names.
    var knownCount: Int { index.count }
}

/// Matches header rows: trims spaces and a BOM; the import mapping first, then the Chinese headers
/// exactly and the other spellings case-insensitively.
enum HeaderMatcher {
    /// Normalises a header cell: strips a BOM, ASCII and full-width spaces.
    static func normalise(_ cell: String) -> String {
        cell.trimmedBlank
    }

    /// Matches `cells` against `columns`, with `mapping` (input header → SPEC header) first.
    static func match(_ cells: [String], columns: [ColumnSpec], mapping: [String: String] = [:]) -> HeaderMatch {
        var bySpelling: [String: String] = [:]
        for column in columns {
            bySpelling[column.header] = column.header
            for alias in column.aliases { bySpelling[alias.lowercased()] = column.header }
        }
        var index: [String: Int] = [:]
        var positions: [String: [Int]] = [:]
        var unknown: [String] = []
        var blank: [Int] = []
        var width = 0
        for (i, cell) in cells.enumerated() {
            let name = normalise(cell)
            guard !name.isEmpty else {
                blank.append(i)
                continue
            }
            width = i + 1
            let key = mapping[name] ?? bySpelling[name] ?? bySpelling[name.lowercased()]
            guard let key else {
                unknown.append(name)
                continue
            }
            positions[key, default: []].append(i + 1)
            if index[key] == nil { index[key] = i }
        }
        let missing = columns.filter { $0.required && index[$0.header] == nil }.map(\.header)
        let duplicated = positions.filter { $0.value.count > 1 }
        let spellings = columns.flatMap { [$0.header] + $0.aliases.filter { $0.unicodeScalars.contains { $0.value > 0x7F } } }
        var match = HeaderMatch(index: index, missing: missing, unknown: unknown, duplicated: duplicated)
        match.closest = unknown.map { closest(to: $0, among: spellings, header: { bySpelling[$0] ?? $0 }) }
        match.width = width
        match.unnamed = blank.filter { $0 < width }
        return match
    }

    /// The known header `name` is probably a misspelling of: the spelling at the smallest edit distance
    /// (one edit in a name of three characters or more, two in names of five or more), or one that
    /// contains it or is contained in it; the SPEC header of that spelling. Nil when none is close.
    static func closest(to name: String, among spellings: [String], header: (String) -> String) -> String? {
        let given = Array(name)
        var best: (distance: Int, header: String)?
        for spelling in spellings {
            let known = Array(spelling)
            var distance = EditDistance.between(given, known, limit: 2)
            // One edit in a name of three characters or more, two in one of five or more (one edit makes
            // 序号 of 编号, two make 受理坐席 of 受理日期: shorter names must be nearer).
            let near = distance == 1 && given.count >= 3 || distance == 2 && given.count >= 5 && known.count >= 5
            if !near {
                let contains = known.count >= 2 && (Self.holds(given, known) || Self.holds(known, given) && given.count >= 2)
                guard contains else { continue }
                distance = 3
            }
            if let found = best, found.distance <= distance { continue }
            best = (distance, header(spelling))
        }
        return best?.header
    }

    /// Whether `whole` holds `part` as a run of characters. (Foundation's `String.contains` traps on some
    /// texts with replacement characters: found by FuzzHeaders.)
    static func holds(_ whole: [Character], _ part: [Character]) -> Bool {
        guard !part.isEmpty, whole.count >= part.count else { return part.isEmpty }
        for start in 0...(whole.count - part.count) where whole[start] == part[0] {
            if whole[start..<start + part.count].elementsEqual(part) { return true }
        }
        return false
    }
}

/// Levenshtein distance between two character sequences, cut off above `limit`.
enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions that turn `a` into `b`;
    /// `limit + 1` when it is more than `limit`.
    static func between<T: Equatable>(_ a: [T], _ b: [T], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return min(max(a.count, b.count), limit + 1) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return min(previous[b.count], limit + 1)
    }
}
