// minqing-xls PATH [SHEET]: reads one .xls workbook (BIFF8) through FreeXL and writes its chosen sheet's
// cells to standard output as XLSWire frames. `minqing` starts it for each .xls input and reads it back
// (XLSSource); a crafted file that crashes FreeXL then ends only this process, and `minqing` refuses the
// file with a sentence. Not meant to be run by hand.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CFreeXL
import XLSWire

/// Frames written to standard output through one buffer.
struct FrameWriter {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func byte(_ value: UInt8) { buffer.append(value) }
    mutating func u16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }
    mutating func bytes(_ values: UnsafeBufferPointer<UInt8>) { buffer.append(contentsOf: values) }
    /// Where the next byte goes (to patch or drop what follows).
    var mark: Int { buffer.count }
    mutating func rewind(to mark: Int) { buffer.removeSubrange(mark...) }
    mutating func patch16(at mark: Int, _ value: UInt16) {
        buffer[mark] = UInt8(truncatingIfNeeded: value)
        buffer[mark + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }
    mutating func text(_ pointer: UnsafePointer<CChar>) {
        let length = min(strlen(pointer), XLSWire.maxCellBytes)
        u32(UInt32(length))
        pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            buffer.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
        }
    }

    mutating func flushIfFull() { if buffer.count >= 1 << 16 { flush() } }

    /// Writes the buffer out; a reader that has gone away ends the process (nothing is left to do).
    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return write(1, base + offset, bytes.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { exit(3) }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The reading of one workbook, frame by frame.
struct Reader {
    var out = FrameWriter()

    /// Reports FreeXL's error and ends the stream.
    mutating func fail(_ step: XLSWire.Step, _ status: Int32, row: UInt32 = 0) -> Never {
        out.byte(XLSWire.Frame.failure.rawValue)
        out.byte(step.rawValue)
        out.u32(UInt32(bitPattern: status))
        out.u32(row)
        out.flush()
        exit(0)
    }

    mutating func check(_ status: Int32, _ step: XLSWire.Step) {
        if status != FREEXL_OK { fail(step, status) }
    }

    /// Bounds this process: a file that makes FreeXL loop or allocate without end is stopped by the system.
    func limitResources() {
        var cpu = rlimit(rlim_cur: rlim_t(XLSWire.cpuSeconds), rlim_max: rlim_t(XLSWire.cpuSeconds + 5))
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpu)
        var memory = rlimit(rlim_cur: rlim_t(XLSWire.addressSpaceBytes), rlim_max: rlim_t(XLSWire.addressSpaceBytes))
        _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &memory)
    }

    mutating func info(_ handle: UnsafeRawPointer, _ what: Int32) -> UInt32 {
        var value: UInt32 = 0
        check(freexl_get_info(handle, UInt16(what), &value), .info)
        return value
    }

    mutating func open(_ path: String, metadataOnly: Bool) -> UnsafeRawPointer {
        var handle: UnsafeRawPointer?
        let status = metadataOnly ? freexl_open_info(path, &handle) : freexl_open(path, &handle)
        guard status == FREEXL_OK, let handle else { fail(.open, status) }
        return handle
    }

    mutating func writeCell(_ value: FreeXL_CellValue, column: UInt16) -> Bool {
        switch Int32(value.type) {
        case FREEXL_CELL_INT:
            out.u16(column)
            out.byte(XLSWire.CellKind.integer.rawValue)
            out.u64(UInt64(bitPattern: Int64(value.value.int_value)))
        case FREEXL_CELL_DOUBLE:
            out.u16(column)
            out.byte(XLSWire.CellKind.double.rawValue)
            out.u64(value.value.double_value.bitPattern)
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_DATE, FREEXL_CELL_TIME, FREEXL_CELL_DATETIME:
            guard let text = value.value.text_value, text.pointee != 0 else { return false }
            out.u16(column)
            out.byte((Int32(value.type) == FREEXL_CELL_DATETIME ? XLSWire.CellKind.dateTime : .text).rawValue)
            out.text(text)
        default:
            return false
        }
        return true
    }

    mutating func run(arguments: [String]) -> Never {
        guard arguments.count == 2 || arguments.count == 3 else { fail(.usage, 0) }
        limitResources()
        let path = arguments[1]
        let wanted = arguments.count == 3 ? arguments[2] : nil

        // Metadata first (no cells loaded): a workbook with a password is refused before FreeXL reads it.
        let metadata = open(path, metadataOnly: true)
        if Int32(bitPattern: info(metadata, FREEXL_BIFF_PASSWORD)) == FREEXL_BIFF_OBFUSCATED { fail(.password, 0) }
        freexl_close(metadata)

        let handle = open(path, metadataOnly: false)
        let dateMode: UInt8 = Int32(bitPattern: info(handle, FREEXL_BIFF_DATEMODE)) == FREEXL_BIFF_DATEMODE_1904 ? 1 : 0
        let sheetCount = min(Int(info(handle, FREEXL_BIFF_SHEET_COUNT)), XLSWire.maxSheets)
        var names: [[UInt8]] = []
        for index in 0..<sheetCount {
            var name: UnsafePointer<CChar>?
            check(freexl_get_worksheet_name(handle, UInt16(index), &name), .sheetNames)
            guard let name else { names.append([]); continue }
            let length = min(strlen(name), XLSWire.maxNameBytes)
            names.append(name.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) })
        }
        let selected: Int32
        if let wanted {
            let bytes = Array(wanted.utf8)
            selected = names.firstIndex(of: bytes).map(Int32.init) ?? -1
        } else {
            selected = names.isEmpty ? -1 : 0
        }
        var rows: UInt32 = 0
        var columns: UInt16 = 0
        if selected >= 0 {
            check(freexl_select_active_worksheet(handle, UInt16(selected)), .selectSheet)
            check(freexl_worksheet_dimensions(handle, &rows, &columns), .dimensions)
        }
        out.byte(XLSWire.Frame.begin.rawValue)
        out.byte(dateMode)
        out.u32(rows)
        out.u16(columns)
        out.u32(UInt32(bitPattern: selected))
        out.u32(UInt32(names.count))
        for name in names {
            out.u32(UInt32(name.count))
            name.withUnsafeBufferPointer { out.bytes($0) }
        }
        out.flush()

        // minqing stops reading (and this process) when the dimensions are beyond a BIFF8 sheet's.
        var value = FreeXL_CellValue()
        for row in 0..<rows {
            // Only the rows with something in them travel.
            let start = out.mark
            out.byte(XLSWire.Frame.row.rawValue)
            out.u32(row)
            let countMark = out.mark
            out.u16(0)
            var count: UInt16 = 0
            for column in 0..<columns {
                let status = freexl_get_cell_value(handle, row, column, &value)
                if status != FREEXL_OK {
                    out.rewind(to: start)
                    fail(.cell, status, row: row)
                }
                if writeCell(value, column: column) { count += 1 }
            }
            if count == 0 { out.rewind(to: start) } else { out.patch16(at: countMark, count) }
            out.flushIfFull()
        }
        out.byte(XLSWire.Frame.end.rawValue)
        out.flush()
        freexl_close(handle)
        exit(0)
    }
}

@main
enum MinqingXLS {
    static func main() {
        var reader = Reader()
        reader.run(arguments: CommandLine.arguments)
    }
}
