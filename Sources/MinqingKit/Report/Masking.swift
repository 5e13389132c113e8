/// Masks personal data (诉求人, 联系电话, phone numbers in 诉求内容) for the reports (SPEC §7).
///
/// Masking only ever hides characters: every output reveals at most what the rules below keep.
/// The database keeps the originals; `mask_personal_info = false` turns masking off in the caller.
enum Masking {

    // MARK: Names

    /// Two-character Chinese surnames (复姓) kept whole by `name(_:)`.
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
        "宇文", "司徒", "夏侯", "令狐", "西门", "独孤", "南宫", "端木", "百里", "呼延",
        "轩辕", "澹台", "公冶", "太史", "申屠", "闻人", "万俟", "钟离", "宗政", "濮阳",
        "淳于", "单于", "仲孙", "赫连", "拓跋", "东郭", "南门", "羊舌", "微生", "左丘",
        "梁丘", "谷梁", "司空", "司寇", "亓官", "巫马", "乐正", "公良", "漆雕", "段干",
        "鲜于", "闾丘", "东门", "公羊", "第五",
    ]

    /// Forms of address that, after a bare surname, identify no one (王女士, 欧阳先生); kept unmasked.
    static let honorifics: Set<String> = [
        "先生", "女士", "小姐", "老师", "师傅", "阿姨", "大爷", "大妈", "大姐", "大哥", "同志", "老板",
    ]

    /// Placeholders that are not names (匿名, 不详, ...); kept unmasked.
    static let placeholderNames: Set<String> = ["匿名", "匿名群众", "不详", "未知", "无名氏", "无"]

    /// Characters that separate the parts of a transcribed name (阿依古丽·买买提).
    static let nameDots: Set<Character> = ["·", "•", "・", "‧", "･", "．"]

    /// Masks a petitioner's name (诉求人); surrounding spaces are dropped.
    ///
    /// - empty → empty; one character (`张`) → unchanged (it shows no more than a surname);
    /// - two characters → first + `*`: `张三` → `张*`;
    /// - three or more → first + one `*` per middle character + last: `张三丰` → `张*丰`, `张小三丰` → `张**丰`;
    /// - compound surname (`compoundSurnames`) with a given name: the surname is kept; a one-character
    ///   given name becomes `*` (`欧阳修` → `欧阳*`), a longer one keeps its last character
    ///   (`欧阳小明` → `欧阳*明`, `司马相如` → `司马*如`);
    /// - a surname followed by a form of address (`honorifics`) is unchanged: `王女士`, `欧阳先生`;
    ///   so are placeholders such as `匿名` and `不详`;
    /// - transcribed names with `·` (or `•`, `・`): each part keeps its first character:
    ///   `阿依古丽·买买提` → `阿***·买**`;
    /// - names with Latin letters: each word (split at spaces and `-`) keeps its first letter:
    ///   `John Smith` → `J*** S****`;
    /// - spaces inside a Chinese name (`张  三`, typed to align columns) are removed first.
    static func name(_ s: String) -> String {
        fastChineseName(s) ?? generalName(s)
    }

    /// ``name(_:)`` for any input (the rules above, on Swift characters).
    static func generalName(_ s: String) -> String {
        let t = trimmed(s)
        if t.isEmpty || placeholderNames.contains(t) { return t }

        if t.contains(where: { nameDots.contains($0) }) {
            return maskWords(t, separators: nameDots.union([" "]))
        }
        if t.unicodeScalars.contains(where: { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }) {
            return maskWords(t, separators: [" ", "-", "\u{3000}", "\t"])
        }

        let chars = Array(t.filter { !$0.isWhitespace })
        let n = chars.count
        if n <= 1 { return String(chars) }
        if n == 2 { return String(chars[0]) + "*" }

        let surname2 = String(chars[0..<2])
        let hasCompound = compoundSurnames.contains(surname2)
        let tail2 = String(chars[(n - 2)...])
        if honorifics.contains(tail2) && (n == 3 || (n == 4 && hasCompound)) {
            return String(chars)
        }
        if hasCompound {
            let given = n - 2
            if given == 1 { return surname2 + "*" }
            return surname2 + String(repeating: "*", count: given - 1) + String(chars[n - 1])
        }
        return String(chars[0]) + String(repeating: "*", count: n - 2) + String(chars[n - 1])
    }

    /// ``name(_:)`` for the common case, on UTF-8 bytes: two to six characters of the CJK blocks
    /// U+4000–U+9FFF and nothing else (no space, dot or letter). nil for anything else. Gives the same
    /// result as ``generalName(_:)`` (tested on every rule), ten times faster: this runs for every demand.
    static func fastChineseName(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { u -> String? in
            let count = u.count
            guard count >= 6, count <= 18, count % 3 == 0 else { return nil }
            var i = 0
            while i < count {
                guard u[i] >= 0xE4, u[i] <= 0xE9, u[i + 1] & 0xC0 == 0x80, u[i + 2] & 0xC0 == 0x80 else { return nil }
                i += 3
            }
            let n = count / 3
            if placeholderBytes.contains(where: { $0.count == count && $0.elementsEqual(u) }) {
                return String(decoding: u, as: UTF8.self)
            }
            let hasCompound = n > 2 && compoundSurnameKeys.contains(key(u, 0, 6))
            if n > 2 && honorificKeys.contains(key(u, count - 6, count)) && (n == 3 || (n == 4 && hasCompound)) {
                return String(decoding: u, as: UTF8.self)
            }
            // 张* · 张*丰 · 张**丰 · 欧阳* · 欧阳*明: the kept head, one * per hidden character, the last one.
            let head = hasCompound ? 6 : 3
            let stars = n == 2 ? 1 : (hasCompound && n == 3 ? 1 : n - head / 3 - 1)
            let keepLast = !(n == 2 || (hasCompound && n == 3))
            let length = head + stars + (keepLast ? 3 : 0)
            return String(unsafeUninitializedCapacity: length) { out in
                for k in 0..<head { out[k] = u[k] }
                for k in 0..<stars { out[head + k] = 0x2A }
                if keepLast { for k in 0..<3 { out[head + stars + k] = u[count - 3 + k] } }
                return length
            }
        }
    }

    /// Up to 8 UTF-8 bytes of `u[from..<to]` packed into an integer key (a set lookup without hashing a String).
    private static func key(_ u: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        var k: UInt64 = UInt64(to - from)
        for i in from..<min(to, from + 8) { k = k << 8 | UInt64(u[i]) }
        return k
    }

    private static func keys(_ words: Set<String>, length: Int? = nil) -> Set<UInt64> {
        Set(words.compactMap { word in
            var word = word
            return word.withUTF8 { u in
                u.count <= 8 && (length == nil || u.count == length) ? key(u, 0, u.count) : nil
            }
        })
    }

    private static let compoundSurnameKeys = keys(compoundSurnames, length: 6)
    private static let honorificKeys = keys(honorifics, length: 6)
    private static let placeholderBytes = placeholderNames.map { Array($0.utf8) }

    /// Keeps the first character of each word and masks the rest; separators are kept.
    static func maskWords(_ s: String, separators: Set<Character>) -> String {
        var out = ""
        var atWordStart = true
        for c in s {
            if separators.contains(c) {
                out.append(c)
                atWordStart = true
            } else if atWordStart {
                out.append(c)
                atWordStart = false
            } else {
                out.append("*")
            }
        }
        return out
    }

    // MARK: Phones

    /// Masks a phone number field (联系电话); surrounding spaces are dropped.
    ///
    /// For a field of digits, spaces, dashes, parentheses and `+`:
    /// - fewer than 7 digits (hotlines such as `12345`, `110`) → unchanged;
    /// - a mobile number, 11 digits `1[3-9]…`, optionally after `+86`, `86` or `0086`, with any spaces
    ///   or dashes → first 3 and last 4 digits: `138 1234 5678` → `138****5678`; a country code is
    ///   written as `+86 `: `+86 138-1234-5678` → `+86 138****5678`;
    /// - a landline with area code (`0553-1234567`, `0553 12345678`, `(0553)1234567`, `05531234567`)
    ///   → area code, `-`, the local number masked except its last 2 digits: `0553-*****67`; the area
    ///   code is the part before a separator, otherwise 3 digits for `010`/`02x` and 4 for the rest;
    /// - a mobile or landline followed by an extension → masked as in text: `0553-1234567-801` →
    ///   `0553-*****67-801`;
    /// - anything else with 7 or more digits → every digit but the last 4 becomes `*`, other characters
    ///   kept: `1234567` → `***4567`, `5123-4567` → `****-4567`.
    ///
    /// Any other field (two numbers, a note such as `13812345678（本人）`) is masked as text with
    /// `phonesInText(_:)`, and every remaining run of 7 or more digits keeps only its last 4 digits.
    static func phone(_ s: String) -> String {
        if let masked = fastMobile(s) { return masked }
        let t = trimmed(s)
        if t.isEmpty { return t }
        let u = Array(t.unicodeScalars)
        let isPure = u.allSatisfy { digitValue($0) != nil || isSeparator($0) || "()（）+".unicodeScalars.contains($0) }
        guard isPure else {
            return maskLongDigitRuns(phonesInText(t))
        }
        let digits = u.compactMap(digitValue)
        if digits.count < 7 { return t }

        // Country code.
        var core = digits[...]
        var hasCountryCode = false
        if u.first == "+", digits.starts(with: [8, 6]) {
            core = digits.dropFirst(2)
            hasCountryCode = true
        } else if digits.count == 15, digits.starts(with: [0, 0, 8, 6]) {
            core = digits.dropFirst(4)
            hasCountryCode = true
        } else if digits.count == 13, digits.starts(with: [8, 6, 1]) {
            core = digits.dropFirst(2)
            hasCountryCode = true
        }
        let c = Array(core)
        if c.count == 11, c[0] == 1, (3...9).contains(c[1]) {
            return (hasCountryCode ? "+86 " : "") + maskedMobile(c)
        }
        if !hasCountryCode, c.count >= 10, c.count <= 12, c[0] == 0, c[1] != 0 {
            // Digits before the first separator, when one follows the area code.
            var leading = 0
            for x in u {
                if digitValue(x) != nil { leading += 1 } else if x == "(" || x == "（" || x == "+" { continue } else { break }
            }
            let split: Int
            if (3...4).contains(leading), (7...8).contains(c.count - leading) {
                split = leading
            } else {
                split = (c[1] == 1 || c[1] == 2) ? 3 : 4
            }
            if (7...8).contains(c.count - split) {
                return maskedLandline(area: Array(c[0..<split]), local: Array(c[split...]))
            }
        }
        // A number the text rules recognise with something after it (an extension: 0553-1234567-801).
        let asText = phonesInText(t)
        if asText != t { return maskLongDigitRuns(asText) }
        return maskAllButLast4(u)
    }

    /// ``phone(_:)`` for the common case, on bytes: exactly 11 ASCII digits forming a mobile number.
    static func fastMobile(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { u -> String? in
            guard u.count == 11, u[0] == 0x31, u[1] >= 0x33, u[1] <= 0x39,
                  u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return String(unsafeUninitializedCapacity: 11) { out in
                for k in 0..<11 { out[k] = k >= 3 && k < 7 ? 0x2A : u[k] }
                return 11
            }
        }
    }

    /// Masks phone numbers (mobile and landline) appearing inside free text.
    ///
    /// Recognised, when not glued to a letter or digit on either side:
    /// - mobiles: `1[3-9]` + 9 digits, optionally after `+86`, `0086` or `86` (and one space or dash),
    ///   written whole or grouped 3-4-4 with single spaces or dashes → `138****5678` (`+86 138****5678`);
    /// - landlines: `0` + area code (`010`/`02x`: 3 digits, otherwise 4), optionally in parentheses,
    ///   then an optional space or dash, then 7 or 8 digits → `0553-*****67`.
    /// Full-width digits are recognised too (the masked form uses ASCII digits).
    /// Left alone: dates (`2026-10-03`), amounts (`12000元`), ids (`JL2026100001`), numbers shorter
    /// than 7 digits, longer digit runs (ID card and bank numbers), and numbers grouped other ways.
    static func phonesInText(_ s: String) -> String {
        var copy = s
        let result: [UInt8]? = copy.withUTF8 { PhoneTextScanner(bytes: $0).masked() }
        guard let bytes = result else { return s }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Helpers

    static func trimmed(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f.isWhitespace { sub.removeFirst() }
        while let l = sub.last, l.isWhitespace { sub.removeLast() }
        return String(sub)
    }

    /// 0...9 for ASCII and full-width digits.
    static func digitValue(_ c: Unicode.Scalar) -> Int? {
        switch c.value {
        case 0x30...0x39: return Int(c.value - 0x30)
        case 0xFF10...0xFF19: return Int(c.value - 0xFF10)
        default: return nil
        }
    }

    /// Space, dash or full-width dash between digit groups.
    static func isSeparator(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "-" || c == "－" || c == "\u{00A0}" || c == "\u{3000}"
    }

    static func maskedMobile(_ d: [Int]) -> String {
        d[0..<3].map(String.init).joined() + "****" + d[7..<11].map(String.init).joined()
    }

    static func maskedLandline(area: [Int], local: [Int]) -> String {
        area.map(String.init).joined() + "-" + String(repeating: "*", count: local.count - 2)
            + local[(local.count - 2)...].map(String.init).joined()
    }

    /// Replaces every digit but the last four with `*`, keeping other characters.
    static func maskAllButLast4(_ u: [Unicode.Scalar]) -> String {
        let total = u.reduce(0) { $0 + (digitValue($1) != nil ? 1 : 0) }
        var seen = 0
        var out = String.UnicodeScalarView()
        for c in u {
            if digitValue(c) != nil {
                seen += 1
                out.append(seen <= total - 4 ? "*" : c)
            } else {
                out.append(c)
            }
        }
        return String(out)
    }

    /// Masks all but the last 4 digits of every run of 7 or more consecutive digits.
    static func maskLongDigitRuns(_ s: String) -> String {
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < u.count {
            if digitValue(u[i]) != nil {
                var j = i
                while j < u.count, digitValue(u[j]) != nil { j += 1 }
                let run = Array(u[i..<j])
                if run.count >= 7 {
                    out.append(contentsOf: maskAllButLast4(run).unicodeScalars)
                } else {
                    out.append(contentsOf: run)
                }
                i = j
            } else {
                out.append(u[i])
                i += 1
            }
        }
        return String(out)
    }
}

