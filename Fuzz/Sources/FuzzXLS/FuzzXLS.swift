// libFuzzer harness: MinqingKit.XLSSource, which reads .xls workbooks through the minqing-xls process.
//
// FreeXL runs in that process, never in minqing (it overflows a stack buffer on a crafted file, found
// by this harness when it still ran FreeXL in-process), so what is fuzzed here is minqing's side: the
// first byte of each input picks the mode.
//   0  the rest is a file handed to the real reader (scripts/fuzz.sh builds it and names it in
//      MINQING_XLS_READER): a crash or hang of the reader is a refusal, never minqing's crash.
//   1  the rest is what a reader gone wrong might write, read through a pipe: the frame decoder must
//      refuse it with a sentence, never trap, loop or allocate without bound.
// An InputRefused is fine; a crash, a hang, another error or a broken invariant (row numbers increasing
// within .xls's 65,536 rows, field(i) beyond the row blank) is not. The form detection is run on files too.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FuzzSupport
@testable import MinqingKit

private let path = inputPath(for: "fuzzxls", extension: "xls")

private func fail(_ message: String) -> Never { fuzzFailure("FuzzXLS", message) }

/// The source for the input's mode, or nil when it is refused on opening.
private func open(_ data: UnsafePointer<UInt8>, _ size: Int) -> XLSSource? {
    let body = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
    do {
        if data[0] == 0 {
            writeInput(body, to: path, target: "FuzzXLS")
            let form = WorkbookForm.detect(path: path)
            let head = UnsafeBufferPointer(start: data + 1, count: min(size - 1, 8))
            if (form == .ole2) != WorkbookForm.isOLE2(head) { fail("detect and isOLE2 disagree") }
            return try XLSSource(path: path, sheet: nil)
        }
        // Inputs are at most 16 KB, less than a pipe holds: all of it is written before reading.
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) != 0 { fail("cannot create a pipe") }
        if body.count > 0, write(ends[1], body.baseAddress, body.count) != body.count { fail("cannot fill the pipe") }
        close(ends[1])
        return try XLSSource(process: XLSReaderProcess(path: path, readingFrom: ends[0]), sheet: nil)
    } catch is InputRefused {
        return nil
    } catch {
        fail("XLSSource.init threw a non-InputRefused: \(error)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0, data[0] < 2, let source = open(data, size) else { return 0 }
    do {
        var last = 0
        while try source.nextRow() {
            if source.rowNumber <= last || source.rowNumber > 65_536 { fail("row number \(source.rowNumber) after \(last)") }
            last = source.rowNumber
            let n = source.fieldCount
            if n > 256 { fail("\(n) fields in a row of .xls's 256 columns") }
            if source.field(n) != "" { fail("a field beyond the row is not blank") }
            for i in 0..<n { _ = source.field(i) }
            _ = source.rawRecord()
        }
    } catch is InputRefused {
        return 0
    } catch {
        fail("nextRow threw a non-InputRefused: \(error)")
    }
    return 0
}

@main
enum FuzzXLSMain {
    static func main() {
        atexit { unlink(path) }
        if getenv("MINQING_XLS_READER") == nil {
            let message = "FuzzXLS: set MINQING_XLS_READER to a built minqing-xls (scripts/fuzz.sh does)\n"
            message.withCString { _ = write(2, $0, strlen($0)) }
            exit(2)
        }
        runFuzzer(fuzz)
    }
}
