#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the records of one CSV or Unicode text file: one logical record at a time, fields decoded
/// to String.
///
/// RFC 4180: fields are separated by `,` (or by tabs in a UTF-16 file — Excel's "Unicode 文本" — whose
/// first lines hold more tabs than commas: ``Delimiter/detect(in:)``); a field starting with `"` is quoted, `""` inside it is one
/// quote, and it may hold `,`, CR and LF. A record ends at LF, CRLF or a lone CR; a last record without
/// a terminator is still a record; blank lines are skipped but counted in line numbers and in row
/// numbers (a spreadsheet shows a blank line as an empty row, and a record with line breaks in a
/// quoted field as one row: ``recordRow``).
/// Lenient like Excel: a `"` in the middle of an unquoted field is kept literally, and characters after
/// the closing quote of a quoted field (`"ab"c,` gives `abc`) are appended literally.
///
/// The file is read in chunks of `chunkSize` bytes, so memory stays bounded by the chunk size plus the
/// longest record (records longer than `maxRecordBytes` are refused).
final class CSVReader {
    /// The path the reader was opened with.
    let path: String
    /// The encoding in use: detected, or forced by the caller.
    private(set) var encoding: TextEncoding
    /// True when the file starts with a byte order mark (which is skipped).
    private(set) var hadBOM: Bool
    /// The field separator: `,` or a tab.
    let delimiter: UInt8
    /// The longest record accepted, in bytes; a longer one throws `.recordTooLarge`.
    let maxRecordBytes: Int

    private var fd: Int32
    private let chunkSize: Int
    /// Bytes read at open time for detection; served before reading more from `fd`.
    private var prefix: [UInt8]
    private var prefixPos: Int
    /// Decoded UTF-8 being parsed: `text[pos..<textEnd]` is still to scan.
    private var text: [UInt8] = []
    private var textEnd = 0
    private var pos = 0
    /// UTF-8 mode: `text[textEnd..<rawEnd]` is an incomplete sequence carried to the next chunk.
    private var rawEnd = 0
    /// GB18030 and UTF-16 mode: the raw chunk and its converter.
    private var raw: [UInt8] = []
    private var decoder: IconvDecoder?
    /// True when undecodable bytes follow `text[..<textEnd]`.
    private var decodeFailed = false
    private var finished = false
    private var failure: CSVError?
    /// The record state, behind a pointer so the hot paths skip dynamic exclusivity checks.
    private let scanner: UnsafeMutablePointer<CSVRecordScanner>

    /// Opens `path`. `encoding` nil = detect (a UTF-16 byte order mark always wins). Throws CSVError
    /// (file missing or unreadable, empty file).
    init(
        path: String, encoding: TextEncoding? = nil, chunkSize: Int = 1 << 20, maxRecordBytes: Int = 64 << 20
    ) throws {
        let opened = try Self.openReader(path: path, encoding: encoding)
        self.path = path
        self.fd = opened.fd
        self.prefix = opened.prefix
        self.prefixPos = opened.bomLength
        self.hadBOM = opened.bomLength > 0
        self.delimiter = opened.delimiter
        self.encoding = opened.encoding
        self.decoder = opened.decoder
        // Small files get small buffers; a file that grows while being read just takes more chunks.
        self.chunkSize = max(1, min(chunkSize, 64 << 20, opened.sizeHint ?? chunkSize))
        self.maxRecordBytes = maxRecordBytes
        if opened.decoder != nil {
            raw = [UInt8](repeating: 0, count: self.chunkSize)
        } else {
            text = [UInt8](repeating: 0, count: self.chunkSize + 4)
        }
        scanner = .allocate(capacity: 1)
        scanner.initialize(to: CSVRecordScanner(delimiter: opened.delimiter))
    }

    deinit {
        closeFile()
        scanner.pointee.deallocate()
        scanner.deinitialize(count: 1)
        scanner.deallocate()
    }

