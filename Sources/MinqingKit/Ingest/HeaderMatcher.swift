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
    /// Expected columns that appear more than once: header → the 1-based positions.
    var duplicated: [String: [Int]]
}

/// Matches header rows: trims spaces and a BOM, Chinese headers exactly, English aliases case-insensitively.
enum HeaderMatcher {
    /// Normalises a header cell: strips a BOM, ASCII and full-width spaces.
    static func normalise(_ cell: String) -> String {
        cell.trimmedBlank
    }

    /// Matches `cells` against `columns`.
    static func match(_ cells: [String], columns: [ColumnSpec]) -> HeaderMatch {
        var bySpelling: [String: String] = [:]
        for column in columns {
            bySpelling[column.header] = column.header
            for alias in column.aliases { bySpelling[alias.lowercased()] = column.header }
        }
        var index: [String: Int] = [:]
        var positions: [String: [Int]] = [:]
        var unknown: [String] = []
        for (i, cell) in cells.enumerated() {
            let name = normalise(cell)
            let key = bySpelling[name] ?? bySpelling[name.lowercased()]
            guard let key else {
                if !name.isEmpty { unknown.append(name) }
                continue
            }
            positions[key, default: []].append(i + 1)
            if index[key] == nil { index[key] = i }
        }
        let missing = columns.filter { $0.required && index[$0.header] == nil }.map(\.header)
        let duplicated = positions.filter { $0.value.count > 1 }
        return HeaderMatch(index: index, missing: missing, unknown: unknown, duplicated: duplicated)
    }
}
