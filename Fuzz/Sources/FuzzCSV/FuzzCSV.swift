// libFuzzer harness: MinqingKit.CSVReader on arbitrary file contents.
//
// Each input is written to one temporary file (the same path for the whole process) and read to the end
// with encoding detection, forced UTF-8 and forced GB18030, each with the default chunk size and with a
// small one, and once with a 64-byte record limit. Reading must end either normally or with a CSVError,
// never crash or hang, and:
// - records come in file order (recordLine strictly increasing, each record ≥ 1 field and ≥ 1 line);
// - the error, once thrown, is thrown again by the next call (sticky); after end of file, false again;
// - the chunk size never changes what is read (records, fields, lines, raw text, error), forcing the
//   encoding that detection chose changes nothing, and a record limit only ever adds .recordTooLarge.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FuzzSupport
@testable import MinqingKit  // MinqingKit is internal but for the executable's API; fuzz.sh builds with -enable-testing

/// What one read of the file produced.
private struct Outcome: Equatable {
    var records: [[String]] = []
    var lines: [Int] = []
    var lineCounts: [Int] = []
    var raws: [String] = []
    var nuls: [Bool] = []
    var error: CSVError?
    var encoding: TextEncoding?
    var hadBOM = false
}

private let path = inputPath(for: "fuzzcsv", extension: "csv")

private func fail(_ message: String) -> Never { fuzzFailure("FuzzCSV", message) }

/// Whether the current input starts with a UTF-16 byte order mark (FF FE or FE FF).
nonisolated(unsafe) private var startsWithUTF16BOM = false

private func read(encoding: TextEncoding?, chunkSize: Int, maxRecordBytes: Int = 64 << 20) -> Outcome {
    var outcome = Outcome()
    let reader: CSVReader
    do {
        reader = try CSVReader(path: path, encoding: encoding, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    } catch let error as CSVError {
        outcome.error = error
        return outcome
    } catch {
        fail("CSVReader.init threw a non-CSVError: \(error)")
    }
    outcome.encoding = reader.encoding
    outcome.hadBOM = reader.hadBOM
    // A UTF-16 byte order mark wins over a forced encoding (it is never an accident); otherwise the
    // forced encoding is the one used.
    let utf16 = reader.encoding == .utf16le || reader.encoding == .utf16be
    if utf16 && !startsWithUTF16BOM { fail("reader uses \(reader.encoding) without a UTF-16 byte order mark") }
    if let encoding, !utf16, reader.encoding != encoding { fail("forced \(encoding) but reader uses \(reader.encoding)") }
    if let encoding, utf16, encoding == reader.encoding { fail("UTF-16 was forced, which --encoding cannot do") }
    do {
        while try reader.nextRecord() {
            let n = reader.fieldCount
            if n < 1 { fail("record with \(n) fields") }
            if reader.recordLineCount < 1 { fail("recordLineCount \(reader.recordLineCount)") }
            if let last = outcome.lines.last, let lastCount = outcome.lineCounts.last,
               reader.recordLine < last + lastCount {
                fail("record at line \(reader.recordLine) overlaps the previous one (\(last)+\(lastCount))")
            }
            outcome.records.append((0..<n).map { reader.field($0) })
            if !reader.field(n).isEmpty || !reader.field(-1).isEmpty { fail("out-of-range field is not empty") }
            outcome.lines.append(reader.recordLine)
            outcome.lineCounts.append(reader.recordLineCount)
            outcome.raws.append(reader.rawRecord())
            outcome.nuls.append(reader.recordHasNUL)
        }
        if try reader.nextRecord() { fail("a record after end of file") }
    } catch let error as CSVError {
        outcome.error = error
        do {
            _ = try reader.nextRecord()
            fail("no error after \(error)")
        } catch let again as CSVError {
            if again != error { fail("error not sticky: \(error) then \(again)") }
        } catch {
            fail("non-CSVError after CSVError: \(error)")
        }
    } catch {
        fail("nextRecord threw a non-CSVError: \(error)")
    }
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    writeInput(UnsafeRawBufferPointer(start: data, count: size), to: path, target: "FuzzCSV")
    startsWithUTF16BOM = size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF))

    // Detected encoding: whole file in one chunk, then in small chunks (1…8 bytes for inputs under 512
    // bytes, else 13, 61 or 509; picked by the input size, so every size is tried across a run) — the
    // reads must agree exactly.
    let detected = read(encoding: nil, chunkSize: 1 << 20)
    let chunk = size < 512 ? 1 + size % 8 : [13, 61, 509][size % 3]
    let small = read(encoding: nil, chunkSize: chunk)
    if detected != small { fail("chunk size \(chunk) reads differently\n\(detected)\n\(small)") }
    if detected.error == nil && detected.records.count > size { fail("more records than bytes") }
    // Each forced encoding, in one chunk and in 61-byte chunks (GB18030 sequences cut at chunk ends).
    for encoding in [TextEncoding.utf8, .gb18030] {
        let whole = read(encoding: encoding, chunkSize: 1 << 20)
        let cut = read(encoding: encoding, chunkSize: 61)
        if whole != cut { fail("forced \(encoding.rawValue): chunk size 61 reads differently\n\(whole)\n\(cut)") }
        if encoding == detected.encoding && whole != detected {
            fail("forcing the detected encoding \(encoding.rawValue) reads differently")
        }
    }
    // A small record limit: either the same outcome as without it, or .recordTooLarge.
    let limited = read(encoding: nil, chunkSize: 1 << 20, maxRecordBytes: 64)
    if case .recordTooLarge(limit: 64)? = limited.error?.kind {
    } else if limited != detected {
        fail("maxRecordBytes 64 changed the outcome without .recordTooLarge\n\(detected)\n\(limited)")
    }
    return 0
}

@main
enum FuzzCSVMain {
    static func main() {
        atexit { unlink(path) }
        runFuzzer(fuzz)
    }
}