/// Finds and masks phone numbers in UTF-8 text without decoding it (see `Masking.phonesInText`).
private struct PhoneTextScanner {
    let bytes: UnsafeBufferPointer<UInt8>

    enum Kind { case digit, separator, plus, open, close, word, other, end }

    struct Unit {
        var kind: Kind
        var value: UInt8 = 0
        var width: Int = 1
    }

    /// Classifies the character starting at byte `k`.
    @inline(__always)
    func unit(_ k: Int) -> Unit {
        guard k < bytes.count else { return Unit(kind: .end, width: 0) }
        let b = bytes[k]
        switch b {
        case 0x30...0x39: return Unit(kind: .digit, value: b - 0x30)
        case 0x20, 0x2D: return Unit(kind: .separator)
        case 0x2B: return Unit(kind: .plus)
        case 0x28: return Unit(kind: .open)
        case 0x29: return Unit(kind: .close)
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return Unit(kind: .word)
        case 0x00...0x7F: return Unit(kind: .other)
        case 0xC2:
            if k + 1 < bytes.count, bytes[k + 1] == 0xA0 { return Unit(kind: .separator, width: 2) }
            return Unit(kind: .other, width: 2)
        case 0xE3:
            if k + 2 < bytes.count, bytes[k + 1] == 0x80, bytes[k + 2] == 0x80 { return Unit(kind: .separator, width: 3) }
            return Unit(kind: .other, width: 3)
        case 0xEF:
            guard k + 2 < bytes.count else { return Unit(kind: .other, width: 3) }
            let b1 = bytes[k + 1], b2 = bytes[k + 2]
            if b1 == 0xBC {
                switch b2 {
                case 0x90...0x99: return Unit(kind: .digit, value: b2 - 0x90, width: 3)  // ０-９
                case 0x8D: return Unit(kind: .separator, width: 3)                       // －
                case 0x88: return Unit(kind: .open, width: 3)                            // （
                case 0x89: return Unit(kind: .close, width: 3)                           // ）
                case 0xA1...0xBA: return Unit(kind: .word, width: 3)                     // Ａ-Ｚ
                default: break
                }
            } else if b1 == 0xBD, (0x81...0x9A).contains(b2) {
                return Unit(kind: .word, width: 3)                                       // ａ-ｚ
            }
            return Unit(kind: .other, width: 3)
        case 0xC0...0xDF: return Unit(kind: .other, width: 2)
        case 0xE0...0xEF: return Unit(kind: .other, width: 3)
        case 0xF0...0xF7: return Unit(kind: .other, width: 4)
        default: return Unit(kind: .other)
        }
    }

