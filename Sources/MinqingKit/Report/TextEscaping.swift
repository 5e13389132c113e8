/// Escaping for values placed in Markdown table cells (SPEC §7).
enum MarkdownEscaping {
    /// Escapes a value for one Markdown table cell: `& < >` become `&amp; &lt; &gt;`; `| \ [ ] ` * _ ~`
    /// get a backslash; line breaks (CRLF, CR, LF, U+0085, U+2028, U+2029) become `<br>`.
    ///
    /// The text is escaped in one pass, so the `<br>` it produces is never escaped again and a
    /// literal `<br>` in the input comes out as `&lt;br&gt;`. Tabs and other control characters become spaces.
    static func cell(_ s: String) -> String {
        var copy = s
        let result: [UInt8]? = copy.withUTF8 { escapeCell($0) }
        guard let bytes = result else { return s }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The escaped bytes, or nil when nothing needs escaping. Works on bytes: every character it
    /// replaces is ASCII or a whole multi-byte sequence, and UTF-8 never hides ASCII inside one.
    static func escapeCell(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var copied = 0
        var k = 0
        let n = b.count
        let br: [UInt8] = Array("<br>".utf8)
        while k < n {
            let c = b[k]
            var replacement: [UInt8]? = nil
            var width = 1
            switch c {
            case UInt8(ascii: "&"): replacement = Array("&amp;".utf8)
            case UInt8(ascii: "<"): replacement = Array("&lt;".utf8)
            case UInt8(ascii: ">"): replacement = Array("&gt;".utf8)
            case UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                replacement = [UInt8(ascii: "\\"), c]
            case 0x0D:
                replacement = br
                if k + 1 < n, b[k + 1] == 0x0A { width = 2 }
            case 0x0A:
                replacement = br
            case 0x00...0x1F, 0x7F:
                replacement = [0x20]
            case 0xC2:
                if k + 1 < n, b[k + 1] == 0x85 { replacement = br; width = 2 }          // U+0085
            case 0xE2:
                if k + 2 < n, b[k + 1] == 0x80, b[k + 2] == 0xA8 || b[k + 2] == 0xA9 {  // U+2028, U+2029
                    replacement = br
                    width = 3
                }
            default:
                break
            }
            if let r = replacement {
                if out.isEmpty { out.reserveCapacity(n + 16) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<k]))
                out.append(contentsOf: r)
                k += width
                copied = k
            } else {
                k += 1
            }
        }
        guard copied > 0 else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied...]))
        return out
    }
}

/// Writing fields of RFC 4180 CSV files such as 数据问题-YYYY-MM.csv.
enum CSVWriting {
    /// Quotes a field for RFC 4180 output when it contains `,` `"` CR or LF or starts or ends with a
    /// space or tab; quotes inside are doubled. Other fields are returned unchanged.
    static func field(_ s: String) -> String {
        guard needsQuotes(s) else { return s }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 4)
        for part in s.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            if part.offset > 0 { out += "\"\"" }
            out += part.element
        }
        out += "\""
        return out
    }

    /// Defuses spreadsheet formulas, then quotes like `field(_:)`: a field beginning with `=` `+` `-` `@`
    /// (or their full-width forms `＝ ＋ － ＠`), TAB, CR or LF gets a leading apostrophe `'`, as OWASP
    /// advises for CSV injection; Excel and WPS then show it as text (the apostrophe stays visible in
    /// the cell). Use it for every value that came from input; numbers minqing formats itself (a score
    /// of `-0.30`) go through `field(_:)` so they stay numbers.
    static func safeField(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        switch first {
        case "=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠":
            return field("'" + s)
        default:
            return field(s)
        }
    }

    /// One CSV record: the fields joined with commas (each passed through `safeField(_:)`), ended by CRLF.
    static func record(_ fields: [String]) -> String {
        fields.map(safeField).joined(separator: ",") + "\r\n"
    }

    static func needsQuotes(_ s: String) -> Bool {
        let u = s.utf8
        if let f = u.first, f == 0x20 || f == 0x09 { return true }
        if let l = u.last, l == 0x20 || l == 0x09 { return true }
        return u.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
    }
}
