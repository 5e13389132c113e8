extension String {
    /// The string without leading and trailing blanks: ASCII spaces, tabs and line breaks, the
    /// no-break space, the full-width space (U+3000) and a BOM. Returns `self` unchanged (no copy) in the
    /// common case where there is nothing to trim — this runs for every field of every row.
    var trimmedBlank: String {
        // The first and last UTF-8 bytes rule out a blank at either end in almost every field without
        // decoding: a blank starts with 09–0D, 20, C2 (U+00A0), E3 (U+3000) or EF (U+FEFF), and ends
        // with 09–0D, 20, A0, 80 or BF.
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        switch (firstByte, lastByte) {
        case (0x09...0x0D, _), (0x20, _), (0xC2, _), (0xE3, _), (0xEF, _): break
        case (_, 0x09...0x0D), (_, 0x20), (_, 0xA0), (_, 0x80), (_, 0xBF): break
        default: return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.isBlank && !last.isBlank { return self }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].isBlank { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isBlank { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// True when the string is empty or only blanks (a cell with nothing in it).
    var isBlank: Bool {
        // An ASCII letter, digit or a CJK character first decides at once.
        guard let firstByte = utf8.first else { return true }
        switch firstByte {
        case 0x09...0x0D, 0x20, 0xC2, 0xE3, 0xEF: return unicodeScalars.allSatisfy(\.isBlank)
        default: return false
        }
    }
}

extension Unicode.Scalar {
    /// True for the blanks ``Swift/String/trimmedBlank`` removes.
    var isBlank: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0xFEFF: return true
        default: return false
        }
    }
}