    /// Whether the character at `k` ends a number (not a letter or digit).
    func isBoundary(_ k: Int) -> Bool {
        let kind = unit(k).kind
        return kind != .digit && kind != .word
    }

    /// Reads exactly `count` digits at `k` into `digits[offset...]`; false if fewer are there.
    func readDigits(_ k: inout Int, count: Int, into digits: inout SIMD16<UInt8>, at offset: Int) -> Bool {
        for n in 0..<count {
            let u = unit(k)
            guard u.kind == .digit else { return false }
            digits[offset + n] = u.value
            k += u.width
        }
        return true
    }

    /// The masked text, or nil when nothing was masked.
    func masked() -> [UInt8]? {
        var out: [UInt8] = []
        var copied = 0
        var k = 0
        var previousIsWord = false
        while k < bytes.count {
            let u = unit(k)
            if !previousIsWord, u.kind == .digit || u.kind == .plus || u.kind == .open,
               let (end, replacement) = matchMobile(at: k) ?? matchLandline(at: k) {
                if out.isEmpty { out.reserveCapacity(bytes.count) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<k]))
                out.append(contentsOf: replacement)
                copied = end
                k = end
                previousIsWord = false
                continue
            }
            previousIsWord = u.kind == .digit || u.kind == .word
            k += u.width
        }
        guard copied > 0 else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return out
    }

    func matchMobile(at start: Int) -> (Int, [UInt8])? {
        var k = start
        var hasCountryCode = false
        var prefix = SIMD16<UInt8>()
        let first = unit(k)
        if first.kind == .plus {
            k += first.width
            guard readDigits(&k, count: 2, into: &prefix, at: 0), prefix[0] == 8, prefix[1] == 6 else { return nil }
            hasCountryCode = true
        } else if first.kind == .digit, first.value == 8 {
            guard readDigits(&k, count: 2, into: &prefix, at: 0), prefix[1] == 6 else { return nil }
            hasCountryCode = true
        } else if first.kind == .digit, first.value == 0 {
            guard readDigits(&k, count: 4, into: &prefix, at: 0), prefix[1] == 0, prefix[2] == 8, prefix[3] == 6 else { return nil }
            hasCountryCode = true
        } else if first.kind != .digit {
            return nil
        }
        if hasCountryCode {
            let u = unit(k)
            if u.kind == .separator { k += u.width }
        }
        var d = SIMD16<UInt8>()
        var offset = 0
        for group in 0..<3 {
            if group > 0 {
                let u = unit(k)
                if u.kind == .separator, unit(k + u.width).kind == .digit { k += u.width }
            }
            let length = group == 0 ? 3 : 4
            guard readDigits(&k, count: length, into: &d, at: offset) else { return nil }
            offset += length
        }
        guard d[0] == 1, (3...9).contains(d[1]), isBoundary(k) else { return nil }
        var text: [UInt8] = hasCountryCode ? Array("+86 ".utf8) : []
        text.reserveCapacity(15)
        for n in 0..<3 { text.append(0x30 + d[n]) }
        text += Array("****".utf8)
        for n in 7..<11 { text.append(0x30 + d[n]) }
        return (k, text)
    }

    func matchLandline(at start: Int) -> (Int, [UInt8])? {
        var k = start
        let first = unit(k)
        let paren = first.kind == .open
        if paren { k += first.width }
        let zero = unit(k)
        guard zero.kind == .digit, zero.value == 0 else { return nil }
        let second = unit(k + zero.width)
        guard second.kind == .digit, second.value != 0 else { return nil }
        let areaLength = (second.value == 1 || second.value == 2) ? 3 : 4
        var area = SIMD16<UInt8>()
        guard readDigits(&k, count: areaLength, into: &area, at: 0) else { return nil }
        if paren {
            let close = unit(k)
            guard close.kind == .close else { return nil }
            k += close.width
        }
        let sep = unit(k)
        if sep.kind == .separator { k += sep.width }
        var local = SIMD16<UInt8>()
        var count = 0
        while true {
            let u = unit(k)
            guard u.kind == .digit else { break }
            guard count < 8 else { return nil }
            local[count] = u.value
            count += 1
            k += u.width
        }
        guard count >= 7, isBoundary(k) else { return nil }
        var text: [UInt8] = []
        text.reserveCapacity(areaLength + 1 + count)
        for n in 0..<areaLength { text.append(0x30 + area[n]) }
        text.append(UInt8(ascii: "-"))
        text += Array(repeating: UInt8(ascii: "*"), count: count - 2)
        text.append(0x30 + local[count - 2])
        text.append(0x30 + local[count - 1])
        return (k, text)
    }
}