    /// Advances to the next record; false at end of file. Throws CSVError on undecodable bytes
    /// (naming the line) or a quoted field still open at end of file (naming the line it started on).
    func nextRecord() throws -> Bool {
        if let failure { throw failure }
        if finished { return false }
        scanner.pointee.beginRecord()
        do {
            while true {
                if pos < textEnd {
                    let (next, complete) = text.withUnsafeBufferPointer { buf in
                        scanner.pointee.scan(UnsafeBufferPointer(rebasing: buf[0..<textEnd]), from: pos)
                    }
                    pos = next
                    if complete { return true }
                    if scanner.pointee.rec.count > maxRecordBytes {
                        let line = scanner.pointee.recordLine
                        throw CSVError(path: path, line: line, kind: .recordTooLarge(limit: maxRecordBytes))
                    }
                    continue
                }
                if decodeFailed {
                    throw CSVError(path: path, line: scanner.pointee.line, kind: .undecodable(encoding: encoding))
                }
                if try !refill() {
                    finished = true
                    closeFile()
                    switch scanner.pointee.finish() {
                    case .none:
                        return false
                    case .record:
                        return true
                    case .unterminated(let fieldLine):
                        let line = scanner.pointee.recordLine
                        throw CSVError(path: path, line: line, kind: .unterminatedQuote(fieldLine: fieldLine))
                    }
                }
            }
        } catch let error as CSVError {
            failure = error
            closeFile()
            throw error
        }
    }

    /// The number of fields in the current record.
    var fieldCount: Int { scanner.pointee.fieldCount }

    /// Field i of the current record as a String (i < fieldCount; "" when i is out of range).
    func field(_ i: Int) -> String { scanner.pointee.field(i) }

    /// The 1-based physical line number where the current record starts.
    var recordLine: Int { scanner.pointee.recordLine }

    /// The current record's row as a spreadsheet shows the file: blank lines are rows, a record whose
    /// quoted fields hold line breaks is one row (the header is row 1 when nothing is above it).
    var recordRow: Int { scanner.pointee.recordRow }

    /// The number of physical lines the current record spans (≥1; >1 when a quoted field holds line breaks).
    var recordLineCount: Int { scanner.pointee.recordLastLine - scanner.pointee.recordLine + 1 }

    /// The current record's text exactly as in the file (decoded to UTF-8), without its line terminator.
    func rawRecord() -> String { scanner.pointee.rawRecord() }

    /// True when the current record contains a NUL byte (callers reject such rows).
    var recordHasNUL: Bool { scanner.pointee.hasNUL }

    /// All fields of the current record.
    func recordFields() -> [String] { (0..<fieldCount).map(field) }

    // MARK: - Reading

    /// Loads the next chunk into `text`; false at end of file.
    private func refill() throws -> Bool {
        pos = 0
        if let decoder {
            let got = try raw.withUnsafeMutableBufferPointer { buf in
                try readRaw(into: buf.baseAddress, max: buf.count)
            }
            text.removeAll(keepingCapacity: true)
            textEnd = 0
            if got == 0 {
                decodeFailed = decoder.pendingCount > 0
                return decodeFailed
            }
            let status = raw.withUnsafeBufferPointer { buf in
                decoder.decode(UnsafeBufferPointer(rebasing: buf[0..<got]), appendingTo: &text)
            }
            textEnd = text.count
            decodeFailed = status == .invalid
            return true
        }
        let carry = rawEnd - textEnd
        let (got, check) = try text.withUnsafeMutableBufferPointer { buf -> (Int, (validEnd: Int, invalid: Bool)) in
            guard let base = buf.baseAddress else { return (0, (0, false)) }
            if carry > 0 { UnsafeMutableRawPointer(base).copyMemory(from: base + textEnd, byteCount: carry) }
            let got = try readRaw(into: base + carry, max: chunkSize)
            let check = UTF8Validator.validate(UnsafeBufferPointer(start: base, count: carry + got))
            return (got, check)
        }
        if got == 0 {
            textEnd = 0
            rawEnd = 0
            decodeFailed = carry > 0
            return decodeFailed
        }
        textEnd = check.validEnd
        rawEnd = carry + got
        decodeFailed = check.invalid
        return true
    }

