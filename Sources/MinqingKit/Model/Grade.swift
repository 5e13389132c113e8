/// 等级: A (重要紧急, important and urgent) or B (一般, ordinary).
enum Grade: String, Sendable, CaseIterable, Codable {
    case a = "A"
    case b = "B"

    /// Reads a manual grade (`A`/`B`, either case, or 重要紧急/一般), nil otherwise.
    init?(spelling: String) {
        switch spelling.trimmedBlank.uppercased() {
        case "A", "A级", "重要紧急": self = .a
        case "B", "B级", "一般": self = .b
        default: return nil
        }
    }
}
