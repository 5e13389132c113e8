import GRDBSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text parameters of one row of a bulk insert, gathered into one reused buffer and bound without
/// a copy (`SQLITE_STATIC`) just before the statement runs: SQLite would otherwise allocate and copy
/// every text parameter of every row, and dates would be formatted into new strings first.
///
/// Use: ``add(_:_:)`` (or the date forms) for each text parameter, then ``bind(to:)``, run the
/// statement, and ``clear()``. Every text parameter must be added again for each row: a binding left
/// from an earlier row would point into the reused buffer.
final class RowTexts {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var used = 0
    /// Each text's parameter and place in the buffer.
    private var texts: [(parameter: Int32, start: Int, length: Int)] = []

    /// An empty buffer.
    init(capacity: Int = 1 << 14) {
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// Adds `text` as parameter `index` (1-based).
    func add(_ index: Int32, _ text: String) {
        // A native string's bytes are read where they are; another is made contiguous first.
        let added: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in add(index, bytes) }
        if added == nil {
            var text = text
            text.withUTF8 { bytes in add(index, bytes) }
        }
    }

    private func add(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        let start = reserve(bytes.count)
        if let base = bytes.baseAddress, bytes.count > 0 { (buffer + start).update(from: base, count: bytes.count) }
        record(index, start, bytes.count)
    }

    /// Adds a day as `2026-10-03`, or with the time as `2026-10-03 14:22:05` (the stored forms).
    func add(_ index: Int32, _ day: Day, secondsOfDay: Int? = nil) {
        guard day.year >= 0, day.year < 10_000 else {
            add(index, secondsOfDay == nil ? day.description : DateTimeValue(day: day, secondsOfDay: secondsOfDay).text)
            return
        }
        let withTime = secondsOfDay.map { $0 >= 0 && $0 < 86_400 } ?? false
        let length = withTime ? 19 : 10
        let start = reserve(length)
        let out = buffer + start
        Self.put(day.year, 4, out)
        out[4] = 0x2D
        Self.put(day.month, 2, out + 5)
        out[7] = 0x2D
        Self.put(day.day, 2, out + 8)
        if withTime, let seconds = secondsOfDay {
            out[10] = 0x20
            Self.put(seconds / 3600, 2, out + 11)
            out[13] = 0x3A
            Self.put(seconds / 60 % 60, 2, out + 14)
            out[16] = 0x3A
            Self.put(seconds % 60, 2, out + 17)
        }
        record(index, start, length)
    }

    /// Adds a month as `2026-10`.
    func add(_ index: Int32, _ month: YearMonth) {
        guard month.year >= 0, month.year < 10_000 else { return add(index, month.description) }
        let start = reserve(7)
        Self.put(month.year, 4, buffer + start)
        buffer[start + 4] = 0x2D
        Self.put(month.month, 2, buffer + start + 5)
        record(index, start, 7)
    }

    /// Binds every text added to `statement`'s handle, pointing into this buffer (valid until the next
    /// ``add(_:_:)`` or ``clear()``).
    func bind(to handle: OpaquePointer, check: (Int32, Int32) throws -> Void) throws {
        for text in texts {
            let pointer = UnsafeRawPointer(buffer + text.start).assumingMemoryBound(to: CChar.self)
            // A nil destructor is SQLITE_STATIC: SQLite uses the bytes where they are.
            try check(sqlite3_bind_text(handle, text.parameter, pointer, Int32(text.length), nil), text.parameter)
        }
    }

    /// Forgets the row's texts (the buffer is kept).
    func clear() {
        used = 0
        texts.removeAll(keepingCapacity: true)
    }

    private func record(_ index: Int32, _ start: Int, _ length: Int) {
        texts.append((index, start, length))
    }

    /// The offset of `count` free bytes, growing the buffer when needed (offsets stay valid).
    private func reserve(_ count: Int) -> Int {
        if used + count > capacity {
            let grown = max(capacity * 2, used + count)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: buffer, count: used)
            buffer.deallocate()
            buffer = bigger
            capacity = grown
        }
        let start = used
        used += count
        return start
    }

    /// Writes `value` as `width` decimal digits, zero-padded.
    private static func put(_ value: Int, _ width: Int, _ out: UnsafeMutablePointer<UInt8>) {
        var n = value
        for i in stride(from: width - 1, through: 0, by: -1) {
            out[i] = 0x30 + UInt8(truncatingIfNeeded: n % 10)
            n /= 10
        }
    }
}
