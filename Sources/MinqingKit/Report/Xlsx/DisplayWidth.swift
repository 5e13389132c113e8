/// Display width of a string in Excel column units: CJK/fullwidth chars count 2, others 1.
///
/// Counted per user-perceived character; control characters (line breaks, tabs) count 0.
func displayWidth(_ s: String) -> Int {
    var width = 0
    for character in s {
        guard let first = character.unicodeScalars.first else { continue }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { continue }
        width += character.unicodeScalars.contains(where: isWide) ? 2 : 1
    }
    return width
}

/// East Asian Wide and Fullwidth blocks (Unicode EastAsianWidth W/F), plus common emoji.
private func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F,      // Hangul Jamo initials
         0x2E80...0x303E,      // CJK radicals, Kangxi, CJK symbols and punctuation
         0x3041...0x33FF,      // Hiragana, Katakana, Bopomofo, CJK compatibility
         0x3400...0x4DBF,      // CJK Extension A
         0x4E00...0x9FFF,      // CJK Unified Ideographs
         0xA000...0xA4CF,      // Yi
         0xAC00...0xD7A3,      // Hangul syllables
         0xF900...0xFAFF,      // CJK compatibility ideographs
         0xFE10...0xFE19,      // vertical forms
         0xFE30...0xFE6F,      // CJK compatibility forms, small form variants
         0xFF00...0xFF60,      // fullwidth ASCII and punctuation
         0xFFE0...0xFFE6,      // fullwidth signs
         0x1F300...0x1F64F,    // pictographs, emoticons
         0x1F900...0x1F9FF,    // supplemental symbols and pictographs
         0x20000...0x2FFFD,    // CJK Extensions B–F
         0x30000...0x3FFFD:    // CJK Extension G
        return true
    default:
        return false
    }
}
