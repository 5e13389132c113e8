/// How a unit's export maps onto SPEC §1's columns and values (`minqing.toml`'s `[import.columns]` and
/// `[import.values."…"]`, SPEC §10). A mapping wins over the built-in headers.
struct ImportMapping: Sendable, Equatable {
    /// An input header (as written, trimmed) → the SPEC column it is.
    var columns: [String: InputColumn] = [:]
    /// Per SPEC column: an input value (trimmed) → the SPEC value it means.
    var values: [InputColumn: [String: String]] = [:]

    /// No mapping: only the SPEC headers, their aliases and the built-in export headers.
    init() {}

    /// The columns whose values may be mapped, and for the enumerated ones, whether a target is one of
    /// their values (a target that is not would make every mapped row wrong: the config is refused).
    static func acceptsTarget(_ value: String, for column: InputColumn) -> Bool {
        switch column {
        case .status: return DemandStatus(spelling: value) != nil
        case .satisfaction: return Satisfaction(spelling: value) != nil && !value.isEmpty
        case .demandType: return DemandType(spelling: value) != nil && !value.isEmpty
        case .resolution: return Resolution(spelling: value) != nil && !value.isEmpty
        case .grade: return Grade(spelling: value) != nil
        default: return !value.isEmpty
        }
    }

    /// The values each enumerated column accepts, for the refusal's sentence.
    static func targetsText(for column: InputColumn) -> String {
        switch column {
        case .status: return "已办结、办理中 或 未办理"
        case .satisfaction: return "非常满意、满意、基本满意、不满意、非常不满意 或 未评价"
        case .demandType: return "投诉、举报、求助、咨询、建议 或 表扬"
        case .resolution: return "已解决、部分解决 或 未解决"
        case .grade: return "A 或 B"
        default: return "不为空的文字"
        }
    }
}

extension InputColumn {
    /// The SPEC column a config names, by its Chinese header or English alias (case-insensitive).
    init?(named name: String) {
        let key = name.trimmedBlank
        guard let column = InputColumn.allCases.first(where: {
            $0.header == key || $0.spec.alias?.lowercased() == key.lowercased()
        }) else { return nil }
        self = column
    }

    /// Every Chinese header, for messages.
    static var headersText: String { allCases.map(\.header).joined(separator: "、") }
}
