/// Sheet names made from data (the 督办清单 names a sheet after each unit), safe for Excel and unique
/// in their workbook: at most 31 characters (UTF-16 units, as Excel counts), none of `[ ] : * ? / \`
/// (each becomes its full-width form, so 县住建局/房管中心 reads 县住建局／房管中心), no control
/// characters, no apostrophe at either end, not blank, not Excel's reserved `History`, and unique
/// without regard to case — a repeat gets (2), (3)… within the 31 characters.
struct XlsxSheetNames {
    /// Longest sheet name Excel accepts.
    static let maxLength = 31
    /// The name a blank one becomes.
    let blank: String
    /// The names given so far, lowercased.
    private var taken: Set<String> = ["history"]

    /// Names for one workbook; a blank name becomes `blank`.
    init(blank: String) {
        self.blank = blank
    }

    /// `name` made safe, and unique among the names this gave before.
    mutating func unique(_ name: String) -> String {
        let safe = Self.safe(name, blank: blank)
        var candidate = safe
        var n = 1
        while taken.contains(candidate.lowercased()) {
            n += 1
            let suffix = "(\(n))"
            candidate = Self.prefix(safe, maxLength: Self.maxLength - suffix.utf16.count) + suffix
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// `name` without the characters Excel refuses, trimmed and cut to 31 characters (not made unique).
    static func safe(_ name: String, blank: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            switch scalar {
            case "[": out.append("［")
            case "]": out.append("］")
            case ":": out.append("：")
            case "*": out.append("＊")
            case "?": out.append("？")
            case "/": out.append("／")
            case "\\": out.append("＼")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out.append(" ")
            default: out.append(scalar)
            }
        }
        var text = String(out)
        while let first = text.first, first == "'" || first.isWhitespace { text.removeFirst() }
        text = prefix(text, maxLength: maxLength)
        while let last = text.last, last == "'" || last.isWhitespace { text.removeLast() }
        return text.isEmpty ? blank : text
    }

    /// The longest prefix of whole characters of `text` within `maxLength` UTF-16 units.
    static func prefix(_ text: String, maxLength: Int) -> String {
        guard text.utf16.count > maxLength else { return text }
        var used = 0
        var kept = ""
        for character in text {
            let units = character.utf16.count
            if used + units > maxLength { break }
            used += units
            kept.append(character)
        }
        return kept
    }
}
