import Foundation

/// How figures are written in the Markdown report (the workbook stores numbers with number formats).
enum Formatting {
    /// The text for a missing figure (no denominator, or no earlier month in the database).
    static let none = "—"

    /// A rate as `97.8%`, or "—".
    static func percent(_ value: Double?) -> String {
        guard let value else { return none }
        return String(format: "%.1f%%", value * 100)
    }

    /// A change as `+12.5%` / `-35.0%` / `0.0%`, or "—".
    static func change(_ value: Double?) -> String {
        guard let value else { return none }
        let text = String(format: "%.1f%%", value * 100)
        return value > 0 && text != "0.0%" ? "+" + text : (text == "-0.0%" ? "0.0%" : text)
    }

    /// A score with two decimals: `3.00`, `-0.30`.
    static func score(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return text == "-0.00" ? "0.00" : text
    }

    /// A weight without needless zeros: `1`, `0.3`, `1.25`.
    static func weight(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// Masks personal data in reports when the config asks for it (the database keeps the originals).
struct PersonalDataMasker: Sendable {
    /// Whether masking is on (`mask_personal_info`).
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    /// 诉求人 as shown.
    func name(_ text: String) -> String { enabled ? Masking.name(text) : text }
    /// 联系电话 as shown.
    func phone(_ text: String) -> String { enabled ? Masking.phone(text) : text }
    /// Free text (诉求内容, 原始内容) as shown: phone numbers inside it masked.
    func text(_ text: String) -> String { enabled ? Masking.phonesInText(text) : text }

    /// A demand as the reports show it: 诉求人, 联系电话 and phone numbers in 诉求内容 masked.
    func masked(_ demand: ReportDemand) -> ReportDemand {
        guard enabled else { return demand }
        var shown = demand
        shown.petitioner = name(demand.petitioner)
        shown.phone = phone(demand.phone)
        shown.content = text(demand.content)
        return shown
    }

    /// A value of the input column `header` (Chinese) as shown; a blank value as （空）.
    func value(_ value: String, of header: String) -> String {
        if value.isEmpty { return "（空）" }
        switch header {
        case InputColumn.petitioner.header: return name(value)
        case InputColumn.phone.header: return phone(value)
        default: return text(value)
        }
    }
}