    /// Reads up to `max` bytes, first from the detection prefix, then from the file; 0 at end of file.
    private func readRaw(into dest: UnsafeMutablePointer<UInt8>?, max: Int) throws -> Int {
        guard let dest, max > 0 else { return 0 }
        if prefixPos < prefix.count {
            let n = min(max, prefix.count - prefixPos)
            prefix.withUnsafeBufferPointer { src in
                if let s = src.baseAddress { dest.update(from: s + prefixPos, count: n) }
            }
            prefixPos += n
            if prefixPos == prefix.count {
                prefix = []
                prefixPos = 0
            }
            return n
        }
        guard fd >= 0 else { return 0 }
        while true {
            let n = read(fd, dest, max)
            if n >= 0 { return n }
            let code = errno
            if code == EINTR { continue }
            throw CSVError(path: path, kind: .unreadable(errno: code))
        }
    }

    private func closeFile() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    /// What `openReader(path:encoding:)` found.
    private struct Opened {
        var fd: Int32
        var prefix: [UInt8]
        /// The byte order mark's length (0 without one).
        var bomLength: Int
        var encoding: TextEncoding
        var decoder: IconvDecoder?
        var delimiter: UInt8
        /// The file size when it is a regular file.
        var sizeHint: Int?
    }

    /// Opens `path`, reads the detection prefix (a BOM plus 64 KiB) and settles the encoding and the
    /// delimiter. Closes the file again when it throws.
    private static func openReader(path: String, encoding forced: TextEncoding?) throws -> Opened {
        let (fd, sizeHint) = try openDescriptor(path: path)
        do {
            let (prefix, atEOF) = try readPrefix(fd: fd, path: path, sizeHint: sizeHint)
            var bomLength = prefix.withUnsafeBufferPointer { TextEncoding.hasUTF8BOM($0) } ? 3 : 0
            var encoding = forced ?? .utf8
            switch TextEncoding.detect(prefix: prefix) {
            case .utf16(let bigEndian):
                // A UTF-16 byte order mark is never an accident: it wins over `--encoding`.
                encoding = bigEndian ? .utf16be : .utf16le
                bomLength = 2
            case .bomMismatch(let offset) where forced == nil:
                throw CSVError(path: path, line: lineNumber(in: prefix, at: offset), kind: .bomMismatch)
            case .gb18030 where forced == nil:
                encoding = .gb18030
            default:
                break
            }
            if prefix.count == bomLength && atEOF { throw CSVError(path: path, kind: .empty) }
            var decoder: IconvDecoder?
            if let name = encoding.iconvName {
                guard let converter = IconvDecoder(from: name) else {
                    throw CSVError(path: path, kind: .converterUnavailable(encoding: encoding))
                }
                decoder = converter
            }
            // Tabs separate the fields of Excel's "Unicode 文本" (UTF-16), judged on the decoded start of
            // the file (the converter then starts afresh); a UTF-8 or GB18030 file is CSV (SPEC §1).
            var delimiter = Delimiter.comma
            if let decoder, encoding == .utf16le || encoding == .utf16be {
                var sample: [UInt8] = []
                _ = decoder.decode(Array(prefix[bomLength...]), appendingTo: &sample)
                decoder.reset()
                delimiter = Delimiter.detect(in: sample)
            }
            return Opened(
                fd: fd, prefix: prefix, bomLength: bomLength, encoding: encoding, decoder: decoder,
                delimiter: delimiter, sizeHint: sizeHint)
        } catch {
            close(fd)
            throw error
        }
    }

