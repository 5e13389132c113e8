import GRDBSQLite

/// One row of a bulk insert, every parameter in order, encoded into one byte array by the thread that
/// prepares the row (the scanning thread, for the month's demands) and bound by the thread that
/// inserts it without a copy (`SQLITE_STATIC`, see ``RawStatement/insertUnlessDuplicate(_:_:)``).
/// Preparing the values on the other core took a sixth of the inserting thread's work off it, and
/// binding pointers into one array spares SQLite a copy of every text.
///
/// Layout, for each parameter: a tag byte, then for a text (tag 0) its length (4 bytes) and its UTF-8
/// bytes, for an integer (tag 1) its 8 bytes, both in the machine's byte order.
struct EncodedRow: Sendable {
    let bytes: [UInt8]
    /// Number of parameters.
    let count: Int32

    static let textTag: UInt8 = 0
    static let integerTag: UInt8 = 1

    /// Calls `text` or `integer` for each parameter in order (1-based), with a text's bytes in place.
    func forEachParameter(
        _ bytes: UnsafeBufferPointer<UInt8>, text: (Int32, UnsafeBufferPointer<UInt8>) throws -> Void,
        integer: (Int32, Int64) throws -> Void
    ) rethrows {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var at = 0
        for parameter in 1...max(count, 1) where parameter <= count {
            let tag = bytes[at]
            if tag == Self.textTag {
                let length = Int(raw.loadUnaligned(fromByteOffset: at + 1, as: UInt32.self))
                try text(parameter, UnsafeBufferPointer(start: base + at + 5, count: length))
                at += 5 + length
            } else {
                try integer(parameter, raw.loadUnaligned(fromByteOffset: at + 1, as: Int64.self))
                at += 9
            }
        }
    }
}

/// The values of one row of a bulk insert, given to parameters 1, 2, … in order (a ``ColumnTable``'s
/// column declarations give them), into an ``EncodedRow``: ``finish()`` hands the row over and the
/// next one starts empty.
final class RowBinding {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var used = 0
    private(set) var count: Int32 = 0

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        buffer = .allocate(capacity: self.capacity)
    }

    deinit { buffer.deallocate() }

    /// Starts a new row.
    func clear() {
        used = 0
        count = 0
    }

    /// The row so far, copied out (the builder starts the next row).
    func finish() -> EncodedRow {
        let row = EncodedRow(bytes: Array(UnsafeBufferPointer(start: buffer, count: used)), count: count)
        clear()
        return row
    }

    /// Adds a text parameter.
    func text(_ text: String) {
        // A native string's bytes are read where they are; another is made contiguous first.
        let added: Void? = text.utf8.withContiguousStorageIfAvailable { add(bytes: $0) }
        if added == nil {
            var text = text
            text.withUTF8 { add(bytes: $0) }
        }
    }

    /// Adds a text parameter of these bytes.
    func add(bytes: UnsafeBufferPointer<UInt8>) {
        let at = reserve(5 + bytes.count)
        buffer[at] = EncodedRow.textTag
        UnsafeMutableRawPointer(buffer + at + 1).storeBytes(of: UInt32(truncatingIfNeeded: bytes.count), as: UInt32.self)
        if let source = bytes.baseAddress, !bytes.isEmpty { (buffer + at + 5).update(from: source, count: bytes.count) }
        count += 1
    }

    /// Adds an integer parameter.
    func int(_ value: Int) {
        let at = reserve(9)
        buffer[at] = EncodedRow.integerTag
        UnsafeMutableRawPointer(buffer + at + 1).storeBytes(of: Int64(value), as: Int64.self)
        count += 1
    }

    /// The offset of `extra` more bytes, growing the buffer when needed.
    private func reserve(_ extra: Int) -> Int {
        if used + extra > capacity {
            let grown = max(capacity * 2, used + extra)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: buffer, count: used)
            buffer.deallocate()
            buffer = bigger
            capacity = grown
        }
        let at = used
        used += extra
        return at
    }

    /// Adds an optional day: blank when nil.
    func day(_ value: Day?) {
        if let value { day(value, secondsOfDay: nil) } else { text("") }
    }

    /// Adds a day as text, `2026-10-03`, or with the time as `2026-10-03 14:22:05` (the stored forms).
    func day(_ day: Day, secondsOfDay: Int? = nil) {
        guard day.year >= 0, day.year < 10_000 else {
            text(secondsOfDay == nil ? day.description : DateTimeValue(day: day, secondsOfDay: secondsOfDay).text)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let withTime = secondsOfDay.map { $0 >= 0 && $0 < 86_400 } ?? false
        let length = withTime ? 19 : 10
        withUnsafeMutableBytes(of: &digits) { raw in
            let out = raw.bindMemory(to: UInt8.self)
            Self.put(day.year, 4, out, 0)
            out[4] = 0x2D
            Self.put(day.month, 2, out, 5)
            out[7] = 0x2D
            Self.put(day.day, 2, out, 8)
            if withTime, let seconds = secondsOfDay {
                out[10] = 0x20
                Self.put(seconds / 3600, 2, out, 11)
                out[13] = 0x3A
                Self.put(seconds / 60 % 60, 2, out, 14)
                out[16] = 0x3A
                Self.put(seconds % 60, 2, out, 17)
            }
            add(bytes: UnsafeBufferPointer(rebasing: out[0..<length]))
        }
    }

    /// Adds a month as text, `2026-10`.
    func month(_ month: YearMonth) {
        guard month.year >= 0, month.year < 10_000 else { return text(month.description) }
        var digits: UInt64 = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            let out = raw.bindMemory(to: UInt8.self)
            Self.put(month.year, 4, out, 0)
            out[4] = 0x2D
            Self.put(month.month, 2, out, 5)
            add(bytes: UnsafeBufferPointer(rebasing: out[0..<7]))
        }
    }

    /// Writes `value` as `width` decimal digits, zero-padded, at `at`.
    private static func put(_ value: Int, _ width: Int, _ out: UnsafeMutableBufferPointer<UInt8>, _ at: Int) {
        var n = value
        for i in stride(from: width - 1, through: 0, by: -1) {
            out[at + i] = 0x30 + UInt8(truncatingIfNeeded: n % 10)
            n /= 10
        }
    }
}
