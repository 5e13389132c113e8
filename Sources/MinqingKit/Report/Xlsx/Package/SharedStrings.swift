/// The workbook's shared-string table (xl/sharedStrings.xml) for the long lists' repeating values —
/// 乡镇, 村社区, 涉及领域, 办理状态… — so each such cell is a short index instead of its text.
///
/// Strings are compared as UTF-8 bytes (see ``ByteInterner``): two values are the same entry only if
/// their bytes are the same, as Excel would see them. The table stops taking new strings at
/// ``capacity`` entries; later ones are then written inline.
final class SharedStrings {
    /// Most distinct strings the table keeps.
    let capacity: Int
    /// Longest string (UTF-8 bytes) worth sharing; longer ones are written inline.
    static let maxSharedLength = 255

    private let table = ByteInterner()
    /// Number of cells that refer to the table.
    private(set) var references = 0

    /// An empty table.
    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
    }

    /// Number of distinct strings.
    var count: Int { table.count }

    /// The index of `text`, adding it if new; nil when the text is empty, too long, or new while the table is full.
    func index(of text: String) -> Int? {
        var text = text
        let found: Int? = text.withUTF8 { utf8 in
            guard !utf8.isEmpty, utf8.count <= Self.maxSharedLength else { return nil }
            return table.id(bytes: utf8, adding: table.count < capacity)
        }
        if found != nil { references += 1 }
        return found
    }

    /// Counts one more cell referring to entry `index`, which the caller had from ``index(of:)`` for
    /// the same text.
    func reference(_ index: Int) -> Int {
        references += 1
        return index
    }

    /// Entry `i` as a string.
    func string(_ i: Int) -> String { table.string(i) }

    /// The table as xl/sharedStrings.xml.
    func xml() -> [UInt8] {
        let out = ByteBuffer(capacity: table.byteCount + count * 16 + 256)
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        out.append("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
        out.appendDecimal(references)
        out.append("\" uniqueCount=\"")
        out.appendDecimal(count)
        out.append("\">")
        for i in 0..<count {
            out.append("<si>")
            SheetXML.appendText(string(i), to: out)
            out.append("</si>")
        }
        out.append("</sst>")
        return out.array
    }
}
