/// An .xlsx workbook's shared strings (`sharedStrings.xml`), kept compactly: every string's UTF-8 in one
/// byte buffer and where each ends, not an array of Swift Strings (a million strings would otherwise cost
/// tens of bytes of overhead each).
struct SharedStringTable {
    private var bytes: [UInt8] = []
    /// String i is `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first): 4 bytes a string.
    private var ends: [UInt32] = []
    /// The most text the table holds (its offsets are 32-bit); a part with more is refused.
    static let maxBytes = Int(UInt32.max)

    var count: Int { ends.count }

    /// The UTF-8 length of string `index` (0 when there is no such string).
    func length(_ index: Int) -> Int {
        guard index >= 0, index < ends.count else { return 0 }
        return Int(ends[index]) - (index == 0 ? 0 : Int(ends[index - 1]))
    }

    /// Calls `body` with string `index`'s bytes; nil when there is no such string.
    func withString<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let end = Int(ends[index])
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Reads the part: each `<si>` is one string, plain (`<si><t>…</t></si>`) or rich text, whose runs'
    /// `<t>` are joined; phonetic runs (`<rPh>`, the furigana of Japanese workbooks) are left out.
    static func read(_ xml: XMLPartReader) throws -> SharedStringTable {
        var strings = SharedStringTable()
        // The text is at most the part's size: reserving that (address space, not memory until written)
        // spares the buffer's doublings, each of which would copy all of it and briefly hold it twice.
        strings.bytes.reserveCapacity(Int(min(xml.declaredSize, UInt64(maxBytes))))
        func close() throws {
            guard strings.bytes.count <= maxBytes else {
                throw WorkbookRefusal.damaged(xml.workbookPath, detail: "\(xml.part) 的文字超过 4 GB")
            }
            strings.ends.append(UInt32(strings.bytes.count))
        }
        var inItem = false
        var phoneticDepth = 0
        while let node = try xml.next() {
            switch node {
            case .element:
                if xml.nameIs("si") {
                    inItem = true
                    if xml.isEmptyElement { try close(); inItem = false }
                } else if xml.nameIs("rPh") {
                    if !xml.isEmptyElement { phoneticDepth += 1 }
                } else if inItem, phoneticDepth == 0, xml.nameIs("t"), !xml.isEmptyElement {
                    try xml.appendText(untilEndOf: "t", into: &strings.bytes)
                }
            case .endElement:
                if xml.nameIs("si") {
                    try close()
                    inItem = false
                } else if xml.nameIs("rPh") {
                    phoneticDepth = max(0, phoneticDepth - 1)
                }
            default:
                continue
            }
        }
        return strings
    }
}
