/// The cells of one workbook row as UTF-8 in one reused buffer (no String per cell until asked): what
/// both workbook sources hand the scanner. A shared-string cell keeps only its string's index, so a row
/// of cells that all name one long shared string costs a few bytes a cell, not the string each time.
struct RowCells {
    /// Every cell's bytes, one after another in the order they were set.
    private(set) var bytes: [UInt8] = []
    /// Cell i is `bytes[starts[i]..<ends[i]]`; a column never set is an empty range. A negative start
    /// is a shared string: `shared`'s string number `-starts[i] - 1`.
    private var starts: [Int] = []
    private var ends: [Int] = []
    /// The workbook's shared strings, which shared-string cells name.
    var shared = SharedStringTable()
    /// True when a cell holds a NUL character.
    private(set) var hasNUL = false
    /// The number of columns up to the last non-blank cell.
    private(set) var count = 0
    /// The row's number in its sheet (the first row is 1).
    var number = 0

    /// Forgets the previous row, keeping the buffers' capacity.
    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        count = 0
        hasNUL = false
    }

    /// Sets column `column` (A = 0) to the given UTF-8 bytes; an empty value leaves the column blank.
    mutating func set(_ column: Int, _ value: UnsafeBufferPointer<UInt8>) {
        guard !value.isEmpty else { return }
        grow(to: column)
        let start = bytes.count
        bytes.append(contentsOf: value)
        if !hasNUL, value.contains(0) { hasNUL = true }
        starts[column] = start
        ends[column] = bytes.count
        count = max(count, column + 1)
    }

    /// Sets column `column` to shared string `index` (which the caller checked exists).
    mutating func setShared(_ column: Int, _ index: Int) {
        guard shared.withString(index, { !$0.isEmpty }) == true else { return }
        grow(to: column)
        starts[column] = -index - 1
        ends[column] = 0
        count = max(count, column + 1)
    }

    /// Makes room for `column` and blanks the columns between the last one set and it.
    private mutating func grow(to column: Int) {
        if column >= starts.count {
            let grown = max(column + 1, starts.count * 2)
            starts.append(contentsOf: repeatElement(0, count: grown - starts.count))
            ends.append(contentsOf: repeatElement(0, count: grown - ends.count))
        }
        // A cell left of the last one (references out of order) overwrites its column; only a cell
        // beyond the row's end leaves blanks behind it.
        guard column > count else { return }
        for blank in count..<column {
            starts[blank] = 0
            ends[blank] = 0
        }
    }

    /// Sets column `column` to a String's text.
    mutating func set(_ column: Int, _ text: String) {
        var text = text
        text.withUTF8 { set(column, $0) }
    }

    /// Cell `i` as text; "" when blank or beyond the row.
    func field(_ i: Int) -> String {
        guard i >= 0, i < count else { return "" }
        let start = starts[i], end = ends[i]
        if start < 0 { return shared.withString(-start - 1) { String(decoding: $0, as: UTF8.self) } ?? "" }
        guard end > start else { return "" }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// The row as one CSV line (RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled).
    func csvLine() -> String { CSVLine.join((0..<count).lazy.map(field)) }
}
