extension String {
    /// The string without leading and trailing blanks: ASCII spaces, tabs and line breaks, the
    /// no-break space, the full-width space (U+3000) and a BOM. Returns `self` unchanged (no copy) in the
    /// common case where there is nothing to trim — this runs for every field of every row.
    var trimmedBlank: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.isBlank && !last.isBlank { return self }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].isBlank { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isBlank { end = scalars.index(before: end) }
        return String(scalars[start..<end])
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
