/// The small values of a worksheet's XML read straight from its bytes: cell references, style and
/// string indexes, and whole numbers that can be copied as written.
extension SheetRowParser {
    /// The column (A = 0) of a cell reference such as `AB12`; nil when it has no letters or more than
    /// three (beyond XFD).
    static func column(of reference: UnsafeBufferPointer<UInt8>) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference {
            let upper = byte & 0xDF
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }

    /// A non-negative decimal integer of at most 9 digits; nil otherwise.
    static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 9 else { return nil }
        var n = 0
        for byte in text {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            n = n * 10 + Int(byte - 0x30)
        }
        return n
    }

    /// Whether a `<v>` is an integer General shows exactly as written: an optional minus, 1 to 15 digits,
    /// no leading zero (and not `-0`).
    static func isPlainInteger(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = text[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 15 else { return false }
        if digits.first == UInt8(ascii: "0") { return digits.count == 1 && text.count == 1 }
        return digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
