import Foundation
import Testing
@testable import MinqingKit

/// Times reading every cell of a large workbook (not run unless MINQING_FORMS_BENCH names one):
///
///     MINQING_FORMS_BENCH=/tmp/bench-1m.xlsx /usr/bin/time -f '%e s %M KB' \
///         swift test -c release -Xswiftc -enable-testing --filter WorkbookReadBenchmark
@Suite struct WorkbookReadBenchmark {
    static let path = ProcessInfo.processInfo.environment["MINQING_FORMS_BENCH"]

    @Test(.enabled(if: path != nil)) func readEveryCell() throws {
        let path = try #require(Self.path)
        let start = Date()
        let source: TableSource = WorkbookForm.detect(path: path) == .ole2
            ? try XLSSource(path: path, sheet: nil) : try XLSXSource(path: path, sheet: nil)
        let opened = Date().timeIntervalSince(start)
        var rows = 0
        var bytes = 0
        while try source.nextRow() {
            rows += 1
            for i in 0..<source.fieldCount { bytes += source.field(i).utf8.count }
        }
        let seconds = Date().timeIntervalSince(start)
        print("MINQING_FORMS_BENCH \(path): \(rows) rows, \(bytes) bytes of cells, opened in "
            + "\(String(format: "%.2f", opened)) s, all read in \(String(format: "%.2f", seconds)) s")
    }
}
