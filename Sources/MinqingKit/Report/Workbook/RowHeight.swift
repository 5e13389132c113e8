/// The height (points) a row needs so wrapped text in it is fully visible when printed: one line per
/// `width − 1` display units of each wrapped value (CJK counts 2), and one per line break.
///
/// One pass over the UTF-8 bytes with no allocation: this runs for every row of the long lists.
struct RowHeight {
    private var lines = 1

    /// Takes a wrapped cell's text and its column width into account.
    mutating func add(_ text: String, width: Double) {
        guard !text.isEmpty else { return }
        let perLine = max(1, Int(width) - 1)
        var text = text
        let count = text.withUTF8 { utf8 -> Int in
            var count = 0, current = 0, previous: UInt8 = 0
            for byte in utf8 {
                if byte >= 0x80 {
                    // A lead byte starts a wide (CJK-width) character; continuation bytes add nothing.
                    if byte >= 0xC0 { current += 2 }
                } else if byte == 0x0A || byte == 0x0D {
                    if !(byte == 0x0A && previous == 0x0D) { count += max(1, (current + perLine - 1) / perLine) }
                    current = 0
                } else {
                    current += 1
                }
                previous = byte
            }
            return count + max(1, (current + perLine - 1) / perLine)
        }
        lines = max(lines, count)
    }

    /// The height in points, or nil for a single line (Excel's default height).
    var points: Double? {
        lines > 1 ? min(409, Double(lines) * 14.5 + 2) : nil
    }
}
