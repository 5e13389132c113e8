/// 满意度: the petitioner's evaluation on the national five-level scale, or 未评价.
enum Satisfaction: String, Sendable, CaseIterable, Codable {
    case verySatisfied = "非常满意"
    case satisfied = "满意"
    case basicallySatisfied = "基本满意"
    case dissatisfied = "不满意"
    case veryDissatisfied = "非常不满意"
    /// 未评价: no evaluation (a blank cell means this too).
    case unrated = "未评价"

    /// Reads an evaluation; blank is 未评价; nil when the text is not on the scale.
    init?(spelling: String) {
        let text = spelling.trimmedBlank
        if text.isEmpty {
            self = .unrated
            return
        }
        // By bytes (`StoredValue`): `init(rawValue:)` compares Unicode strings, a visible cost per row.
        guard let value = Satisfaction.stored(text) else { return nil }
        self = value
    }
}
