extension ReferenceLoader {
    /// The optional 4th column of domains.csv (SPEC §8).
    static let timeLimitHeader = "办理时限"

    /// The longest 办理时限 accepted, in days (ten years), as for `[time_limits]`.
    static let maxTimeLimitDays = 3650

    /// Reads a domain's 办理时限: blank is nil (the grade's limit applies); otherwise whole days,
    /// 1…3650, written in ASCII or full-width digits. Anything else stops the run naming file, line
    /// and value.
    static func domainTimeLimit(_ text: String, domain: String, path: String, line: Int) throws -> Int? {
        if text.isEmpty { return nil }
        let digits = String(text.unicodeScalars.map { scalar -> Character in
            // Full-width ０–９ (U+FF10…U+FF19) as typed with a Chinese input method.
            if (0xFF10...0xFF19).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) {
                return Character(ascii)
            }
            return Character(scalar)
        })
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let days = Int(digits), (1...maxTimeLimitDays).contains(days) else {
            throw ReferenceError(
                path: path, line: line,
                message: "领域「\(domain)」的办理时限「\(text)」无效，应为 1 到 \(maxTimeLimitDays) 之间的整数天数（如 15）；不填则按等级的时限。")
        }
        return days
    }
}