    /// Opens `path` read-only, refusing folders; returns the size of a regular file.
    private static func openDescriptor(path: String) throws -> (fd: Int32, sizeHint: Int?) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw CSVError(path: path, kind: .fileNotFound)
            case EISDIR: throw CSVError(path: path, kind: .isDirectory)
            default: throw CSVError(path: path, kind: .unreadable(errno: code))
            }
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return (fd, nil) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            close(fd)
            throw CSVError(path: path, kind: .isDirectory)
        }
        return (fd, type == S_IFREG ? Int(info.st_size) + 1 : nil)
    }

    /// Reads up to a BOM plus `detectionSampleSize` bytes; `atEOF` when the file ended within them.
    private static func readPrefix(fd: Int32, path: String, sizeHint: Int?) throws -> (prefix: [UInt8], atEOF: Bool) {
        let wanted = 3 + TextEncoding.detectionSampleSize
        var prefix = [UInt8](repeating: 0, count: min(wanted, sizeHint ?? wanted))
        var filled = 0
        var atEOF = false
        while filled < prefix.count {
            let n = prefix.withUnsafeMutableBufferPointer { buf in
                read(fd, buf.baseAddress.map { $0 + filled }, buf.count - filled)
            }
            if n > 0 {
                filled += n
            } else if n == 0 {
                atEOF = true
                break
            } else if errno != EINTR {
                let code = errno
                throw CSVError(path: path, kind: code == EISDIR ? .isDirectory : .unreadable(errno: code))
            }
        }
        prefix.removeLast(prefix.count - filled)
        return (prefix, atEOF)
    }

    /// The 1-based physical line of byte `offset` in `bytes` (LF, CRLF and lone CR end lines).
    static func lineNumber(in bytes: [UInt8], at offset: Int) -> Int {
        var line = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] == 0x0A {
                line += 1
            } else if bytes[i] == 0x0D {
                line += 1
                if i + 1 < end && bytes[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        return line
    }
}

