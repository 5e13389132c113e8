// libFuzzer harness: MinqingKit.HeaderMatcher on arbitrary header rows.
//
// The input is decoded lossily as UTF-8 and split at commas, CR and LF into cells, which are matched
// against InputColumn.specs. Checked against a direct reading of the rules (a cell, trimmed of blanks and
// a BOM, names a column when it equals the Chinese header, or its lowercase equals the header or the
// lowercase English alias):
// - index[h] is the first such cell of column h; missing is exactly the required columns with no cell;
// - duplicated[h] lists every such cell (1-based) when there are two or more, and only then;
// - unknown lists, in order, every non-empty trimmed cell that names no column.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FuzzSupport
@testable import MinqingKit

private func fail(_ message: String) -> Never { fuzzFailure("FuzzHeaders", message) }

private let columns = InputColumn.specs
private let headers = columns.map(\.header)
private let aliases = columns.map { $0.alias?.lowercased() }

/// The column a normalised cell names, read directly from the rules (plain index loops: this runs for
/// every cell of every input, and generic iterators are slow in a debug build).
private func column(named name: String) -> String? {
    var k = 0
    while k < headers.count {
        if headers[k] == name { return headers[k] }
        k += 1
    }
    let lower = name.lowercased()
    k = 0
    while k < headers.count {
        if headers[k] == lower || aliases[k] == lower { return headers[k] }
        k += 1
    }
    return nil
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let cells = text.split(omittingEmptySubsequences: false) { $0 == "," || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        .map(String.init)
    let match = HeaderMatcher.match(cells, columns: columns)

    var positions: [String: [Int]] = [:]
    var unknown: [String] = []
    for (i, cell) in cells.enumerated() {
        let name = HeaderMatcher.normalise(cell)
        if let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
           [0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xFEFF].contains(first.value)
            || [0x20, 0x09, 0x0A, 0x0D, 0x3000, 0xFEFF].contains(last.value) {
            fail("normalise left blanks on \(cell.debugDescription) → \(name.debugDescription)")
        }
        if let header = column(named: name) {
            positions[header, default: []].append(i + 1)
        } else if !name.isEmpty {
            unknown.append(name)
        }
    }
    let expectedIndex = positions.mapValues { $0[0] - 1 }
    let expectedMissing = columns.filter { $0.required && positions[$0.header] == nil }.map(\.header)
    let expectedDuplicated = positions.filter { $0.value.count > 1 }
    if match.index != expectedIndex { fail("index \(match.index) ≠ \(expectedIndex) for \(cells)") }
    if match.missing != expectedMissing { fail("missing \(match.missing) ≠ \(expectedMissing) for \(cells)") }
    if match.duplicated != expectedDuplicated { fail("duplicated \(match.duplicated) ≠ \(expectedDuplicated) for \(cells)") }
    if match.unknown != unknown { fail("unknown \(match.unknown) ≠ \(unknown) for \(cells)") }
    for c in columns where c.required && (match.index[c.header] == nil) == !match.missing.contains(c.header) {
        fail("required \(c.header) is both found and missing, or neither")
    }
    return 0
}

@main
enum FuzzHeadersMain {
    static func main() {
        runFuzzer(fuzz)
    }
}
