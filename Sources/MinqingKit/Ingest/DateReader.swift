/// The date parser's reading of UTF-8 bytes as normalised tokens (full-width forms read as ASCII).
extension DateParser {
    /// Normalised tokens: 0...9 are digits, the rest are punctuation and CJK markers.
    enum Token {
        static let dash = 10, slash = 11, dot = 12, colon = 13, space = 14, t = 15
        static let nian = 16, yue = 17, ri = 18
        /// 时 or 点, 分, 秒.
        static let shi = 19, fen = 20, miao = 21
        /// The characters of 上午, 下午 and 晚上.
        static let shang = 22, xia = 23, wu = 24, wan = 25
        static let other = 99, end = -1
    }

    /// Reads normalised tokens from UTF-8 bytes.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var start: Int
        var end: Int
        var index: Int
        var width = 0  // byte length of the token under `index`, set by peek()

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            self.start = 0
            self.end = bytes.count
            self.index = 0
        }

        var atEnd: Bool { index >= end }

        /// Goes back to the start of the trimmed text.
        mutating func rewind() {
            index = start
            width = 0
        }

        /// Drops leading and trailing whitespace (space, tab, CR, LF, U+00A0, U+3000).
        mutating func trim() {
            while start < end {
                let b = bytes[start]
                if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { start += 1; continue }
                if b == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 { start += 2; continue }
                if b == 0xE3, start + 2 < end, bytes[start + 1] == 0x80, bytes[start + 2] == 0x80 { start += 3; continue }
                break
            }
            while end > start {
                let b = bytes[end - 1]
                if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { end -= 1; continue }
                if b == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 { end -= 2; continue }
                if b == 0x80, end - 3 >= start, bytes[end - 2] == 0x80, bytes[end - 3] == 0xE3 { end -= 3; continue }
                break
            }
            index = start
        }

        /// The token at `index` (Token.end at the end); sets `width`.
        @inline(__always)
        mutating func peek() -> Int {
            guard index < end else { width = 0; return Token.end }
            let b = bytes[index]
            width = 1
            switch b {
            case 0x30...0x39: return Int(b - 0x30)
            case UInt8(ascii: "-"): return Token.dash
            case UInt8(ascii: "/"): return Token.slash
            case UInt8(ascii: "."): return Token.dot
            case UInt8(ascii: ":"): return Token.colon
            case UInt8(ascii: " "), 0x09: return Token.space
            case UInt8(ascii: "T"): return Token.t
            case 0xC2:
                if index + 1 < end, bytes[index + 1] == 0xA0 { width = 2; return Token.space }
                return Token.other
            case 0xE3...0xE7, 0xEF:
                guard index + 2 < end else { return Token.other }
                let b1 = bytes[index + 1], b2 = bytes[index + 2]
                width = 3
                switch (b, b1, b2) {
                case (0xEF, 0xBC, 0x90...0x99): return Int(b2 - 0x90)     // ０-９
                case (0xEF, 0xBC, 0x8D): return Token.dash                  // －
                case (0xEF, 0xBC, 0x8F): return Token.slash                 // ／
                case (0xEF, 0xBC, 0x8E): return Token.dot                   // ．
                case (0xEF, 0xBC, 0x9A): return Token.colon                 // ：
                case (0xE3, 0x80, 0x80): return Token.space                 // U+3000
                case (0xE5, 0xB9, 0xB4): return Token.nian                  // 年
                case (0xE6, 0x9C, 0x88): return Token.yue                   // 月
                case (0xE6, 0x97, 0xA5), (0xE5, 0x8F, 0xB7): return Token.ri // 日 号
                case (0xE6, 0x97, 0xB6), (0xE7, 0x82, 0xB9): return Token.shi // 时 点
                case (0xE5, 0x88, 0x86): return Token.fen                   // 分
                case (0xE7, 0xA7, 0x92): return Token.miao                  // 秒
                case (0xE4, 0xB8, 0x8A): return Token.shang                 // 上
                case (0xE4, 0xB8, 0x8B): return Token.xia                   // 下
                case (0xE5, 0x8D, 0x88): return Token.wu                    // 午
                case (0xE6, 0x99, 0x9A): return Token.wan                   // 晚
                default: width = 1; return Token.other
                }
            default: return Token.other
            }
        }

        /// Steps over the token last returned by `peek()`.
        @inline(__always)
        mutating func advance() {
            if width == 0 { _ = peek() }
            index += max(width, 1)
            width = 0
        }

        /// Reads one or more digits, at most `maxDigits`: their value and count; nil when there is no
        /// digit or more follow.
        @inline(__always)
        mutating func digitRun(maxDigits: Int) -> (value: Int, count: Int)? {
            guard let run = digits(maxDigits: maxDigits), run.count > 0 else { return nil }
            return run
        }

        /// Reads up to `maxDigits` digits (none is fine): their value and count; nil when more follow.
        @inline(__always)
        private mutating func digits(maxDigits: Int) -> (value: Int, count: Int)? {
            var value = 0
            var count = 0
            while true {
                let t = peek()
                guard t >= 0, t <= 9 else { break }
                guard count < maxDigits else { return nil }
                value = value * 10 + t
                count += 1
                advance()
            }
            return (value, count)
        }

        /// Reads `上午`, `下午` or `晚上` and the spaces after it, if there; `.none` otherwise (nothing
        /// read). An unfinished marker (`下` alone) is left for the caller to refuse.
        mutating func meridiem() -> Meridiem {
            let first = peek()
            guard first == Token.shang || first == Token.xia || first == Token.wan else { return .none }
            let mark = index
            advance()
            let second = peek()
            let found: Meridiem
            switch (first, second) {
            case (Token.shang, Token.wu): found = .morning
            case (Token.xia, Token.wu), (Token.wan, Token.shang): found = .afternoon
            default:
                index = mark
                width = 0
                return .none
            }
            advance()
            while peek() == Token.space { advance() }
            return found
        }

        /// Reads minDigits...maxDigits digits; nil when fewer are there or more follow.
        @inline(__always)
        mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
            guard let run = digits(maxDigits: maxDigits), run.count >= minDigits else { return nil }
            return run.value
        }
    }
}