/// The byte-level RFC 4180 state machine: accumulates one record's raw bytes and field boundaries.
/// Its buffers are manually managed; the owner calls `deallocate()` exactly once.
struct CSVRecordScanner {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted, afterQuoted }

    /// How the input ended for the record in progress.
    enum Ending: Equatable { case none, record, unterminated(fieldLine: Int) }

    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D
    private static let quote: UInt8 = 0x22

    /// The field separator (`,` or a tab).
    let delimiter: UInt8
    /// The largest byte the unquoted scan must stop at: the delimiter, CR, LF or NUL.
    private let stopAtOrBelow: UInt8

    /// The current record's bytes as in the file, without its terminator.
    private(set) var rec = CSVRawBuffer<UInt8>(capacity: 4096)
    /// Two entries per field: `start, end` of its text in `rec`, or `~start, end` of a quoted field's
    /// raw bytes (opening quote included) when it needs unescaping.
    private(set) var fields = CSVRawBuffer<Int>(capacity: 64)
    private(set) var hasNUL = false
    /// The physical line at the scan position.
    private(set) var line = 1
    private(set) var recordLine = 1
    /// Rows so far as a spreadsheet counts them (blank lines and records), and the current record's.
    private var rows = 0
    private(set) var recordRow = 1
    private(set) var recordLastLine = 1
    private var state = State.fieldStart
    private var inRecord = false
    private var skipLF = false
    private var quotedCR = false
    private var fieldLine = 1
    private var fieldBegin = 0
    private var escaped = false

    /// A scanner splitting fields at `delimiter`.
    init(delimiter: UInt8 = 0x2C) {
        self.delimiter = delimiter
        stopAtOrBelow = max(delimiter, 0x0D)
    }

    /// Frees the buffers.
    func deallocate() {
        rec.deallocate()
        fields.deallocate()
    }

    /// Clears the previous record.
    mutating func beginRecord() {
        rec.removeAll()
        fields.removeAll()
        hasNUL = false
        state = .fieldStart
        inRecord = false
    }

    /// Scans `buf[start...]`; returns where it stopped and whether a record was completed there.
    mutating func scan(_ buf: UnsafeBufferPointer<UInt8>, from start: Int) -> (next: Int, complete: Bool) {
        guard let p = buf.baseAddress else { return (start, false) }
        let end = buf.count
        var i = start
        if !inRecord {
            while i < end {
                let b = p[i]
                if b == Self.lf {
                    if !skipLF {
                        line += 1
                        rows += 1
                    }
                    skipLF = false
                } else if b == Self.cr {
                    line += 1
                    rows += 1
                    skipLF = true
                } else {
                    break
                }
                i += 1
            }
            guard i < end else { return (i, false) }
            skipLF = false
            inRecord = true
            recordLine = line
            recordRow = rows + 1
        }
        let segStart = i
        let base = rec.count - segStart
        var state = self.state
        scanning: while i < end {
            switch state {
            case .fieldStart:
                fieldBegin = base + i
                if p[i] == Self.quote {
                    state = .quoted
                    escaped = false
                    fieldLine = line
                    i += 1
                } else {
                    state = .unquoted
                }
            case .unquoted, .afterQuoted:
                i = Self.skip(p, from: i, to: end, whileAbove: stopAtOrBelow)
                guard i < end else { break scanning }
                let b = p[i]
                if b == delimiter {
                    endField(state, at: base + i)
                    state = .fieldStart
                    i += 1
                } else if b == Self.lf || b == Self.cr {
                    return endRecord(state, p, segStart, i, base)
                } else {
                    if b == 0 { hasNUL = true }
                    i += 1
                }
            case .quoted:
                if quotedCR {
                    quotedCR = false
                    if p[i] == Self.lf {
                        i += 1
                        continue
                    }
                }
                i = Self.skip(p, from: i, to: end, whileAbove: Self.quote)
                guard i < end else { break scanning }
                let b = p[i]
                i += 1
                if b == Self.quote {
                    state = .quoteInQuoted
                } else if b == Self.lf {
                    line += 1
                } else if b == Self.cr {
                    line += 1
                    if i == end {
                        quotedCR = true
                    } else if p[i] == Self.lf {
                        i += 1
                    }
                } else if b == 0 {
                    hasNUL = true
                }
            case .quoteInQuoted:
                let b = p[i]
                if b == Self.quote {
                    state = .quoted
                    escaped = true
                    i += 1
                } else if b == delimiter {
                    endField(state, at: base + i)
                    state = .fieldStart
                    i += 1
                } else if b == Self.lf || b == Self.cr {
                    return endRecord(state, p, segStart, i, base)
                } else {
                    state = .afterQuoted
                    escaped = true
                }
            }
        }
        rec.append(p + segStart, count: i - segStart)
        self.state = state
        return (i, false)
    }

    /// The first index in `from..<to` whose byte is ≤ `limit` (or `to`), skipping 8 bytes at a time.
    @inline(__always)
    private static func skip(_ p: UnsafePointer<UInt8>, from: Int, to end: Int, whileAbove limit: UInt8) -> Int {
        var i = from
        // A word has a byte below n (n ≤ 0x80) iff (w - 0x01..01 * n) & ~w & 0x80..80 != 0.
        let low = 0x0101_0101_0101_0101 &* UInt64(limit &+ 1)
        while i + 8 <= end {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            if (w &- low) & ~w & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        while i < end && p[i] > limit { i += 1 }
        return i
    }

    /// Completes the record whose terminator (CR or LF) is at `p[i]`.
    @inline(__always)
    private mutating func endRecord(
        _ state: State, _ p: UnsafePointer<UInt8>, _ segStart: Int, _ i: Int, _ base: Int
    ) -> (next: Int, complete: Bool) {
        endField(state, at: base + i)
        rec.append(p + segStart, count: i - segStart)
        recordLastLine = line
        line += 1
        rows = recordRow
        skipLF = p[i] == Self.cr
        inRecord = false
        self.state = .fieldStart
        return (i + 1, true)
    }

    /// Records the boundaries of the field ending at `end` (an offset in `rec`).
    @inline(__always)
    private mutating func endField(_ state: State, at end: Int) {
        switch state {
        case .unquoted:
            fields.append(fieldBegin, end)
        case .fieldStart:
            fields.append(end, end)
        case .quoteInQuoted where !escaped:
            fields.append(fieldBegin + 1, end - 1)
        default:
            fields.append(~fieldBegin, end)
        }
    }

    /// Ends the input: completes a record in progress, or reports an unterminated quoted field.
    mutating func finish() -> Ending {
        guard inRecord else { return .none }
        if state == .quoted { return .unterminated(fieldLine: fieldLine) }
        endField(state, at: rec.count)
        recordLastLine = line
        rows = recordRow
        inRecord = false
        state = .fieldStart
        return .record
    }

    /// The number of fields in the record.
    var fieldCount: Int { fields.count / 2 }

    /// The record's bytes as a String.
    func rawRecord() -> String { String(decoding: rec.buffer, as: UTF8.self) }

    /// Field `i` of the record, unescaping `""` only for quoted fields that need it.
    func field(_ i: Int) -> String {
        guard i >= 0, 2 * i + 1 < fields.count else { return "" }
        let a = fields[2 * i]
        let b = fields[2 * i + 1]
        let bytes = rec.base
        if a >= 0 { return String(decoding: UnsafeBufferPointer(start: bytes + a, count: b - a), as: UTF8.self) }
        let start = ~a
        return String(unsafeUninitializedCapacity: b - start) { out in
            guard let dest = out.baseAddress else { return 0 }
            var n = 0
            var j = start + 1
            while j < b {
                let q = j + Self.firstQuote(in: bytes + j, count: b - j)
                (dest + n).update(from: bytes + j, count: q - j)
                n += q - j
                guard q < b else { break }
                if q + 1 < b && bytes[q + 1] == Self.quote {
                    dest[n] = Self.quote
                    n += 1
                    j = q + 2
                } else {
                    // The closing quote: whatever follows it is kept literally.
                    (dest + n).update(from: bytes + q + 1, count: b - q - 1)
                    n += b - q - 1
                    break
                }
            }
            return n
        }
    }

    /// The index of the first `"` in `p[0..<count]`, or `count`.
    private static func firstQuote(in p: UnsafePointer<UInt8>, count: Int) -> Int {
        guard let hit = memchr(p, Int32(quote), count) else { return count }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(p)
    }
}

