// libFuzzer harness: MinqingKit.XLSSource (FreeXL) on arbitrary files.
//
// Each input is written to one temporary file and its first sheet read to the end: an InputRefused is
// fine; a crash, a hang, another error or a broken invariant (row numbers increasing within .xls's 65,536
// rows, field(i) beyond the row blank) is not. The form detection is run on it too.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FuzzSupport
@testable import MinqingKit

private let path: String = {
    let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    return dir + "/minqing-fuzzxls-\(getpid()).xls"
}()

private func fail(_ message: String) -> Never { fuzzFailure("FuzzXLS", message) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    writeInput(UnsafeRawBufferPointer(start: data, count: size), to: path, target: "FuzzXLS")
    let form = WorkbookForm.detect(path: path)
    let head = UnsafeBufferPointer(start: data, count: min(size, 8))
    if (form == .ole2) != WorkbookForm.isOLE2(head) { fail("detect and isOLE2 disagree") }

    let source: XLSSource
    do {
        source = try XLSSource(path: path, sheet: nil)
    } catch is InputRefused {
        return 0
    } catch {
        fail("XLSSource.init threw a non-InputRefused: \(error)")
    }
    do {
        var last = 0
        while try source.nextRow() {
            if source.rowNumber <= last || source.rowNumber > 65_536 { fail("row number \(source.rowNumber) after \(last)") }
            last = source.rowNumber
            let n = source.fieldCount
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
        runFuzzer(fuzz)
    }
}
