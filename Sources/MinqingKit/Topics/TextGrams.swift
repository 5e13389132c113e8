/// The unit the topic finder counts: pairs of adjacent word characters of 诉求内容 (character bigrams).
/// Chinese has no spaces between words, so a name such as 伊景园滨河苑 is seen as its bigrams 伊景, 景园,
/// 园滨, 滨河, 河苑, which ``TopicFinder`` joins back into the name.
///
/// Word characters are CJK ideographs, ASCII letters and digits, and full-width ones (`Ａ`, `３`); anything
/// else (punctuation, spaces, emoji) separates runs, so no bigram spans a `，`. A bigram's key packs its two
/// UTF-16 code units (letters folded to lower case); a character outside the Basic Multilingual Plane
/// separates too.
enum TextGrams {
    /// Whether `unit` is a word character.
    static func isWord(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true  // ASCII digits and letters
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: true  // CJK ideographs
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true  // full-width digits and letters
        default: false
        }
    }

    /// `unit` as counted: ASCII and full-width letters in lower case, full-width digits as ASCII.
    static func fold(_ unit: UInt16) -> UInt16 {
        switch unit {
        case 0x41...0x5A: unit + 0x20
        case 0xFF10...0xFF19: unit - 0xFF10 + 0x30
        case 0xFF21...0xFF3A: unit - 0xFF21 + 0x61
        case 0xFF41...0xFF5A: unit - 0xFF41 + 0x61
        default: unit
        }
    }

    static func key(_ first: UInt16, _ second: UInt16) -> UInt32 { UInt32(first) << 16 | UInt32(second) }

    /// The bigram of `key` as text.
    static func text(_ key: UInt32) -> String {
        String(decoding: [UInt16(key >> 16), UInt16(key & 0xFFFF)], as: UTF16.self)
    }

    /// Calls `body` with the key of each bigram of `text`, in order (repeats included).
    static func forEachBigram(_ text: String, _ body: (UInt32) -> Void) {
        var previous: UInt16 = 0
        var havePrevious = false
        for unit in text.utf16 {
            guard isWord(unit) else {
                havePrevious = false
                continue
            }
            let folded = fold(unit)
            if havePrevious { body(key(previous, folded)) }
            previous = folded
            havePrevious = true
        }
    }

    /// The distinct bigram keys of `text`, sorted.
    static func distinctBigrams(_ text: String) -> [UInt32] {
        var keys: [UInt32] = []
        forEachBigram(text) { keys.append($0) }
        keys.sort()
        var write = 0
        for key in keys where write == 0 || keys[write - 1] != key {
            keys[write] = key
            write += 1
        }
        keys.removeLast(keys.count - write)
        return keys
    }

    /// `text` as the finder compares it: word characters folded, every other character kept, so a found
    /// term can be looked for in it with a plain substring search. (Most texts need nothing: they are
    /// returned as they are, without a copy.)
    static func folded(_ text: String) -> String {
        guard needsFolding(text) else { return text }
        return String(decoding: text.utf16.map { isWord($0) ? fold($0) : $0 }, as: UTF16.self)
    }

    /// Whether `text` holds a character folding changes: an ASCII capital, or a full-width letter or digit
    /// (U+FF10–FF19, FF21–FF3A: EF BC 90–99, A1–BA; U+FF41–FF5A: EF BD 81–9A). Full-width punctuation (，。),
    /// in nearly every text, is left alone.
    static func needsFolding(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte >= 0x41 && byte <= 0x5A { return true }
                if byte == 0xEF, i + 2 < bytes.count {
                    let (second, third) = (bytes[i + 1], bytes[i + 2])
                    if second == 0xBC && (0x90...0x99 ~= third || 0xA1...0xBA ~= third) { return true }
                    if second == 0xBD && 0x81...0x9A ~= third { return true }
                }
                i += 1
            }
            return false
        }
    }
}