/// A growable array of plain values in manually managed memory (no reference counting or
/// uniqueness checks in the scanner's hot loop). The owner calls `deallocate()` exactly once.
struct CSVRawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    subscript(i: Int) -> Element { base[i] }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    mutating func append(_ a: Element, _ b: Element) {
        if count + 2 > capacity { grow(to: count + 2) }
        base[count] = a
        base[count + 1] = b
        count += 2
    }

    mutating func append(_ source: UnsafePointer<Element>, count n: Int) {
        guard n > 0 else { return }
        if count + n > capacity { grow(to: count + n) }
        (base + count).initialize(from: source, count: n)
        count += n
    }

    mutating func removeAll() { count = 0 }

    func deallocate() { base.deallocate() }

    private mutating func grow(to needed: Int) {
        let newCapacity = Swift.max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

/// The field separator of a UTF-16 text file: a tab when the first lines (up to 10 non-blank ones,
/// outside quotes) hold more tabs than commas — Excel's "Unicode 文本" — else a comma.
enum Delimiter {
    static let comma: UInt8 = 0x2C
    static let tab: UInt8 = 0x09

    /// The delimiter of the UTF-8 text `sample` (the start of a file).
    static func detect(in sample: [UInt8]) -> UInt8 {
        var tabs = 0, commas = 0, lines = 0, quoted = false, blank = true
        for byte in sample {
            switch byte {
            case 0x22: quoted.toggle(); blank = false
            case 0x0A, 0x0D:
                if quoted { continue }
                if !blank { lines += 1 }
                blank = true
                if lines >= 10 { return tabs > commas ? tab : comma }
            case tab: if !quoted { tabs += 1 }; blank = false
            case comma: if !quoted { commas += 1 }; blank = false
            default: blank = false
            }
        }
        return tabs > commas ? tab : comma
    }
}
